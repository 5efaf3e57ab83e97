package dev.casemail.messaging.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The suite's table: for each workload our figure, the reference's, the ratio, the target and whether
 * it is met. Times are JMH's mean per operation; a ratio is always oriented so that the target reads
 * as in the issue ("≥ 20× James" is James' time over ours, "≤ 3× the floor" ours over the floor's).
 */
final class Report {

  /** W7's targets: 8 threads at least this many times the calls per second of one thread … */
  static final double MIXED_SCALING = 1.5;
  /** … and no call's 99th percentile beyond this many times its median. */
  static final double MIXED_TAIL = 20;
  /** W8's target: verifying a manifest takes at most this many times one SHA-256 over its entries' bytes. */
  static final double RECORD_VERIFY = 3;

  /**
   * W7 at one thread count: every call timed (JMH sample time), in µs; the deadlocks PostgreSQL broke
   * during the measured iterations; the calls that ran out of retries ({@code ConflictException}); the
   * calls made of each kind.
   */
  record Mixed(int threads, long calls, double meanMicros, double p50Micros, double p99Micros, long deadlocks,
      long conflicts, Map<String, Long> kinds) {
    /** Each thread calls back to back: together they complete threads / mean time calls per second. */
    double perSecond() {
      return threads * 1_000_000 / meanMicros;
    }
  }

  private final Map<String, Double> micros;
  private final Map<String, Double> memory;
  private final Map<Integer, Mixed> mixed;

  Report(Map<String, Double> micros, Map<String, Double> memory, Map<Integer, Mixed> mixed) {
    this.micros = micros;
    this.memory = memory;
    this.mixed = mixed;
  }

  String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(faster("W1 send, in memory, vs James", "SendInMemory.library", "SendInMemory.james", "James", 20));
    rows.add(slower("W1 send, in memory, vs bare collections", "SendInMemory.library",
        "SendInMemory.bareCollections", "floor", 3));
    rows.add(flat("W2 page of 50, in memory, 10 k vs 1 M copies", "FolderPageInMemory.library:10000",
        "FolderPageInMemory.library:1000000", "FolderPageInMemory.james:10000", "FolderPageInMemory.james:100000",
        "James 10 k vs 100 k"));
    rows.add(flat("W2 page of 50, PostgreSQL, 10 k vs 200 k copies", "FolderPagePostgres.library:10000",
        "FolderPagePostgres.library:200000", null, null, null));
    rows.add(slower("W3 send, PostgreSQL, vs SQL floor", "SendPostgres.library", "SendPostgres.sqlFloor",
        "SQL floor", 1.2));
    rows.add(slower("W4 move 100, PostgreSQL, vs SQL floor", "BatchMovePostgres.library",
        "BatchMovePostgres.sqlFloor", "SQL floor", 1.2));
    rows.add(faster("W5 move 1, in memory, vs James", "MoveInMemory.library", "MoveInMemory.james", "James", 20));
    rows.add(bytes());
    rows.addAll(mixed());
    rows.addAll(record());
    rows.addAll(events());

    StringBuilder table = new StringBuilder();
    table.append("| workload | ours | reference | ratio | target | met |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (String[] row : rows) {
      table.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    table.append("\nTimes are mean µs per operation (operations per second in brackets). W2's ratio is the large ");
    table.append("mailbox's time over the small one's. W6 is heap bytes per stored copy beyond the text; James' figure ");
    table.append("is per appended copy beyond its MIME bytes (James keeps one per mailbox). W7 times every call; ");
    table.append("its calls per second are the threads divided by the mean call time, its deadlocks the growth of ");
    table.append("pg_stat_database.deadlocks during the measured iterations. W8's times are mean ms per operation; ");
    table.append("its entry bytes are every exported entry's leaf input (0x00 and its canonical encoding) in one ");
    table.append("SHA-256, its ratio verify(manifest) over that hash. W9 is the time to consume ");
    table.append(ConsumeEventsPostgres.EVENTS + " pending events (" + ConsumeEventsPostgres.PER_MAILBOX + " in each of ");
    table.append(ConsumeEventsPostgres.MAILBOXES + " mailboxes) in batches of " + ConsumeEventsPostgres.BATCH);
    table.append(", until the last is acknowledged, its events per second those events over that time; its ratio is ");
    table.append("the floor's events per second over the library's.\n");
    for (Mixed figures : mixed.values()) {
      long all = figures.kinds().values().stream().mapToLong(Long::longValue).sum();
      List<String> shares = new ArrayList<>();
      figures.kinds().forEach((kind, calls) ->
          shares.add(kind + " " + String.format(Locale.ROOT, "%.0f", 100.0 * calls / Math.max(1, all)) + " %"));
      table.append("\nW7 calls made by kind, ").append(figures.threads())
          .append(figures.threads() == 1 ? " thread: " : " threads: ").append(String.join(", ", shares)).append('\n');
    }
    return table.toString();
  }

