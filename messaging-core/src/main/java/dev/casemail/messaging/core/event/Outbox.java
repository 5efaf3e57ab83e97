package dev.casemail.messaging.core.event;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;

/**
 * The events written and the consumers' state of delivery (a storage port, used within one
 * transaction). Events are appended only as part of a mailbox change ({@code MailboxChanges#appendEvents});
 * this port serves the core's consumer service, which decides every lease and every settlement from
 * the cursors it reads here, locked.
 *
 * <p>A consumer has one {@link EventCursor} per mailbox that has events: its position (every event up
 * to it is settled) and its lease, if one holds the mailbox's next events. A store creates a missing
 * cursor (position 0, no lease) when it is first needed, keeps them by (consumer, mailbox), and locks
 * what it returns "for update" until the transaction ends.
 */
public interface Outbox {

  /** Registers a consumer; false if the name was registered already. */
  boolean register(String consumer, Instant at);

  boolean isRegistered(String consumer);

  /** Every registered consumer's name, in order. */
  List<String> consumers();

  /**
   * Up to {@code max} of the consumer's cursors of mailboxes with events after the cursor's position
   * and no lease in force at {@code now}, each with the number of its mailbox's last event, locked;
   * cursors another transaction holds locked are skipped, not waited for (so instances of one consumer
   * never lease the same mailbox at once). Those served longest ago first. First creates the missing
   * cursors of every mailbox with events (a race to create one is a {@code StorageConflictException}).
   */
  List<EventCursor> leasable(String consumer, Instant now, int max);

  /** The consumer's cursors of {@code mailboxes} that exist, locked (waiting for any other holder). */
  Map<ParticipantId, EventCursor> cursors(String consumer, Collection<ParticipantId> mailboxes);

  /** The consumer's cursors whose lease has {@code token} (in force or not), locked. */
  List<EventCursor> heldCursors(String consumer, String token);

  /** The consumer's replays of dead events whose lease has {@code token}, locked. */
  List<DeadDelivery> heldDead(String consumer, String token);

  /** Stores cursors of the consumer (as {@link #leasable} or {@link #cursors} returned them, changed). */
  void saveCursors(String consumer, List<EventCursor> cursors);

  /**
   * The events of each range (a mailbox's events numbered from {@code after + 1}, up to {@code max} of
   * them, in order), by mailbox; a mailbox with none in its range is absent or empty. One mailbox is in
   * at most one range.
   */
  Map<ParticipantId, List<Event>> events(List<EventRange> ranges);

  /** The mailbox's events numbered from {@code after + 1}, up to {@code max} of them, in order. */
  default List<Event> events(ParticipantId mailbox, long after, int max) {
    return events(List.of(new EventRange(mailbox, after, max))).getOrDefault(mailbox, List.of());
  }

  /** The events of these ids that are kept. */
  List<Event> events(Collection<EventId> ids);

  /** Marks an event dead for a consumer (replacing any earlier dead state of it). */
  void bury(String consumer, DeadDelivery dead);

  /** The consumer's dead events not being replayed, oldest first. */
  List<DeadDelivery> dead(String consumer, int max);

  /** The consumer's dead state of one event, if it has one, locked. */
  Optional<DeadDelivery> dead(String consumer, EventId event);

  /** The consumer's dead events being replayed whose lease (if any) ended by {@code now}, locked, skipping locked ones. */
  List<DeadDelivery> replayable(String consumer, Instant now, int max);

  /** Stores a changed dead state (replaying, leased). */
  void saveDead(String consumer, DeadDelivery dead);

  /** Forgets a dead state: the replayed event was acknowledged. */
  void forgetDead(String consumer, EventId event);

  /**
   * Deletes the events that happened before {@code before} and that every registered consumer has
   * settled (its cursor of the event's mailbox is at or past it) and none holds dead; nothing while no
   * consumer is registered.
   *
   * @return how many were deleted
   */
  long purgeSettled(Instant before);
}
