package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.event.DeadDelivery;
import dev.casemail.messaging.core.event.EventCursor;
import dev.casemail.messaging.core.event.EventRange;
import dev.casemail.messaging.core.event.NewEvent;
import dev.casemail.messaging.core.event.Outbox;
import dev.casemail.messaging.api.InputRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outbox: each mailbox's events (in its {@link MailboxData}, numbered from 1), the consumers, their
 * cursors per mailbox and their dead events. Every transaction holds the store's one lock, so "locked"
 * and "skip locked" need nothing more here.
 */
final class OutboxTable implements Outbox {

  private static final Comparator<DeadDelivery> OLDEST_FIRST =
      Comparator.comparing(DeadDelivery::diedAt).thenComparing(DeadDelivery::event);

  private static final Comparator<EventCursor> SERVED_LONGEST_AGO =
      Comparator.comparing(EventCursor::servedAt).thenComparing(c -> c.mailbox().value());

  private final InMemoryStorage data;
  private final Mailboxes mailboxes;
  private final UndoLog undo;

  OutboxTable(InMemoryStorage data, Mailboxes mailboxes, UndoLog undo) {
    this.data = data;
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  void append(List<NewEvent> events) {
    for (NewEvent event : events) {
      MailboxData mailbox = mailboxes.forWrite(event.mailbox());
      undo.append(mailbox.events, event.numbered(mailbox.events.size() + 1L));
      if (mailbox.events.size() == 1) {
        undo.add(data.mailboxesWithEvents, event.mailbox());
      }
    }
  }

  @Override
  public boolean register(String consumer, Instant at) {
    if (data.consumers.containsKey(consumer)) {
      return false;
    }
    undo.put(data.consumers, consumer, at);
    undo.put(data.cursors, consumer, new TreeMap<>());
    undo.put(data.dead, consumer, new LinkedHashMap<>());
    return true;
  }

  @Override
  public boolean isRegistered(String consumer) {
    return data.consumers.containsKey(consumer);
  }

  @Override
  public List<String> consumers() {
    return List.copyOf(data.consumers.keySet());
  }

  @Override
  public List<EventCursor> leasable(String consumer, Instant now, int max) {
    Map<ParticipantId, EventCursor> cursors = data.cursors.get(consumer);
    if (cursors == null) {
      throw new IllegalStateException("consumer " + consumer + " is not registered");
    }
    List<EventCursor> found = new ArrayList<>();
    for (ParticipantId mailbox : data.mailboxesWithEvents) {
      EventCursor cursor = cursors.get(mailbox);
      if (cursor == null) {
        cursor = new EventCursor(mailbox, 0, 0, Optional.empty(), Optional.empty(), 0, 0, InputRules.MIN_INSTANT);
        undo.put(cursors, mailbox, cursor);
      }
      EventCursor read = withLast(cursor);
      if (read.leasableAt(now)) {
        found.add(read);
      }
    }
    return found.stream().sorted(SERVED_LONGEST_AGO).limit(max).collect(Collectors.toList());
  }

  @Override
  public Map<ParticipantId, EventCursor> cursors(String consumer, Collection<ParticipantId> mailboxes) {
    Map<ParticipantId, EventCursor> cursors = data.cursors.getOrDefault(consumer, Map.of());
    Map<ParticipantId, EventCursor> found = new LinkedHashMap<>();
    for (ParticipantId mailbox : mailboxes) {
      EventCursor cursor = cursors.get(mailbox);
      if (cursor != null) {
        found.put(mailbox, withLast(cursor));
      }
    }
    return found;
  }

  @Override
  public List<EventCursor> heldCursors(String consumer, String token) {
    return data.cursors.getOrDefault(consumer, Map.of()).values().stream()
        .filter(c -> c.leaseToken().filter(token::equals).isPresent())
        .map(this::withLast)
        .collect(Collectors.toList());
  }

  @Override
  public List<DeadDelivery> heldDead(String consumer, String token) {
    return deadOf(consumer).values().stream()
        .filter(d -> d.leaseToken().filter(token::equals).isPresent())
        .collect(Collectors.toList());
  }

  @Override
  public void saveCursors(String consumer, List<EventCursor> saved) {
    Map<ParticipantId, EventCursor> cursors = data.cursors.get(consumer);
    for (EventCursor cursor : saved) {
      undo.put(cursors, cursor.mailbox(), cursor);
    }
  }

  @Override
  public Map<ParticipantId, List<Event>> events(List<EventRange> ranges) {
    Map<ParticipantId, List<Event>> found = new LinkedHashMap<>();
    for (EventRange range : ranges) {
      found.put(range.mailbox(), eventsOf(range.mailbox(), range.after(), range.max()));
    }
    return found;
  }

  private List<Event> eventsOf(ParticipantId mailbox, long after, int max) {
    List<Event> events = mailboxes.existing(mailbox).map(m -> m.events).orElse(List.of());
    List<Event> found = new ArrayList<>();
    for (int i = (int) Math.min(Math.max(after, 0), events.size()); i < events.size() && found.size() < max; i++) {
      if (events.get(i) != null) { // null: purged
        found.add(events.get(i));
      }
    }
    return found;
  }

  @Override
  public List<Event> events(Collection<EventId> ids) {
    List<Event> found = new ArrayList<>();
    for (EventId id : ids) {
      mailboxes.existing(id.mailbox())
          .filter(m -> id.sequence() <= m.events.size())
          .map(m -> m.events.get((int) id.sequence() - 1))
          .ifPresent(found::add);
    }
    return found;
  }

  @Override
  public void bury(String consumer, DeadDelivery dead) {
    Map<EventId, DeadDelivery> deadOnes = data.dead.get(consumer);
    undo.remove(deadOnes, dead.event());
    undo.put(deadOnes, dead.event(), dead);
  }

  @Override
  public List<DeadDelivery> dead(String consumer, int max) {
    return deadOf(consumer).values().stream()
        .filter(d -> !d.replaying())
        .sorted(OLDEST_FIRST)
        .limit(max)
        .collect(Collectors.toList());
  }

  @Override
  public Optional<DeadDelivery> dead(String consumer, EventId event) {
    return Optional.ofNullable(deadOf(consumer).get(event));
  }

  @Override
  public List<DeadDelivery> replayable(String consumer, Instant now, int max) {
    return deadOf(consumer).values().stream()
        .filter(d -> d.leasableAt(now))
        .sorted(OLDEST_FIRST)
        .limit(max)
        .collect(Collectors.toList());
  }

  @Override
  public void saveDead(String consumer, DeadDelivery dead) {
    if (!dead.replaying()) {
      bury(consumer, dead); // dead again: listed as the latest
    } else {
      undo.put(data.dead.get(consumer), dead.event(), dead);
    }
  }

  @Override
  public void forgetDead(String consumer, EventId event) {
    undo.remove(data.dead.get(consumer), event);
  }

  @Override
  public long purgeSettled(Instant before) {
    if (data.consumers.isEmpty()) {
      return 0;
    }
    long purged = 0;
    for (ParticipantId owner : data.mailboxesWithEvents) {
      MailboxData mailbox = data.mailboxes.get(owner);
      for (int i = 0; i < mailbox.events.size(); i++) {
        Event event = mailbox.events.get(i);
        if (event != null && event.at().isBefore(before) && settledByAll(event.id())) {
          undo.set(mailbox.events, i, null);
          purged++;
        }
      }
    }
    return purged;
  }

  /** Whether every consumer's cursor is past the event, and none holds it dead. */
  private boolean settledByAll(EventId id) {
    for (String consumer : data.consumers.keySet()) {
      EventCursor cursor = data.cursors.get(consumer).get(id.mailbox());
      if (cursor == null || cursor.position() < id.sequence() || data.dead.get(consumer).containsKey(id)) {
        return false;
      }
    }
    return true;
  }

  private Map<EventId, DeadDelivery> deadOf(String consumer) {
    return data.dead.getOrDefault(consumer, Map.of());
  }

  private EventCursor withLast(EventCursor cursor) {
    long last = mailboxes.existing(cursor.mailbox()).map(m -> (long) m.events.size()).orElse(0L);
    return new EventCursor(cursor.mailbox(), cursor.position(), last, cursor.leaseToken(), cursor.leasedUntil(),
        cursor.leasedThrough(), cursor.attempts(), cursor.servedAt());
  }
}
