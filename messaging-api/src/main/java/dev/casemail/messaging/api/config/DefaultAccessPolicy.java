package dev.casemail.messaging.api.config;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The library's access policy, the default of {@link MessagingConfiguration#accessPolicy()}:
 *
 * <ul>
 *   <li>a practitioner and a parent may message each other only with APPROVED access between that
 *       very practitioner and that very parent: access to one parent never reaches the co-parent;
 *   <li>two parents may message each other when they share a family;
 *   <li>everything else is denied (two practitioners, anyone and themselves).
 * </ul>
 *
 * <p>Stateless and thread-safe; a host's own policy may delegate to it and narrow or widen its answers.
 */
public final class DefaultAccessPolicy implements AccessPolicy {

  /** The default policy; it holds no state, so one instance serves any number of libraries. */
  public DefaultAccessPolicy() {}

  @Override
  public boolean mayMessage(ParticipantView sender, ParticipantView recipient, AccessFacts facts) {
    if (sender.id().equals(recipient.id())) {
      return false;
    }
    if (isPractitioner(sender) && isParent(recipient)) {
      return approved(facts.linkStatus(sender.id(), recipient.id()));
    }
    if (isParent(sender) && isPractitioner(recipient)) {
      return approved(facts.linkStatus(recipient.id(), sender.id()));
    }
    if (isParent(sender) && isParent(recipient)) {
      return facts.shareFamily(sender.id(), recipient.id());
    }
    return false;
  }

  @Override
  public Set<ParticipantId> recipientsOf(ParticipantView sender, AccessFacts facts) {
    Set<ParticipantId> recipients = new LinkedHashSet<>(facts.approvedCounterparts(sender.id()));
    if (isParent(sender)) {
      recipients.addAll(facts.coParents(sender.id()));
    }
    recipients.remove(sender.id());
    return recipients;
  }

  private static boolean isPractitioner(ParticipantView participant) {
    return participant.role() == ParticipantRole.PRACTITIONER;
  }

  private static boolean isParent(ParticipantView participant) {
    return participant.role() == ParticipantRole.PARENT;
  }

  private static boolean approved(Optional<AccessStatus> status) {
    return status.filter(s -> s == AccessStatus.APPROVED).isPresent();
  }
}
