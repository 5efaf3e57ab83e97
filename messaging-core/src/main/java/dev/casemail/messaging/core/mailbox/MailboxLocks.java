package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.record.RecordHead;
import java.util.Map;
import java.util.Set;

/**
 * Serializes the writes to each mailbox (a storage port, used within one write transaction).
 *
 * <p>Every write transaction calls {@link #lock} exactly once, before it reads anything that may
 * change, naming every mailbox it is going to write; only reads of what never changes (participants, a
 * message's content) may come before. A store locks them all at once in one global order (a
 * transactional store: the mailboxes' rows in key order), so that two writes never wait for each
 * other in a cycle, and keeps them locked until the transaction ends. Nothing else a store does may
 * take a lock that another write could be waiting for.
 */
public interface MailboxLocks {

  /**
   * Locks the mailboxes of {@code owners} (registered or not) until the transaction ends.
   *
   * @return the head of the record of each locked mailbox that exists, as the lock found it: what the
   *     call's record entries are sealed onto (a transactional store reads it with the lock)
   */
  Map<ParticipantId, RecordHead> lock(Set<ParticipantId> owners);
}
