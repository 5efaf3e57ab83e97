package dev.casemail.messaging.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * W3 and W9 with the library and its floor measured by turns in one JVM, for a machine that other work
 * keeps busy: each side on a server of its own (set up as in {@link SendPostgres} and
 * {@link ConsumeEventsPostgres}), the two measured one after the other in every round, in alternating
 * order, so that a slow minute slows both. Prints each round and the medians; not part of the suite.
 *
 * <pre>
 * Alternated w3 ROUNDS     W3: each round 1 s of library sends and 1 s of floor sends (3 rounds of warm-up first)
 * Alternated w3rows ROUNDS W3 against the floor written with multi-row statements ({@link SqlFloor#sendMultiRow})
 * Alternated w9 ROUNDS     W9: each round one backlog drained by each side, at 1 then at 4 threads (2 rounds of warm-up)
 * </pre>
 */
public final class Alternated {

  private static final long BLOCK_NANOS = 1_000_000_000L;

  private Alternated() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "w3" -> sends(rounds, false);
      case "w3rows" -> sends(rounds, true);
      case "w9" -> consumers(rounds);
      default -> throw new IllegalArgumentException("w3, w3rows or w9, then the rounds");
    }
  }

  private static void sends(int rounds, boolean multiRowFloor) throws Exception {
    SendPostgres.Database library = new SendPostgres.Database();
    SendPostgres.Database floor = new SendPostgres.Database();
    library.start();
    floor.start();
    try {
      List<Double> ours = new ArrayList<>();
      List<Double> floors = new ArrayList<>();
      for (int round = -3; round < rounds; round++) {
        boolean libraryFirst = (round & 1) == 0;
        double us = 0;
        double them = 0;
        for (int side = 0; side < 2; side++) {
          if ((side == 0) == libraryFirst) {
            us = micros(() -> library.lawyer.send(Practice.letterToBothParents()));
          } else {
            them = micros(() -> {
              if (multiRowFloor) {
                floor.floor.sendMultiRow(Practice.SUBJECT, Practice.LETTER);
              } else {
                floor.floor.send(Practice.SUBJECT, Practice.LETTER);
              }
            });
          }
        }
        if (round >= 0) {
          ours.add(us);
          floors.add(them);
        }
        System.out.printf(Locale.ROOT, "W3 %s %d: library %.0f us, floor %.0f us, %.2fx%n",
            round < 0 ? "warm-up" : "round", round, us, them, us / them);
      }
      System.out.printf(Locale.ROOT, "W3 medians of %d rounds: library %.0f us, %sfloor %.0f us, ratio %.2fx"
          + " (median of the rounds' ratios %.2fx)%n", rounds, median(ours), multiRowFloor ? "multi-row " : "",
          median(floors),
          median(ours) / median(floors), medianRatio(ours, floors));
    } finally {
      library.stop();
      floor.stop();
    }
  }

  private static void consumers(int rounds) throws Exception {
    ConsumeEventsPostgres benchmark = new ConsumeEventsPostgres();
    ConsumeEventsPostgres.Backlog library = new ConsumeEventsPostgres.Backlog();
    ConsumeEventsPostgres.Backlog floor = new ConsumeEventsPostgres.Backlog();
    library.threads = 4;
    floor.threads = 4;
    library.start(true);
    floor.start(false);
    try {
      for (int threads : new int[] {1, 4}) {
        library.threads = threads;
        floor.threads = threads;
        List<Double> ours = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        for (int round = -2; round < rounds; round++) {
          boolean libraryFirst = (round & 1) == 0;
          double us = 0;
          double them = 0;
          for (int side = 0; side < 2; side++) {
            if ((side == 0) == libraryFirst) {
              library.refill();
              long started = System.nanoTime();
              benchmark.library(library);
              us = (System.nanoTime() - started) / 1_000.0;
              library.check();
            } else {
              floor.refill();
              long started = System.nanoTime();
              benchmark.sqlFloor(floor);
              them = (System.nanoTime() - started) / 1_000.0;
              floor.check();
            }
          }
          if (round >= 0) {
            ours.add(us);
            floors.add(them);
          }
          System.out.printf(Locale.ROOT, "W9 %d threads, %s %d: library %.0f events/s, floor %.0f events/s, %.2fx%n",
              threads, round < 0 ? "warm-up" : "round", round, rate(us), rate(them), us / them);
        }
        System.out.printf(Locale.ROOT, "W9 %d threads, medians of %d rounds: library %.0f events/s (%.0f ms),"
            + " floor %.0f events/s (%.0f ms), floor/library %.2fx (median of the rounds' ratios %.2fx)%n",
            threads, rounds, rate(median(ours)), median(ours) / 1000, rate(median(floors)), median(floors) / 1000,
            median(ours) / median(floors), medianRatio(ours, floors));
      }
    } finally {
      library.stop();
      floor.stop();
    }
  }

  /** Mean µs per call of {@code call} over one block of calls. */
  private static double micros(ThrowingRunnable call) throws Exception {
    long started = System.nanoTime();
    long calls = 0;
    long now;
    do {
      call.run();
      calls++;
      now = System.nanoTime();
    } while (now - started < BLOCK_NANOS);
    return (now - started) / 1_000.0 / calls;
  }

  private static double rate(double micros) {
    return ConsumeEventsPostgres.EVENTS * 1_000_000.0 / micros;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double medianRatio(List<Double> ours, List<Double> floors) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      ratios.add(ours.get(i) / floors.get(i));
    }
    return median(ratios);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
