package dev.casemail.messaging.core.access;

import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Set;

/**
 * Who may message whom: consulted for every recipient of every message, reply and auto-reply, and
 * for the recipient chooser. A port the host may replace (see {@code MessagingConfiguration}); the
 * library's default is {@link DefaultAccessPolicy}.
 *
 * <p>The two methods must agree: {@code recipientsOf(s)} contains exactly the participants {@code r}
 * for which {@code mayMessage(s, r)} is true.
 */
public interface AccessPolicy {

  /** Whether {@code sender} may message {@code recipient}. */
  boolean mayMessage(Participant sender, Participant recipient, AccessFacts facts);

  /** Everyone {@code sender} may message, for the recipient chooser. */
  Set<ParticipantId> recipientsOf(Participant sender, AccessFacts facts);
}
