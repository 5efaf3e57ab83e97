package dev.casemail.messaging.core.access;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link AccessPolicy} may consult, read within the transaction of the call it decides for.
 */
public interface AccessFacts {

  /** The status of the access link between the two, if they ever had one. */
  Optional<AccessStatus> linkStatus(ParticipantId practitioner, ParticipantId parent);

  /** Whether the two parents belong to one family. */
  boolean shareFamily(ParticipantId parent, ParticipantId otherParent);

  /** Everyone the participant has APPROVED access with. */
  Set<ParticipantId> approvedCounterparts(ParticipantId participant);

  /** The other parents of every family the parent belongs to. */
  Set<ParticipantId> coParents(ParticipantId parent);
}
