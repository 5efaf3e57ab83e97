package dev.casemail.messaging.api;

/**
 * Identifies a participant (a practitioner or a parent); the host's own user id.
 *
 * <p>The host chooses the value: 1 to {@value InputRules#MAX_ID_LENGTH} characters, no leading or
 * trailing whitespace, no control characters. Ids compare exactly (case matters).
 *
 * @param value the host's id
 */
public record ParticipantId(String value) implements Comparable<ParticipantId> {

  /** @throws InvalidInputException if the value breaks the id rules */
  public ParticipantId {
    String checked = InputRules.singleLine("participantId", value, InputRules.MAX_ID_LENGTH);
    if (!checked.equals(value)) {
      throw new InvalidInputException("participantId", "must not start or end with whitespace");
    }
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
