package dev.casemail.messaging.api;

/**
 * Identifies a participant (a practitioner or a parent); the host's own user id.
 *
 * <p>The host chooses the value: 1 to {@value InputRules#MAX_ID_LENGTH} characters, no whitespace
 * (neither at the ends nor inside), no control characters, and no {@linkplain InputRules#isInvisible
 * invisible} character (such as a zero-width space), so that two ids never look alike. Ids compare
 * exactly (case matters).
 *
 * @param value the host's id
 */
public record ParticipantId(String value) implements Comparable<ParticipantId> {

  /** @throws InvalidInputException if the value breaks the id rules */
  public ParticipantId {
    InputRules.id("participantId", value, InputRules.MAX_ID_LENGTH);
  }

  /**
   * Returns the id with this value.
   *
   * @throws InvalidInputException if the value breaks the id rules
   */
  public static ParticipantId of(String value) {
    return new ParticipantId(value);
  }

  @Override
  public int compareTo(ParticipantId other) {
    return value.compareTo(other.value);
  }

  /** The value itself. */
  @Override
  public String toString() {
    return value;
  }
}
