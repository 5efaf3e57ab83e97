package dev.casemail.messaging.api;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A new personal message: 1 to {@value InputRules#MAX_RECIPIENTS} distinct recipients, a subject
 * and a body. Sending checks the access policy for every recipient; if any is not allowed nothing
 * is sent.
 */
@Value.Immutable
public abstract class NewMessage {

  NewMessage() {}

  /** Who receives the message, in the order the sender listed them; never the sender. */
  public abstract Set<ParticipantId> recipients();

  /** 1 to {@value InputRules#MAX_SUBJECT_LENGTH} characters, single line, trimmed. */
  public abstract String subject();

  /** Up to {@value InputRules#MAX_BODY_BYTES} bytes of UTF-8; may be empty; kept exactly as given. */
  @Value.Default
  public String body() {
    return "";
  }

  /**
   * A key of the caller's choosing: sending twice with the same key sends once and returns the
   * first message; the same key with different content is a {@link ConflictException}.
   */
  public abstract Optional<String> idempotencyKey();

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  NewMessage check() {
    InputRules.size("recipients", recipients(), 1, InputRules.MAX_RECIPIENTS);
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    idempotencyKey().ifPresent(IdempotencyKeys::check);
    String subject = InputRules.singleLine("subject", subject(), InputRules.MAX_SUBJECT_LENGTH);
    return subject.equals(subject()) ? this : new Builder().from(this).subject(subject).build();
  }

  /** Builds a {@link NewMessage}. */
  public static final class Builder extends ImmutableNewMessage.Builder {}
}
