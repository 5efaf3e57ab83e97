package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.contract.blob.BlobStoreContract;

/** The contract of every blob store, on JdbcBlobStore on the embedded PostgreSQL. */
class PostgresBlobStoreTest implements BlobStoreContract {

  @Override
  public BlobStore newBlobStore() {
    return JdbcBlobStore.create(TestDatabases.freshPostgres());
  }

  @Override
  public int chunkSize() {
    return JdbcBlobStore.CHUNK_SIZE;
  }
}
