package dev.casemail.messaging.api;

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
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    idempotencyKey().ifPresent(IdempotencyKeys::check);
  }

  /** Builds a {@link Reply}. */
  public static final class Builder extends ImmutableReply.Builder {}
}
