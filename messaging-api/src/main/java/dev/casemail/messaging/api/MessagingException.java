package dev.casemail.messaging.api;

/**
 * The root of every failure the library reports. Unchecked; a call that throws it changed nothing.
 *
 * <p>The subtypes are the whole error model: {@link NotFoundException}, {@link AccessDeniedException},
 * {@link InvalidInputException}, {@link ConflictException}, {@link IllegalMoveException} and, for an
 * unreachable or failing database, {@link StorageException}.
 */
public abstract class MessagingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates a failure with a message meant for a developer or a log. */
  protected MessagingException(String message) {
    super(message);
  }

  /** Creates a failure with a message and the cause behind it. */
  protected MessagingException(String message, Throwable cause) {
    super(message, cause);
  }
}
