package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.config.RetryListener;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.SealedRecord;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each API call as one storage transaction.
 *
 * <p>A write goes through the same steps every time, so that no operation can take them in another
 * order: it plans (names every mailbox it will write, reading only what never changes), locks those
 * mailboxes all at once (the store locks them in one global order, so crossing calls never wait for
 * each other in a cycle, and reads their records' heads with the lock), decides the whole change from
 * what it then reads, seals what the change records onto those heads (each entry the next place of its
 * record), and applies that change in one go. A change that writes a mailbox the plan did not name is a bug, refused before anything is
 * written.
 *
 * <p>A call that lost a race in storage is retried; the API's own exceptions pass through; anything
 * else from storage is reported as a {@link StorageException} (and logged without flooding the log),
 * so no storage exception ever reaches a caller.
 */
final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  private final Storage storage;
  private final int maxAttempts;
  private final RetryListener retries;
  private final FailureLog failures;

  Transactions(Storage storage, int maxAttempts, RetryListener retries, FailureLog failures) {
    this.storage = storage;
    this.maxAttempts = maxAttempts;
    this.retries = retries;
    this.failures = failures;
  }

  /** Runs a write: plan, lock, decide, apply. */
  <T> T write(String operation, Function<Store, Plan<T>> planning) {
    return run(operation, true, store -> {
      Plan<T> plan = planning.apply(store);
      Map<ParticipantId, RecordHead> heads = store.locks().lock(plan.mailboxes());
      Outcome<T> outcome = plan.work().get();
      MailboxChange change = outcome.change();
      if (!plan.mailboxes().containsAll(change.owners())) {
        Set<ParticipantId> unplanned = new HashSet<>(change.owners());
        unplanned.removeAll(plan.mailboxes());
        throw new IllegalStateException(operation + " would write mailboxes it did not lock: " + unplanned);
      }
      if (!change.recordings().isEmpty()) {
        // every entry takes the next place of its record, as the lock found the record
        change = change.sealed(SealedRecord.seal(change.recordings(), heads));
      }
      if (!change.isEmpty()) {
        store.changes().apply(change);
      }
      return outcome.result();
    });
  }

  /**
   * Runs a write that changes no mailbox (a consumer's position in the outbox): no plan and no
   * mailbox lock; what it writes it locks itself, through its port.
   */
  <T> T writeOutsideMailboxes(String operation, Function<Store, T> work) {
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
        retries.retrying(operation, attempt);
      } catch (MessagingException e) {
        LOG.debug("{} rejected: {}", operation, e.getMessage());
        throw e;
      } catch (RuntimeException e) {
        failures.storageFailed(operation, e);
        throw new StorageException(operation + " failed: " + e, e);
      }
    }
  }
}
