package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.Set;

/**
 * One step of the professional access between a practitioner and a parent, in the record of each of
 * the two.
 *
 * @param eventNumber the step's number in the link's history, from 1
 * @param status the status the step brought the link to
 * @param actor who took the step
 */
public record RecordedAccessEvent(
    ParticipantId practitioner, ParticipantId parent, int eventNumber, AccessStatus status, ParticipantId actor, Instant at)
    implements RecordContent {

  /** @throws InvalidInputException if a part is null or the number not positive */
  public RecordedAccessEvent {
    InputRules.required("practitioner", practitioner);
    InputRules.required("parent", parent);
    if (eventNumber < 1) {
      throw new InvalidInputException("eventNumber", "must be positive (was " + eventNumber + ")");
    }
    InputRules.required("status", status);
    InputRules.required("actor", actor);
    InputRules.required("at", at);
  }

  @Override
  public Set<ParticipantId> involving() {
    return Set.of(practitioner, parent);
  }
}
