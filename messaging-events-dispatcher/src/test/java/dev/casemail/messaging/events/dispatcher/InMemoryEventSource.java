package dev.casemail.messaging.events.dispatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox as the tests need it, with the library's rules: events in append order, each key's in
 * order (a key's events are leased only up to its first one that is leased or waiting for a retry, and
 * settled in order), leases that run out on a clock, gathering (a key is leased only once its first
 * pending event is old enough), a retry that releases the key's later held events with the failed one,
 * and a record of every call. Like the library's outbox it refuses (throws) an acknowledgement or
 * failure for an event whose lease the caller no longer holds or that is not its key's next, and keeps
 * a list of such stale calls, which the dispatcher must never make.
 */
final class InMemoryEventSource<E> implements EventSource<E> {

  enum Status { PENDING, LEASED, ACKNOWLEDGED, DEAD }

  /** One event's state. */
  static final class Stored<E> {
    final String id;
    final String key;
    final E payload;
    final Instant appendedAt;
    Status status = Status.PENDING;
    Instant dueAt = Instant.MIN;
    Instant leaseUntil;
    LeasedEvent<E> lease;
    int failures;
    int leases;
    final List<String> reasons = new ArrayList<>();
    final List<Instant> retryTimes = new ArrayList<>();

    Stored(String id, String key, E payload, Instant appendedAt) {
      this.id = id;
      this.key = key;
      this.payload = payload;
      this.appendedAt = appendedAt;
    }

    boolean settled() {
      return status == Status.ACKNOWLEDGED || status == Status.DEAD;
    }
  }

  private final Clock clock;
  private final Map<String, Stored<E>> events = new LinkedHashMap<>();
  private final List<String> staleCalls = new ArrayList<>();
  private final List<List<String>> acknowledgements = new ArrayList<>();
  private final AtomicInteger leaseCalls = new AtomicInteger();
  private final List<Duration> gathers = new ArrayList<>();
  private int failingLeases;
  private int next;

  InMemoryEventSource(Clock clock) {
    this.clock = clock;
  }

  /** Adds a pending event, as a send would; returns its id. Never waits for a dispatcher. */
  synchronized String append(String key, E payload) {
    String id = "e" + (++next);
    events.put(id, new Stored<>(id, key, payload, clock.instant()));
    return id;
  }

  /** The next {@code count} lease calls throw. */
  synchronized void failNextLeases(int count) {
    failingLeases = count;
  }

  @Override
  public synchronized List<LeasedEvent<E>> lease(String consumer, int max, Duration leaseDuration, Duration gatherFor) {
    leaseCalls.incrementAndGet();
    gathers.add(gatherFor);
    if (failingLeases > 0) {
      failingLeases--;
      throw new IllegalStateException("the database is down");
    }
    if (max < 1 || max > 1000 || leaseDuration.isNegative() || leaseDuration.isZero() || gatherFor.isNegative()) {
      throw new IllegalArgumentException("absurd lease: " + max + " for " + leaseDuration + ", gathering " + gatherFor);
    }
    Instant now = clock.instant();
    Map<String, List<Stored<E>>> byKey = new LinkedHashMap<>();
    for (Stored<E> e : events.values()) {
      if (!e.settled()) {
        byKey.computeIfAbsent(e.key, k -> new ArrayList<>()).add(e);
      }
    }
    List<LeasedEvent<E>> batch = new ArrayList<>();
    for (List<Stored<E>> pending : byKey.values()) {
      Stored<E> first = pending.get(0);
      boolean held = first.status == Status.LEASED && now.isBefore(first.leaseUntil);
      boolean waiting = first.status == Status.PENDING && now.isBefore(first.dueAt);
      boolean gathering = first.appendedAt.isAfter(now.minus(gatherFor));
      if (held || waiting || gathering) {
        continue;
      }
      for (Stored<E> e : pending) {
        if (batch.size() == max) {
          return batch;
        }
        e.status = Status.LEASED;
        e.leaseUntil = now.plus(leaseDuration);
        e.lease = new LeasedEvent<>(e.id, e.key, e.failures + 1, e.payload);
        e.leases++;
        batch.add(e.lease);
      }
    }
    return batch;
  }

  @Override
  public synchronized void acknowledge(String consumer, List<LeasedEvent<E>> leased) {
    for (LeasedEvent<E> event : leased) {
      held("acknowledge", event);
    }
    List<String> ids = new ArrayList<>();
    for (LeasedEvent<E> event : leased) {
      Stored<E> e = next("acknowledge", event);
      e.status = Status.ACKNOWLEDGED;
      e.lease = null;
      ids.add(e.id);
    }
    acknowledgements.add(ids);
  }

  @Override
  public synchronized void retryLater(String consumer, LeasedEvent<E> event, String reason, Instant retryAt) {
    Stored<E> e = next("retryLater", event);
    e.failures++;
    e.reasons.add(reason);
    e.retryTimes.add(retryAt);
    e.status = Status.PENDING;
    e.dueAt = retryAt;
    e.lease = null;
    for (Stored<E> later : events.values()) { // the key's later held events come back with it
      if (later.key.equals(e.key) && later.status == Status.LEASED && later != e) {
        later.status = Status.PENDING;
        later.lease = null;
      }
    }
  }

  @Override
  public synchronized void dead(String consumer, LeasedEvent<E> event, String reason) {
    Stored<E> e = next("dead", event);
    e.failures++;
    e.reasons.add(reason);
    e.status = Status.DEAD;
    e.lease = null;
  }

  private Stored<E> held(String call, LeasedEvent<E> event) {
    Stored<E> e = events.get(event.id());
    boolean held = e != null && e.status == Status.LEASED && e.lease == event && clock.instant().isBefore(e.leaseUntil);
    if (!held) {
      staleCalls.add(call + " " + event.id());
      throw new IllegalStateException(call + " of " + event.id() + ", whose lease the caller does not hold");
    }
    return e;
  }

  /** The event, held by the caller and the first of its key not settled (as the outbox requires). */
  private Stored<E> next(String call, LeasedEvent<E> event) {
    Stored<E> e = held(call, event);
    for (Stored<E> other : events.values()) {
      if (other == e) {
        return e;
      }
      if (other.key.equals(e.key) && !other.settled()) {
        staleCalls.add(call + " " + event.id() + " before " + other.id);
        throw new IllegalStateException(call + " of " + event.id() + " before " + other.id + " of its key");
      }
    }
    return e;
  }

  /** The gathering window of every lease call, in order. */
  synchronized List<Duration> gathers() {
    return List.copyOf(gathers);
  }

  synchronized Status status(String id) {
    return events.get(id).status;
  }

  synchronized int failures(String id) {
    return events.get(id).failures;
  }

  synchronized int leases(String id) {
    return events.get(id).leases;
  }

  synchronized List<String> reasons(String id) {
    return List.copyOf(events.get(id).reasons);
  }

  synchronized List<Instant> retryTimes(String id) {
    return List.copyOf(events.get(id).retryTimes);
  }

  synchronized long count(Status status) {
    return events.values().stream().filter(e -> e.status == status).count();
  }

  synchronized boolean allIn(Status... statuses) {
    List<Status> wanted = List.of(statuses);
    return events.values().stream().allMatch(e -> wanted.contains(e.status));
  }

  synchronized List<String> staleCalls() {
    return List.copyOf(staleCalls);
  }

  synchronized List<List<String>> acknowledgements() {
    return List.copyOf(acknowledgements);
  }

  int leaseCalls() {
    return leaseCalls.get();
  }
}
