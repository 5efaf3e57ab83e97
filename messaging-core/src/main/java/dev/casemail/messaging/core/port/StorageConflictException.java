package dev.casemail.messaging.core.port;

/**
 * Thrown by a storage adapter when a transaction lost a race a retry may win: a unique key taken by a
 * concurrent transaction, a serialization failure, a deadlock. The transaction was rolled back.
 */
public class StorageConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageConflictException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageConflictException(String message) {
    super(message);
  }
}
