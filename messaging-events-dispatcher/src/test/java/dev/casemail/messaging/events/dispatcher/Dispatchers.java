package dev.casemail.messaging.events.dispatcher;

import dev.casemail.messaging.contract.MutableClock;
import java.time.Duration;
import java.time.Instant;

/** Builders the tests start from: quick polling, a deterministic backoff, no jitter. */
final class Dispatchers {

  private Dispatchers() {}

  /** A clock that stands still until a test moves it, at 2026-12-01T09:00:00Z. */
  static MutableClock clockAt2026() {
    return new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  }

  static <E> EventDispatcher.Builder<E> quick(InMemoryEventSource<E> source, MutableClock clock) {
    return EventDispatcher.builder(source, "mailer")
        .clock(clock)
        .pollInterval(Duration.ofMillis(1))
        .maxIdleInterval(Duration.ofMillis(5))
        .leaseDuration(Duration.ofMinutes(1))
        .backoff(Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)))
        .shutdownTimeout(Duration.ofSeconds(5));
  }
}
