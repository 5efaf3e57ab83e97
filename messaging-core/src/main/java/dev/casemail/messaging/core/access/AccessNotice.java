package dev.casemail.messaging.core.access;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Participant;

/**
 * The action item a lifecycle step posts: a new request goes to the side that must answer it, an
 * answer (approved, refused, blocked) back to the side that asked, a withdrawal or a removal to the
 * other side. In every case that is the side that did not act.
 */
public record AccessNotice(ParticipantId recipient, String subject, String body) {

  /** The notice for the step that brought {@code link} to its current status, taken by {@code actor}. */
  public static AccessNotice of(AccessLink link, Participant actor) {
    ParticipantId to = link.counterpartOf(actor.id());
    String who = actor.displayName();
    switch (link.status()) {
      case REQUESTED:
        return new AccessNotice(to, "Access request from " + who,
            actor.isPractitioner()
                ? who + " asks for professional access to your account. Approve, refuse or block the request in My Cases."
                : who + " asks you to connect with their account. Approve, refuse or block the request in My Cases.");
      case APPROVED:
        return new AccessNotice(to, "Access approved by " + who,
            who + " approved your access request. You can now message each other.");
      case REFUSED:
        return new AccessNotice(to, "Access request refused by " + who,
            who + " refused your access request. You may send a new request later.");
      case BLOCKED:
        return new AccessNotice(to, "Access request blocked by " + who,
            who + " refused your access request and does not accept further requests from you.");
      case WITHDRAWN:
        return new AccessNotice(to, "Access request withdrawn by " + who,
            who + " withdrew their access request.");
      case REMOVED:
        return new AccessNotice(to, "Access removed by " + who,
            who + " removed professional access. You can no longer message each other; the messages you"
                + " exchanged stay in both mailboxes.");
      default:
        throw new IllegalStateException("no notice for " + link.status());
    }
  }
}
