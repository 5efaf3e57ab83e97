package dev.casemail.messaging.core;

import dev.casemail.messaging.core.access.AccessPolicy;
import dev.casemail.messaging.core.access.DefaultAccessPolicy;
import dev.casemail.messaging.core.access.RequestLimit;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.port.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * What a host may replace when it builds a {@code Messaging}: the clock, the access policy, the id
 * source, the retries after a lost race and the access request limit. Every storage adapter's factory accepts one; {@link #defaults()} is right for production.
 */
@Value.Immutable
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

  /** The request limit of {@link #accessRequestLimit()} and {@link #accessRequestPeriod()}. */
  public RequestLimit requestLimit() {
    return new RequestLimit(accessRequestLimit(), accessRequestPeriod());
  }

  @Value.Check
  void check() {
    requestLimit();
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The production defaults. */
  public static MessagingConfiguration defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MessagingConfiguration}. */
  public static final class Builder extends ImmutableMessagingConfiguration.Builder {}
}
