package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.contract.storage.StoragePortsContract;
import dev.casemail.messaging.core.port.Storage;

/** The contract of every storage port on the in-memory adapter. */
class InMemoryStoragePortsTest implements StoragePortsContract {

  @Override
  public Storage newStorage() {
    return new InMemoryStorage();
  }
}
