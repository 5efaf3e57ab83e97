package dev.casemail.messaging.api;

/**
 * Identifies a folder within one mailbox. The system folders have the same well-known id in every
 * mailbox ({@link SystemFolder#id()}); custom folders get an id issued by the library when created.
 * A folder id is meaningful only together with the mailbox it was read from.
 *
 * @param value a positive number; treat it as opaque
 */
public record FolderId(long value) implements Comparable<FolderId> {

  /** @throws InvalidInputException if the value is not positive */
  public FolderId {
    if (value <= 0) {
      throw new InvalidInputException("folderId", "must be positive (was " + value + ")");
    }
  }

  /**
   * Returns the id with this value.
   *
   * @throws InvalidInputException if the value is not positive
   */
  public static FolderId of(long value) {
    return new FolderId(value);
  }

  @Override
  public int compareTo(FolderId other) {
    return Long.compare(value, other.value);
  }

  /** The value as decimal text. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
