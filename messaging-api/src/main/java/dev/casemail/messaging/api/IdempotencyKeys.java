package dev.casemail.messaging.api;

/**
 * The rule for caller-supplied idempotency keys, shared by the commands that take one: the rule of
 * every id ({@link InputRules#id}), at most {@value InputRules#MAX_IDEMPOTENCY_KEY_LENGTH} characters.
 */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  static void check(String key) {
    InputRules.id("idempotencyKey", key, InputRules.MAX_IDEMPOTENCY_KEY_LENGTH);
  }
}
