package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One participant's copy of a message: it sits in exactly one real folder of its owner's mailbox,
 * and records when the owner first opened it.
 *
 * @param openedAt when the owner first opened it; a sender's own copy is opened when sent
 */
public record MessageCopy(ParticipantId owner, Message message, FolderId folder, Optional<Instant> openedAt) {

  public MessageCopy {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /** The copy a message's sender keeps: in Sent, never unread. */
  public static MessageCopy forSender(Message message) {
    ParticipantId sender = message.sender().orElseThrow().id();
    return new MessageCopy(sender, message, SystemFolder.SENT.id(), Optional.of(message.sentAt()));
  }

  /** A recipient's copy, unread, in its home folder. */
  public static MessageCopy forRecipient(Message message, ParticipantId recipient) {
    MessageCopy placeholder = new MessageCopy(recipient, message, SystemFolder.INBOX.id(), Optional.empty());
    return placeholder.in(placeholder.homeFolder().id());
  }

  public Direction direction() {
    return message.isFrom(owner) ? Direction.SENT : Direction.RECEIVED;
  }

  /**
   * Where the copy lands and where a restore takes it back: Sent for the sender's copy, Action Items or
   * Notifications for a system message, Inbox for a received personal message or auto-reply.
   */
  public SystemFolder homeFolder() {
    switch (message.kind()) {
      case ACTION_ITEM:
        return SystemFolder.ACTION_ITEMS;
      case NOTIFICATION:
        return SystemFolder.NOTIFICATIONS;
      default:
        return direction() == Direction.SENT ? SystemFolder.SENT : SystemFolder.INBOX;
    }
  }

  public boolean isUnread() {
    return openedAt.isEmpty();
  }

  /** Whether the copy shows in its owner's All Messages: personal messages and auto-replies. */
  public boolean inAllMessages() {
    return message.isPersonal();
  }

  public MessageCopy in(FolderId newFolder) {
    return new MessageCopy(owner, message, newFolder, openedAt);
  }

  public MessageCopy openedAt(Instant at) {
    return new MessageCopy(owner, message, folder, Optional.of(at));
  }
}
