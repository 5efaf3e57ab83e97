package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A copy of a message as stored: mutable where a copy may change (its folder, its first-viewed time),
 * sharing the immutable {@link Message} with every other copy.
 */
final class CopyEntry implements ThreadKeyed {

  final Message message;
  FolderId folder;
  Instant openedAt;

  CopyEntry(Message message, FolderId folder, Instant openedAt) {
    this.message = message;
    this.folder = folder;
    this.openedAt = openedAt;
  }

  @Override
  public Instant at() {
    return message.sentAt();
  }

  @Override
  public long id() {
    return message.id().value();
  }

  @Override
  public long threadId() {
    return message.thread().value();
  }

  boolean inAllMessages() {
    return message.isPersonal();
  }

  MessageCopy toCopy(ParticipantId owner) {
    return new MessageCopy(owner, message, folder, Optional.ofNullable(openedAt));
  }

  static final Comparator<Keyed> NEWEST_FIRST = Keyed.OLDEST_FIRST.reversed();

}
