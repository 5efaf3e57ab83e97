package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JdbcBlobStore streams: a generated 100 MiB content is put and read back through the embedded
 * PostgreSQL by a JVM whose heap is limited to 64 MiB ({@link LargeContentProbe}, launched with the
 * test class path), which also proves that an upload breaking off at 50 MiB leaves no row; and a 100
 * MiB PDF is sent through the library's API and read back by its recipient in that same heap. A child JVM
 * rather than a surefire execution of its own: the limit then holds whatever the build's or a
 * developer's test selection, and this JVM stays as large as the other tests want.
 */
class StreamedLargeContentTest {

  private static final Logger LOG = LoggerFactory.getLogger(StreamedLargeContentTest.class);

  private static final long SIZE = 100L * 1024 * 1024;
  private static final String HEAP = "-Xmx64m";

  @Test
  void oneHundredMebibytesArePutSentAndReadBackInASixtyFourMebibyteHeap() throws Exception {
    String schema = TestDatabases.migratedPostgresSchema();
    String url = TestDatabases.postgres().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;

    Map<String, String> figures = runProbe(url);
    LOG.info("100 MiB through JdbcBlobStore on PostgreSQL with {}: {}", HEAP, figures);

    assertThat(Long.parseLong(figures.get("maxHeapBytes"))).as("the child's heap").isLessThanOrEqualTo(64L * 1024 * 1024);
    assertThat(Long.parseLong(figures.get("putSize"))).isEqualTo(SIZE);
    assertThat(Long.parseLong(figures.get("readSize"))).isEqualTo(SIZE);
    assertThat(figures.get("putHash")).isEqualTo(figures.get("expectedHash"));
    assertThat(figures.get("readHash")).isEqualTo(figures.get("expectedHash"));
    assertThat(figures.get("brokenPut")).isEqualTo("UncheckedIOException");
    assertThat(figures.get("brokenContained")).isEqualTo("false");
    assertThat(figures.get("apiType")).as("detected from the bytes").isEqualTo("application/pdf");
    assertThat(Long.parseLong(figures.get("apiSize"))).isEqualTo(SIZE);
    assertThat(figures.get("apiHash")).as("the view's hash").isEqualTo(figures.get("apiExpectedHash"));
    assertThat(figures.get("apiReadHash")).as("what the recipient read").isEqualTo(figures.get("apiExpectedHash"));

    try (var pool = TestDatabases.postgresPool(schema, 1)) {
      assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM blob_contents"))
          .as("the whole content and the sent PDF, not the broken upload").isEqualTo(2);
      assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM blob_chunks"))
          .as("the chunks of the two whole contents, none of the broken upload")
          .isEqualTo(2 * SIZE / JdbcBlobStore.CHUNK_SIZE);
      assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM message_attachments"))
          .as("the file as each of the two mailboxes holding the message lists it").isEqualTo(2);
      assertThat(TestSql.number(pool, "SELECT MAX(LENGTH(bytes)) FROM blob_chunks")).isEqualTo(JdbcBlobStore.CHUNK_SIZE);
    }
  }

  private static Map<String, String> runProbe(String url) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(HEAP);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add(LargeContentProbe.class.getName());
    command.add(url);
    command.add(Long.toString(SIZE));
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    probe.getOutputStream().close();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = probe.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      probe.destroyForcibly();
    }
    assertThat(ended).as("the probe ended").isTrue();
    assertThat(probe.exitValue()).as("the probe's exit status; its output:%n%s", output).isZero();
    Map<String, String> figures = new LinkedHashMap<>();
    for (String line : output.split("\\R")) {
      int equals = line.indexOf('=');
      if (equals > 0 && !line.contains(" ")) {
        figures.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return figures;
  }
}
