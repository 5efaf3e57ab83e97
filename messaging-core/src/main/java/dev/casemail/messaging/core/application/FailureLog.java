package dev.casemail.messaging.core.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs storage failures without flooding the log when the database is down: the first failure of a
 * kind (the exception's type and its root cause's type) is logged with its stack trace, and after that
 * at most one line with a stack trace per kind per {@link #QUIET_PERIOD}, saying how many failures of
 * that kind were left out since. Every failure is still counted, and the caller still gets a
 * {@code StorageException}.
 */
final class FailureLog {

  /** At most one logged failure with its stack trace per kind in this period. */
  static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

  /** How a failure is written; the production sink logs a WARN through SLF4J. */
  @FunctionalInterface
  interface Sink {
    void write(String message, Throwable failure);
  }

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  private final Clock clock;
  private final Sink sink;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

  FailureLog(Clock clock, Sink sink) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** The production log: WARN lines through SLF4J. */
  static FailureLog toSlf4j(Clock clock) {
    return new FailureLog(clock, LOG::warn);
  }

  void storageFailed(String operation, RuntimeException failure) {
    String kind = failure.getClass().getName() + " / " + rootCause(failure).getClass().getName();
    Kind state = kinds.computeIfAbsent(kind, k -> new Kind());
    Instant now = clock.instant();
    long skipped;
    Instant since;
    synchronized (state) {
      if (state.lastLogged != null && now.isBefore(state.lastLogged.plus(QUIET_PERIOD))) {
        state.skipped++;
        return;
      }
      skipped = state.skipped;
      since = state.lastLogged;
      state.skipped = 0;
      state.lastLogged = now;
    }
    // since the last line written, not "in the last minute": the next failure may come hours later
    String more = skipped == 0 ? "" : " (" + skipped + " more failures of this kind since " + since
        + " were not logged)";
    sink.write(operation + " failed in storage" + more, failure);
  }

  /**
   * The last cause of the chain; of a chain that loops (Throwable refuses only itself as its own cause,
   * so a -> b -> a can be built), the last one before it comes round again.
   */
  private static Throwable rootCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(failure);
    Throwable cause = failure;
    while (cause.getCause() != null && seen.add(cause.getCause())) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** When a kind was last logged, and how many of it were left out since. */
  private static final class Kind {
    Instant lastLogged;
    long skipped;
  }
}
