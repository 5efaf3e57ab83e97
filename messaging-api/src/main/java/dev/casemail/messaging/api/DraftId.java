package dev.casemail.messaging.api;

/**
 * Identifies a draft in its owner's Drafts folder. Issued by the library.
 *
 * @param value a positive number; treat it as opaque
 */
public record DraftId(long value) implements Comparable<DraftId> {

  /** @throws InvalidInputException if the value is not positive */
  public DraftId {
    if (value <= 0) {
      throw new InvalidInputException("draftId", "must be positive (was " + value + ")");
    }
  }

  /**
   * Returns the id with this value.
   *
   * @throws InvalidInputException if the value is not positive
   */
  public static DraftId of(long value) {
    return new DraftId(value);
  }

  @Override
  public int compareTo(DraftId other) {
    return Long.compare(value, other.value);
  }

  /** The value as decimal text. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
