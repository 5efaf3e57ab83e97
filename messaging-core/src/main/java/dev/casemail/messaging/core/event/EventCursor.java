package dev.casemail.messaging.core.event;

import dev.casemail.messaging.api.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one consumer stands in one mailbox's events, and the rules of its lease. Every event numbered
 * up to {@link #position()} is settled (acknowledged or dead) for the consumer; a lease, while it is in
 * force, holds the next events, numbered up to {@link #leasedThrough()}, for one holder. A mailbox's
 * events are numbered in commit order under the mailbox's lock, so a position per mailbox never skips
 * an event that commits late: there is no such event within one mailbox. While a lease holds a
 * mailbox's events nobody else is given any of that mailbox's events, so they are handled in order.
 *
 * @param last the number of the mailbox's last event when the cursor was read (not stored with it)
 * @param leaseToken the holder's token while a lease holds events; empty otherwise
 * @param leasedUntil when the lease ends; without a token, when the mailbox may be leased again after a failure
 * @param attempts how many times the event after the position has failed
 * @param servedAt when it was last leased, so the mailbox served longest ago is served first
 */
public record EventCursor(
    ParticipantId mailbox,
    long position,
    long last,
    Optional<String> leaseToken,
    Optional<Instant> leasedUntil,
    long leasedThrough,
    int attempts,
    Instant servedAt) {

  public EventCursor {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Objects.requireNonNull(leasedUntil, "leasedUntil");
    Objects.requireNonNull(servedAt, "servedAt");
  }

  /** Whether its next events may be leased at {@code now}: there are some, and no lease or rest is in force. */
  public boolean leasableAt(Instant now) {
    return last > position && leasedUntil.map(until -> !until.isAfter(now)).orElse(true);
  }

  /** Whether the lease {@code token} holds event {@code sequence} at {@code now}. */
  public boolean holds(String token, long sequence, Instant now) {
    return leaseToken.filter(token::equals).isPresent()
        && leasedUntil.map(now::isBefore).orElse(false)
        && sequence > position
        && sequence <= leasedThrough;
  }

  /**
   * Moved to just before {@code firstKept}, the mailbox's first event still kept after the position:
   * the events before it were purged once every consumer then registered had settled them, so a
   * consumer registered since starts after them. (Numbers are taken under the mailbox's lock and
   * committed with the count, so a gap is never an event still to commit.)
   */
  public EventCursor startingAt(long firstKept) {
    if (firstKept <= position + 1) {
      return this;
    }
    return new EventCursor(mailbox, firstKept - 1, last, leaseToken, leasedUntil, firstKept - 1, 0, servedAt);
  }

  /** Leased to {@code token} until {@code until}: the events after the position up to {@code through}. */
  public EventCursor leasedTo(String token, Instant until, long through, Instant now) {
    return new EventCursor(mailbox, position, last, Optional.of(token), Optional.of(until), through, attempts, now);
  }

  /** Its events settled up to {@code sequence}: the position moves there, and a lease that holds no more ends. */
  public EventCursor settledThrough(long sequence) {
    if (sequence >= leasedThrough) {
      return new EventCursor(mailbox, sequence, last, Optional.empty(), Optional.empty(), sequence, 0, servedAt);
    }
    return new EventCursor(mailbox, sequence, last, leaseToken, leasedUntil, leasedThrough, 0, servedAt);
  }

  /** The next event failed: the lease ends, and the mailbox rests until {@code now + retryAfter}. */
  public EventCursor failed(Instant now, Duration retryAfter) {
    return new EventCursor(
        mailbox, position, last, Optional.empty(), Optional.of(now.plus(retryAfter)), position, attempts + 1, servedAt);
  }

  /** The lease gives its events back: pending again at once. */
  public EventCursor released() {
    return new EventCursor(mailbox, position, last, Optional.empty(), Optional.empty(), position, attempts, servedAt);
  }
}
