package dev.casemail.messaging.api;

/**
 * Thrown when something named by the caller does not exist for the acting participant.
 *
 * <p>An id that exists but belongs to someone else's mailbox gets this same exception, so a caller
 * can never learn whether a message, folder or draft of another participant exists.
 */
public final class NotFoundException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;

  /**
   * @param kind what was looked for, such as {@code "message"} or {@code "folder"}
   * @param id the id the caller gave, as text
   */
  public NotFoundException(String kind, String id) {
    super(kind + " " + id + " not found");
    this.kind = kind;
    this.id = id;
  }

  /** What was looked for, such as {@code "message"}, {@code "folder"}, {@code "participant"}. */
  public String kind() {
    return kind;
  }

  /** The id that was not found, as text. */
  public String id() {
    return id;
  }
}
