package dev.casemail.messaging.core.mailbox;

/**
 * Writes mailbox changes (a storage port, used within one write transaction): the only way the core
 * changes what a mailbox holds. A store applies the whole change, in batches where it can, or fails;
 * the transaction then rolls back so that none of it stays.
 *
 * <p>What a store must refuse atomically, signalling it with a {@code StorageConflictException} so the
 * call is retried with fresh ids: a copy of a message its owner's mailbox already holds; a copy of a
 * message that {@linkplain dev.casemail.messaging.core.message.Message#startsThread() starts a thread}
 * in a mailbox that already holds a copy in that thread (thread ids are unique per mailbox, so an id
 * source that repeats one never merges two conversations; a store places the copies that start a
 * thread before the other copies of the change); a folder id or a folder name key the mailbox already
 * has; a draft id taken; an idempotency key taken. A statement that finds the
 * state the core decided on gone (a draft at another version, a copy already opened) is a conflict too.
 */
public interface MailboxChanges {

  /** Applies every part of {@code change}; every mailbox it writes to has been locked by the call. */
  void apply(MailboxChange change);
}
