package dev.casemail.messaging.core.record;

import java.util.Objects;

/**
 * Thrown by a storage adapter when a stored row that record entries are rebuilt from is not one the
 * library writes: a kind, a role, a status or a scope it has no name for, a list it cannot parse, a
 * value no valid message, event or export has. Storage was changed behind the library's back. The
 * exception says what the row holds the way a stored entry says what it records (its kind, reference
 * and other), so that an export can name the entry at fault.
 */
public final class UnreadableEvidenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int kind;
  private final long reference;
  private final String other;

  /**
   * @param kind the kind of entry whose content the row holds ({@link RecordEncoding#MESSAGE} …)
   * @param reference and its reference, as a {@link StoredEntry} has it
   * @param other and its other, as a {@link StoredEntry} has it
   * @param row the row, for people: "the copy of message 17 in the mailbox of anna"
   * @param cause what refused to read it
   */
  public UnreadableEvidenceException(int kind, long reference, String other, String row, RuntimeException cause) {
    super(row + " is not one the library writes: " + cause.getMessage(), cause);
    this.kind = kind;
    this.reference = reference;
    this.other = Objects.requireNonNull(other, "other");
  }

  /** Whether {@code entry} records what the unreadable row holds. */
  public boolean holdsContentOf(StoredEntry entry) {
    return entry.kind() == kind && entry.reference() == reference && entry.other().equals(other);
  }
}
