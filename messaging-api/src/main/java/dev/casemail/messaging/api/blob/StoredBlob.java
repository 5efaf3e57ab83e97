package dev.casemail.messaging.api.blob;

import java.util.Objects;

/**
 * What a {@link BlobStore} kept for one {@link BlobStore#put}: the content's address and its length.
 *
 * @param hash the SHA-256 of the bytes read
 * @param size how many bytes were read, at least 0
 */
public record StoredBlob(ContentHash hash, long size) {

  /** Checks the values. @throws IllegalArgumentException if the size is negative */
  public StoredBlob {
    Objects.requireNonNull(hash, "hash");
    if (size < 0) {
      throw new IllegalArgumentException("a size is at least 0: " + size);
    }
  }
}
