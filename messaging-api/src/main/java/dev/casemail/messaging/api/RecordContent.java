package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.Set;

/**
 * What one entry of a mailbox's record says: a message that entered the mailbox, a first view, an
 * access event, or an export of the record. Immutable; see {@code docs/record-format.md} for the bytes
 * each is encoded to.
 */
public sealed interface RecordContent
    permits RecordedMessage, RecordedFirstView, RecordedAccessEvent, RecordedExport {

  /** When it happened: the time the entry is recorded under. */
  Instant at();

  /** Every participant the entry concerns, for a scope that selects a correspondence. */
  Set<ParticipantId> involving();
}
