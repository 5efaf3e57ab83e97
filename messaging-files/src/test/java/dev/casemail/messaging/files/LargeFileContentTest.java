package dev.casemail.messaging.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.IOException;
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

    StoredBlob stored = store.put(new Generated(SIZE, 42, -1), SIZE, AT);

    String expected = sha256(new Generated(SIZE, 42, -1));
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

    assertThatThrownBy(() -> store.put(new Generated(SIZE, 43, SIZE / 2), SIZE, AT))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(store.contains(ContentHash.of(sha256(new Generated(SIZE, 43, -1))))).isFalse();
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

  /** {@code size} bytes of a xorshift generator, breaking off with an IOException at {@code failAt} (-1: never). */
  private static final class Generated extends InputStream {
    private final long size;
    private final long failAt;
    private long state;
    private long position;

    Generated(long size, long seed, long failAt) {
      this.size = size;
      this.failAt = failAt;
      this.state = seed * 0x9E3779B97F4A7C15L + 1;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failAt >= 0 && position >= failAt) {
        throw new IOException("the upload broke off at byte " + position);
      }
      if (position >= size) {
        return -1;
      }
      long end = Math.min(size, position + len);
      if (failAt >= 0) {
        end = Math.min(end, failAt);
      }
      int n = (int) (end - position);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        b[off + i] = (byte) state;
      }
      position += n;
      return n;
    }
  }
}
