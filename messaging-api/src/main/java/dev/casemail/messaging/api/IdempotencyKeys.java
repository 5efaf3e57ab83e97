package dev.casemail.messaging.api;

/** The rule for caller-supplied idempotency keys, shared by the commands that take one. */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  static void check(String key) {
    String checked = InputRules.singleLine("idempotencyKey", key, InputRules.MAX_IDEMPOTENCY_KEY_LENGTH);
    if (!checked.equals(key)) {
      throw new InvalidInputException("idempotencyKey", "must not start or end with whitespace");
    }
  }
}
