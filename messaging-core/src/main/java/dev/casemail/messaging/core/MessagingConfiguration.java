package dev.casemail.messaging.core;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.core.access.AccessPolicy;
import dev.casemail.messaging.core.access.DefaultAccessPolicy;
import dev.casemail.messaging.core.access.RequestLimit;
import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.TimestampAuthority;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.port.TimeOrderedIdGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a host may replace when it builds a {@code Messaging}: the clock, the access policy, the id
 * source, the retries after a lost race (and who is told of them) and the access request limit. Every storage adapter's factory
 * accepts one; {@link #defaults()} is right for production.
 *
 * <p>Like the API's commands, a wrong value is an {@link InvalidInputException} naming it: the
 * builder refuses a null, {@code build()} an attempt count below one or a request limit out of range.
 * (The generated builder is a package-private detail, as in the API, so that its final setters cannot
 * fail with a {@link NullPointerException}.)
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    typeInnerBuilder = "GeneratedBuilder",
    builder = "new")
public abstract class MessagingConfiguration {

  MessagingConfiguration() {}

  /** The time source of sent times, first-viewed times and auto-responder windows; default UTC system clock. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Who may message whom; default {@link DefaultAccessPolicy}. */
  @Value.Default
  public AccessPolicy accessPolicy() {
    return new DefaultAccessPolicy();
  }

  /** The source of new ids; default {@link TimeOrderedIdGenerator} on {@link #clock()}. */
  @Value.Default
  public IdGenerator idGenerator() {
    return new TimeOrderedIdGenerator(clock());
  }

  /** How often a call that lost a race in storage is tried in all before it fails with a conflict; default 5. */
  @Value.Default
  public int maxAttempts() {
    return 5;
  }

  /** Who is told of each retry after a lost race, for metrics; default {@link RetryListener#NONE}. */
  @Value.Default
  public RetryListener retryListener() {
    return RetryListener.NONE;
  }

  /**
   * How many access requests one requester may make to one participant within
   * {@link #accessRequestPeriod()}; default 3. Bounds the action items an unwelcome requester can post.
   */
  @Value.Default
  public int accessRequestLimit() {
    return RequestLimit.DEFAULT.requests();
  }

  /** The period {@link #accessRequestLimit()} counts requests in; default 30 days. */
  @Value.Default
  public Duration accessRequestPeriod() {
    return RequestLimit.DEFAULT.period();
  }

  /**
   * The host's key, which signs the heads of mailboxes' records (exports, {@code recordHead()}):
   * {@code RecordSigners.ed25519(privateKeyPem, publicKeyPem)} for an Ed25519 key the host keeps, or a
   * signer of the host's own (a hardware security module). The default generates a key for this
   * process the first time it signs, and says so in a warning: fine for a demo, useless for evidence,
   * since nobody keeps that key's public half.
   */
  @Value.Default
  public RecordSigner recordSigner() {
    return RecordSigners.generatedOnFirstUse();
  }

  /**
   * The public keys that signed record heads before {@link #recordSigner()}'s key, once the host has
   * changed its key; none by default. An export checks that every earlier export's head was signed by the
   * record key or one of these before it hands those heads on: a head signed by a key the library does not
   * know could have been changed, and is refused (so with the default key, generated anew by every
   * process, a record exported by an earlier process cannot be exported again).
   */
  public abstract List<PublicKey> formerRecordKeys();

  /** An RFC 3161 time-stamping authority that time-stamps every export's signed head; none by default. */
  public abstract Optional<TimestampAuthority> timestampAuthority();

  /** The request limit of {@link #accessRequestLimit()} and {@link #accessRequestPeriod()}. */
  public RequestLimit requestLimit() {
    return new RequestLimit(accessRequestLimit(), accessRequestPeriod());
  }

  @Value.Check
  void check() {
    requestLimit();
    if (maxAttempts() < 1) {
      throw new InvalidInputException("maxAttempts", "must be at least 1 (was " + maxAttempts() + ")");
    }
  }

  /** The production defaults. */
  public static MessagingConfiguration defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MessagingConfiguration}; each setter refuses a null with an {@link InvalidInputException}. */
  public static final class Builder {
    private final ImmutableMessagingConfiguration.Builder values = new ImmutableMessagingConfiguration.Builder();

    /** A builder starting from the defaults, as {@link MessagingConfiguration#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code configuration}. */
    public Builder from(MessagingConfiguration configuration) {
      values.from(InputRules.required("configuration", configuration));
      return this;
    }

    /** Sets the time source. */
    public Builder clock(Clock clock) {
      values.clock(InputRules.required("clock", clock));
      return this;
    }

    /** Sets who may message whom. */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      values.accessPolicy(InputRules.required("accessPolicy", accessPolicy));
      return this;
    }

    /** Sets the source of new ids. */
    public Builder idGenerator(IdGenerator idGenerator) {
      values.idGenerator(InputRules.required("idGenerator", idGenerator));
      return this;
    }

    /** Sets how often a call that lost a race is tried in all; at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      values.maxAttempts(maxAttempts);
      return this;
    }

    /** Sets who is told of each retry after a lost race. @throws InvalidInputException if it is null */
    public Builder retryListener(RetryListener retryListener) {
      values.retryListener(InputRules.required("retryListener", retryListener));
      return this;
    }

    /** Sets how many access requests one requester may make to one participant per period; 1 to 1000. */
    public Builder accessRequestLimit(int accessRequestLimit) {
      values.accessRequestLimit(accessRequestLimit);
      return this;
    }

    /** Sets the signer of record heads. @throws InvalidInputException if it is null */
    public Builder recordSigner(RecordSigner recordSigner) {
      values.recordSigner(InputRules.required("recordSigner", recordSigner));
      return this;
    }

    /**
     * Sets the public keys that signed record heads before the record signer's key.
     *
     * @throws InvalidInputException if the list or a key in it is null
     */
    public Builder formerRecordKeys(List<PublicKey> formerRecordKeys) {
      InputRules.required("formerRecordKeys", formerRecordKeys).forEach(key -> InputRules.required("formerRecordKeys", key));
      values.formerRecordKeys(formerRecordKeys);
      return this;
    }

    /** Sets the time-stamping authority of exports. @throws InvalidInputException if it is null */
    public Builder timestampAuthority(TimestampAuthority timestampAuthority) {
      values.timestampAuthority(InputRules.required("timestampAuthority", timestampAuthority));
      return this;
    }

    /** Sets or clears the time-stamping authority of exports. @throws InvalidInputException if the optional is null */
    public Builder timestampAuthority(Optional<? extends TimestampAuthority> timestampAuthority) {
      values.timestampAuthority(InputRules.required("timestampAuthority", timestampAuthority));
      return this;
    }

    /** Sets the period the access request limit counts in; 1 minute to 3660 days. */
    public Builder accessRequestPeriod(Duration accessRequestPeriod) {
      values.accessRequestPeriod(InputRules.required("accessRequestPeriod", accessRequestPeriod));
      return this;
    }

    /** The configuration. @throws InvalidInputException if {@code maxAttempts} or the request limit is out of range */
    public MessagingConfiguration build() {
      return values.build();
    }
  }
}
