package dev.casemail.messaging.contract.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link BlobStore}, driven directly. A store runs it with a test class of a
 * few lines:
 *
 * <pre>{@code
 * class InMemoryBlobStoreTest implements BlobStoreContract {
 *   public BlobStore newBlobStore() {
 *     return new InMemoryBlobStore();
 *   }
 *
 *   public int chunkSize() {
 *     return 64 * 1024; // or any size: the piece the store reads and writes at once
 *   }
 * }
 * }</pre>
 *
 * Every test asks for a new, empty store.
 */
public interface BlobStoreContract {

  Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
  Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
  Instant T3 = Instant.parse("2026-03-03T10:00:00Z");
  Instant T4 = Instant.parse("2026-03-04T10:00:00Z");
  Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");
  long NO_LIMIT = Long.MAX_VALUE;
  /** Guards against a deadlock hanging the build; not a timing assertion. */
  long HANG_GUARD_SECONDS = 120;

  /** A new, empty store. */
  BlobStore newBlobStore();

  /**
   * The size of the pieces the store writes (its chunks, its buffer), so that contents of exactly
   * one piece and of one piece and a byte are tried; any positive size for a store without pieces.
   */
  int chunkSize();

  // round trips ------------------------------------------------------------------------------------

  @Test
  default void emptyContentComesBackEmptyUnderTheHashOfNothing() {
    roundTrip(new byte[0]);
  }

  @Test
  default void smallContentComesBackByteForByte() {
    roundTrip(bytes(1, 1000));
  }

  @Test
  default void contentOfExactlyOneChunkComesBackByteForByte() {
    roundTrip(bytes(2, chunkSize()));
  }

  @Test
  default void contentOfOneChunkAndOneByteComesBackByteForByte() {
    roundTrip(bytes(3, chunkSize() + 1));
  }

  @Test
  default void contentOfManyChunksComesBackByteForByte() {
    roundTrip(bytes(4, 3 * chunkSize() + 17));
  }

