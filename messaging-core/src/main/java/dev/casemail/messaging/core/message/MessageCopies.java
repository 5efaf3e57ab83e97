package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.paging.PageKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The copies of messages in mailboxes (a storage port, used within one transaction). Every method is
 * scoped to one owner; an id of another owner's copy is simply not found.
 *
 * <p>Listing methods return at most {@code limit} copies strictly after {@code after} in their order,
 * and must cost the same whatever the size of the mailbox (a seek on an index, never a scan).
 */
public interface MessageCopies {

  /** Stores the copies of one newly sent message (they all share the same {@link Message}). */
  void insert(List<MessageCopy> copies);

  Optional<MessageCopy> find(ParticipantId owner, MessageId message);

  /**
   * The owner's copies among {@code messages} (unknown ids are absent), read for update: a
   * transactional store keeps them locked until the transaction ends.
   */
  List<MessageCopy> findForUpdate(ParticipantId owner, Collection<MessageId> messages);

  /** Puts the owner's copies of {@code messages} (all known to exist) into {@code target}. */
  void move(ParticipantId owner, Collection<MessageId> messages, FolderId target);

  /** Moves every copy in folder {@code from} to {@code to}, returning how many moved and how many of them are unread. */
  FolderCounts moveAll(ParticipantId owner, FolderId from, FolderId to);

  /** Records when the owner first opened the copy (the copy is known to be unopened). */
  void markOpened(ParticipantId owner, MessageId message, Instant at);

  /** Copies in a real folder, newest first by (sent time, id). */
  List<MessageCopy> inFolder(ParticipantId owner, FolderId folder, Optional<PageKey> after, int limit);

  /** Copies of personal messages and auto-replies wherever they sit, newest first by (sent time, id). */
  List<MessageCopy> inAllMessages(ParticipantId owner, Optional<PageKey> after, int limit);

  /** Copies in one thread wherever they sit, oldest first by (sent time, id). */
  List<MessageCopy> inThread(ParticipantId owner, ThreadId thread, Optional<PageKey> after, int limit);
}
