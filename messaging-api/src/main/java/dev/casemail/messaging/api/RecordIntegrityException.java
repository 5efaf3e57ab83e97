package dev.casemail.messaging.api;

import java.util.OptionalLong;

/**
 * Thrown when a mailbox's stored record disagrees with itself or with the mailbox: an entry whose
 * content no longer hashes to what was recorded, or that is stored otherwise than the library stores
 * it, a gap or a stray entry, a head whose root is not that of its entries, a message, first view,
 * access event or export the record never recorded, a row of evidence the library cannot read, a
 * earlier export's head that is not signed. Storage was changed behind the library's back, and
 * nothing is exported from it; the export that found it changes nothing, like any failed call (see
 * {@link ParticipantMessaging#exportRecord}).
 */
public final class RecordIntegrityException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final long index;

  /**
   * @param index the first entry found wrong, or -1 if the fault is not one entry's
   * @param message what is wrong
   */
  public RecordIntegrityException(long index, String message) {
    super(message);
    this.index = index;
  }

  /** The position of the first entry found wrong, if the fault is one entry's. */
  public OptionalLong index() {
    return index < 0 ? OptionalLong.empty() : OptionalLong.of(index);
  }
}
