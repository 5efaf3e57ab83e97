package dev.casemail.messaging.core.port;

/**
 * Issues the numbers behind message, thread, draft and custom folder ids. A port so tests can make
 * ids predictable; the default is {@link TimeOrderedIdGenerator}.
 *
 * <p>A store refuses an id it already holds with a {@link StorageConflictException} and the call is
 * retried with fresh ids: a copy's or thread's id in the mailbox it appears in, and, in a store that
 * keeps a message's content once by its id (the JDBC store), a message id anywhere in the store, even
 * between other people. Ids issued by one generator must increase, so that of two messages sent in the same
 * microsecond the later one sorts after the earlier (an auto-reply after what it answers).
 */
public interface IdGenerator {

  /** A new positive id, greater than every id this generator issued before. */
  long next();
}
