package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.participant.Participants;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The registered participants. */
final class ParticipantTable implements Participants {

  private final InMemoryStorage data;
  private final UndoLog undo;

  ParticipantTable(InMemoryStorage data, UndoLog undo) {
    this.data = data;
    this.undo = undo;
  }

  @Override
  public Optional<Participant> find(ParticipantId id) {
    return Optional.ofNullable(data.participants.get(id));
  }

  @Override
  public Map<ParticipantId, Participant> findAll(Collection<ParticipantId> ids) {
    Map<ParticipantId, Participant> found = new LinkedHashMap<>();
    for (ParticipantId id : ids) {
      Participant participant = data.participants.get(id);
      if (participant != null) {
        found.put(id, participant);
      }
    }
    return found;
  }

  @Override
  public void insert(Participant participant) {
    if (data.participants.containsKey(participant.id())) {
      throw new StorageConflictException("participant " + participant.id() + " exists");
    }
    undo.put(data.participants, participant.id(), participant);
  }
}
