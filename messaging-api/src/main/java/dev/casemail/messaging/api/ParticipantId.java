package dev.casemail.messaging.api;

/**
 * Identifies a participant (a practitioner or a parent); the host's own user id.
 *
 * <p>The host chooses the value. A new participant is registered only with an id of 1 to
 * {@value InputRules#MAX_ID_LENGTH} characters without whitespace (neither at the ends nor inside),
 * control characters, bidirectional controls or {@linkplain InputRules#isInvisible invisible}
 * characters (such as a zero-width space), so that two registered ids never look alike. The value type
 * itself accepts what every version of the library registered (no control characters, no whitespace
 * at the ends), so that ids stored earlier always read back; such an id that breaks today's rules
 * is simply never found. Ids compare exactly (case matters).
 *
 * @param value the host's id
 */
public record ParticipantId(String value) implements Comparable<ParticipantId> {

  /** @throws InvalidInputException if the value breaks the id rules */
  public ParticipantId {
    InputRules.idValue("participantId", value, InputRules.MAX_ID_LENGTH);
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
