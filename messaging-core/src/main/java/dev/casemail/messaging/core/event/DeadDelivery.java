package dev.casemail.messaging.core.event;

import dev.casemail.messaging.api.EventId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event a consumer gave up on, and its replay: a replayed dead event is leased on its own (its
 * mailbox's later events were settled meanwhile) until it is acknowledged, or buried again.
 *
 * @param replaying whether it is to be delivered again
 * @param leaseToken the holder of its replay, while a lease holds it
 * @param leasedUntil when that lease ends (or, after a failed replay, when it may be leased again)
 */
public record DeadDelivery(
    EventId event,
    int attempts,
    String reason,
    Instant diedAt,
    boolean replaying,
    Optional<String> leaseToken,
    Optional<Instant> leasedUntil) {

  public DeadDelivery {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(diedAt, "diedAt");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Objects.requireNonNull(leasedUntil, "leasedUntil");
  }

  /** Whether the lease {@code token} holds its replay at {@code now}. */
  public boolean holds(String token, Instant now) {
    return replaying && leaseToken.filter(token::equals).isPresent() && leasedUntil.map(now::isBefore).orElse(false);
  }

  public boolean leasableAt(Instant now) {
    return replaying && leasedUntil.map(until -> !until.isAfter(now)).orElse(true);
  }

  public DeadDelivery replayed() {
    return new DeadDelivery(event, attempts, reason, diedAt, true, Optional.empty(), Optional.empty());
  }

  public DeadDelivery leasedTo(String token, Instant until) {
    return new DeadDelivery(event, attempts, reason, diedAt, true, Optional.of(token), Optional.of(until));
  }

  public DeadDelivery failed(Instant now, java.time.Duration retryAfter) {
    return new DeadDelivery(event, attempts + 1, reason, diedAt, true, Optional.empty(), Optional.of(now.plus(retryAfter)));
  }

  public DeadDelivery released() {
    return new DeadDelivery(event, attempts, reason, diedAt, true, Optional.empty(), Optional.empty());
  }

  /** Buried again: dead, not replaying. */
  public DeadDelivery buriedAgain(String why, Instant at) {
    return new DeadDelivery(event, attempts, why, at, false, Optional.empty(), Optional.empty());
  }
}
