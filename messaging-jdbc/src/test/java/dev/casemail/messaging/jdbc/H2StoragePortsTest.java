package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.contract.storage.StoragePortsContract;
import dev.casemail.messaging.core.port.Storage;

/** The contract of every storage port on H2 2.x in memory. */
class H2StoragePortsTest implements StoragePortsContract {

  @Override
  public Storage newStorage() {
    return new JdbcStorage(TestDatabases.freshH2());
  }
}
