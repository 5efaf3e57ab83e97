package dev.casemail.messaging.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The outbox of events ({@link Event}) the library writes in the same transaction as every change a
 * participant should hear of, for the host to email, text or push its users. Reached through
 * {@link Messaging#events()}; thread-safe.
 *
 * <p>A host registers a named consumer once, then leases batches, handles them and acknowledges them:
 *
 * <pre>{@code
 * Events events = messaging.events();
 * events.register("mailer");
 * EventBatch batch = events.lease("mailer", 100, Duration.ofMinutes(1));
 * for (Event event : batch.events()) {
 *   mailer.notify(event);                                  // idempotent on event.id()
 * }
 * events.acknowledge(batch.lease(), batch.events().stream().map(Event::id).toList());
 * }</pre>
 *
 * <p>What a consumer can rely on:
 * <ul>
 *   <li><b>At least once.</b> An event comes back when the lease that holds it ends before it was
 *       acknowledged, was {@linkplain #release released} or {@linkplain #fail failed}: a handler may see
 *       an event again, never not at all.</li>
 *   <li><b>Per mailbox in commit order.</b> A mailbox's events are numbered in the order their
 *       transactions committed, and a consumer is never given an event of a mailbox while an earlier
 *       one of that mailbox is leased and not settled: instances sharing a name never handle one
 *       mailbox's events out of order. Events of different mailboxes come in no promised order.</li>
 *   <li><b>No event skipped</b>, including one whose transaction commits after a later-numbered one of
 *       another mailbox: a consumer's position is kept per mailbox, never as one highest number seen.</li>
 *   <li><b>Durable position.</b> What a consumer acknowledged stays acknowledged across restarts (on a
 *       durable store), and several service instances consuming under one name never hold the same
 *       event at the same time.</li>
 *   <li>A new consumer starts at every mailbox's first event still kept.</li>
 * </ul>
 * Settling (acknowledge, fail, bury) takes a mailbox's held events in order: the next one it holds.
 * Bad input (an unknown consumer, a batch size or lease out of range) is an
 * {@link InvalidInputException} and changes nothing; settling what the lease does not hold (any
 * more) is a {@link ConflictException} and changes nothing.
 */
public interface Events {

  /** The longest consumer name. */
  int MAX_CONSUMER_NAME_LENGTH = 64;

  /** The most events one batch holds. */
  int MAX_BATCH_SIZE = 1000;

  /** The shortest lease. */
  Duration MIN_LEASE = Duration.ofSeconds(1);

  /** The longest lease, and the longest retry delay. */
  Duration MAX_LEASE = Duration.ofDays(1);

  /** The longest time {@link #purgeAcknowledged} may be asked to keep acknowledged events. */
  Duration MAX_RETENTION = Duration.ofDays(3660);

  /** The longest reason a consumer gives for a failure. */
  int MAX_REASON_LENGTH = 1000;

  /**
   * Registers a consumer under {@code name}; registering a name again does nothing.
   *
   * @param name 1 to {@value #MAX_CONSUMER_NAME_LENGTH} characters of {@code A–Z a–z 0–9 . _ -}
   * @throws InvalidInputException if the name breaks that rule
   */
  void register(String name);

  /** Every registered consumer's name, in order. */
  List<String> consumers();

  /**
   * Leases up to {@code maxEvents} pending events to the consumer for {@code leaseFor}: each mailbox's
   * next events in order, never an event of a mailbox whose earlier event another lease still holds.
   * An empty batch when nothing is pending.
   *
   * @param maxEvents 1 to {@value #MAX_BATCH_SIZE}
   * @param leaseFor from {@link #MIN_LEASE} to {@link #MAX_LEASE}
   * @throws InvalidInputException if the consumer is not registered or a value is out of range
   */
  EventBatch lease(String consumer, int maxEvents, Duration leaseFor);

  /**
   * Leases like {@link #lease(String, int, Duration)}, but a mailbox's events only once the first of
   * them that is pending happened at least {@code gatherFor} ago, and then all of its pending events
   * (up to {@code maxEvents} in the batch): the events that reached a recipient within that window come
   * in one batch, for one digest ("3 new messages from 2 people") instead of one notice each. A mailbox
   * whose first pending event is younger is left for a later lease; a dead event being
   * {@linkplain #replay replayed} is not held back. With zero it is {@link #lease(String, int, Duration)}.
   *
   * @param maxEvents 1 to {@value #MAX_BATCH_SIZE}
   * @param leaseFor from {@link #MIN_LEASE} to {@link #MAX_LEASE}
   * @param gatherFor from zero to {@link #MAX_LEASE}
   * @throws InvalidInputException if the consumer is not registered or a value is out of range
   */
  EventBatch lease(String consumer, int maxEvents, Duration leaseFor, Duration gatherFor);

  /**
   * Acknowledges events the lease holds: they are done for this consumer, and its position in their
   * mailboxes moves past them. All or nothing.
   *
   * @param events held by {@code lease}; those of one mailbox the next it holds there, in any order
   * @throws ConflictException naming the events the lease does not hold (never leased to it, settled,
   *     or its lease ended); nothing is acknowledged then
   * @throws InvalidInputException if an argument is null or empty, or an event of a mailbox is
   *     acknowledged while an earlier one the lease holds there is not
   */
  void acknowledge(EventLease lease, Collection<EventId> events);

  /**
   * Gives back every event the lease still holds: they are pending again at once, for any instance.
   *
   * @throws InvalidInputException if the lease is null
   */
  void release(EventLease lease);

  /**
   * Reports that handling {@code event} failed: it and the later events of its mailbox that the lease
   * holds come back after {@code retryAfter}, in order.
   *
   * @param event the next event the lease holds in its mailbox
   * @param reason why, 1 to {@value #MAX_REASON_LENGTH} characters
   * @param retryAfter from zero to {@link #MAX_LEASE}
   * @return how many times this consumer has failed the event, this time included
   * @throws ConflictException if the lease does not hold the event
   * @throws InvalidInputException if an argument is null or out of range, or the lease holds an earlier
   *     event of the mailbox
   */
  int fail(EventLease lease, EventId event, String reason, Duration retryAfter);

  /**
   * Gives up on {@code event}: it is listed among the consumer's {@linkplain #deadEvents dead events},
   * and the mailbox's later events are no longer held back by it (the lease keeps holding those).
   *
   * @param event the next event the lease holds in its mailbox
   * @param reason why, 1 to {@value #MAX_REASON_LENGTH} characters
   * @throws ConflictException if the lease does not hold the event
   * @throws InvalidInputException if an argument is null or out of range, or the lease holds an earlier
   *     event of the mailbox
   */
  void bury(EventLease lease, EventId event, String reason);

  /**
   * The consumer's dead events, oldest first.
   *
   * @param max 1 to {@value #MAX_BATCH_SIZE}
   * @throws InvalidInputException if the consumer is not registered or {@code max} is out of range
   */
  List<DeadEvent> deadEvents(String consumer, int max);

  /**
   * Delivers a dead event again: it leaves the dead events and is leased once more like a pending one
   * (outside its mailbox's order, since the events after it were delivered meanwhile). Buried again, it
   * is dead again.
   *
   * @throws InvalidInputException if the consumer is not registered or an argument is null
   * @throws NotFoundException if the event is not among the consumer's dead events
   */
  void replay(String consumer, EventId event);

  /**
   * Deletes the events every registered consumer has acknowledged that happened more than
   * {@code keptFor} ago. Never an event some consumer has not acknowledged yet (nor one of a consumer
   * registered since that has not reached it), never a dead one, and nothing at all while no consumer
   * is registered. A host calls it now and then (a dispatcher does), so that the outbox stays bounded
   * under a steady load; a consumer registered later starts at the first event kept.
   *
   * @param keptFor from zero to {@link #MAX_RETENTION}
   * @return how many events were deleted
   * @throws InvalidInputException if {@code keptFor} is null or out of range
   */
  long purgeAcknowledged(Duration keptFor);
}
