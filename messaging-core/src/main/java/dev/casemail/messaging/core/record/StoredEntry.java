package dev.casemail.messaging.core.record;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of a record as storage keeps it: its place, its kind, where its content is found again in
 * the mailbox (the content itself is not kept twice: an export rebuilds it from the message, the first
 * view, the access event or the export it records, and checks that it still hashes to
 * {@code leafHash}), when it was recorded and its leaf hash.
 *
 * @param kind the entry's kind byte ({@link RecordEncoding#MESSAGE} …)
 * @param reference the message id (a message, a first view), the event number (an access event) or the
 *     export number (an export)
 * @param other the viewer (a first view), the counterpart (an access event), or empty
 * @param leafHash lowercase hex
 */
public record StoredEntry(long index, int kind, long reference, String other, Instant recordedAt, String leafHash) {

  public StoredEntry {
    if (index < 0) {
      throw new IllegalArgumentException("a record index is not negative");
    }
    if (kind < RecordEncoding.MESSAGE || kind > RecordEncoding.EXPORT) {
      throw new IllegalArgumentException("no record entry kind " + kind);
    }
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(leafHash, "leafHash");
  }

  /** The name of the kind, for messages that name an entry. */
  public String kindName() {
    switch (kind) {
      case RecordEncoding.MESSAGE:
        return "message " + reference;
      case RecordEncoding.FIRST_VIEW:
        return "first view of message " + reference + " by " + other;
      case RecordEncoding.ACCESS_EVENT:
        return "access event " + reference + " with " + other;
      default:
        return "export " + reference;
    }
  }
}
