package dev.casemail.messaging.core.autoresponder;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Auto-responder settings and the log of auto-replies sent (a storage port, used within one transaction). */
public interface AutoResponders {

  Optional<AutoResponderState> find(ParticipantId owner);

  /** The saved settings of those {@code owners} that have any (a store may read them in one go). */
  default Map<ParticipantId, AutoResponderState> findAll(Collection<ParticipantId> owners) {
    Map<ParticipantId, AutoResponderState> found = new LinkedHashMap<>();
    for (ParticipantId owner : owners) {
      find(owner).ifPresent(state -> found.put(owner, state));
    }
    return found;
  }

  void save(ParticipantId owner, AutoResponderState state);

  Optional<AutoReplyRecord> lastReply(ParticipantId owner, ParticipantId correspondent);

  /** Stores the latest auto-reply to a correspondent, replacing any earlier record. */
  void recordReply(AutoReplyRecord reply);
}
