package dev.casemail.messaging.core.event;

import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event a change causes, before it has its number: the store gives it the next number of its
 * mailbox's sequence when it appends it ({@link Outbox}), under the mailbox's lock, so a mailbox's
 * events are numbered in commit order. Made only by the rules below, from the parts of a
 * {@code MailboxChange}, so that no operation decides its events by hand.
 */
public record NewEvent(
    ParticipantId mailbox,
    Instant at,
    EventType type,
    Optional<MessageId> message,
    Optional<ThreadId> thread,
    Optional<MessageKind> kind,
    Optional<ParticipantId> counterpart,
    Optional<Long> exportNumber) {

  public NewEvent {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(counterpart, "counterpart");
    Objects.requireNonNull(exportNumber, "exportNumber");
  }

  /**
   * What placing {@code copy} tells its owner: a received personal message or auto-reply, a
   * notification, or (in the sender's own copy of an auto-reply) that the auto-responder answered
   * someone. An action item tells nothing of its own: the access step that posts it has its event, and
   * nor does the sender's copy of what they sent themselves.
   */
  public static Optional<NewEvent> placed(MessageCopy copy) {
    Message message = copy.message();
    ParticipantId owner = copy.owner();
    Optional<ThreadId> thread = Optional.of(message.thread());
    Optional<MessageId> id = Optional.of(message.id());
    switch (message.kind()) {
      case PERSONAL:
      case AUTO_REPLY:
        if (message.isFrom(owner)) {
          if (message.kind() != MessageKind.AUTO_REPLY) {
            return Optional.empty();
          }
          ParticipantId answered = message.recipients().get(0).id();
          return Optional.of(new NewEvent(owner, message.sentAt(), EventType.AUTO_REPLY_SENT, id, thread,
              Optional.empty(), Optional.of(answered), Optional.empty()));
        }
        return Optional.of(new NewEvent(owner, message.sentAt(), EventType.MESSAGE_RECEIVED, id, thread,
            Optional.of(message.kind()), Optional.of(message.sender().orElseThrow().id()), Optional.empty()));
      case NOTIFICATION:
        return Optional.of(new NewEvent(owner, message.sentAt(), EventType.NOTIFICATION_POSTED, id, thread,
            Optional.of(MessageKind.NOTIFICATION), Optional.empty(), Optional.empty()));
      default:
        return Optional.empty();
    }
  }

  /** What a recipient's first view of {@code copy} tells the sender (a system message has none to tell). */
  public static Optional<NewEvent> firstView(MessageCopy copy, Instant at) {
    return copy.message().sender().map(sender -> new NewEvent(sender.id(), at, EventType.MESSAGE_FIRST_VIEWED,
        Optional.of(copy.message().id()), Optional.of(copy.message().thread()), Optional.empty(),
        Optional.of(copy.owner()), Optional.empty()));
  }

  /** What a link's last step tells the side that did not take it: the side its action item goes to. */
  public static NewEvent accessStep(AccessLink link) {
    AccessEvent step = link.lastEvent();
    return new NewEvent(link.counterpartOf(step.actor()), step.at(), EventType.ofAccess(step.status()),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(step.actor()), Optional.empty());
  }

  /** What an export of {@code owner}'s record tells the owner. */
  public static NewEvent exported(ParticipantId owner, RecordedExport export) {
    return new NewEvent(owner, export.exportedAt(), EventType.RECORD_EXPORTED, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(export.exportNumber()));
  }

  /** The event with the number its mailbox's sequence gave it. */
  public Event numbered(long sequence) {
    return new Event(new EventId(mailbox, sequence), at, type, message, thread, kind, counterpart, exportNumber);
  }
}
