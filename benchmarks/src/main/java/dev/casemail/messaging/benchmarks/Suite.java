package dev.casemail.messaging.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The benchmark suite in one command (see BENCHMARKS.md): runs W1–W5 and W7–W9 with JMH and W6 in
 * JVMs of its own, prints the table of figures, references, ratios and targets, and writes it (and JMH's
 * JSON) to a results directory so that runs can be compared over time.
 *
 * <pre>
 * Suite [--smoke] [--include REGEX] [--out DIR] [--no-memory]
 * </pre>
 *
 * <p>The full run takes 3 warm-up and 5 measured iterations of 2 s per benchmark, one fork each;
 * {@code --smoke} one warm-up of 3 s and one measured iteration of 2 s, which proves everything runs
 * and gives rough figures only. W8 (exporting and verifying a record of 10,000 messages, whose
 * operations take seconds) runs after the others with the iterations its own annotations give, one
 * measured iteration each with {@code --smoke}. W9 (consuming a backlog of events, one operation per
 * iteration) takes its iterations from the same settings: 3 warm-up and 5 measured operations, 1 and 1
 * with {@code --smoke}.
 */
public final class Suite {

  private static final String PACKAGE = Suite.class.getPackageName();
  private static final int MEMORY_MESSAGES = 100_000;
  /** James appends slowly (about 6 k a second): fewer messages give the same per-copy figure in far less time. */
  private static final int JAMES_MEMORY_MESSAGES = 20_000;
  /** W8's benchmarks, which run with their own iterations. */
  private static final String RECORD = Pattern.quote(RecordExportInMemory.class.getName() + ".");

