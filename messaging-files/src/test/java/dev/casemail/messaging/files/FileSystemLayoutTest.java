package dev.casemail.messaging.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What FileSystemBlobStore leaves on the disk, beside the contract of every store. */
class FileSystemLayoutTest {

  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant T3 = Instant.parse("2026-03-03T10:00:00Z");

  @TempDir
  Path directory;

  @Test
  void aContentIsOneFileNamedAfterItsHashWithItsTimeAsLastModified() throws IOException {
    BlobStore store = FileSystemBlobStore.in(directory);
    byte[] content = bytes(1, 3 * FileSystemBlobStore.BUFFER_SIZE + 1);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, T1);

    String hex = stored.hash().hex();
    Path file = directory.resolve("content").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    assertThat(contentFiles()).containsExactly(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(FileTime.from(T1));
    assertThat(incoming()).as("no temporary file left").isEmpty();

    store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, T3);
    assertThat(Files.getLastModifiedTime(file)).as("touched").isEqualTo(FileTime.from(T3));
    assertThat(contentFiles()).containsExactly(file);
    assertThat(incoming()).isEmpty();
  }

  @Test
  void aRefusedOrBrokenPutLeavesNoTemporaryFile() throws IOException {
    BlobStore store = FileSystemBlobStore.in(directory);
    byte[] content = bytes(2, 2 * FileSystemBlobStore.BUFFER_SIZE);
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(content), content.length - 1, T1))
        .isInstanceOf(LimitExceededException.class);
    // a stream of BUFFER_SIZE + 5 bytes that then fails, every time it is asked for more
    InputStream broken = new InputStream() {
      private int left = FileSystemBlobStore.BUFFER_SIZE + 5;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          throw new IOException("the upload broke off");
        }
        int n = Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 7);
        left -= n;
        return n;
      }
    };
    assertThatThrownBy(() -> store.put(broken, Long.MAX_VALUE, T1)).isInstanceOf(UncheckedIOException.class);

    assertThat(incoming()).isEmpty();
    assertThat(contentFiles()).isEmpty();
  }

  @Test
  void filesThatAreNotContentAreNeverListed() throws IOException {
    BlobStore store = FileSystemBlobStore.in(directory);
    StoredBlob stored = store.put(new ByteArrayInputStream(bytes(3, 10)), Long.MAX_VALUE, T1);
    String hex = stored.hash().hex();
    Path folder = directory.resolve("content").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4));
    Files.writeString(folder.resolve("notes.txt"), "a host's stray file");
    Files.setLastModifiedTime(folder.resolve("notes.txt"), FileTime.from(T1));
    Files.createDirectories(directory.resolve("content").resolve("zz").resolve("zz"));
    Files.writeString(directory.resolve("incoming").resolve("crashed.tmp"), "half an upload");

    assertThat(store.storedBefore(T2, 10)).containsExactly(stored.hash());
    assertThat(store.deleteIfStoredBefore(stored.hash(), T2)).isTrue();
    assertThat(store.storedBefore(T2, 10)).isEmpty();
    assertThat(folder.resolve("notes.txt")).exists();
  }

  @Test
  void twoStoresOnOneDirectorySeeOneAnothersContentAndKeepItOnce() throws Exception {
    BlobStore one = FileSystemBlobStore.in(directory);
    BlobStore other = FileSystemBlobStore.in(directory.resolve(".").resolve("..").resolve(directory.getFileName()));
    byte[] content = bytes(4, 2 * FileSystemBlobStore.BUFFER_SIZE + 3);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<StoredBlob>> puts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        BlobStore store = i % 2 == 0 ? one : other;
        puts.add(pool.submit(() -> store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, T1)));
      }
      for (Future<StoredBlob> put : puts) {
        assertThat(put.get(60, TimeUnit.SECONDS).size()).isEqualTo(content.length);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(contentFiles()).hasSize(1);
    assertThat(incoming()).isEmpty();
    ContentHash hash = one.storedBefore(T2, 10).get(0);
    try (InputStream in = other.open(hash).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void aStreamOpenedBeforeTheCleanUpDeletesTheContentStillReadsItWhole() throws IOException {
    BlobStore store = FileSystemBlobStore.in(directory);
    byte[] content = bytes(5, 3 * FileSystemBlobStore.BUFFER_SIZE);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, T1);
    try (InputStream in = store.open(stored.hash()).orElseThrow()) {
      byte[] start = in.readNBytes(10);
      assertThat(store.deleteIfStoredBefore(stored.hash(), T2)).isTrue();
      byte[] rest = in.readAllBytes();
      assertThat(start.length + rest.length).isEqualTo(content.length);
    }
    assertThat(store.contains(stored.hash())).isFalse();
  }

  @Test
  void aFileChangedBehindTheStoresBackFailsTheReadAtItsEnd() throws IOException {
    BlobStore store = FileSystemBlobStore.in(directory);
    byte[] content = bytes(6, 2 * FileSystemBlobStore.BUFFER_SIZE);
    StoredBlob stored = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, T1);
    Path file = contentFiles().get(0);
    byte[] changed = content.clone();
    changed[changed.length / 2] ^= 1;
    Files.write(file, changed);

    try (InputStream in = store.open(stored.hash()).orElseThrow()) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(StorageException.class).hasMessageContaining("changed");
    }
  }

  @Test
  void aDirectoryThatIsAFileIsAStorageException() throws IOException {
    Path file = Files.writeString(directory.resolve("plain-file"), "not a directory");
    assertThatThrownBy(() -> FileSystemBlobStore.in(file)).isInstanceOf(StorageException.class);
  }

  private List<Path> contentFiles() throws IOException {
    try (Stream<Path> files = Files.walk(directory.resolve("content"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private List<Path> incoming() throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("incoming"))) {
      return files.toList();
    }
  }

  private static byte[] bytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
