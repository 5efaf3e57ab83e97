package dev.casemail.messaging.core.participant;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The registered participants (a storage port, used within one transaction). A registration never
 * changes and is never removed, so what is read may be kept: it never goes stale.
 */
public interface Participants {

  Optional<Participant> find(ParticipantId id);

  /** The participants among {@code ids} that are registered; unknown ids are simply absent. */
  Map<ParticipantId, Participant> findAll(Collection<ParticipantId> ids);

  /**
   * Stores a participant whose id is not registered yet, and opens their (empty) mailbox. A store
   * refuses an id registered meanwhile with a {@code StorageConflictException}.
   */
  void insert(Participant participant);
}
