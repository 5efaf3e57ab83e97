package dev.casemail.messaging.core.port;

import java.util.function.Function;

/**
 * The transaction boundary a storage adapter provides. The core runs every API call as exactly one
 * call of {@link #write} or {@link #read}.
 *
 * <p>Failures: an adapter throws {@link StorageConflictException} when the transaction lost a race
 * that a retry may win (a unique key taken meanwhile, a serialization failure, a deadlock); the core
 * retries the whole call. Any other failure of the store itself may be thrown as any unchecked
 * exception; the core reports it as a {@code StorageException}. Exceptions thrown by {@code work}
 * propagate unchanged after the rollback.
 */
public interface Storage {

  /**
   * Runs {@code work} in one transaction: everything it changed is committed together when it
   * returns, and nothing is when it throws. The work locks the mailboxes it writes through
   * {@link Store#locks()} before it reads anything that may change.
   */
  <T> T write(Function<Store, T> work);

  /**
   * Runs {@code work} that only reads, on one consistent snapshot of the store: a page and the counts
   * read with it agree.
   */
  <T> T read(Function<Store, T> work);
}
