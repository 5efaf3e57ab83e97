package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Access links with their whole history, found by the pair and by either side. */
final class AccessLinkTable implements AccessLinks {

  /** A link as stored: its current state and every event, oldest first. */
  record Entry(
      ParticipantId practitioner, ParticipantId parent, AccessStatus status, ParticipantId requestedBy,
      List<AccessEvent> events) {

    Entry {
      events = List.copyOf(events);
    }

    AccessLink latest(int events) {
      List<AccessEvent> latest = this.events.subList(Math.max(0, this.events.size() - events), this.events.size());
      return new AccessLink(practitioner, parent, status, requestedBy, latest, this.events.size());
    }
  }

  private final InMemoryStorage data;
  private final UndoLog undo;

  AccessLinkTable(InMemoryStorage data, UndoLog undo) {
    this.data = data;
    this.undo = undo;
  }

  @Override
  public Optional<AccessLink> find(ParticipantId practitioner, ParticipantId parent) {
    return entry(practitioner, parent).map(e -> e.latest(AccessLink.LATEST_EVENTS));
  }

  @Override
  public Optional<AccessLink> withHistory(ParticipantId practitioner, ParticipantId parent) {
    return entry(practitioner, parent).map(e -> e.latest(e.events().size()));
  }

  @Override
  public List<Instant> requestTimes(
      ParticipantId practitioner, ParticipantId parent, ParticipantId requester, int limit) {
    List<Instant> times = new ArrayList<>();
    entry(practitioner, parent).ifPresent(entry -> {
      List<AccessEvent> events = entry.events();
      for (int i = events.size() - 1; i >= 0 && times.size() < limit; i--) {
        AccessEvent event = events.get(i);
        if (event.status() == AccessStatus.REQUESTED && event.actor().equals(requester)) {
          times.add(event.at());
        }
      }
    });
    return times;
  }

  @Override
  public Map<ParticipantId, AccessStatus> statusesOf(ParticipantId participant) {
    Map<ParticipantId, AccessStatus> statuses = new HashMap<>();
    for (List<ParticipantId> key : data.linksByParticipant.getOrDefault(participant, Set.of())) {
      Entry entry = data.links.get(key);
      statuses.put(participant.equals(entry.practitioner()) ? entry.parent() : entry.practitioner(), entry.status());
    }
    return statuses;
  }

  @Override
  public List<RecordedAccessEvent> events(ParticipantId participant) {
    List<RecordedAccessEvent> events = new ArrayList<>();
    for (List<ParticipantId> key : data.linksByParticipant.getOrDefault(participant, Set.of())) {
      Entry entry = data.links.get(key);
      for (int i = 0; i < entry.events().size(); i++) {
        AccessEvent event = entry.events().get(i);
        events.add(new RecordedAccessEvent(
            entry.practitioner(), entry.parent(), i + 1, event.status(), event.actor(), event.at()));
      }
    }
    return events;
  }

  @Override
  public List<AccessLink> of(ParticipantId participant) {
    Set<List<ParticipantId>> keys = data.linksByParticipant.getOrDefault(participant, Set.of());
    List<AccessLink> found = new ArrayList<>(keys.size());
    for (List<ParticipantId> key : keys) {
      found.add(data.links.get(key).latest(AccessLink.LATEST_EVENTS));
    }
    return found;
  }

  /** Stores a link one event further on: its last event is appended to the stored history. */
  void save(AccessLink link) {
    List<ParticipantId> key = InMemoryStorage.linkKey(link.practitioner(), link.parent());
    Entry stored = data.links.get(key);
    List<AccessEvent> events = stored == null ? new ArrayList<>() : new ArrayList<>(stored.events());
    if (events.size() + 1 != link.eventCount()) {
      throw new StorageConflictException("the access link between " + key + " changed meanwhile");
    }
    events.add(link.lastEvent());
    undo.put(data.links, key,
        new Entry(link.practitioner(), link.parent(), link.status(), link.requestedBy(), events));
    for (ParticipantId side : key) {
      if (!data.linksByParticipant.containsKey(side)) {
        undo.put(data.linksByParticipant, side, new LinkedHashSet<>());
      }
      undo.add(data.linksByParticipant.get(side), key);
    }
  }

  private Optional<Entry> entry(ParticipantId practitioner, ParticipantId parent) {
    return Optional.ofNullable(data.links.get(InMemoryStorage.linkKey(practitioner, parent)));
  }
}
