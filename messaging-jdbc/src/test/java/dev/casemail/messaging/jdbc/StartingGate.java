package dev.casemail.messaging.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Threads that start a round of tasks together: every task waits on one latch until all are ready, so
 * that they hit the database at the same moment. The threads are kept from round to round. Tests
 * assert what must hold whatever the interleaving, never a particular one.
 */
final class StartingGate implements AutoCloseable {

  /** Guards against a deadlock hanging the build; not a timing assertion. */
  private static final long HANG_GUARD_MINUTES = 5;

  /** What one task did: returned {@code value}, or threw {@code failure}. */
  record Outcome<T>(int task, T value, Throwable failure) {
    boolean succeeded() {
      return failure == null;
    }
  }

  private final int threads;
  private final ExecutorService pool;

  StartingGate(int threads) {
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads);
  }

  /** Runs one round: task {@code i} is {@code task.apply(i)}, one task per thread, all released at once. */
  <T> List<Outcome<T>> run(IntFunction<Callable<T>> task) {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>(threads);
    try {
      for (int i = 0; i < threads; i++) {
        Callable<T> work = task.apply(i);
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return work.call();
        }));
      }
      if (!ready.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
        throw new AssertionError("the racing threads never got ready");
      }
      start.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        try {
          outcomes.add(new Outcome<>(i, futures.get(i).get(HANG_GUARD_MINUTES, TimeUnit.MINUTES), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome<>(i, null, e.getCause()));
        }
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while racing", e);
    } catch (TimeoutException e) {
      throw new AssertionError("a racing task never finished: a deadlock?", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
