package dev.casemail.messaging.api;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a draft holds. Unlike a {@link NewMessage} a draft may lack recipients and subject; the full
 * rules (and the access policy) apply when the draft is sent.
 */
@Value.Immutable
public abstract class DraftContent {

  DraftContent() {}

  /** 0 to {@value InputRules#MAX_RECIPIENTS} recipients. */
  public abstract Set<ParticipantId> recipients();

  /** The subject so far, trimmed; a blank subject is stored as absent. */
  public abstract Optional<String> subject();

  /** The body so far, up to {@value InputRules#MAX_BODY_BYTES} bytes of UTF-8. */
  @Value.Default
  public String body() {
    return "";
  }

  /** The message this draft answers, if it is a reply; sending it joins that message's thread. */
  public abstract Optional<MessageId> inReplyTo();

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  DraftContent check() {
    InputRules.size("recipients", recipients(), 0, InputRules.MAX_RECIPIENTS);
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    if (subject().isEmpty()) {
      return this;
    }
    String raw = subject().get();
    if (raw.isBlank()) {
      return new Builder().from(this).subject(Optional.empty()).build();
    }
    String subject = InputRules.singleLine("subject", raw, InputRules.MAX_SUBJECT_LENGTH);
    return subject.equals(raw) ? this : new Builder().from(this).subject(subject).build();
  }

  /** Builds a {@link DraftContent}. */
  public static final class Builder extends ImmutableDraftContent.Builder {}
}
