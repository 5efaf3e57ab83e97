package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An export of the record, recorded in the record itself: who can see that it was exported, when,
 * how much, and for what.
 *
 * @param exportNumber the export's number among the mailbox's exports, from 1
 * @param courtOrder the reference the host gave for an export it made (a court order); empty when the
 *     owner exported their own record
 */
public record RecordedExport(long exportNumber, RecordScope scope, Optional<String> courtOrder, Instant exportedAt)
    implements RecordContent {

  /** @throws InvalidInputException if a part is null or the number not positive */
  public RecordedExport {
    if (exportNumber < 1) {
      throw new InvalidInputException("exportNumber", "must be positive (was " + exportNumber + ")");
    }
    InputRules.required("scope", scope);
    InputRules.required("courtOrder", courtOrder);
    InputRules.required("exportedAt", exportedAt);
  }

  @Override
  public Instant at() {
    return exportedAt;
  }

  @Override
  public Set<ParticipantId> involving() {
    return Set.of();
  }
}