  private Suite() {}

  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    boolean memory = true;
    String include = PACKAGE + "\\..*";
    Path out = Paths.get("benchmarks", "results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--no-memory" -> memory = false;
        case "--include" -> include = args[++i];
        case "--out" -> out = Paths.get(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (use --smoke, --include REGEX, --out DIR, --no-memory)");
      }
    }
    Files.createDirectories(out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + (smoke ? "-smoke" : "");
    Path json = out.resolve(stamp + ".json");
    // W7's forks leave the deadlocks and conflicts of their measured iterations here
    Path mixedCounts = Files.createTempDirectory("casemail-w7-");

    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .exclude(RECORD)
        .forks(1)
        .warmupIterations(smoke ? 1 : 3)
        .warmupTime(TimeValue.seconds(smoke ? 3 : 2))
        .measurementIterations(smoke ? 1 : 5)
        .measurementTime(TimeValue.seconds(2))
        .jvmArgsPrepend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-D" + MixedPostgres.OUT_PROPERTY + "=" + mixedCounts)
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON);
    // W8's operations take seconds: it runs on its own with the iterations its annotations give (one
    // measured iteration each in a smoke run), and only the benchmarks that match include
    ChainedOptionsBuilder record = new OptionsBuilder()
        .include("^(?=.*(?:" + include + "))" + RECORD)
        .jvmArgsPrepend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON);
    if (smoke) {
      record.measurementIterations(1);
    }
    long started = System.nanoTime();
    List<RunResult> results = new ArrayList<>();
    List<Path> jsons = new ArrayList<>();
    for (ChainedOptionsBuilder run : List.of(options, record)) {
      Path part = Files.createTempFile(out, "." + stamp + "-", ".json");
      jsons.add(part);
      try {
        results.addAll(new Runner(run.result(part.toString()).build()).run());
      } catch (NoBenchmarksException e) {
        // include matches none of this run's benchmarks (W8 alone, or W8 left out): the other run has them
      }
    }
    if (results.isEmpty() && !memory) {
      throw new IllegalArgumentException("no benchmark matches " + include);
    }
    mergeJson(jsons, json);

    Map<String, Double> memoryFigures = new LinkedHashMap<>();
    if (memory) {
      for (String variant : List.of("library", "floor", "james")) {
        memoryFigures.put(variant, memoryPerCopy(variant));
      }
    }
    long minutes = (System.nanoTime() - started) / 60_000_000_000L;

    Report report = new Report(scores(results), memoryFigures, mixed(results, mixedCounts));
    try (Stream<Path> files = Files.list(mixedCounts)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
    Files.delete(mixedCounts);
    String table = report.table();
    String header = "# Benchmark run " + stamp
        + (smoke ? " (SMOKE: one 3 s warm-up and one 2 s measured iteration; rough figures only)" : "")
        + "\n\n" + Report.machine() + "\n- suite time: about " + minutes + " min\n"
        + "- JMH: 1 fork, " + (smoke ? "1 × 3 s warm-up, 1 × 2 s measured" : "3 × 2 s warm-up, 5 × 2 s measured")
        + "; W1–W5 average time per operation on one thread, W7 the time of every call (sample time) at 1 and 8"
        + " threads; W8 average time per operation, 1 fork, its own iterations: "
        + (smoke ? RecordExportInMemory.SMOKE_ITERATIONS : RecordExportInMemory.ITERATIONS)
        + "; W9 single-shot time of consuming the whole backlog, " + (smoke ? "1 warm-up and 1 measured" : "3 warm-up and 5 measured")
        + " operations, at 1 and 4 consumer threads\n\n";
    Path markdown = out.resolve(stamp + ".md");
    Files.writeString(markdown, header + table, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(header + table);
    System.out.println("written to " + markdown + " (JMH results: " + json + ")");
  }

  /** Mean µs/op of each benchmark, keyed "Class.method" plus ":value" of its parameter if it has one. */
  private static Map<String, Double> scores(Collection<RunResult> results) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark().substring(PACKAGE.length() + 1);
      StringBuilder key = new StringBuilder(benchmark);
      for (String name : result.getParams().getParamsKeys()) {
        key.append(':').append(result.getParams().getParam(name));
      }
      scores.put(key.toString(), micros(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit()));
    }
    return scores;
  }

  /** A score in µs: W1–W7 give theirs in µs/op, W8 and W9 in ms/op. */
  private static double micros(double score, String unit) {
    return switch (unit) {
      case "us/op" -> score;
      case "ms/op" -> score * 1_000;
      case "s/op" -> score * 1_000_000;
      case "ns/op" -> score / 1_000;
      default -> throw new IllegalStateException("a score in " + unit + ", not a time per operation");
    };
  }

  /**
   * JMH's JSON of both runs in one file, as one run would write it (an array of results); each part is
   * deleted. A run that matched no benchmark wrote nothing.
   */
  private static void mergeJson(List<Path> parts, Path json) throws IOException {
    List<String> arrays = new ArrayList<>();
    for (Path part : parts) {
      String array = Files.exists(part) ? Files.readString(part, StandardCharsets.UTF_8).strip() : "";
      Files.deleteIfExists(part);
      if (array.startsWith("[") && array.endsWith("]") && !array.substring(1, array.length() - 1).isBlank()) {
        arrays.add(array.substring(1, array.length() - 1).strip());
      }
    }
    Files.writeString(json, "[\n" + String.join(",\n", arrays) + "\n]\n", StandardCharsets.UTF_8);
  }

  /** W7's figures by thread count: JMH's sampled call times, and the counts its forks left in {@code counts}. */
  private static Map<Integer, Report.Mixed> mixed(Collection<RunResult> results, Path counts) throws IOException {
    Map<Integer, Report.Mixed> mixed = new TreeMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      if (!benchmark.startsWith(MixedPostgres.class.getName() + ".")) {
        continue;
      }
      Statistics calls = result.getPrimaryResult().getStatistics();
      Properties figures = new Properties();
      Path file = counts.resolve(MixedPostgres.figuresFile(benchmark));
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        figures.load(reader);
      }
      int threads = result.getParams().getThreads();
      Map<String, Long> kinds = new LinkedHashMap<>();
      for (MixedPostgres.Kind kind : MixedPostgres.Kind.values()) {
        kinds.put(kind.label, Long.parseLong(figures.getProperty("calls." + kind.label)));
      }
      mixed.put(threads, new Report.Mixed(threads, calls.getN(), calls.getMean(), calls.getPercentile(50),
          calls.getPercentile(99), Long.parseLong(figures.getProperty("deadlocks")),
          Long.parseLong(figures.getProperty("conflicts")), kinds));
    }
    return mixed;
  }

  /** Runs W6 for one variant in a JVM of its own and returns its bytes per copy. */
  private static double memoryPerCopy(String variant) throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    int messages = variant.equals("james") ? JAMES_MEMORY_MESSAGES : MEMORY_MESSAGES;
    List<String> command = new ArrayList<>(List.of(
        java.toString(), "-XX:+UseSerialGC", "-Xms2g", "-Xmx2g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"),
        MemoryPerCopy.class.getName(), variant, Integer.toString(messages)));
    System.out.println("# W6 memory, " + variant + ": " + messages + " messages");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    OptionalDouble figure = OptionalDouble.empty();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        System.out.println(line);
        if (line.startsWith("bytesPerCopy=")) {
          figure = OptionalDouble.of(Double.parseDouble(line.substring("bytesPerCopy=".length())));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || figure.isEmpty()) {
      throw new IllegalStateException("the W6 measurement of " + variant + " failed (exit " + exit + ")");
    }
    return figure.getAsDouble();
  }
}