  /** Ours must be at least {@code target} times faster than the reference. */
  private String[] faster(String workload, String ours, String reference, String name, double target) {
    Double us = micros.get(ours);
    Double them = micros.get(reference);
    if (us == null || them == null) {
      return notRun(workload, "≥ " + target(target) + "×");
    }
    double ratio = them / us;
    return new String[] {workload, time(us), name + " " + time(them), format(ratio) + "× faster",
        "≥ " + target(target) + "×", met(ratio >= target)};
  }

  /** Ours may be at most {@code target} times slower than the reference. */
  private String[] slower(String workload, String ours, String reference, String name, double target) {
    Double us = micros.get(ours);
    Double them = micros.get(reference);
    if (us == null || them == null) {
      return notRun(workload, "≤ " + target(target) + "×");
    }
    double ratio = us / them;
    return new String[] {workload, time(us), name + " " + time(them), format(ratio) + "× its time",
        "≤ " + target(target) + "×", met(ratio <= target)};
  }

  /** The large mailbox's page may take at most 1.2 times the small one's. */
  private String[] flat(String workload, String small, String large, String referenceSmall, String referenceLarge,
      String name) {
    Double us = micros.get(small);
    Double usLarge = micros.get(large);
    if (us == null || usLarge == null) {
      return notRun(workload, "≤ 1.2×");
    }
    double ratio = usLarge / us;
    String reference = "—";
    if (referenceSmall != null && micros.containsKey(referenceSmall) && micros.containsKey(referenceLarge)) {
      double them = micros.get(referenceSmall);
      double themLarge = micros.get(referenceLarge);
      reference = name + ": " + time(them) + " → " + time(themLarge) + " (" + format(themLarge / them) + "×)";
    }
    return new String[] {workload, time(us) + " → " + time(usLarge), reference, format(ratio) + "×", "≤ 1.2×",
        met(ratio <= 1.2)};
  }

  private String[] bytes() {
    String workload = "W6 heap per stored copy beyond the text, in memory";
    Double us = memory.get("library");
    if (us == null) {
      return notRun(workload, "≤ 150 B");
    }
    Double floor = memory.get("floor");
    Double james = memory.get("james");
    String reference = (floor == null ? "" : "floor " + format(floor) + " B")
        + (floor != null && james != null ? "; " : "")
        + (james == null ? "" : "James " + format(james) + " B");
    reference = reference.isEmpty() ? "—" : reference;
    String ratio = floor == null ? "—" : format(us / floor) + "× the floor";
    return new String[] {workload, format(us) + " B", reference, ratio, "≤ 150 B", met(us <= 150)};
  }

  /** W7's rows: throughput at 8 against 1 thread, the latency tail at each, the deadlocks. */
  private List<String[]> mixed() {
    String name = "W7 mixed, PostgreSQL, 2 instances";
    Mixed one = mixed.get(1);
    Mixed eight = mixed.get(8);
    List<String[]> rows = new ArrayList<>();
    String scaling = "≥ " + target(MIXED_SCALING) + "× 1 thread";
    if (one == null || eight == null) {
      rows.add(notRun(name + ": calls/s, 8 vs 1 thread", scaling));
    } else {
      double ratio = eight.perSecond() / one.perSecond();
      rows.add(new String[] {name + ": calls/s, 8 vs 1 thread", rate(eight), "1 thread: " + rate(one),
          format(ratio) + "×", scaling, met(ratio >= MIXED_SCALING)});
    }
    for (int threads : List.of(1, 8)) {
      Mixed figures = mixed.get(threads);
      String workload = name + ": latency, " + threads + (threads == 1 ? " thread" : " threads");
      String tail = "p99 ≤ " + target(MIXED_TAIL) + "× p50";
      if (figures == null) {
        rows.add(notRun(workload, tail));
        continue;
      }
      double ratio = figures.p99Micros() / figures.p50Micros();
      rows.add(new String[] {workload,
          "p50 " + millis(figures.p50Micros()) + ", p99 " + millis(figures.p99Micros()), "—",
          "p99 " + format(ratio) + "× p50", tail, met(ratio <= MIXED_TAIL)});
    }
    if (one == null && eight == null) {
      rows.add(notRun(name + ": deadlocks", "0"));
    } else {
      long deadlocks = (one == null ? 0 : one.deadlocks()) + (eight == null ? 0 : eight.deadlocks());
      rows.add(new String[] {name + ": deadlocks, 1 / 8 threads",
          count(one, Mixed::deadlocks) + " / " + count(eight, Mixed::deadlocks),
          "calls out of retries: " + count(one, Mixed::conflicts) + " / " + count(eight, Mixed::conflicts), "—", "0",
          deadlocks > 0 ? met(false) : one != null && eight != null ? met(true) : "—"});
    }
    return rows;
  }

