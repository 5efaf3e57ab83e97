package dev.casemail.messaging.core.autoresponder;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Optional;

/** Auto-responder settings and the log of auto-replies sent (a storage port, used within one transaction). */
public interface AutoResponders {

  Optional<AutoResponderState> find(ParticipantId owner);

  void save(ParticipantId owner, AutoResponderState state);

  Optional<AutoReplyRecord> lastReply(ParticipantId owner, ParticipantId correspondent);

  /** Stores the latest auto-reply to a correspondent, replacing any earlier record. */
  void recordReply(AutoReplyRecord reply);
}
