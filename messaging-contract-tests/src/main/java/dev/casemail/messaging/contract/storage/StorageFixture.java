package dev.casemail.messaging.contract.storage;

import dev.casemail.messaging.core.port.Storage;

/**
 * What an adapter's port-contract test class provides: the adapter's {@link Storage} on a new, empty
 * store. Each test calls it once, and must get storage that holds nothing yet (a fresh store, a fresh
 * database schema), so that tests never see each other's data.
 */
public interface StorageFixture {

  /** A new storage of the adapter under test, holding nothing yet (the schema, if any, in place). */
  Storage newStorage();
}
