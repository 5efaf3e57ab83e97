package dev.casemail.messaging.api;

import java.util.Set;

/**
 * What an {@link Event} says happened: a closed set, so that a host's handler can be exhaustive. Each
 * type names the mailbox the event concerns (the participant who should hear of it) and the fields it
 * carries ({@link #fields()}); an event never carries a subject or a body, so that a host can only send
 * a generic notice ("you have a new message") that makes its reader log in.
 */
public enum EventType {

  /**
   * A personal message or an auto-reply arrived. Mailbox: the recipient. Fields: the message, its
   * thread, its kind ({@link MessageKind#PERSONAL} or {@link MessageKind#AUTO_REPLY}) and the sender
   * (the counterpart). One event per recipient.
   */
  MESSAGE_RECEIVED(Field.MESSAGE, Field.THREAD, Field.KIND, Field.COUNTERPART),

  /**
   * The other side asked for professional access. Mailbox: the side that must answer. Counterpart: the
   * requester.
   */
  ACCESS_REQUESTED(Field.COUNTERPART),

  /** A request was approved. Mailbox: the side that asked. Counterpart: the side that approved. */
  ACCESS_APPROVED(Field.COUNTERPART),

  /** A request was refused. Mailbox: the side that asked. Counterpart: the side that refused. */
  ACCESS_REFUSED(Field.COUNTERPART),

  /** A request was refused and further requests blocked. Mailbox: the side that asked. Counterpart: the side that blocked. */
  ACCESS_BLOCKED(Field.COUNTERPART),

  /** A request was withdrawn by its requester. Mailbox: the side that was asked. Counterpart: the requester. */
  ACCESS_WITHDRAWN(Field.COUNTERPART),

  /** Approved access was removed. Mailbox: the side that did not remove it. Counterpart: the side that did. */
  ACCESS_REMOVED(Field.COUNTERPART),

  /**
   * A recipient opened a message for the first time. Mailbox: the message's sender. Fields: the
   * message, its thread and the recipient who opened it (the counterpart). Once per recipient.
   */
  MESSAGE_FIRST_VIEWED(Field.MESSAGE, Field.THREAD, Field.COUNTERPART),

  /**
   * The mailbox's auto-responder answered someone. Mailbox: the auto-responder's owner. Fields: the
   * auto-reply, its thread and the participant it answered (the counterpart, who also gets a
   * {@link #MESSAGE_RECEIVED} of kind {@link MessageKind#AUTO_REPLY}).
   */
  AUTO_REPLY_SENT(Field.MESSAGE, Field.THREAD, Field.COUNTERPART),

  /**
   * The host posted a notification. Mailbox: the recipient. Fields: the notification, its thread and
   * its kind ({@link MessageKind#NOTIFICATION}).
   */
  NOTIFICATION_POSTED(Field.MESSAGE, Field.THREAD, Field.KIND),

  /** The mailbox's record was exported (by its owner or by the host). Mailbox: the owner. Field: the export's number. */
  RECORD_EXPORTED(Field.EXPORT_NUMBER);

  /** The optional fields of an {@link Event}: each type carries exactly its own. */
  public enum Field {
    /** {@link Event#message()}. */
    MESSAGE,
    /** {@link Event#thread()}. */
    THREAD,
    /** {@link Event#kind()}. */
    KIND,
    /** {@link Event#counterpart()}. */
    COUNTERPART,
    /** {@link Event#exportNumber()}. */
    EXPORT_NUMBER
  }

  private final Set<Field> fields;

  EventType(Field... fields) {
    this.fields = Set.of(fields);
  }

  /** The fields an event of this type carries; every other optional field is empty. */
  public Set<Field> fields() {
    return fields;
  }

  /** The type of the event that an access link's step to {@code status} causes. */
  public static EventType ofAccess(AccessStatus status) {
    switch (status) {
      case REQUESTED:
        return ACCESS_REQUESTED;
      case APPROVED:
        return ACCESS_APPROVED;
      case REFUSED:
        return ACCESS_REFUSED;
      case BLOCKED:
        return ACCESS_BLOCKED;
      case WITHDRAWN:
        return ACCESS_WITHDRAWN;
      case REMOVED:
        return ACCESS_REMOVED;
      default:
        throw new IllegalArgumentException("no event for " + status);
    }
  }
}
