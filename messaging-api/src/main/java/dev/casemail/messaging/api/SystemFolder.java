package dev.casemail.messaging.api;

import java.util.Optional;

/**
 * The folders every mailbox has. A folder's role never derives from its name: custom folders can
 * never take these names, and these folders can never be renamed or deleted.
 */
public enum SystemFolder {
  /** Personal messages received (home of received messages and auto-replies). */
  INBOX(1, "Inbox"),
  /** System messages about access requests and their answers. */
  ACTION_ITEMS(2, "Action Items"),
  /** System messages posted by the host, such as a journal entry shared with the owner. */
  NOTIFICATIONS(3, "Notifications"),
  /** Unsent drafts; holds drafts, never messages. */
  DRAFTS(4, "Drafts"),
  /** Personal messages sent by the owner, auto-replies included. */
  SENT(5, "Sent"),
  /** Messages the owner put away; the only system folder any message may be moved to. */
  ARCHIVE(6, "Archive"),
  /** A view, not a place: every personal message the owner received or sent, wherever it sits now. */
  ALL_MESSAGES(7, "All Messages");

  /** Every system folder by its id less one; {@code values()} would copy the array on every call. */
  private static final SystemFolder[] BY_ID = values();

  private final FolderId id;
  private final String displayName;

  SystemFolder(long id, String displayName) {
    this.id = new FolderId(id);
    this.displayName = displayName;
  }

  /** The folder's id, the same in every mailbox. */
  public FolderId id() {
    return id;
  }

  /** The folder's name as a person reads it, such as {@code "Action Items"}. */
  public String displayName() {
    return displayName;
  }

  /** Returns the system folder with this id, or empty for a custom folder's id. */
  public static Optional<SystemFolder> of(FolderId id) {
    long value = id.value();
    return value >= 1 && value <= BY_ID.length ? Optional.of(BY_ID[(int) value - 1]) : Optional.empty();
  }
}
