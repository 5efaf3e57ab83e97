package dev.casemail.messaging.api;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A notification the host posts into a participant's Notifications folder, such as "a journal entry
 * was shared with you". It comes from the system, cannot be replied to, and is not in All Messages.
 */
@Value.Immutable
public abstract class NewNotification {

  NewNotification() {}

  /** Whose Notifications folder receives it. */
  public abstract ParticipantId recipient();

  /** 1 to {@value InputRules#MAX_SUBJECT_LENGTH} characters, single line, trimmed. */
  public abstract String subject();

  /** Up to {@value InputRules#MAX_BODY_BYTES} bytes of UTF-8. */
  @Value.Default
  public String body() {
    return "";
  }

  /** As for {@link NewMessage#idempotencyKey()}, scoped to the recipient. */
  public abstract Optional<String> idempotencyKey();

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  NewNotification check() {
    InputRules.required("recipient", recipient());
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    idempotencyKey().ifPresent(IdempotencyKeys::check);
    String subject = InputRules.singleLine("subject", subject(), InputRules.MAX_SUBJECT_LENGTH);
    return subject.equals(subject()) ? this : new Builder().from(this).subject(subject).build();
  }

  /** Builds a {@link NewNotification}. */
  public static final class Builder extends ImmutableNewNotification.Builder {}
}
