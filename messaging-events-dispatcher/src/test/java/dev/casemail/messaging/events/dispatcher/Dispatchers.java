package dev.casemail.messaging.events.dispatcher;

import java.time.Duration;

/** Builders the tests start from: quick polling, a deterministic backoff, no jitter. */
final class Dispatchers {

  private Dispatchers() {}

  static <E> EventDispatcher.Builder<E> quick(InMemoryEventSource<E> source, TestClock clock) {
    return EventDispatcher.builder(source, "mailer")
        .clock(clock)
        .pollInterval(Duration.ofMillis(1))
        .maxIdleInterval(Duration.ofMillis(5))
        .leaseDuration(Duration.ofMinutes(1))
        .backoff(Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)))
        .shutdownTimeout(Duration.ofSeconds(5));
  }
}
