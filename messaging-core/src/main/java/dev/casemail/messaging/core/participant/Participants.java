package dev.casemail.messaging.core.participant;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The registered participants (a storage port, used within one transaction). */
public interface Participants {

  Optional<Participant> find(ParticipantId id);

  /** The participants among {@code ids} that are registered; unknown ids are simply absent. */
  Map<ParticipantId, Participant> findAll(Collection<ParticipantId> ids);

  /** Stores a participant whose id is not registered yet. */
  void insert(Participant participant);
}
