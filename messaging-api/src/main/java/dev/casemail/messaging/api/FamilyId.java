package dev.casemail.messaging.api;

/**
 * Identifies a family (a case) grouping the parents of one family; the host's own case id.
 *
 * <p>The host chooses the value: 1 to {@value InputRules#MAX_ID_LENGTH} characters, no whitespace
 * (neither at the ends nor inside), no control characters, and no {@linkplain InputRules#isInvisible
 * invisible} character (such as a zero-width space), so that two ids never look alike. Ids compare
 * exactly (case matters).
 *
 * @param value the host's id
 */
public record FamilyId(String value) implements Comparable<FamilyId> {

  /** @throws InvalidInputException if the value breaks the id rules */
  public FamilyId {
    InputRules.id("familyId", value, InputRules.MAX_ID_LENGTH);
  }

  /**
   * Returns the id with this value.
   *
   * @throws InvalidInputException if the value breaks the id rules
   */
  public static FamilyId of(String value) {
    return new FamilyId(value);
  }

  @Override
  public int compareTo(FamilyId other) {
    return value.compareTo(other.value);
  }

  /** The value itself. */
  @Override
  public String toString() {
    return value;
  }
}
