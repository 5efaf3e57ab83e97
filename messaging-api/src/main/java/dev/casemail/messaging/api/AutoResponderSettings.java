package dev.casemail.messaging.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A mailbox's auto-responder. While it is active (enabled, and within the optional window) a
 * personal message arriving in the mailbox is answered by an auto-reply from the owner to the sender,
 * at most once per sender per {@link #replyInterval()}. Auto-replies never answer an auto-reply, a
 * system message or the owner, nor anyone the owner may not message. Saving new settings starts the
 * once-per-interval count afresh.
 */
@Value.Immutable
public abstract class AutoResponderSettings {

  /** The default interval between two auto-replies to the same sender. */
  public static final Duration DEFAULT_REPLY_INTERVAL = Duration.ofDays(7);
  /** The shortest interval allowed. */
  public static final Duration MIN_REPLY_INTERVAL = Duration.ofDays(1);
  /** The longest interval allowed. */
  public static final Duration MAX_REPLY_INTERVAL = Duration.ofDays(365);

  AutoResponderSettings() {}

  /** Whether the auto-responder answers at all. */
  public abstract boolean enabled();

  /** The auto-reply's subject; required when enabled, at most {@value InputRules#MAX_SUBJECT_LENGTH} characters. */
  @Value.Default
  public String subject() {
    return "";
  }

  /** The auto-reply's body, at most {@value InputRules#MAX_BODY_BYTES} bytes of UTF-8. */
  @Value.Default
  public String body() {
    return "";
  }

  /** If present, the auto-responder answers only from this instant on (inclusive). */
  public abstract Optional<Instant> activeFrom();

  /** If present, the auto-responder answers only before this instant (exclusive). */
  public abstract Optional<Instant> activeUntil();

  /** At most one auto-reply per sender per this interval; 1 to 365 days, default 7. */
  @Value.Default
  public Duration replyInterval() {
    return DEFAULT_REPLY_INTERVAL;
  }

  /** Whether the auto-responder answers at {@code now}. */
  public boolean isActiveAt(Instant now) {
    return enabled()
        && activeFrom().map(from -> !now.isBefore(from)).orElse(true)
        && activeUntil().map(now::isBefore).orElse(true);
  }

  /** Settings that answer nothing: what a mailbox has until its owner configures it. */
  public static AutoResponderSettings disabled() {
    return builder().enabled(false).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  AutoResponderSettings check() {
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    InputRules.required("replyInterval", replyInterval());
    if (replyInterval().compareTo(MIN_REPLY_INTERVAL) < 0 || replyInterval().compareTo(MAX_REPLY_INTERVAL) > 0) {
      throw new InvalidInputException("replyInterval", "must be from 1 to 365 days (was " + replyInterval() + ")");
    }
    if (activeFrom().isPresent() && activeUntil().isPresent() && !activeFrom().get().isBefore(activeUntil().get())) {
      throw new InvalidInputException("activeUntil", "must be after activeFrom");
    }
    InputRules.required("subject", subject());
    if (subject().isBlank()) {
      if (enabled()) {
        throw new InvalidInputException("subject", "must not be blank when the auto-responder is enabled");
      }
      return subject().isEmpty() ? this : new Builder().from(this).subject("").build();
    }
    String subject = InputRules.singleLine("subject", subject(), InputRules.MAX_SUBJECT_LENGTH);
    return subject.equals(subject()) ? this : new Builder().from(this).subject(subject).build();
  }

  /** Builds {@link AutoResponderSettings}. */
  public static final class Builder extends ImmutableAutoResponderSettings.Builder {}
}
