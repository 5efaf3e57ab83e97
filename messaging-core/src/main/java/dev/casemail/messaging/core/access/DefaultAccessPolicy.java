package dev.casemail.messaging.core.access;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Participant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The default access policy:
 *
 * <ul>
 *   <li>a practitioner and a parent may message each other only with APPROVED access between that
 *       very practitioner and that very parent: access to one parent never reaches the co-parent;
 *   <li>two parents may message each other when they share a family;
 *   <li>everything else is denied (two practitioners, anyone and themselves).
 * </ul>
 */
public final class DefaultAccessPolicy implements AccessPolicy {

  @Override
  public boolean mayMessage(Participant sender, Participant recipient, AccessFacts facts) {
    if (sender.id().equals(recipient.id())) {
      return false;
    }
    if (sender.isPractitioner() && recipient.isParent()) {
      return approved(facts.linkStatus(sender.id(), recipient.id()));
    }
    if (sender.isParent() && recipient.isPractitioner()) {
      return approved(facts.linkStatus(recipient.id(), sender.id()));
    }
    if (sender.isParent() && recipient.isParent()) {
      return facts.shareFamily(sender.id(), recipient.id());
    }
    return false;
  }

  @Override
  public Set<ParticipantId> recipientsOf(Participant sender, AccessFacts facts) {
    Set<ParticipantId> recipients = new LinkedHashSet<>(facts.approvedCounterparts(sender.id()));
    if (sender.isParent()) {
      recipients.addAll(facts.coParents(sender.id()));
    }
    recipients.remove(sender.id());
    return recipients;
  }

  private static boolean approved(Optional<AccessStatus> status) {
    return status.filter(s -> s == AccessStatus.APPROVED).isPresent();
  }
}
