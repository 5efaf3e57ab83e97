package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each API call as one storage transaction: retries a call that lost a race in storage, lets the
 * API's own exceptions through, and reports anything else from storage as a {@link StorageException},
 * so no storage exception ever reaches a caller.
 */
final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  private final Storage storage;
  private final int maxAttempts;

  Transactions(Storage storage, int maxAttempts) {
    this.storage = storage;
    this.maxAttempts = maxAttempts;
  }

  <T> T write(String operation, Function<Store, T> work) {
    return run(operation, true, work);
  }

  <T> T read(String operation, Function<Store, T> work) {
    return run(operation, false, work);
  }

  private <T> T run(String operation, boolean write, Function<Store, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write ? storage.write(work) : storage.read(work);
      } catch (StorageConflictException e) {
        if (attempt >= maxAttempts) {
          LOG.debug("{} lost {} races in storage, giving up", operation, attempt, e);
          throw new ConflictException(operation + " collided with concurrent changes; try again");
        }
        LOG.debug("{} lost a race in storage (attempt {}), retrying: {}", operation, attempt, e.getMessage());
      } catch (MessagingException e) {
        LOG.debug("{} rejected: {}", operation, e.getMessage());
        throw e;
      } catch (RuntimeException e) {
        LOG.warn("{} failed in storage", operation, e);
        throw new StorageException(operation + " failed: " + e, e);
      }
    }
  }
}
