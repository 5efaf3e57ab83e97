package dev.casemail.messaging.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A mailbox's auto-responder. While it is active (enabled, and within the optional window) a
 * personal message arriving in the mailbox is answered by an auto-reply from the owner to the sender,
 * at most once per sender per {@link #replyInterval()}. Auto-replies never answer an auto-reply, a
 * system message or the owner, nor anyone the owner may not message. Saving new settings starts the
 * once-per-interval count afresh.
 *
 * <p>The settings hold what storage keeps, so that what {@code configureAutoResponder} returns is what
 * {@code autoResponder()} reads back: the window's instants are truncated to microseconds (then
 * checked: within years 1 to 9999 UTC, the end after the start), the interval to whole seconds.
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

  /**
   * The auto-reply's subject; required when enabled, at most {@value InputRules#MAX_SUBJECT_LENGTH}
   * characters; a blank one (only {@linkplain InputRules#isInvisible invisible} characters) is kept
   * as empty.
   */
  @Value.Default
  public String subject() {
    return "";
  }

  /** The auto-reply's body, at most {@value InputRules#MAX_BODY_BYTES} bytes of UTF-8. */
  @Value.Default
  public String body() {
    return "";
  }

  /**
   * If present, the auto-responder answers only from this instant on (inclusive); microseconds,
   * from {@link InputRules#MIN_INSTANT} to {@link InputRules#MAX_INSTANT}.
   */
  public abstract Optional<Instant> activeFrom();

  /**
   * If present, the auto-responder answers only before this instant (exclusive), which is after
   * {@link #activeFrom()}; microseconds, from {@link InputRules#MIN_INSTANT} to {@link
   * InputRules#MAX_INSTANT}.
   */
  public abstract Optional<Instant> activeUntil();

  /**
   * At most one auto-reply per sender per this interval; 1 to 365 days as given, default 7, kept in
   * whole seconds (a fraction of a second is dropped).
   */
  @Value.Default
  public Duration replyInterval() {
    return DEFAULT_REPLY_INTERVAL;
  }

  /** Whether the auto-responder answers at {@code now}. @throws InvalidInputException if it is null */
  public boolean isActiveAt(Instant now) {
    InputRules.required("now", now);
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
    // storage keeps microseconds and whole seconds: compare and keep exactly what will be read back
    Optional<Instant> from = activeFrom().map(instant -> InputRules.instant("activeFrom", instant));
    Optional<Instant> until = activeUntil().map(instant -> InputRules.instant("activeUntil", instant));
    if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
      throw new InvalidInputException(
          "activeUntil", "must be after activeFrom (at microsecond precision: " + from.get() + ", " + until.get() + ")");
    }
    Duration interval = replyInterval().truncatedTo(ChronoUnit.SECONDS);
    InputRules.required("subject", subject());
    String subject;
    if (InputRules.isBlank(subject())) {
      if (enabled()) {
        throw new InvalidInputException("subject", "must not be blank when the auto-responder is enabled");
      }
      subject = "";
    } else {
      subject = InputRules.singleLine("subject", subject(), InputRules.MAX_SUBJECT_LENGTH);
    }
    if (subject.equals(subject()) && from.equals(activeFrom()) && until.equals(activeUntil())
        && interval.equals(replyInterval())) {
      return this;
    }
    return new ImmutableAutoResponderSettings.Builder()
        .from(this)
        .subject(subject)
        .activeFrom(from)
        .activeUntil(until)
        .replyInterval(interval)
        .build();
  }

  /**
   * Builds {@link AutoResponderSettings}. Every method refuses a null with an
   * {@link InvalidInputException} naming the field, except the setters of the window's instants, which
   * take null as "no bound"; {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableAutoResponderSettings.Builder values = new ImmutableAutoResponderSettings.Builder();

    /** An empty builder, as {@link AutoResponderSettings#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code settings}. @throws InvalidInputException if it is null */
    public Builder from(AutoResponderSettings settings) {
      values.from(InputRules.required("settings", settings));
      return this;
    }

    /** Sets whether the auto-responder answers at all. */
    public Builder enabled(boolean enabled) {
      values.enabled(enabled);
      return this;
    }

    /** Sets the auto-reply's subject. @throws InvalidInputException if it is null */
    public Builder subject(String subject) {
      values.subject(InputRules.required("subject", subject));
      return this;
    }

    /** Sets the auto-reply's body. @throws InvalidInputException if it is null */
    public Builder body(String body) {
      values.body(InputRules.required("body", body));
      return this;
    }

    /** Sets the start of the window (inclusive); null means none. */
    public Builder activeFrom(Instant activeFrom) {
      values.activeFrom(activeFrom);
      return this;
    }

    /** Sets or clears the start of the window. @throws InvalidInputException if the optional itself is null */
    public Builder activeFrom(Optional<? extends Instant> activeFrom) {
      values.activeFrom(Arguments.optional("activeFrom", activeFrom));
      return this;
    }

    /** Sets the end of the window (exclusive); null means none. */
    public Builder activeUntil(Instant activeUntil) {
      values.activeUntil(activeUntil);
      return this;
    }

    /** Sets or clears the end of the window. @throws InvalidInputException if the optional itself is null */
    public Builder activeUntil(Optional<? extends Instant> activeUntil) {
      values.activeUntil(Arguments.optional("activeUntil", activeUntil));
      return this;
    }

    /** Sets the interval between two auto-replies to one sender. @throws InvalidInputException if it is null */
    public Builder replyInterval(Duration replyInterval) {
      values.replyInterval(InputRules.required("replyInterval", replyInterval));
      return this;
    }

    /** The settings. @throws InvalidInputException if a rule is broken */
    public AutoResponderSettings build() {
      return values.build();
    }
  }
}
