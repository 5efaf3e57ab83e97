package dev.casemail.messaging.core.application;

import static dev.casemail.messaging.api.InputRules.required;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DeadEvent;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventLease;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.event.DeadDelivery;
import dev.casemail.messaging.core.event.EventCursor;
import dev.casemail.messaging.core.event.EventRange;
import dev.casemail.messaging.core.event.Outbox;
import dev.casemail.messaging.core.port.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The consumers' side of the outbox: every lease and settlement is decided here, from the consumer's
 * cursors read locked through {@link Outbox} (see {@link EventCursor} for the rules), in one
 * transaction per call; a store only keeps and finds them.
 */
final class EventService implements Events {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_CONSUMER_NAME_LENGTH + "}");

  private final Context context;

  EventService(Context context) {
    this.context = context;
  }

  @Override
  public void register(String name) {
    String consumer = name(name);
    context.transactions.writeOutsideMailboxes("registerConsumer", store -> store.outbox().register(consumer, context.now()));
  }

  @Override
  public List<String> consumers() {
    return context.transactions.read("consumers", store -> store.outbox().consumers());
  }

  @Override
  public EventBatch lease(String name, int maxEvents, Duration leaseFor) {
    return lease(name, maxEvents, leaseFor, Duration.ZERO);
  }

  @Override
  public EventBatch lease(String name, int maxEvents, Duration leaseFor, Duration gatherFor) {
    String consumer = name(name);
    if (maxEvents < 1 || maxEvents > MAX_BATCH_SIZE) {
      throw new InvalidInputException("maxEvents", "must be 1 to " + MAX_BATCH_SIZE + " (was " + maxEvents + ")");
    }
    required("leaseFor", leaseFor);
    if (leaseFor.compareTo(MIN_LEASE) < 0 || leaseFor.compareTo(MAX_LEASE) > 0) {
      throw new InvalidInputException("leaseFor", "must be from " + MIN_LEASE + " to " + MAX_LEASE + " (was " + leaseFor + ")");
    }
    required("gatherFor", gatherFor);
    if (gatherFor.isNegative() || gatherFor.compareTo(MAX_LEASE) > 0) {
      throw new InvalidInputException("gatherFor", "must be from zero to " + MAX_LEASE + " (was " + gatherFor + ")");
    }
    return consuming("leaseEvents", consumer, store -> {
      Outbox outbox = store.outbox();
      Instant now = context.now();
      Instant until = now.plus(leaseFor);
      EventLease lease = new EventLease(consumer, UUID.randomUUID().toString());
      Instant gatheredBy = now.minus(gatherFor);
      List<Event> events = new ArrayList<>();
      Map<EventId, Integer> failures = new HashMap<>();
      List<DeadDelivery> replays = outbox.replayable(consumer, now, maxEvents);
      List<EventId> replayed = new ArrayList<>();
      for (DeadDelivery dead : replays) {
        if (dead.leasableAt(now)) {
          outbox.saveDead(consumer, dead.leasedTo(lease.token(), until));
          replayed.add(dead.event());
          if (dead.attempts() > 0) {
            failures.put(dead.event(), dead.attempts());
          }
        }
      }
      if (!replayed.isEmpty()) {
        events.addAll(outbox.events(replayed));
      }
      int remaining = maxEvents - events.size();
      if (remaining > 0) {
        List<EventCursor> candidates = outbox.leasable(consumer, now, remaining).stream()
            .filter(cursor -> cursor.leasableAt(now)) // the others are locked, but nothing for this lease
            .collect(Collectors.toList());
        List<EventCursor> leased = new ArrayList<>();
        int from = 0;
        while (remaining > 0 && from < candidates.size()) {
          // one read for the next cursors, each planned to take what the ones before it leave (as if
          // each gave all it is asked for); a cursor that then could take more, because one before it
          // gave less (nothing yet, still gathering), is read again, with the next, in a second read
          List<EventRange> ranges = new ArrayList<>();
          int planned = remaining;
          for (int i = from; i < candidates.size() && planned > 0; i++) {
            EventCursor cursor = candidates.get(i);
            int take = (int) Math.min(planned, cursor.last() - cursor.position());
            ranges.add(new EventRange(cursor.mailbox(), cursor.position(), take));
            planned -= take;
          }
          Map<ParticipantId, List<Event>> read = outbox.events(ranges);
          int next = from + ranges.size();
          for (int i = 0; i < ranges.size(); i++) {
            EventCursor cursor = candidates.get(from + i);
            int take = (int) Math.min(remaining, cursor.last() - cursor.position());
            if (take > ranges.get(i).max()) {
              next = from + i;
              break;
            }
            if (remaining == 0) {
              next = candidates.size();
              break;
            }
            List<Event> got = read.getOrDefault(cursor.mailbox(), List.of());
            if (got.isEmpty() || got.get(0).at().isAfter(gatheredBy)) {
              continue; // nothing, or still gathering: left for a later lease
            }
            if (cursor.attempts() > 0) {
              failures.put(got.get(0).id(), cursor.attempts());
            }
            events.addAll(got);
            remaining -= got.size();
            leased.add(cursor.startingAt(got.get(0).id().sequence())
                .leasedTo(lease.token(), until, got.get(got.size() - 1).id().sequence(), now));
          }
          from = next;
        }
        if (!leased.isEmpty()) {
          outbox.saveCursors(consumer, leased);
        }
      }
      return new EventBatch(lease, until, events, failures);
    });
  }

  @Override
  public void acknowledge(EventLease lease, Collection<EventId> events) {
    required("lease", lease);
    InputRules.size("events", required("events", events), 1, MAX_BATCH_SIZE);
    for (EventId id : events) {
      required("events", id);
    }
    String consumer = name(lease.consumer());
    consuming("acknowledgeEvents", consumer, store -> {
      Outbox outbox = store.outbox();
      Instant now = context.now();
      Map<ParticipantId, TreeSet<Long>> byMailbox = new TreeMap<>();
      for (EventId id : events) {
        byMailbox.computeIfAbsent(id.mailbox(), m -> new TreeSet<>()).add(id.sequence());
      }
      Map<ParticipantId, EventCursor> cursors = outbox.cursors(consumer, byMailbox.keySet());
      List<EventId> notHeld = new ArrayList<>();
      List<EventCursor> settled = new ArrayList<>();
      List<EventId> replaysDone = new ArrayList<>();
      for (Map.Entry<ParticipantId, TreeSet<Long>> mailbox : byMailbox.entrySet()) {
        EventCursor cursor = cursors.get(mailbox.getKey());
        List<Long> inOrder = new ArrayList<>();
        for (long sequence : mailbox.getValue()) {
          EventId id = new EventId(mailbox.getKey(), sequence);
          if (cursor != null && cursor.holds(lease.token(), sequence, now)) {
            inOrder.add(sequence);
          } else if (outbox.dead(consumer, id).filter(d -> d.holds(lease.token(), now)).isPresent()) {
            replaysDone.add(id);
          } else {
            notHeld.add(id);
          }
        }
        if (!inOrder.isEmpty()) {
          long last = inOrder.get(inOrder.size() - 1);
          if (inOrder.get(0) != cursor.position() + 1 || last - inOrder.get(0) + 1 != inOrder.size()) {
            throw new InvalidInputException("events", "of mailbox " + mailbox.getKey() + " are acknowledged in order:"
                + " the next it holds there is #" + (cursor.position() + 1) + " (was " + inOrder + ")");
          }
          settled.add(cursor.settledThrough(last));
        }
      }
      if (!notHeld.isEmpty()) {
        throw notHeld(lease, notHeld);
      }
      if (!settled.isEmpty()) {
        outbox.saveCursors(consumer, settled);
      }
      for (EventId id : replaysDone) {
        outbox.forgetDead(consumer, id);
      }
      return null;
    });
  }

  @Override
  public void release(EventLease lease) {
    required("lease", lease);
    String consumer = name(lease.consumer());
    consuming("releaseEvents", consumer, store -> {
      Outbox outbox = store.outbox();
      List<EventCursor> released = outbox.heldCursors(consumer, lease.token()).stream()
          .map(EventCursor::released)
          .collect(Collectors.toList());
      if (!released.isEmpty()) {
        outbox.saveCursors(consumer, released);
      }
      for (DeadDelivery dead : outbox.heldDead(consumer, lease.token())) {
        outbox.saveDead(consumer, dead.released());
      }
      return null;
    });
  }

  @Override
  public int fail(EventLease lease, EventId event, String reason, Duration retryAfter) {
    required("lease", lease);
    required("event", event);
    InputRules.singleLine("reason", reason, MAX_REASON_LENGTH);
    required("retryAfter", retryAfter);
    if (retryAfter.isNegative() || retryAfter.compareTo(MAX_LEASE) > 0) {
      throw new InvalidInputException("retryAfter", "must be from zero to " + MAX_LEASE + " (was " + retryAfter + ")");
    }
    String consumer = name(lease.consumer());
    return consuming("failEvent", consumer, store -> {
      Outbox outbox = store.outbox();
      Instant now = context.now();
      Optional<EventCursor> cursor = next(outbox, consumer, lease, event, now);
      if (cursor.isPresent()) {
        EventCursor failed = cursor.get().failed(now, retryAfter);
        outbox.saveCursors(consumer, List.of(failed));
        return failed.attempts();
      }
      DeadDelivery dead = heldReplay(outbox, consumer, lease, event, now);
      DeadDelivery failed = dead.failed(now, retryAfter);
      outbox.saveDead(consumer, failed);
      return failed.attempts();
    });
  }

  @Override
  public void bury(EventLease lease, EventId event, String reason) {
    required("lease", lease);
    required("event", event);
    String why = InputRules.singleLine("reason", reason, MAX_REASON_LENGTH);
    String consumer = name(lease.consumer());
    consuming("buryEvent", consumer, store -> {
      Outbox outbox = store.outbox();
      Instant now = context.now();
      Optional<EventCursor> cursor = next(outbox, consumer, lease, event, now);
      if (cursor.isPresent()) {
        outbox.bury(consumer, new DeadDelivery(
            event, cursor.get().attempts(), why, now, false, Optional.empty(), Optional.empty()));
        outbox.saveCursors(consumer, List.of(cursor.get().settledThrough(event.sequence())));
        return null;
      }
      outbox.saveDead(consumer, heldReplay(outbox, consumer, lease, event, now).buriedAgain(why, now));
      return null;
    });
  }

  @Override
  public List<DeadEvent> deadEvents(String name, int max) {
    String consumer = name(name);
    if (max < 1 || max > MAX_BATCH_SIZE) {
      throw new InvalidInputException("max", "must be 1 to " + MAX_BATCH_SIZE + " (was " + max + ")");
    }
    return context.transactions.read("deadEvents", store -> {
      registered(store, consumer);
      List<DeadDelivery> dead = store.outbox().dead(consumer, max);
      Map<EventId, Event> events = store.outbox().events(dead.stream().map(DeadDelivery::event).collect(Collectors.toList()))
          .stream().collect(Collectors.toMap(Event::id, e -> e));
      List<DeadEvent> listed = new ArrayList<>(dead.size());
      for (DeadDelivery delivery : dead) {
        Event event = events.get(delivery.event());
        if (event != null) {
          listed.add(new DeadEvent(event, delivery.attempts(), delivery.reason(), delivery.diedAt()));
        }
      }
      return listed;
    });
  }

  @Override
  public void replay(String name, EventId event) {
    String consumer = name(name);
    required("event", event);
    consuming("replayEvent", consumer, store -> {
      DeadDelivery dead = store.outbox().dead(consumer, event)
          .filter(d -> !d.replaying())
          .orElseThrow(() -> new NotFoundException("dead event", event.toString()));
      store.outbox().saveDead(consumer, dead.replayed());
      return null;
    });
  }

  @Override
  public long purgeAcknowledged(Duration keptFor) {
    required("keptFor", keptFor);
    if (keptFor.isNegative() || keptFor.compareTo(MAX_RETENTION) > 0) {
      throw new InvalidInputException("keptFor", "must be from zero to " + MAX_RETENTION + " (was " + keptFor + ")");
    }
    return context.transactions.writeOutsideMailboxes("purgeEvents", store -> {
      Instant now = context.now();
      // kept for longer than the years storage holds: nothing is old enough
      Instant before = now.minus(keptFor);
      if (before.isBefore(InputRules.MIN_INSTANT)) {
        return 0L;
      }
      return store.outbox().purgeSettled(before);
    });
  }

  /** Runs a write of the consumer's state, refusing a consumer that is not registered. */
  private <T> T consuming(String operation, String consumer, Function<Store, T> work) {
    return context.transactions.writeOutsideMailboxes(operation, store -> {
      registered(store, consumer);
      return work.apply(store);
    });
  }

  private static void registered(Store store, String consumer) {
    if (!store.outbox().isRegistered(consumer)) {
      throw new InvalidInputException("consumer", "is not registered (was " + consumer + ")");
    }
  }

  /**
   * The cursor whose lease holds {@code event} as the next event of its mailbox; empty if it does not
   * hold it at all.
   *
   * @throws InvalidInputException if it holds it behind an earlier event
   */
  private static Optional<EventCursor> next(Outbox outbox, String consumer, EventLease lease, EventId event, Instant now) {
    EventCursor cursor = outbox.cursors(consumer, List.of(event.mailbox())).get(event.mailbox());
    if (cursor == null || !cursor.holds(lease.token(), event.sequence(), now)) {
      return Optional.empty();
    }
    if (event.sequence() != cursor.position() + 1) {
      throw new InvalidInputException("event", "is held behind #" + (cursor.position() + 1) + " of its mailbox, which"
          + " is settled first (was " + event + ")");
    }
    return Optional.of(cursor);
  }

  private static DeadDelivery heldReplay(Outbox outbox, String consumer, EventLease lease, EventId event, Instant now) {
    return outbox.dead(consumer, event)
        .filter(d -> d.holds(lease.token(), now))
        .orElseThrow(() -> notHeld(lease, List.of(event)));
  }

  private static ConflictException notHeld(EventLease lease, List<EventId> events) {
    return new ConflictException("the lease of " + lease.consumer() + " does not hold " + events
        + " (never leased to it, settled already, or its lease ended)");
  }

  private static String name(String name) {
    required("consumer", name);
    if (!NAME.matcher(name).matches()) {
      throw new InvalidInputException("consumer", "must be 1 to " + MAX_CONSUMER_NAME_LENGTH
          + " characters of A-Z a-z 0-9 . _ - (was \"" + name + "\")");
    }
    return name;
  }
}
