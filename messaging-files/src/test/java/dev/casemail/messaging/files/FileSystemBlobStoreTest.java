package dev.casemail.messaging.files;

import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.contract.blob.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract of every blob store, on FileSystemBlobStore in a new directory. */
class FileSystemBlobStoreTest implements BlobStoreContract {

  @TempDir
  Path directory;

  @Override
  public BlobStore newBlobStore() {
    return FileSystemBlobStore.in(directory);
  }

  @Override
  public int chunkSize() {
    return FileSystemBlobStore.BUFFER_SIZE;
  }
}
