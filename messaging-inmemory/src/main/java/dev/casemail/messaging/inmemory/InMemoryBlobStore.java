package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.InputRules;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BlobStore} in memory, the in-memory adapter's default: its memory is the store, so each
 * content is held once as a byte array. Thread-safe; content is visible only once it was read to its
 * end and within its limit, and putting the same bytes again only moves their time of last storing.
 *
 * <pre>{@code
 * BlobStore blobs = new InMemoryBlobStore();
 * Messaging messaging = InMemoryMessaging.create(MessagingConfiguration.builder().blobStore(blobs).build());
 * }</pre>
 */
public final class InMemoryBlobStore implements BlobStore {

  private record Blob(byte[] bytes, Instant storedAt) {}

  private final Map<ContentHash, Blob> blobs = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryBlobStore() {}

  @Override
  public StoredBlob put(InputStream content, long maxBytes, Instant at) {
    InputRules.required("content", content);
    InputRules.required("at", at);
    if (maxBytes < 0) {
      throw new InvalidInputException("maxBytes", "must be at least 0 (was " + maxBytes + ")");
    }
    MessageDigest digest = sha256();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long size = 0;
    try {
      while (true) {
        // read at most one byte past the limit, so that a content of exactly maxBytes is kept
        long left = maxBytes - size;
        int n = content.read(buffer, 0, left >= buffer.length ? buffer.length : (int) left + 1);
        if (n < 0) {
          break;
        }
        size += n;
        if (size > maxBytes) {
          throw new LimitExceededException(
              "attachmentSize", "the content has more than " + maxBytes + " bytes", Optional.empty());
        }
        digest.update(buffer, 0, n);
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ContentHash hash = ContentHash.ofDigest(digest.digest());
    byte[] kept = bytes.toByteArray();
    blobs.merge(hash, new Blob(kept, at), (old, fresh) -> new Blob(old.bytes(), at));
    return new StoredBlob(hash, size);
  }

  @Override
  public Optional<InputStream> open(ContentHash hash) {
    return Optional.ofNullable(blobs.get(hash)).map(blob -> new ByteArrayInputStream(blob.bytes()));
  }

  @Override
  public boolean contains(ContentHash hash) {
    return blobs.containsKey(hash);
  }

  @Override
  public List<ContentHash> storedBefore(Instant cutoff, int limit) {
    InputRules.required("cutoff", cutoff);
    if (limit < 0) {
      throw new InvalidInputException("limit", "must be at least 0 (was " + limit + ")");
    }
    List<ContentHash> found = new ArrayList<>();
    for (Map.Entry<ContentHash, Blob> entry : blobs.entrySet()) {
      if (found.size() >= limit) {
        break;
      }
      if (entry.getValue().storedAt().isBefore(cutoff)) {
        found.add(entry.getKey());
      }
    }
    return found;
  }

  @Override
  public boolean deleteIfStoredBefore(ContentHash hash, Instant cutoff) {
    boolean[] deleted = {false};
    blobs.computeIfPresent(hash, (key, blob) -> {
      if (blob.storedAt().isBefore(cutoff)) {
        deleted[0] = true;
        return null;
      }
      return blob;
    });
    return deleted[0];
  }

  /** How many contents the store holds: for tests. */
  public int size() {
    return blobs.size();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
