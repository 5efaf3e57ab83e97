package dev.casemail.messaging.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import dev.casemail.messaging.contract.blob.GeneratedContent;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated 100 MiB content (never held whole: neither here nor in the store) is put and read back
 * through FileSystemBlobStore, and an upload breaking off at 50 MiB leaves no file.
 */
class LargeFileContentTest {

  private static final long SIZE = 100L * 1024 * 1024;
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir
  Path directory;

  @Test
  void oneHundredMebibytesArePutAndReadBackWhole() throws Exception {
    BlobStore store = FileSystemBlobStore.in(directory);

    StoredBlob stored = store.put(new GeneratedContent(SIZE, 42, -1), SIZE, AT);

    String expected = sha256(new GeneratedContent(SIZE, 42, -1));
    assertThat(stored.size()).isEqualTo(SIZE);
    assertThat(stored.hash().hex()).isEqualTo(expected);
    try (InputStream in = store.open(stored.hash()).orElseThrow()) {
      CountingDigest read = new CountingDigest(in);
      assertThat(read.hex()).isEqualTo(expected);
      assertThat(read.count).isEqualTo(SIZE);
    }
  }

  @Test
  void anUploadBreakingOffAtFiftyMebibytesLeavesNoFile() throws Exception {
    BlobStore store = FileSystemBlobStore.in(directory);

    assertThatThrownBy(() -> store.put(new GeneratedContent(SIZE, 43, SIZE / 2), SIZE, AT))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(store.contains(ContentHash.of(sha256(new GeneratedContent(SIZE, 43, -1))))).isFalse();
    try (Stream<Path> files = Files.walk(directory)) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".lock")))
          .as("neither content nor temporary file").isEmpty();
    }
  }

  private static String sha256(InputStream in) throws Exception {
    return new CountingDigest(in).hex();
  }

  /** Reads a stream to its end, counting and hashing. */
  private static final class CountingDigest {
    final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    long count;

    CountingDigest(InputStream in) throws Exception {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
        count += n;
      }
    }

    String hex() {
      return java.util.HexFormat.of().formatHex(sha256.digest());
    }
  }
}
