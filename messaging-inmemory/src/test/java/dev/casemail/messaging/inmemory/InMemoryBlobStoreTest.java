package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.contract.blob.BlobStoreContract;

/** The contract of every blob store, on the in-memory one. */
class InMemoryBlobStoreTest implements BlobStoreContract {

  @Override
  public BlobStore newBlobStore() {
    return new InMemoryBlobStore();
  }

  @Override
  public int chunkSize() {
    return 8192;
  }
}
