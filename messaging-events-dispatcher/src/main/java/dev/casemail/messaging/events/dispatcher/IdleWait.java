package dev.casemail.messaging.events.dispatcher;

import java.time.Duration;

/**
 * The poller's wait between leases that come back empty: the poll interval after the first, doubled
 * after each further one up to the maximum idle interval, and back to the poll interval as soon as a
 * lease brings events. An idle dispatcher thus asks a quiet outbox a few times a minute at most, while
 * a busy one reacts within the poll interval. Used by the poller thread only.
 */
final class IdleWait {

  private final long firstNanos;
  private final long maxNanos;
  private long nextNanos;

  IdleWait(Duration first, Duration max) {
    this.firstNanos = first.toNanos();
    this.maxNanos = max.toNanos();
    this.nextNanos = firstNanos;
  }

  /** How long to wait after an empty lease; each call in a row waits twice as long, up to the maximum. */
  long afterEmptyLease() {
    long wait = nextNanos;
    nextNanos = Math.min(maxNanos, nextNanos * 2);
    return wait;
  }

  /** A lease brought events: the next empty one waits the poll interval again. */
  void reset() {
    nextNanos = firstNanos;
  }
}
