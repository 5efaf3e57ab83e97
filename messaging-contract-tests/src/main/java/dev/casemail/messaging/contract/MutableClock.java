package dev.casemail.messaging.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that stands still until a test moves it: the clock of every contract scenario, and one a
 * host's own tests may pass to {@code MessagingConfiguration.Builder.clock} to drive the library's time
 * (an access request limit running out, an auto-responder's window opening, the order of messages
 * sent "a day apart"). Thread-safe.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
 * Messaging messaging = InMemoryMessaging.create(MessagingConfiguration.builder().clock(clock).build());
 * clock.advance(Duration.ofDays(31));
 * }</pre>
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;

  /** A clock standing at {@code start}. */
  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration duration) {
    now.updateAndGet(current -> current.plus(duration));
  }

  /** Sets the clock to {@code instant}, forward or back. */
  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("the test clock is UTC only");
    }
    return this;
  }
}
