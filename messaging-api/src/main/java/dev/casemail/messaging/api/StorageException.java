package dev.casemail.messaging.api;

/**
 * Thrown when the storage behind the library fails: a database that cannot be reached or that
 * fails mid-operation. The operation was rolled back; retrying later is safe.
 */
public final class StorageException extends MessagingException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   * @param cause the storage failure behind it
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
