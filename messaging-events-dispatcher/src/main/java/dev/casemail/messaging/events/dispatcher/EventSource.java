package dev.casemail.messaging.events.dispatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the dispatcher takes its events from: the port a host's outbox (or any queue with leases)
 * implements for {@link EventDispatcher}. Four calls, made only from the dispatcher's own threads.
 *
 * <p>A source hands out <em>leases</em>: an event leased to a consumer is not leased again, to that
 * consumer name, until its lease runs out or it is released by {@link #retryLater} (several
 * dispatchers on several service instances may share one consumer name). An event the consumer
 * neither {@linkplain #acknowledge acknowledges} nor {@linkplain #retryLater fails} comes back when its
 * lease expires: delivery is at least once.
 *
 * <p>The dispatcher passes back the very {@link LeasedEvent} objects that {@link #lease} returned, so
 * that a source whose leases carry a token (a lease id, a version) can keep it in the payload or beside
 * the object and refuse a call about a lease it no longer grants. The dispatcher itself never calls
 * {@link #acknowledge}, {@link #retryLater} or {@link #dead} for an event once the lease duration it
 * asked for has run out on its clock; a source should nevertheless refuse (throw) such a call, since
 * clocks and pauses differ. Whatever a source throws is logged and the call's events are left to come
 * back with their lease; it never stops the dispatcher.
 *
 * <p>An adapter to the library's outbox API is a few lines: each method forwards to the outbox under
 * the same consumer name.
 *
 * @param <E> the payload: the host's or the library's event type
 */
public interface EventSource<E> {

  /**
   * Leases up to {@code max} events that are due (never delivered, or whose retry time has come, or
   * whose earlier lease expired) to the named consumer, for {@code leaseDuration}. Returns at once;
   * an empty list when nothing is due. Within one key, events come in the order they should be
   * handled.
   *
   * @param consumer the consumer name the dispatcher was built with
   * @param max between 1 and 1000
   * @param leaseDuration positive: how long the events are held for this caller
   */
  List<LeasedEvent<E>> lease(String consumer, int max, Duration leaseDuration);

  /**
   * Records that these events, leased by this consumer and still held, were handled: they are never
   * delivered to this consumer name again.
   */
  void acknowledge(String consumer, List<LeasedEvent<E>> events);

  /**
   * Records that handling this held event failed, and releases it: it is due again at
   * {@code retryAt}, with its {@link LeasedEvent#attempt() attempt} one higher.
   *
   * @param reason a short developer-facing text (the failure's class and message), at most 500 chars
   */
  void retryLater(String consumer, LeasedEvent<E> event, String reason, Instant retryAt);

  /**
   * Records that this held event failed for the last time: it is dead, never leased again, and stays
   * visible (with the reason) for the host to inspect or replay through the source's own API.
   *
   * @param reason a short developer-facing text (the failure's class and message), at most 500 chars
   */
  void dead(String consumer, LeasedEvent<E> event, String reason);
}
