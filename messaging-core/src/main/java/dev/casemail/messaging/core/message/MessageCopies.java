package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.paging.PageKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The copies of messages in mailboxes (a storage port, used within one transaction), written through
 * {@code MailboxChanges}. Every method is scoped to one owner; an id of another owner's copy is simply
 * not found. No read takes a lock: the mailbox's lock serializes its writers.
 *
 * <p>Listing methods return at most {@code limit} copies strictly after {@code after} in their order,
 * and must cost the same whatever the size of the mailbox (a seek on an index, never a scan). They
 * return copies as a listing shows them ({@link ListedCopy#of(MessageCopy)}), without a message's body
 * or, on a received copy, its recipients: storage may keep those once per message, read by id when a
 * message is opened ({@link #find}, {@link #findAll}, {@link #every}).
 */
public interface MessageCopies {

  Optional<MessageCopy> find(ParticipantId owner, MessageId message);

  /** The owner's copies among {@code messages}; unknown ids are absent. */
  List<MessageCopy> findAll(ParticipantId owner, Collection<MessageId> messages);

  /**
   * Every copy of the owner's mailbox, in any order: what an export of the owner's record reads, and
   * the only read of a whole mailbox (an export is as long as the record it exports).
   */
  List<MessageCopy> every(ParticipantId owner);

  /** Copies in a real folder, newest first by (sent time, id). */
  List<ListedCopy> inFolder(ParticipantId owner, FolderId folder, Optional<PageKey> after, int limit);

  /** Copies of personal messages and auto-replies wherever they sit, newest first by (sent time, id). */
  List<ListedCopy> inAllMessages(ParticipantId owner, Optional<PageKey> after, int limit);

  /** Copies in one thread wherever they sit, oldest first by (sent time, id). */
  List<ListedCopy> inThread(ParticipantId owner, ThreadId thread, Optional<PageKey> after, int limit);
}
