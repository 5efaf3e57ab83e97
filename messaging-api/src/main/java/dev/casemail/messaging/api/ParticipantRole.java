package dev.casemail.messaging.api;

/** What a participant is; it decides whom they may message under the default access policy. */
public enum ParticipantRole {
  /** A family-law professional: attorney, mediator, therapist, guardian ad litem. */
  PRACTITIONER,
  /** A client: a parent in one or more families. */
  PARENT
}
