package dev.casemail.messaging.core.port;

/**
 * Issues the numbers behind message, thread, draft and custom folder ids. A port so tests can make
 * ids predictable; the default is {@link TimeOrderedIdGenerator}.
 *
 * <p>Ids need only be unique within each mailbox they appear in (every row is keyed by its owner);
 * a store refuses a duplicate with a {@link StorageConflictException} and the call is retried with
 * fresh ids. Ids issued by one generator must increase, so that of two messages sent in the same
 * microsecond the later one sorts after the earlier (an auto-reply after what it answers).
 */
public interface IdGenerator {

  /** A new positive id, greater than every id this generator issued before. */
  long next();
}
