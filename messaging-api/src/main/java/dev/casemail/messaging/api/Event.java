package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Something a participant (or the host on their behalf) should hear of, written in the same
 * transaction as the change that caused it: a message arrived, an access step, a first view, an
 * auto-reply, a notification, an export. Immutable. It never carries a subject or a body.
 *
 * <p>Which optional fields are present depends on the {@linkplain #type() type} and is exactly
 * {@link EventType#fields()}: for {@link EventType#MESSAGE_RECEIVED}, the {@linkplain #mailbox()
 * recipient}, the message, its thread, its kind and the sender (the counterpart).
 *
 * @param id the stable id: the mailbox the event concerns and its number there
 * @param at when it happened (the change's time, to the microsecond)
 * @param type what happened
 * @param message the message it is about, for the types that carry one
 * @param thread that message's thread
 * @param kind that message's kind, for {@link EventType#MESSAGE_RECEIVED} and {@link EventType#NOTIFICATION_POSTED}
 * @param counterpart the other participant (the sender, the viewer, the other side of an access link,
 *     the participant an auto-reply answered)
 * @param exportNumber the export's number, for {@link EventType#RECORD_EXPORTED}
 */
public record Event(
    EventId id,
    Instant at,
    EventType type,
    Optional<MessageId> message,
    Optional<ThreadId> thread,
    Optional<MessageKind> kind,
    Optional<ParticipantId> counterpart,
    Optional<Long> exportNumber) {

  /** @throws InvalidInputException if a part is null, or a field is present that the type does not carry, or missing that it does */
  public Event {
    InputRules.required("id", id);
    InputRules.required("at", at);
    InputRules.required("type", type);
    InputRules.required("message", message);
    InputRules.required("thread", thread);
    InputRules.required("kind", kind);
    InputRules.required("counterpart", counterpart);
    InputRules.required("exportNumber", exportNumber);
    Set<EventType.Field> present = EnumSet.noneOf(EventType.Field.class);
    if (message.isPresent()) {
      present.add(EventType.Field.MESSAGE);
    }
    if (thread.isPresent()) {
      present.add(EventType.Field.THREAD);
    }
    if (kind.isPresent()) {
      present.add(EventType.Field.KIND);
    }
    if (counterpart.isPresent()) {
      present.add(EventType.Field.COUNTERPART);
    }
    if (exportNumber.isPresent()) {
      present.add(EventType.Field.EXPORT_NUMBER);
    }
    if (!present.equals(type.fields())) {
      throw new InvalidInputException("event", "of type " + type + " carries " + type.fields() + " (was " + present + ")");
    }
  }

  /** The participant the event concerns: whose mailbox it belongs to, the one to notify. */
  public ParticipantId mailbox() {
    return id.mailbox();
  }
}
