package dev.casemail.messaging.api;

/** Whether the owner of a copy sent the message or received it. */
public enum Direction {
  /** The owner wrote the message (or their auto-responder did). */
  SENT,
  /** The owner is one of the recipients. */
  RECEIVED
}
