package dev.casemail.messaging.api.config;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link AccessPolicy} may consult about the participants of a call: their access links and
 * their families. The library hands the policy one per call, read within that call's transaction, so
 * the answers are consistent with each other and with what the call changes. Asking about a
 * participant who is not registered, or about two of the wrong roles, answers "no link", "no family".
 */
public interface AccessFacts {

  /**
   * The status of the access link between a practitioner and a parent, if the two ever had one (a link
   * keeps its status after a refusal, withdrawal or removal).
   */
  Optional<AccessStatus> linkStatus(ParticipantId practitioner, ParticipantId parent);

  /** Whether the two parents belong to one family. */
  boolean shareFamily(ParticipantId parent, ParticipantId otherParent);

  /** Everyone the participant has APPROVED access with: a practitioner's parents, a parent's practitioners. */
  Set<ParticipantId> approvedCounterparts(ParticipantId participant);

  /** The other parents of every family the parent belongs to; empty for a practitioner. */
  Set<ParticipantId> coParents(ParticipantId parent);
}
