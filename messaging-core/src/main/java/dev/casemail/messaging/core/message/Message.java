package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sent message. Immutable once sent: nobody edits or deletes it, since it may be evidence in court.
 * Each copy in a mailbox ({@link MessageCopy}) refers to it.
 *
 * @param sender the author as registered when the message was sent; empty for a system message
 * @param recipients the recipients as registered when the message was sent, in the sender's order
 * @param attachments the files it carries, in order: their names, detected types, sizes and hashes (the
 *     bytes are in the blob store, under the hash)
 */
public record Message(
    MessageId id,
    ThreadId thread,
    MessageKind kind,
    Optional<Participant> sender,
    List<Participant> recipients,
    String subject,
    String body,
    Instant sentAt,
    Optional<MessageId> inReplyTo,
    List<AttachmentView> attachments) {

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sender, "sender");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(inReplyTo, "inReplyTo");
    attachments = List.copyOf(attachments);
    if (kind.isSystem() == sender.isPresent()) {
      throw new IllegalArgumentException("system messages, and only they, have no sender");
    }
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("a message has at least one recipient");
    }
  }

  /** A message that carries no file. */
  public Message(
      MessageId id,
      ThreadId thread,
      MessageKind kind,
      Optional<Participant> sender,
      List<Participant> recipients,
      String subject,
      String body,
      Instant sentAt,
      Optional<MessageId> inReplyTo) {
    this(id, thread, kind, sender, recipients, subject, body, sentAt, inReplyTo, List.of());
  }

  /** This message carrying {@code files}, as storage reads them back. */
  public Message withAttachments(List<AttachmentView> files) {
    return new Message(id, thread, kind, sender, recipients, subject, body, sentAt, inReplyTo, files);
  }

  /**
   * Whether it starts a thread of its own: a message that answers none (a new message, a system
   * message). A reply or an auto-reply joins the thread of what it answers.
   */
  public boolean startsThread() {
    return inReplyTo.isEmpty();
  }

  /** Personal messages and auto-replies: the messages of All Messages. */
  public boolean isPersonal() {
    return !kind.isSystem();
  }

  /** Whether {@code participant} wrote it. */
  public boolean isFrom(ParticipantId participant) {
    return sender.map(s -> s.id().equals(participant)).orElse(false);
  }

  /** Its position in every listing: (sent time, id). */
  public PageKey key() {
    return new PageKey(sentAt, id.value());
  }
}
