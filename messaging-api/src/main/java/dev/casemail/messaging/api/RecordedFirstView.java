package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.Set;

/**
 * A recipient's first view of a message: in the recipient's own record (the owner opened a copy they
 * received) and in the sender's (each recipient's first view of what they sent). Recorded once.
 *
 * @param viewer the recipient who opened the message
 */
public record RecordedFirstView(MessageId message, ParticipantId viewer, Instant viewedAt) implements RecordContent {

  /** @throws InvalidInputException if a part is null */
  public RecordedFirstView {
    InputRules.required("message", message);
    InputRules.required("viewer", viewer);
    InputRules.required("viewedAt", viewedAt);
  }

  @Override
  public Instant at() {
    return viewedAt;
  }

  @Override
  public Set<ParticipantId> involving() {
    return Set.of(viewer);
  }
}
