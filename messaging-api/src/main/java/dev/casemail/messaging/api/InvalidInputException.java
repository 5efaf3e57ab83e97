package dev.casemail.messaging.api;

/**
 * Thrown when an input breaks a rule of shape: a missing value, a blank or oversized text, a control
 * character, a size out of range, a cursor that was not issued for that read. Names the field and the
 * rule.
 */
public final class InvalidInputException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  /**
   * @param field the input that is wrong, such as {@code "subject"} or {@code "recipients"}
   * @param rule the rule it breaks, such as {@code "must not be blank"}
   */
  public InvalidInputException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
    this.rule = rule;
  }

  /** The input that is wrong. */
  public String field() {
    return field;
  }

  /** The rule it breaks. */
  public String rule() {
    return rule;
  }
}
