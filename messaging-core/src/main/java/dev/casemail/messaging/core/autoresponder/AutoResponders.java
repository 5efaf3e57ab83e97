package dev.casemail.messaging.core.autoresponder;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Auto-responder settings and the log of auto-replies sent (a storage port, used within one
 * transaction), written through {@code MailboxChanges}.
 */
public interface AutoResponders {

  Optional<AutoResponderState> find(ParticipantId owner);

  /** The saved settings of those {@code owners} that have any, in one read. */
  Map<ParticipantId, AutoResponderState> findAll(Collection<ParticipantId> owners);

  /** The version of the owner's saved settings, without reading the settings themselves. */
  OptionalLong version(ParticipantId owner);

  /** The last auto-reply each of the {@code owners} sent to {@code correspondent}, for those that sent one, in one read. */
  Map<ParticipantId, AutoReplyRecord> lastReplies(Collection<ParticipantId> owners, ParticipantId correspondent);
}
