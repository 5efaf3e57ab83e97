package dev.casemail.messaging.files;

import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * One process's share of {@link SeveralProcessesTest}: puts, reads and cleans up the same content in
 * a shared directory, over and over; any failure, or a read that is not the whole content, exits
 * non-zero with its stack trace.
 */
final class SharedDirectoryProbe {

  static final Instant STORED = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant CUTOFF = Instant.parse("2026-03-02T10:00:00Z");

  private SharedDirectoryProbe() {}

  /** The content every process puts: three buffers and a byte. */
  static byte[] content() {
    byte[] content = new byte[3 * FileSystemBlobStore.BUFFER_SIZE + 1];
    new Random(7).nextBytes(content);
    return content;
  }

  /** Puts, reads (whole, or not at all) and deletes the content {@code rounds} times; returns how many reads found it. */
  static int run(Path directory, int rounds) throws IOException {
    BlobStore store = FileSystemBlobStore.in(directory);
    byte[] content = content();
    int found = 0;
    for (int i = 0; i < rounds; i++) {
      StoredBlob stored = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, STORED);
      Optional<InputStream> opened = store.open(stored.hash());
      if (opened.isPresent()) {
        try (InputStream in = opened.get()) {
          byte[] read = in.readAllBytes();
          if (!Arrays.equals(read, content)) {
            throw new IllegalStateException("round " + i + ": read " + read.length + " bytes, not the whole content");
          }
        }
        found++;
      }
      store.deleteIfStoredBefore(stored.hash(), CUTOFF);
    }
    return found;
  }

  public static void main(String[] arguments) throws IOException {
    int found = run(Path.of(arguments[0]), Integer.parseInt(arguments[1]));
    System.out.println("found=" + found);
  }
}
