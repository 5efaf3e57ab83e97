package dev.casemail.messaging.api;

/**
 * Identifies a sent message. Every copy of the message (the sender's and each recipient's) has the same id; each participant reaches only their own copy. Issued by the library.
 *
 * @param value a positive number; treat it as opaque
 */
public record MessageId(long value) implements Comparable<MessageId> {

  /** @throws InvalidInputException if the value is not positive */
  public MessageId {
    if (value <= 0) {
      throw new InvalidInputException("messageId", "must be positive (was " + value + ")");
    }
  }

  /**
   * Returns the id with this value.
   *
   * @throws InvalidInputException if the value is not positive
   */
  public static MessageId of(long value) {
    return new MessageId(value);
  }

  @Override
  public int compareTo(MessageId other) {
    return Long.compare(value, other.value);
  }

  /** The value as decimal text. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
