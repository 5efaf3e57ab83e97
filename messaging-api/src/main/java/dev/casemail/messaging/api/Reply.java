package dev.casemail.messaging.api;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reply to a message in the acting participant's mailbox, used by both
 * {@link ParticipantMessaging#reply(Reply)} and {@link ParticipantMessaging#replyAll(Reply)}.
 * The subject is derived ({@code "Re: "} once) and the reply joins the original's thread.
 */
@Value.Immutable
public abstract class Reply {

  Reply() {}

  /** The message being answered; must be in the acting participant's mailbox. */
  public abstract MessageId message();

  /** What the replier writes, up to {@value InputRules#MAX_BODY_BYTES} bytes of UTF-8. */
  @Value.Default
  public String body() {
    return "";
  }

  /**
   * Whether the original text is quoted below the reply (default true). A quote that would push the
   * body past the size limit is shortened, never the replier's own text.
   */
  @Value.Default
  public boolean quoteOriginal() {
    return true;
  }

  /** As for {@link NewMessage#idempotencyKey()}. */
  public abstract Optional<String> idempotencyKey();

  /**
   * The files to attach, 0 to {@value InputRules#MAX_ATTACHMENTS}, in order: read once each when the call
   * is made, checked (README, "Attachments") and stored before anything else is.
   */
  public abstract List<NewAttachment> attachments();

  /** A reply with this body, quoting the original. @throws InvalidInputException if a rule is broken */
  public static Reply to(MessageId message, String body) {
    return builder().message(message).body(body).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    InputRules.required("message", message());
    InputRules.size("attachments", attachments(), 0, InputRules.MAX_ATTACHMENTS);
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    idempotencyKey().ifPresent(IdempotencyKeys::check);
  }

  /**
   * Builds a {@link Reply}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field, except {@link #idempotencyKey(String)}, which takes null as "none"; {@link #build()}
   * checks the rest.
   */
  public static final class Builder {
    private final ImmutableReply.Builder values = new ImmutableReply.Builder();

    /** An empty builder, as {@link Reply#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code reply}. @throws InvalidInputException if it is null */
    public Builder from(Reply reply) {
      values.from(InputRules.required("reply", reply));
      return this;
    }

    /** Sets the message being answered. @throws InvalidInputException if it is null */
    public Builder message(MessageId message) {
      values.message(InputRules.required("message", message));
      return this;
    }

    /** Sets what the replier writes. @throws InvalidInputException if it is null */
    public Builder body(String body) {
      values.body(InputRules.required("body", body));
      return this;
    }

    /** Sets whether the original is quoted below the reply. */
    public Builder quoteOriginal(boolean quoteOriginal) {
      values.quoteOriginal(quoteOriginal);
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

    /** The reply. @throws InvalidInputException if a rule is broken */
    public Reply build() {
      return values.build();
    }
  }
}
