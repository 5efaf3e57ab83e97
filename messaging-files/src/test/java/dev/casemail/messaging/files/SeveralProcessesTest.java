package dev.casemail.messaging.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes (this JVM and a child launched with the test class path) put, read and clean up the
 * same content in one directory at once: no call fails (a touch never meets a file the other process
 * just deleted, a move never meets one it just published), every read is the whole content, and no
 * temporary file is left. Without the file locks of {@link FileSystemBlobStore}, the touch of one
 * process and the delete of the other cross within a few hundred rounds.
 */
class SeveralProcessesTest {

  private static final int ROUNDS = 400;

  @TempDir
  Path directory;

  @Test
  void twoProcessesPuttingReadingAndDeletingTheSameContentNeverFailNorSeeHalfOfIt() throws Exception {
    FileSystemBlobStore.in(directory); // creates the directories before both start
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            SharedDirectoryProbe.class.getName(), directory.toString(), Integer.toString(ROUNDS))
        .redirectErrorStream(true)
        .start();
    child.getOutputStream().close();
    CompletableFuture<String> childOutput = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    int found = SharedDirectoryProbe.run(directory, ROUNDS);

    boolean ended = child.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      child.destroyForcibly();
    }
    assertThat(ended).as("the child ended").isTrue();
    String output = childOutput.get(1, TimeUnit.MINUTES);
    assertThat(child.exitValue()).as("the child's exit status; its output:%n%s", output).isZero();
    assertThat(output).contains("found=");
    assertThat(found).as("this process found its own put most of the time").isPositive();
    try (Stream<Path> files = Files.list(directory.resolve("incoming"))) {
      assertThat(files).as("no temporary file left").isEmpty();
    }
    BlobStore store = FileSystemBlobStore.in(directory);
    List<?> left = store.storedBefore(SharedDirectoryProbe.CUTOFF, 10);
    assertThat(left).hasSizeLessThanOrEqualTo(1);
    byte[] content = SharedDirectoryProbe.content();
    var stored = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, SharedDirectoryProbe.STORED);
    try (var in = store.open(stored.hash()).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }
}