  @Test
  default void contentReadOneByteAtATimeComesBackByteForByte() throws IOException {
    BlobStore store = newBlobStore();
    byte[] content = bytes(5, chunkSize() + 3);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream in = store.open(stored.hash()).orElseThrow()) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        read.write(b);
      }
      assertThat(in.read()).as("at the end, still the end").isEqualTo(-1);
    }
    assertThat(read.toByteArray()).isEqualTo(content);
  }

  @Test
  default void theStreamIsReadButNotClosedByPut() {
    BlobStore store = newBlobStore();
    CountingStream content = new CountingStream(new ByteArrayInputStream(bytes(6, 100)));
    store.put(content, NO_LIMIT, T1);
    assertThat(content.closed).isFalse();
    assertThat(content.consumed).isEqualTo(100);
  }

  private void roundTrip(byte[] content) {
    BlobStore store = newBlobStore();
    StoredBlob stored = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);

    assertThat(stored.hash()).isEqualTo(ContentHash.ofDigest(sha256(content)));
    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(store.contains(stored.hash())).isTrue();
    assertThat(readAll(store, stored.hash())).isEqualTo(content);
    assertThat(readAll(store, stored.hash())).as("read twice").isEqualTo(content);
  }

  // kept once ---------------------------------------------------------------------------------------

  @Test
  default void theSameBytesPutTwiceAreKeptOnceAndTouched() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(7, 2 * chunkSize() + 5);
    StoredBlob first = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    StoredBlob second = store.put(new ByteArrayInputStream(content), NO_LIMIT, T3);

    assertThat(second).isEqualTo(first);
    assertThat(store.storedBefore(END_OF_TIME, 10)).containsExactly(first.hash());
    assertThat(store.storedBefore(T2, 10)).as("touched by the second put").isEmpty();
    assertThat(store.storedBefore(T4, 10)).containsExactly(first.hash());
    assertThat(readAll(store, first.hash())).isEqualTo(content);
  }

  @Test
  default void differentBytesAreKeptApart() {
    BlobStore store = newBlobStore();
    byte[] one = bytes(8, chunkSize() + 1);
    byte[] other = one.clone();
    other[other.length - 1]++;
    StoredBlob a = store.put(new ByteArrayInputStream(one), NO_LIMIT, T1);
    StoredBlob b = store.put(new ByteArrayInputStream(other), NO_LIMIT, T1);

    assertThat(a.hash()).isNotEqualTo(b.hash());
    assertThat(readAll(store, a.hash())).isEqualTo(one);
    assertThat(readAll(store, b.hash())).isEqualTo(other);
    assertThat(store.storedBefore(END_OF_TIME, 10)).containsExactlyInAnyOrder(a.hash(), b.hash());
  }

  // the limit ---------------------------------------------------------------------------------------

  @Test
  default void contentOfExactlyMaxBytesIsAccepted() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(9, chunkSize() + 10);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), content.length, T1);
    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(readAll(store, stored.hash())).isEqualTo(content);
  }

  @Test
  default void contentOfOneBytePastMaxBytesIsRefusedAndNothingIsKept() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(10, chunkSize() + 11);
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(content), content.length - 1, T1))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("attachmentSize"));

    assertThat(store.contains(ContentHash.ofDigest(sha256(content)))).isFalse();
    assertThat(store.storedBefore(END_OF_TIME, 10)).isEmpty();
  }

  @Test
  default void readingStopsAtTheFirstBytePastMaxBytes() {
    BlobStore store = newBlobStore();
    long maxBytes = 2L * chunkSize() + 7;
    CountingStream endless = new CountingStream(new Endless(11));
    assertThatThrownBy(() -> store.put(endless, maxBytes, T1)).isInstanceOf(LimitExceededException.class);
    assertThat(endless.consumed).isEqualTo(maxBytes + 1);
    assertThat(store.storedBefore(END_OF_TIME, 10)).isEmpty();
  }

  @Test
  default void aLimitOfZeroAcceptsOnlyEmptyContent() {
    BlobStore store = newBlobStore();
    assertThat(store.put(new ByteArrayInputStream(new byte[0]), 0, T1).size()).isZero();
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[1]), 0, T1))
        .isInstanceOf(LimitExceededException.class);
    assertThat(store.storedBefore(END_OF_TIME, 10)).hasSize(1);
  }

  @Test
  default void aNegativeLimitIsRefusedAndNothingIsRead() {
    BlobStore store = newBlobStore();
    CountingStream content = new CountingStream(new ByteArrayInputStream(bytes(12, 10)));
    assertThatThrownBy(() -> store.put(content, -1, T1)).isInstanceOf(InvalidInputException.class);
    assertThat(content.consumed).isZero();
    assertThat(store.storedBefore(END_OF_TIME, 10)).isEmpty();
  }

  @Test
  default void theSameContentPutAgainPastALimitIsRefusedAndNotTouched() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(13, chunkSize() + 1);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(content), content.length - 1, T3))
        .isInstanceOf(LimitExceededException.class);
    assertThat(store.storedBefore(T2, 10)).as("not touched").containsExactly(stored.hash());
    assertThat(readAll(store, stored.hash())).isEqualTo(content);
  }

  // failures ----------------------------------------------------------------------------------------

  @Test
  default void aStreamThatFailsHalfWayLeavesNothing() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(14, 3 * chunkSize());
    InputStream failing = new FailingAfter(new ByteArrayInputStream(content), chunkSize() + chunkSize() / 2);
    assertThatThrownBy(() -> store.put(failing, NO_LIMIT, T1)).isInstanceOf(UncheckedIOException.class);

    assertThat(store.storedBefore(END_OF_TIME, 10)).isEmpty();
    assertThat(store.contains(ContentHash.ofDigest(sha256(content)))).isFalse();
    // and the store still works
    StoredBlob stored = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    assertThat(readAll(store, stored.hash())).isEqualTo(content);
  }

  @Test
  default void aStreamThatFailsWhileTheSameContentIsKeptLeavesItWholeAndUntouched() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(15, 2 * chunkSize() + 1);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    InputStream failing = new FailingAfter(new ByteArrayInputStream(content), chunkSize() + 1);
    assertThatThrownBy(() -> store.put(failing, NO_LIMIT, T3)).isInstanceOf(UncheckedIOException.class);

    assertThat(store.storedBefore(T2, 10)).containsExactly(stored.hash());
    assertThat(readAll(store, stored.hash())).isEqualTo(content);
  }

  // reading -----------------------------------------------------------------------------------------

  @Test
  default void anUnknownHashOpensNothing() {
    BlobStore store = newBlobStore();
    store.put(new ByteArrayInputStream(bytes(16, 10)), NO_LIMIT, T1);
    ContentHash unknown = ContentHash.ofDigest(sha256(bytes(17, 10)));

    assertThat(store.open(unknown)).isEmpty();
    assertThat(store.contains(unknown)).isFalse();
  }

  @Test
  default void contentIsReadWhileOtherContentIsPut() throws Exception {
    BlobStore store = newBlobStore();
    byte[] first = bytes(18, 3 * chunkSize() + 1);
    byte[] second = bytes(19, 3 * chunkSize() + 2);
    StoredBlob kept = store.put(new ByteArrayInputStream(first), NO_LIMIT, T1);

    CountDownLatch halfWritten = new CountDownLatch(1);
    CountDownLatch readDone = new CountDownLatch(1);
    // a put that has written two chunks and then waits until the first content has been read whole
    InputStream slow = new PausingStream(new ByteArrayInputStream(second), 2 * chunkSize(), halfWritten, readDone);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<StoredBlob> put = writer.submit(() -> store.put(slow, NO_LIMIT, T2));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
      while (!halfWritten.await(20, TimeUnit.MILLISECONDS)) {
        if (put.isDone()) {
          throw new AssertionError("the put ended before reading two chunks of its stream: " + put.get());
        }
        assertThat(System.nanoTime()).as("the put reached two chunks").isLessThan(deadline);
      }

      assertThat(readAll(store, kept.hash())).isEqualTo(first);
      ContentHash inProgress = ContentHash.ofDigest(sha256(second));
      assertThat(store.contains(inProgress)).as("half-written content is not visible").isFalse();
      assertThat(store.open(inProgress)).isEmpty();
      assertThat(store.storedBefore(END_OF_TIME, 10)).containsExactly(kept.hash());
      readDone.countDown();

      StoredBlob written = put.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(readAll(store, written.hash())).isEqualTo(second);
    } finally {
      readDone.countDown();
      writer.shutdownNow();
    }
  }

  @Test
  default void aStreamHalfReadSurvivesPutsOfOtherContent() throws IOException {
    BlobStore store = newBlobStore();
    byte[] content = bytes(20, 3 * chunkSize() + 5);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream in = store.open(stored.hash()).orElseThrow()) {
      byte[] buffer = new byte[chunkSize() / 2 + 3];
      int n = in.readNBytes(buffer, 0, buffer.length);
      read.write(buffer, 0, n);
      store.put(new ByteArrayInputStream(bytes(21, 2 * chunkSize())), NO_LIMIT, T2);
      store.put(new ByteArrayInputStream(content), NO_LIMIT, T2); // the same, touched meanwhile
      in.transferTo(read);
    }
    assertThat(read.toByteArray()).isEqualTo(content);
  }

  // the clean-up ------------------------------------------------------------------------------------

  @Test
  default void storedBeforeListsWhatWasLastPutBeforeTheCutoff() {
    BlobStore store = newBlobStore();
    StoredBlob early = store.put(new ByteArrayInputStream(bytes(22, 10)), NO_LIMIT, T1);
    StoredBlob late = store.put(new ByteArrayInputStream(bytes(23, 10)), NO_LIMIT, T3);

    assertThat(store.storedBefore(T1, 10)).as("strictly before").isEmpty();
    assertThat(store.storedBefore(T2, 10)).containsExactly(early.hash());
    assertThat(store.storedBefore(T3, 10)).containsExactly(early.hash());
    assertThat(store.storedBefore(T4, 10)).containsExactlyInAnyOrder(early.hash(), late.hash());
    assertThat(store.storedBefore(T4, 1)).hasSize(1).isSubsetOf(early.hash(), late.hash());
    assertThat(store.storedBefore(T4, 0)).isEmpty();
  }

  @Test
  default void aNegativeLimitOfCandidatesIsRefused() {
    BlobStore store = newBlobStore();
    store.put(new ByteArrayInputStream(bytes(32, 10)), NO_LIMIT, T1);
    assertThatThrownBy(() -> store.storedBefore(T2, -1)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  default void deleteIfStoredBeforeDeletesContentNotPutSince() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(24, 2 * chunkSize() + 3);
    StoredBlob orphan = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    StoredBlob other = store.put(new ByteArrayInputStream(bytes(25, chunkSize())), NO_LIMIT, T1);

    assertThat(store.deleteIfStoredBefore(orphan.hash(), T2)).isTrue();

    assertThat(store.contains(orphan.hash())).isFalse();
    assertThat(store.open(orphan.hash())).isEmpty();
    assertThat(store.storedBefore(END_OF_TIME, 10)).containsExactly(other.hash());
    assertThat(store.deleteIfStoredBefore(orphan.hash(), T2)).as("deleted once").isFalse();
    assertThat(readAll(store, other.hash())).hasSize(chunkSize());
    // and the same bytes can be put again afterwards
    StoredBlob again = store.put(new ByteArrayInputStream(content), NO_LIMIT, T3);
    assertThat(again).isEqualTo(orphan);
    assertThat(readAll(store, again.hash())).isEqualTo(content);
  }

  @Test
  default void contentPutAgainSinceTheCutoffIsKept() {
    BlobStore store = newBlobStore();
    byte[] content = bytes(26, chunkSize() + 9);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1);
    List<ContentHash> candidates = store.storedBefore(T2, 10);
    assertThat(candidates).containsExactly(stored.hash());

    store.put(new ByteArrayInputStream(content), NO_LIMIT, T3); // an upload of the same file meanwhile

    assertThat(store.deleteIfStoredBefore(stored.hash(), T2)).isFalse();
    assertThat(readAll(store, stored.hash())).isEqualTo(content);
  }

  @Test
  default void contentLastPutAtTheCutoffIsKept() {
    BlobStore store = newBlobStore();
    StoredBlob stored = store.put(new ByteArrayInputStream(bytes(27, 10)), NO_LIMIT, T2);
    assertThat(store.deleteIfStoredBefore(stored.hash(), T2)).isFalse();
    assertThat(store.contains(stored.hash())).isTrue();
  }

  @Test
  default void deletingUnknownContentDeletesNothing() {
    BlobStore store = newBlobStore();
    StoredBlob stored = store.put(new ByteArrayInputStream(bytes(28, 10)), NO_LIMIT, T1);
    assertThat(store.deleteIfStoredBefore(ContentHash.ofDigest(sha256(bytes(29, 10))), T4)).isFalse();
    assertThat(store.contains(stored.hash())).isTrue();
  }

  // concurrency -------------------------------------------------------------------------------------

  @Test
  default void concurrentPutsOfTheSameBytesAllSucceedAndKeepThemOnce() throws Exception {
    BlobStore store = newBlobStore();
    byte[] content = bytes(30, 2 * chunkSize() + 100);
    List<StoredBlob> stored = race(8, i -> () -> store.put(new ByteArrayInputStream(content), NO_LIMIT, T1));

    StoredBlob expected = new StoredBlob(ContentHash.ofDigest(sha256(content)), content.length);
    assertThat(stored).containsOnly(expected);
    assertThat(store.storedBefore(END_OF_TIME, 10)).containsExactly(expected.hash());
    assertThat(readAll(store, expected.hash())).isEqualTo(content);
  }

  @Test
  default void concurrentPutsOfDifferentBytesKeepEachOne() throws Exception {
    BlobStore store = newBlobStore();
    int threads = 8;
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      contents.add(bytes(100 + i, chunkSize() + 1 + i));
    }
    List<StoredBlob> stored = race(threads, i -> () -> store.put(new ByteArrayInputStream(contents.get(i)), NO_LIMIT, T1));

    assertThat(store.storedBefore(END_OF_TIME, 100)).containsExactlyInAnyOrderElementsOf(
        stored.stream().map(StoredBlob::hash).toList());
    for (int i = 0; i < threads; i++) {
      assertThat(readAll(store, stored.get(i).hash())).isEqualTo(contents.get(i));
    }
  }

  @Test
  default void putsRacingTheCleanUpOfTheSameBytesKeepThemWhole() throws Exception {
    BlobStore store = newBlobStore();
    byte[] content = bytes(31, chunkSize() + 1);
    ContentHash hash = store.put(new ByteArrayInputStream(content), NO_LIMIT, T1).hash();
    List<Object> outcomes = race(8, i -> () -> i % 2 == 0
        ? store.put(new ByteArrayInputStream(content), NO_LIMIT, T3)
        : store.deleteIfStoredBefore(hash, T2));
    assertThat(outcomes).filteredOn(StoredBlob.class::isInstance).hasSize(4);

    // each put touched or published the bytes at T3, after the cutoff: whichever ran last, they are kept
    assertThat(store.contains(hash)).isTrue();
    assertThat(readAll(store, hash)).isEqualTo(content);
    assertThat(store.storedBefore(T2, 10)).isEmpty();
  }

  // helpers -----------------------------------------------------------------------------------------

  /** Runs {@code tasks} tasks at once, released by one gate, and returns what each returned. */
  private static <T> List<T> race(int tasks, java.util.function.IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        Callable<T> work = task.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return work.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads the content kept under {@code hash} whole (it must be kept). */
  static byte[] readAll(BlobStore store, ContentHash hash) {
    Optional<InputStream> opened = store.open(hash);
    assertThat(opened).as("content %s is kept", hash).isPresent();
    try (InputStream in = opened.get()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code length} reproducible pseudo-random bytes. */
  static byte[] bytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** The JDK's SHA-256 of {@code bytes}. */
  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts what is read from it and whether it was closed. */
  final class CountingStream extends InputStream {
    private final InputStream in;
    long consumed;
    boolean closed;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        consumed++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        consumed += n;
      }
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Bytes without end. */
  final class Endless extends InputStream {
    private final Random random;

    Endless(long seed) {
      random = new Random(seed);
    }

    @Override
    public int read() {
      return random.nextInt(256);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) random.nextInt(256);
      }
      return len;
    }
  }

  /** Gives {@code good} bytes, then fails as a broken upload would. */
  final class FailingAfter extends InputStream {
    private final InputStream in;
    private long left;

    FailingAfter(InputStream in, long good) {
      this.in = in;
      this.left = good;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        throw new IOException("the upload broke off");
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** Gives {@code before} bytes, signals {@code paused}, waits for {@code resume}, then the rest. */
  final class PausingStream extends InputStream {
    private final InputStream in;
    private final CountDownLatch paused;
    private final CountDownLatch resume;
    private long before;

    PausingStream(InputStream in, long before, CountDownLatch paused, CountDownLatch resume) {
      this.in = in;
      this.before = before;
      this.paused = paused;
      this.resume = resume;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (before == 0) {
        paused.countDown();
        try {
          if (!resume.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("never resumed");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        before = -1;
      }
      int n = in.read(b, off, before < 0 ? len : (int) Math.min(len, before));
      if (n > 0 && before > 0) {
        before -= n;
      }
      return n;
    }
  }
}
