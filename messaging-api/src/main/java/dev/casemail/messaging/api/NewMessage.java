package dev.casemail.messaging.api;

import java.util.List;
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

  /**
   * The files to attach, 0 to {@value InputRules#MAX_ATTACHMENTS}, in order: read once each when the call
   * is made, checked (README, "Attachments") and stored before anything else is.
   */
  public abstract List<NewAttachment> attachments();

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  NewMessage check() {
    InputRules.size("recipients", recipients(), 1, InputRules.MAX_RECIPIENTS);
    InputRules.size("attachments", attachments(), 0, InputRules.MAX_ATTACHMENTS);
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    idempotencyKey().ifPresent(IdempotencyKeys::check);
    String subject = InputRules.singleLine("subject", subject(), InputRules.MAX_SUBJECT_LENGTH);
    return subject.equals(subject()) ? this : new ImmutableNewMessage.Builder().from(this).subject(subject).build();
  }

  /**
   * Builds a {@link NewMessage}. Every method refuses a null with an {@link InvalidInputException}
   * naming the field and leaves the builder as it was; {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableNewMessage.Builder values = new ImmutableNewMessage.Builder();

    /** An empty builder, as {@link NewMessage#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code message}. @throws InvalidInputException if it is null */
    public Builder from(NewMessage message) {
      values.from(InputRules.required("message", message));
      return this;
    }

    /** Adds a recipient. @throws InvalidInputException if it is null */
    public Builder addRecipients(ParticipantId recipient) {
      values.addRecipients(Arguments.element("recipients", recipient));
      return this;
    }

    /** Adds recipients. @throws InvalidInputException if the array or one of them is null */
    public Builder addRecipients(ParticipantId... recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets the recipients, replacing any added before. @throws InvalidInputException if they or one of them is null */
    public Builder recipients(Iterable<? extends ParticipantId> recipients) {
      values.recipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Adds recipients. @throws InvalidInputException if they or one of them is null */
    public Builder addAllRecipients(Iterable<? extends ParticipantId> recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
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

    /** Adds a file to attach. @throws InvalidInputException if it is null */
    public Builder addAttachments(NewAttachment attachment) {
      values.addAttachments(Arguments.element("attachments", attachment));
      return this;
    }

    /** Adds files to attach. @throws InvalidInputException if the array or one of them is null */
    public Builder addAttachments(NewAttachment... attachments) {
      values.addAllAttachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** Sets the files to attach, replacing any added before. @throws InvalidInputException if they or one of them is null */
    public Builder attachments(Iterable<? extends NewAttachment> attachments) {
      values.attachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** Adds files to attach. @throws InvalidInputException if they or one of them is null */
    public Builder addAllAttachments(Iterable<? extends NewAttachment> attachments) {
      values.addAllAttachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** The message. @throws InvalidInputException if a rule is broken */
    public NewMessage build() {
      return values.build();
    }
  }
}
