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
    return subject.equals(subject()) ? this : new ImmutableNewNotification.Builder().from(this).subject(subject).build();
  }

  /**
   * Builds a {@link NewNotification}. Every method refuses a null with an {@link InvalidInputException}
   * naming the field, except {@link #idempotencyKey(String)}, which takes null as "none";
   * {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableNewNotification.Builder values = new ImmutableNewNotification.Builder();

    /** An empty builder, as {@link NewNotification#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code notification}. @throws InvalidInputException if it is null */
    public Builder from(NewNotification notification) {
      values.from(InputRules.required("notification", notification));
      return this;
    }

    /** Sets whose Notifications folder receives it. @throws InvalidInputException if it is null */
    public Builder recipient(ParticipantId recipient) {
      values.recipient(InputRules.required("recipient", recipient));
      return this;
    }

    /** Sets the subject. @throws InvalidInputException if it is null */
    public Builder subject(String subject) {
      values.subject(InputRules.required("subject", subject));
      return this;
    }

    /** Sets the body. @throws InvalidInputException if it is null */
    public Builder body(String body) {
      values.body(InputRules.required("body", body));
      return this;
    }

    /** Sets the idempotency key; null means none. */
    public Builder idempotencyKey(String idempotencyKey) {
      values.idempotencyKey(idempotencyKey);
      return this;
    }

    /** Sets or clears the idempotency key. @throws InvalidInputException if the optional itself is null */
    public Builder idempotencyKey(Optional<String> idempotencyKey) {
      values.idempotencyKey(Arguments.optional("idempotencyKey", idempotencyKey));
      return this;
    }

    /** The notification. @throws InvalidInputException if a rule is broken */
    public NewNotification build() {
      return values.build();
    }
  }
}
