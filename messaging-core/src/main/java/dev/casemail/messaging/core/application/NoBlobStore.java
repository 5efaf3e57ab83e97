package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The blob store of a library built on the core without one (an adapter's factory always passes its
 * own): it holds nothing, so a call with attachments fails as a storage failure and the clean-up finds
 * nothing to remove.
 */
enum NoBlobStore implements BlobStore {
  INSTANCE;

  @Override
  public StoredBlob put(InputStream content, long maxBytes, Instant at) {
    throw new StorageException("no blob store is configured: MessagingConfiguration.blobStore is absent", null);
  }

  @Override
  public Optional<InputStream> open(ContentHash hash) {
    return Optional.empty();
  }

  @Override
  public boolean contains(ContentHash hash) {
    return false;
  }

  @Override
  public List<ContentHash> storedBefore(Instant cutoff, int limit) {
    return List.of();
  }

  @Override
  public boolean deleteIfStoredBefore(ContentHash hash, Instant cutoff) {
    return false;
  }
}
