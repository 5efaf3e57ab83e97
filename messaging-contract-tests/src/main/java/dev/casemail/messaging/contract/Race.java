package dev.casemail.messaging.contract;

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
 * Runs tasks on their own threads, all released at once by a start gate, and reports what each one
 * returned or threw. Tests assert what must hold whatever the interleaving, never a particular one.
 */
final class Race {

  /** At least this many threads run at once. */
  static final int MIN_THREADS = 4;

  /** Guards against a deadlock hanging the build; not a timing assertion. */
  private static final long HANG_GUARD_MINUTES = 5;

  /** What one task did: returned {@code value}, or threw {@code failure}. */
  record Outcome<T>(int task, T value, Throwable failure) {
    boolean succeeded() {
      return failure == null;
    }
  }

  private Race() {}

  /** Runs {@code tasks} tasks at once; task {@code i} is {@code task.apply(i)}. */
  static <T> List<Outcome<T>> run(int tasks, IntFunction<Callable<T>> task) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(MIN_THREADS, tasks));
    CountDownLatch ready = new CountDownLatch(tasks);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>(tasks);
      for (int i = 0; i < tasks; i++) {
        Callable<T> work = task.apply(i);
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return work.call();
        }));
      }
      ready.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
      start.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>(tasks);
      for (int i = 0; i < tasks; i++) {
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
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code tasks} tasks that return nothing. */
  static List<Outcome<Void>> runAll(int tasks, IntFunction<ThrowingTask> task) {
    return run(tasks, i -> {
      ThrowingTask work = task.apply(i);
      return () -> {
        work.run();
        return null;
      };
    });
  }

  /** A task without a result. */
  @FunctionalInterface
  interface ThrowingTask {
    void run() throws Exception;
  }
}
