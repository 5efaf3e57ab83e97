package dev.casemail.messaging.files;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} in a directory of the file system: each content in one file whose path is
 * derived from its SHA-256 alone ({@code content/ab/cd/abcd…}, never from a name a user gave), its
 * time of last storing as the file's last-modified time.
 *
 * <pre>{@code
 * BlobStore blobs = FileSystemBlobStore.in(Path.of("/var/lib/app/attachments"));
 * }</pre>
 *
 * <p><b>Putting.</b> The bytes are written to a new temporary file under {@code incoming/} while they
 * are hashed, its last-modified time set, and forced to the disk ({@link FileChannel#force}); then, under
 * the lock of the hash's first two hex digits, the file either moves into place with
 * {@link StandardCopyOption#ATOMIC_MOVE ATOMIC_MOVE} (the directory then forced too, where the file
 * system allows it), or, when the content is there already, the existing file's last-modified time is
 * set and the temporary file deleted. A content is thus visible whole or not at all, and a put that
 * fails deletes its temporary file. A process killed in the middle of a put leaves its temporary file in
 * {@code incoming/}: never content, never listed by {@link #storedBefore}; a host may delete the files
 * there that are older than its longest upload.
 *
 * <p><b>Locks.</b> Publishing and deleting take, for their hash's two first hex digits, a lock within the
 * JVM and an exclusive {@link FileLock} on {@code locks/ab.lock}: several processes may share the
 * directory (on a local file system or a network one whose locks work, such as NFSv4), and a put
 * that touches a content can never cross a clean-up deleting it. Reading takes no lock: an open file
 * stays readable whole even if the clean-up deletes it meanwhile.
 *
 * <p><b>Why the last-modified time, not a sidecar file.</b> It lives with the content, is set on the
 * temporary file before the move (so a content never appears without its time), and needs no second
 * file to keep consistent with the first. Its precision is the file system's (nanoseconds on ext4, XFS,
 * APFS and NTFS' 100 ns; two seconds on FAT, which is unfit for this store). Nothing else should touch
 * the files: a backup tool that restores them must keep their times.
 *
 * <p>A stream from {@link #open} hashes what it reads: at its end, a file whose bytes no longer match
 * their hash (changed behind the store's back) fails the read with a {@link StorageException}.
 *
 * <p>{@link #storedBefore} walks every content file's attributes: a clean-up's cost, linear in the
 * number of contents. Failures of the file system are thrown as {@link StorageException}. Thread-safe.
 */
public final class FileSystemBlobStore implements BlobStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);

  /** How many bytes a put reads and writes at once. */
  static final int BUFFER_SIZE = 64 * 1024;

  private static final String LIMIT = "attachmentSize";
  private static final Pattern HEX_NAME = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HEX_DIRECTORY = Pattern.compile("[0-9a-f]{2}");

  /**
   * The locks within this JVM, per directory and per two first hex digits: the {@link FileLock}s of two
   * stores on one directory in one JVM would otherwise overlap, which Java refuses.
   */
  private static final ConcurrentMap<Path, ReentrantLock[]> LOCKS = new ConcurrentHashMap<>();

  private final Path contents;
  private final Path incoming;
  private final Path lockFiles;
  private final ReentrantLock[] locks;

  private FileSystemBlobStore(Path root) {
    this.contents = root.resolve("content");
    this.incoming = root.resolve("incoming");
    this.lockFiles = root.resolve("locks");
    this.locks = LOCKS.computeIfAbsent(root, r -> {
      ReentrantLock[] stripes = new ReentrantLock[256];
      for (int i = 0; i < stripes.length; i++) {
        stripes[i] = new ReentrantLock();
      }
      return stripes;
    });
  }

  /**
   * The store in {@code directory}, created if missing, with its subdirectories {@code content},
   * {@code incoming} and {@code locks}. Several stores (in one process or several) may share it.
   *
   * @throws StorageException when the directory cannot be created or is not a writable directory
   */
  public static FileSystemBlobStore in(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      Path root = Files.createDirectories(directory.toAbsolutePath().normalize()).toRealPath();
      FileSystemBlobStore store = new FileSystemBlobStore(root);
      Files.createDirectories(store.contents);
      Files.createDirectories(store.incoming);
      Files.createDirectories(store.lockFiles);
      if (!Files.isWritable(store.incoming)) {
        throw new AccessDeniedException(store.incoming.toString(), null, "not writable");
      }
      return store;
    } catch (IOException e) {
      throw new StorageException("cannot use " + directory + " as a blob store: " + e, e);
    }
  }

  /**
   * Reads and keeps {@code content} as {@link BlobStore#put} says.
   *
   * @throws InvalidInputException when {@code maxBytes} is negative
   * @throws LimitExceededException (limit {@code "attachmentSize"}) past {@code maxBytes}
   * @throws UncheckedIOException when reading {@code content} fails
   * @throws StorageException when the file system fails; nothing was kept
   */
  @Override
  public StoredBlob put(InputStream content, long maxBytes, Instant at) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(at, "at");
    if (maxBytes < 0) {
      throw new InvalidInputException("maxBytes", "the most bytes of a content is at least 0");
    }
    Path temporary = incoming.resolve(UUID.randomUUID() + ".tmp");
    boolean published = false;
    try {
      StoredBlob blob = write(content, maxBytes, at, temporary);
      publish(temporary, blob.hash(), at);
      published = true;
      return blob;
    } catch (IOException e) {
      throw new StorageException("could not store content: " + e, e);
    } finally {
      if (!published) {
        deleteQuietly(temporary);
      }
    }
  }

  private static StoredBlob write(InputStream content, long maxBytes, Instant at, Path temporary) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[BUFFER_SIZE];
    long size = 0;
    try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      while (true) {
        long allowed = maxBytes - size;
        // read one byte past the limit at most, and stop there
        int wanted = allowed >= BUFFER_SIZE ? BUFFER_SIZE : (int) allowed + 1;
        int read = read(content, buffer, wanted);
        if (read < 0) {
          break;
        }
        if (size + read > maxBytes) {
          throw new LimitExceededException(LIMIT, "the content has more than " + maxBytes + " bytes", Optional.empty());
        }
        sha256.update(buffer, 0, read);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
        while (bytes.hasRemaining()) {
          file.write(bytes);
        }
        size += read;
      }
      Files.setLastModifiedTime(temporary, FileTime.from(at));
      file.force(true);
    }
    return new StoredBlob(ContentHash.ofDigest(sha256.digest()), size);
  }

  /** One read of {@code content}; -1 at its end. */
  private static int read(InputStream content, byte[] buffer, int wanted) {
    try {
      int read;
      do {
        read = content.read(buffer, 0, wanted);
      } while (read == 0);
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the content", e);
    }
  }

  /** Moves the temporary file into place, or touches the content there and deletes it. */
  private void publish(Path temporary, ContentHash hash, Instant at) throws IOException {
    Path target = path(hash);
    withLock(hash, () -> {
      if (Files.exists(target)) {
        Files.setLastModifiedTime(target, FileTime.from(at));
        Files.delete(temporary);
        return null;
      }
      Files.createDirectories(target.getParent());
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(target.getParent());
      return null;
    });
  }

  /**
   * The content's file, opened for reading; the stream reads as the caller asks, in the pieces the
   * caller's buffer holds, checks the hash at its end, and closing it closes the file.
   *
   * @throws StorageException when the file system fails
   */
  @Override
  public Optional<InputStream> open(ContentHash hash) {
    Objects.requireNonNull(hash, "hash");
    try {
      return Optional.of(new VerifyingStream(hash, Files.newInputStream(path(hash))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("could not open content " + hash + ": " + e, e);
    }
  }

  @Override
  public boolean contains(ContentHash hash) {
    Objects.requireNonNull(hash, "hash");
    return Files.isRegularFile(path(hash));
  }

  /**
   * Walks the content files, reading each one's last-modified time.
   *
   * @throws InvalidInputException when {@code limit} is negative
   * @throws StorageException when the file system fails
   */
  @Override
  public List<ContentHash> storedBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    if (limit < 0) {
      throw new InvalidInputException("limit", "a limit is at least 0");
    }
    List<ContentHash> found = new ArrayList<>();
    try {
      for (Path first : directories(contents)) {
        for (Path second : directories(first)) {
          try (DirectoryStream<Path> files = Files.newDirectoryStream(second)) {
            for (Path file : files) {
              if (found.size() >= limit) {
                return List.copyOf(found);
              }
              String name = file.getFileName().toString();
              if (HEX_NAME.matcher(name).matches() && storedBefore(file, cutoff)) {
                found.add(ContentHash.of(name));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new StorageException("could not list content: " + e, e);
    }
    return List.copyOf(found);
  }

  private static List<Path> directories(Path parent) throws IOException {
    List<Path> directories = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        if (HEX_DIRECTORY.matcher(entry.getFileName().toString()).matches() && Files.isDirectory(entry)) {
          directories.add(entry);
        }
      }
    }
    return directories;
  }

  private static boolean storedBefore(Path file, Instant cutoff) throws IOException {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (NoSuchFileException deletedMeanwhile) {
      return false;
    }
  }

  /**
   * Deletes the content's file under the lock of its hash, if its last-modified time is still before
   * {@code cutoff}.
   *
   * @throws StorageException when the file system fails; nothing was deleted
   */
  @Override
  public boolean deleteIfStoredBefore(ContentHash hash, Instant cutoff) {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(cutoff, "cutoff");
    Path target = path(hash);
    try {
      return withLock(hash, () -> {
        if (!Files.exists(target) || !storedBefore(target, cutoff)) {
          return false;
        }
        Files.delete(target);
        forceDirectory(target.getParent());
        return true;
      });
    } catch (IOException e) {
      throw new StorageException("could not delete content " + hash + ": " + e, e);
    }
  }

  /** The content's path: from the hash alone, whose 64 lowercase hex digits {@link ContentHash} checked. */
  private Path path(ContentHash hash) {
    String hex = hash.hex();
    if (!HEX_NAME.matcher(hex).matches()) {
      throw new IllegalStateException("a content hash is 64 lowercase hex digits");
    }
    Path path = contents.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex).normalize();
    if (!path.startsWith(contents)) {
      throw new IllegalStateException("a content's path left the store: " + path);
    }
    return path;
  }

  @FunctionalInterface
  private interface Locked<T> {
    T run() throws IOException;
  }

  /** Runs {@code work} holding the JVM's lock and the file lock of the hash's two first hex digits. */
  private <T> T withLock(ContentHash hash, Locked<T> work) throws IOException {
    String stripe = hash.hex().substring(0, 2);
    ReentrantLock lock = locks[Integer.parseInt(stripe, 16)];
    lock.lock();
    try (FileChannel lockFile = FileChannel.open(
            lockFiles.resolve(stripe + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lockFile.lock()) {
      return work.run();
    } finally {
      lock.unlock();
    }
  }

  /** Forces a directory's entries to the disk, where the file system allows opening a directory. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("cannot force directory {} to the disk on this file system", directory, e);
    }
  }

  /** A content file's bytes, hashed as they are read and checked against the hash at the end. */
  private static final class VerifyingStream extends InputStream {
    private final ContentHash hash;
    private final InputStream file;
    private final MessageDigest sha256 = sha256();
    private boolean verified;

    VerifyingStream(ContentHash hash, InputStream file) {
      this.hash = hash;
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      int read = file.read(target, offset, length);
      if (read > 0) {
        sha256.update(target, offset, read);
      } else if (read < 0 && !verified) {
        if (!MessageDigest.isEqual(sha256.digest(), hash.digest())) {
          throw new StorageException("the file of " + hash + " was changed: its bytes no longer match their hash", null);
        }
        verified = true;
      }
      return read;
    }

    @Override
    public int available() throws IOException {
      return file.available();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete the temporary file {}", file, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