  /**
   * W8's rows: the export; the PDF and the manifest written; verifying the manifest against one SHA-256
   * of the entries' bytes (the target), and the PDF against one SHA-256 of its bytes (no target).
   */
  private List<String[]> record() {
    String name = "W8 record of 10 k messages, in memory";
    String prefix = RecordExportInMemory.class.getSimpleName() + ".";
    Double export = micros.get(prefix + "export");
    Double pdf = micros.get(prefix + "writePdf");
    Double manifest = micros.get(prefix + "writeManifest");
    Double verifyManifest = micros.get(prefix + "verifyManifest");
    Double verifyPdf = micros.get(prefix + "verifyPdf");
    Double entryBytes = micros.get(prefix + "sha256EntryBytes");
    Double pdfBytes = micros.get(prefix + "sha256Pdf");
    List<String[]> rows = new ArrayList<>();
    rows.add(export == null ? notRun(name + ": export (exportRecord, all)", "—")
        : new String[] {name + ": export (exportRecord, all)", millis(export), "—", "—", "—", "—"});
    if (pdf == null && manifest == null) {
      rows.add(notRun(name + ": PDF, manifest written (to bytes)", "—"));
    } else {
      rows.add(new String[] {name + ": PDF, manifest written (to bytes)",
          "PDF " + (pdf == null ? "not run" : millis(pdf)) + "; manifest "
              + (manifest == null ? "not run" : millis(manifest)), "—", "—", "—", "—"});
    }
    String target = "≤ " + target(RECORD_VERIFY) + "×";
    if (verifyManifest == null || entryBytes == null) {
      rows.add(notRun(name + ": verify the manifest vs SHA-256 of the entry bytes", target));
    } else {
      double ratio = verifyManifest / entryBytes;
      rows.add(new String[] {name + ": verify the manifest vs SHA-256 of the entry bytes", millis(verifyManifest),
          "SHA-256 " + millis(entryBytes), format(ratio) + "× its time", target, met(ratio <= RECORD_VERIFY)});
    }
    if (verifyPdf == null) {
      rows.add(notRun(name + ": verify the PDF (its text too) vs SHA-256 of the PDF", "—"));
    } else {
      rows.add(new String[] {name + ": verify the PDF (its text too) vs SHA-256 of the PDF", millis(verifyPdf),
          pdfBytes == null ? "—" : "SHA-256 " + millis(pdfBytes),
          pdfBytes == null ? "—" : format(verifyPdf / pdfBytes) + "× its time", "—", "—"});
    }
    return rows;
  }

  /**
   * W9's rows, one per thread count: the events per second the library's consumers acknowledge and the
   * floor's queue delivers, and the floor's over the library's (the issue sets no target).
   */
  private List<String[]> events() {
    List<String[]> rows = new ArrayList<>();
    String prefix = ConsumeEventsPostgres.class.getSimpleName() + ".";
    for (int threads : List.of(1, 4)) {
      String workload = "W9 events consumed, PostgreSQL, " + threads + (threads == 1 ? " consumer" : " consumers")
          + " vs SKIP LOCKED queue floor";
      Double us = micros.get(prefix + "library:" + threads);
      Double them = micros.get(prefix + "sqlFloor:" + threads);
      if (us == null || them == null) {
        rows.add(notRun(workload, "—"));
        continue;
      }
      rows.add(new String[] {workload, eventRate(us), "floor " + eventRate(them),
          "floor " + format(us / them) + "× the library's events/s", "—", "—"});
    }
    return rows;
  }

  /** W9: the events of one operation over its time (in µs), and the time. */
  private static String eventRate(double micros) {
    return perSecond(ConsumeEventsPostgres.EVENTS * 1_000_000.0 / micros) + " events/s (" + millis(micros) + ")";
  }

  private static String rate(Mixed figures) {
    return perSecond(figures.perSecond()) + " calls/s (" + figures.calls() + " calls)";
  }

  private static String count(Mixed figures, ToLongFunction<Mixed> count) {
    return figures == null ? "not run" : Long.toString(count.applyAsLong(figures));
  }

  private static String millis(double micros) {
    return format(micros / 1000) + " ms";
  }

  private static String[] notRun(String workload, String target) {
    return new String[] {workload, "not run", "—", "—", target, "—"};
  }

  private static String met(boolean met) {
    return met ? "met" : "**not met**";
  }

  /** µs with three significant figures, and operations per second. */
  static String time(double micros) {
    return format(micros) + " µs (" + perSecond(1_000_000 / micros) + "/s)";
  }

  private static String perSecond(double rate) {
    if (rate >= 1_000_000) {
      return format(rate / 1_000_000) + " M";
    }
    if (rate >= 1_000) {
      return format(rate / 1_000) + " k";
    }
    return format(rate);
  }

  private static String target(double target) {
    return target == Math.rint(target) ? Long.toString((long) target) : Double.toString(target);
  }

  static String format(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** The machine the run was on, as far as the JVM can tell. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return "- machine: " + runtime.availableProcessors() + " cores, "
        + (ManagementFactory.getOperatingSystemMXBean().getName() + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"))
        + "\n- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + "\n- PostgreSQL: embedded 17 (io.zonky.test: fsync off, synchronous_commit off), HikariCP pool of 4"
        + " (W7: two pools of 4, one per instance)"
        + "\n- peer: Apache James 3.8.1 in-memory mailbox";
  }
}
