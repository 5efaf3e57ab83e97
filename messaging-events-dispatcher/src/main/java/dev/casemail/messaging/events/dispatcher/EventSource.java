package dev.casemail.messaging.events.dispatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the dispatcher takes its events from: the port a host's outbox (or any queue with leases and
 * ordered keys) implements for {@link EventDispatcher}. Four calls, made only from the dispatcher's own
 * threads. {@link OutboxEventSource} implements it on the library's {@code Messaging.events()}.
 *
 * <p>A source hands out <em>leases</em>: an event leased to a consumer is not leased again, to that
 * consumer name, until its lease runs out or it is released by {@link #retryLater} (several
 * dispatchers on several service instances may share one consumer name). An event the consumer
 * neither {@linkplain #acknowledge acknowledges} nor {@linkplain #retryLater fails} comes back when its
 * lease expires: delivery is at least once.
 *
 * <p><b>Keys are in order.</b> Each event has a key (the recipient's mailbox), and a source hands out a
 * key's events in their order, never one while an earlier event of its key is leased (to anyone) or
 * waiting for its retry. The dispatcher settles a key's events in that order: it acknowledges them in
 * order, and after a {@link #retryLater} it handles none of the key's later events of that lease (the
 * source gives them back with the failed one, after it).
 *
 * <p>The dispatcher passes back the very {@link LeasedEvent} objects that {@link #lease} returned, so
 * that a source whose leases carry a token (a lease id, a version) can keep it in the payload or beside
 * the object and refuse a call about a lease it no longer grants. The dispatcher itself never calls
 * {@link #acknowledge}, {@link #retryLater} or {@link #dead} for an event once the lease duration it
 * asked for has run out on its clock; a source should nevertheless refuse (throw) such a call, since
 * clocks and pauses differ. Whatever a source throws is logged and the call's events are left to come
 * back with their lease; it never stops the dispatcher.
 *
 * @param <E> the payload: the host's or the library's event type
 */
public interface EventSource<E> {

  /**
   * Leases up to {@code max} events that are due (never delivered, or whose retry time has come, or
   * whose earlier lease expired) to the named consumer, for {@code leaseDuration}. Returns at once;
   * an empty list when nothing is due. Within one key, events come in their order, and a key only when
   * no earlier event of it is leased or waiting for a retry.
   *
   * @param consumer the consumer name the dispatcher was built with
   * @param max between 1 and 1000
   * @param leaseDuration positive: how long the events are held for this caller
   * @param gatherFor zero, or the dispatcher's digest window: a key is leased only once its first due
   *     event is at least that old, and then with all its due events, so that one lease holds the
   *     events that reached a recipient within the window
   */
  List<LeasedEvent<E>> lease(String consumer, int max, Duration leaseDuration, Duration gatherFor);

  /**
   * Records that these events, leased by this consumer and still held, were handled: they are never
   * delivered to this consumer name again. The events are of one key, its next ones, in order.
   */
  void acknowledge(String consumer, List<LeasedEvent<E>> events);

  /**
   * Records that handling this held event (its key's next) failed, and releases it with the later
   * events of its key that the lease holds: it is due again at {@code retryAt}, with its
   * {@link LeasedEvent#attempt() attempt} one higher, and they come back after it.
   *
   * @param reason a short developer-facing text (the failure's class and message), at most 500 chars
   */
  void retryLater(String consumer, LeasedEvent<E> event, String reason, Instant retryAt);

  /**
   * Records that this held event (its key's next) failed for the last time: it is dead, never leased
   * again unless the host replays it, and stays visible (with the reason) for the host to inspect or
   * replay through the source's own API. It no longer holds its key back: the lease keeps holding the
   * key's later events.
   *
   * @param reason a short developer-facing text (the failure's class and message), at most 500 chars
   */
  void dead(String consumer, LeasedEvent<E> event, String reason);
}
