package dev.casemail.messaging.api;

/**
 * Identifies a conversation: a message and every reply to it share one thread. Issued by the library.
 *
 * @param value a positive number; treat it as opaque
 */
public record ThreadId(long value) implements Comparable<ThreadId> {

  /** @throws InvalidInputException if the value is not positive */
  public ThreadId {
    if (value <= 0) {
      throw new InvalidInputException("threadId", "must be positive (was " + value + ")");
    }
  }

  /**
   * Returns the id with this value.
   *
   * @throws InvalidInputException if the value is not positive
   */
  public static ThreadId of(long value) {
    return new ThreadId(value);
  }

  @Override
  public int compareTo(ThreadId other) {
    return Long.compare(value, other.value);
  }

  /** The value as decimal text. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
