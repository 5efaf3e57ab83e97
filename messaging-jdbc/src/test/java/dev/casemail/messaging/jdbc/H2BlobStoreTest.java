package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.contract.blob.BlobStoreContract;

/** The contract of every blob store, on JdbcBlobStore on H2 2.x in memory. */
class H2BlobStoreTest implements BlobStoreContract {

  @Override
  public BlobStore newBlobStore() {
    return JdbcBlobStore.create(TestDatabases.freshH2());
  }

  @Override
  public int chunkSize() {
    return JdbcBlobStore.CHUNK_SIZE;
  }
}
