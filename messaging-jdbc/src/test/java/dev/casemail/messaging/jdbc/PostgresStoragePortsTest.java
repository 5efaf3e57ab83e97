package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.contract.storage.StoragePortsContract;
import dev.casemail.messaging.core.port.Storage;

/** The contract of every storage port on PostgreSQL 17 (embedded, started by the build). */
class PostgresStoragePortsTest implements StoragePortsContract {

  @Override
  public Storage newStorage() {
    return new JdbcStorage(TestDatabases.freshPostgres());
  }
}
