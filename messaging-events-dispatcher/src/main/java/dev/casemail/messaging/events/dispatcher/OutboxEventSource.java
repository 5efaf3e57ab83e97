package dev.casemail.messaging.events.dispatcher;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventLease;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's outbox ({@code Messaging.events()}) as an {@link EventSource}: what a host passes to
 * {@link EventDispatcher#builder} to have its handler run on the library's {@link Event}s.
 *
 * <pre>{@code
 * EventDispatcher<Event> mailer = EventDispatcher.builder(
 *         OutboxEventSource.on(messaging.events()).purgingAcknowledgedAfter(Duration.ofDays(7)), "mailer")
 *     .digest(Duration.ofMinutes(5), 50, digest -> notices.send(digest))
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>Each call forwards to the outbox under the dispatcher's consumer name, which it registers on the
 * first lease. The key of an event is its mailbox (the participant to notify), its id is
 * {@link EventId#toString()}, and its attempt is one more than the failures the outbox counted. A
 * retry is the outbox's {@link Events#fail fail} (it gives the mailbox's later held events back with
 * the failed one, as {@link EventSource} requires), the last failure its {@link Events#bury bury}: dead
 * events are listed by {@link Events#deadEvents} and delivered again after {@link Events#replay}, with
 * one more attempt. Failure reasons are flattened to one line of visible characters.
 *
 * <p>With {@link #purgingAcknowledgedAfter}, the lease call (on the dispatcher's poller thread) also
 * purges, at most once per purge interval, the events every consumer acknowledged longer ago than the
 * retention ({@link Events#purgeAcknowledged}), so that the outbox stays bounded under a steady load.
 * Where several dispatchers run, one purging is enough; several do no harm.
 *
 * <p>Thread-safe; immutable settings, with the leases it handed out kept until they are settled or
 * over.
 */
public final class OutboxEventSource implements EventSource<Event> {

  /** How often a purging source purges unless told otherwise. */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(OutboxEventSource.class);

  private final Events events;
  private final Clock clock;
  private final Duration keptFor;
  private final Duration purgeInterval;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  /** The lease each handed-out event belongs to, by the very object handed out. */
  private final Map<LeasedEvent<Event>, Held> held = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Object purging = new Object();
  private Instant lastPurge; // guarded by purging

  private record Held(EventLease lease, Instant leasedUntil) {}

  private OutboxEventSource(Events events, Clock clock, Duration keptFor, Duration purgeInterval) {
    this.events = events;
    this.clock = clock;
    this.keptFor = keptFor;
    this.purgeInterval = purgeInterval;
  }

  /**
   * A source on the outbox, on the system's UTC clock (give the dispatcher the same one).
   *
   * @throws InvalidInputException naming {@code events} if it is null
   */
  public static OutboxEventSource on(Events events) {
    return on(events, Clock.systemUTC());
  }

  /**
   * A source on the outbox, turning the dispatcher's retry times into delays on {@code clock}: the
   * dispatcher's clock, and the library's.
   *
   * @throws InvalidInputException naming {@code events} or {@code clock} if one is null
   */
  public static OutboxEventSource on(Events events, Clock clock) {
    if (events == null) {
      throw new InvalidInputException("events", "must not be null");
    }
    if (clock == null) {
      throw new InvalidInputException("clock", "must not be null");
    }
    return new OutboxEventSource(events, clock, null, DEFAULT_PURGE_INTERVAL);
  }

  /**
   * This source, also purging the acknowledged events older than {@code keptFor} every
   * {@link #DEFAULT_PURGE_INTERVAL}.
   *
   * @param keptFor from zero to {@link Events#MAX_RETENTION}
   * @throws InvalidInputException naming {@code keptFor} if it is null or out of range
   */
  public OutboxEventSource purgingAcknowledgedAfter(Duration keptFor) {
    return purgingAcknowledgedAfter(keptFor, DEFAULT_PURGE_INTERVAL);
  }

  /**
   * This source, also purging the acknowledged events older than {@code keptFor} at most once per
   * {@code interval}.
   *
   * @param keptFor from zero to {@link Events#MAX_RETENTION}
   * @param interval from one second to one day
   * @throws InvalidInputException naming {@code keptFor} or {@code interval} if one is null or out of
   *     range
   */
  public OutboxEventSource purgingAcknowledgedAfter(Duration keptFor, Duration interval) {
    if (keptFor == null || keptFor.isNegative() || keptFor.compareTo(Events.MAX_RETENTION) > 0) {
      throw new InvalidInputException("keptFor", "must be from zero to " + Events.MAX_RETENTION);
    }
    if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidInputException("interval", "must be from one second to one day");
    }
    return new OutboxEventSource(events, clock, keptFor, interval);
  }

  @Override
  public List<LeasedEvent<Event>> lease(String consumer, int max, Duration leaseDuration, Duration gatherFor) {
    if (registered.add(consumer)) {
      try {
        events.register(consumer);
      } catch (RuntimeException e) {
        registered.remove(consumer);
        throw e;
      }
    }
    purgeIfDue();
    forgetEnded();
    EventBatch batch = events.lease(consumer, max, leaseDuration, gatherFor);
    Held lease = new Held(batch.lease(), batch.leasedUntil());
    List<LeasedEvent<Event>> leased = new ArrayList<>(batch.events().size());
    for (Event event : batch.events()) {
      LeasedEvent<Event> handedOut = new LeasedEvent<>(
          event.id().toString(), event.mailbox().toString(), batch.failuresOf(event.id()) + 1, event);
      held.put(handedOut, lease);
      leased.add(handedOut);
    }
    return leased;
  }

  @Override
  public void acknowledge(String consumer, List<LeasedEvent<Event>> handled) {
    Map<EventLease, List<EventId>> byLease = new LinkedHashMap<>();
    for (LeasedEvent<Event> event : handled) {
      byLease.computeIfAbsent(leaseOf(event), l -> new ArrayList<>()).add(event.payload().id());
    }
    byLease.forEach(events::acknowledge);
    handled.forEach(held::remove);
  }

  @Override
  public void retryLater(String consumer, LeasedEvent<Event> event, String reason, Instant retryAt) {
    Duration after = Duration.between(clock.instant(), retryAt);
    if (after.isNegative()) {
      after = Duration.ZERO;
    } else if (after.compareTo(Events.MAX_LEASE) > 0) {
      after = Events.MAX_LEASE;
    }
    EventLease lease = leaseOf(event);
    events.fail(lease, event.payload().id(), oneLine(reason), after);
    synchronized (held) { // the mailbox's later events went back with it
      held.entrySet().removeIf(e -> e.getValue().lease().equals(lease) && e.getKey().key().equals(event.key()));
    }
  }

  @Override
  public void dead(String consumer, LeasedEvent<Event> event, String reason) {
    events.bury(leaseOf(event), event.payload().id(), oneLine(reason));
    held.remove(event);
  }

  private EventLease leaseOf(LeasedEvent<Event> event) {
    Held lease = held.get(event);
    if (lease == null) {
      throw new IllegalStateException("event " + event.id() + " is not held by a lease of this source (settled, or"
          + " its lease ended)");
    }
    return lease.lease();
  }

  /** Forgets the leases that ended: their events are back in the outbox, for any instance. */
  private void forgetEnded() {
    Instant now = clock.instant();
    synchronized (held) {
      held.values().removeIf(lease -> !now.isBefore(lease.leasedUntil()));
    }
  }

  private void purgeIfDue() {
    if (keptFor == null) {
      return;
    }
    synchronized (purging) {
      Instant now = clock.instant();
      if (lastPurge != null && now.isBefore(lastPurge.plus(purgeInterval))) {
        return;
      }
      lastPurge = now;
    }
    try {
      long purged = events.purgeAcknowledged(keptFor);
      if (purged > 0) {
        log.info("purged {} acknowledged events older than {}", purged, keptFor);
      }
    } catch (RuntimeException e) {
      log.warn("purging acknowledged events failed; trying again in {}", purgeInterval, e);
    }
  }

  /** The reason as the outbox takes it: one line of visible characters, never blank. */
  static String oneLine(String reason) {
    StringBuilder line = new StringBuilder();
    String text = reason == null ? "" : reason;
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR;
      line.appendCodePoint(invisible ? ' ' : c);
    });
    String flat = line.toString().replaceAll("\\s+", " ").strip();
    if (flat.isEmpty()) {
      return "the handler failed";
    }
    return flat.codePointCount(0, flat.length()) <= Events.MAX_REASON_LENGTH
        ? flat
        : flat.substring(0, flat.offsetByCodePoints(0, Events.MAX_REASON_LENGTH - 1)) + "…";
  }
}
