package dev.casemail.messaging.api;

/**
 * Thrown when a call collides with the current state: a duplicate folder name, an access transition
 * the lifecycle does not allow from the current status, a draft changed since the caller read it, an
 * idempotency key reused for different content, or a concurrent change that could not be resolved.
 * Reading the current state and deciding again is the usual answer.
 */
public class ConflictException extends MessagingException {
  private static final long serialVersionUID = 1L;

  /** @param message what collided */
  public ConflictException(String message) {
    super(message);
  }
}
