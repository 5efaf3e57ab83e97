package dev.casemail.messaging.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Run by {@link StreamedLargeContentTest} in a JVM of its own with a small heap: puts a generated
 * content of the given size through {@link JdbcBlobStore} on the given PostgreSQL schema, reads it
 * back, then puts one that breaks off half-way. Prints one {@code key=value} line per figure, for the
 * test to check; exits non-zero on any failure.
 */
final class LargeContentProbe {

  private LargeContentProbe() {}

  public static void main(String[] arguments) throws Exception {
    String jdbcUrl = arguments[0];
    long size = Long.parseLong(arguments[1]);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      BlobStore store = JdbcBlobStore.create(pool);
      report("maxHeapBytes", Runtime.getRuntime().maxMemory());

      long started = System.nanoTime();
      StoredBlob stored = store.put(new Generated(size, 42, -1), size, Instant.parse("2026-03-01T10:00:00Z"));
      report("putMillis", (System.nanoTime() - started) / 1_000_000);
      report("putHash", stored.hash().hex());
      report("putSize", stored.size());

      started = System.nanoTime();
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long read = 0;
      try (InputStream in = store.open(stored.hash()).orElseThrow()) {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sha256.update(buffer, 0, n);
          read += n;
        }
      }
      report("readMillis", (System.nanoTime() - started) / 1_000_000);
      report("readHash", HexFormat.of().formatHex(sha256.digest()));
      report("readSize", read);
      report("expectedHash", expectedHash(size, 42));

      String outcome;
      try {
        store.put(new Generated(size, 43, size / 2), size, Instant.parse("2026-03-01T10:00:00Z"));
        outcome = "stored";
      } catch (UncheckedIOException e) {
        outcome = "UncheckedIOException";
      }
      report("brokenPut", outcome);
      report("brokenContained", store.contains(ContentHash.of(expectedHash(size, 43))));
      report("peakHeapBytes", peakHeap());
    }
  }

  private static void report(String key, Object value) {
    System.out.println(key + "=" + value);
  }

  private static String expectedHash(long size, long seed) throws NoSuchAlgorithmException, IOException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new Generated(size, seed, -1)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** The most heap the JVM's pools held at once, summed over the pools (an upper bound). */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** {@code size} bytes of a xorshift generator, breaking off with an IOException at {@code failAt} (-1: never). */
  static final class Generated extends InputStream {
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
