package dev.casemail.messaging.api;

/**
 * Identifies a family (a case) grouping the parents of one family; the host's own case id.
 *
 * <p>The host chooses the value. A new family is registered only with an id of 1 to
 * {@value InputRules#MAX_ID_LENGTH} characters without whitespace (neither at the ends nor inside),
 * control characters, bidirectional controls or {@linkplain InputRules#isInvisible invisible}
 * characters (such as a zero-width space), so that two registered ids never look alike. The value type
 * itself accepts what every version of the library registered (no control characters, no whitespace
 * at the ends), so that ids stored earlier always read back; such an id that breaks today's rules
 * is simply never found. Ids compare exactly (case matters).
 *
 * @param value the host's id
 */
public record FamilyId(String value) implements Comparable<FamilyId> {

  /** @throws InvalidInputException if the value breaks the id rules */
  public FamilyId {
    InputRules.idValue("familyId", value, InputRules.MAX_ID_LENGTH);
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
