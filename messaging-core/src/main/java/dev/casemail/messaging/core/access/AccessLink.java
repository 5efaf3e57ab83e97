package dev.casemail.messaging.core.access;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.ParticipantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Professional access between one practitioner and one parent, and the lifecycle rules that move it:
 *
 * <pre>
 * (none) | REFUSED | WITHDRAWN | REMOVED -&gt; REQUESTED   by either side
 * BLOCKED                               -&gt; REQUESTED   only by the side that blocked
 * REQUESTED -&gt; APPROVED | REFUSED | BLOCKED            by the side that was asked
 * REQUESTED -&gt; WITHDRAWN                               by the side that asked
 * APPROVED  -&gt; REMOVED                                 by either side
 * </pre>
 *
 * Every other transition is refused with a {@link ConflictException} (or an
 * {@link AccessDeniedException} for a blocked requester) and changes nothing. A request is also bound
 * by a {@link RequestLimit}.
 *
 * @param history the latest events of the link, oldest first (at most {@link #LATEST_EVENTS}, or all of
 *     them when read with its whole history); the last one is the current status
 * @param eventCount how many events the link has had in all; the last of {@code history} is event
 *     number {@code eventCount}
 */
public record AccessLink(
    ParticipantId practitioner,
    ParticipantId parent,
    AccessStatus status,
    ParticipantId requestedBy,
    List<AccessEvent> history,
    int eventCount) {

  /** How many of its latest events a link is read and returned with. */
  public static final int LATEST_EVENTS = AccessLinkView.LISTED_EVENTS;

  public AccessLink {
    Objects.requireNonNull(practitioner, "practitioner");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedBy, "requestedBy");
    history = List.copyOf(history);
    if (history.isEmpty() || history.get(history.size() - 1).status() != status) {
      throw new IllegalArgumentException("the last event of the history must be the current status");
    }
    if (eventCount < history.size()) {
      throw new IllegalArgumentException("a link has at least the events it holds");
    }
  }

  /**
   * A request by {@code actor} (one of the two sides) on top of what exists between the two.
   *
   * @param actorsRequests when the actor last asked on this link, newest first (at least
   *     {@code limit.requests()} of them if there are that many)
   * @throws ConflictException if a request is pending or access is approved
   * @throws AccessDeniedException if the actor was blocked by the other side
   * @throws dev.casemail.messaging.api.LimitExceededException if the actor asked too often lately
   */
  public static AccessLink request(
      Optional<AccessLink> existing,
      ParticipantId practitioner,
      ParticipantId parent,
      ParticipantId actor,
      Instant at,
      RequestLimit limit,
      List<Instant> actorsRequests) {
    if (existing.isEmpty()) {
      AccessEvent event = event(AccessStatus.REQUESTED, actor, at);
      return new AccessLink(practitioner, parent, AccessStatus.REQUESTED, actor, List.of(event), 1);
    }
    AccessLink link = existing.get();
    link.requireSide(actor);
    switch (link.status) {
      case REQUESTED:
        throw new ConflictException("an access request between the two is already pending");
      case APPROVED:
        throw new ConflictException("access between the two is already approved");
      case BLOCKED:
        if (link.requestedBy.equals(actor)) {
          throw new AccessDeniedException(
              "access requests to " + link.counterpartOf(actor) + " are blocked", Set.of(link.counterpartOf(actor)));
        }
        break;
      default:
        break;
    }
    limit.check(link.counterpartOf(actor), actorsRequests, at);
    return link.then(AccessStatus.REQUESTED, actor, actor, at);
  }

  /** The side that was asked approves. @throws ConflictException unless a request from the other side is pending */
  public AccessLink approve(ParticipantId actor, Instant at) {
    return answer(AccessStatus.APPROVED, actor, at);
  }

  /** The side that was asked refuses. @throws ConflictException unless a request from the other side is pending */
  public AccessLink refuse(ParticipantId actor, Instant at) {
    return answer(AccessStatus.REFUSED, actor, at);
  }

  /** The side that was asked refuses for good. @throws ConflictException unless a request from the other side is pending */
  public AccessLink block(ParticipantId actor, Instant at) {
    return answer(AccessStatus.BLOCKED, actor, at);
  }

  /** The side that asked takes the request back. @throws ConflictException unless its own request is pending */
  public AccessLink withdraw(ParticipantId actor, Instant at) {
    requireSide(actor);
    if (status != AccessStatus.REQUESTED || !requestedBy.equals(actor)) {
      throw new ConflictException("cannot withdraw: there is no pending request of yours (status is " + status + ")");
    }
    return then(AccessStatus.WITHDRAWN, actor, requestedBy, at);
  }

  /** Either side ends approved access. @throws ConflictException unless access is approved */
  public AccessLink remove(ParticipantId actor, Instant at) {
    requireSide(actor);
    if (status != AccessStatus.APPROVED) {
      throw new ConflictException("cannot remove access: it is not approved (status is " + status + ")");
    }
    return then(AccessStatus.REMOVED, actor, requestedBy, at);
  }

  /** The side of the link that is not {@code participant}. */
  public ParticipantId counterpartOf(ParticipantId participant) {
    return practitioner.equals(participant) ? parent : practitioner;
  }

  /** Whether {@code participant} is one of the two sides. */
  public boolean involves(ParticipantId participant) {
    return practitioner.equals(participant) || parent.equals(participant);
  }

  /** The latest change: event number {@link #eventCount()}. */
  public AccessEvent lastEvent() {
    return history.get(history.size() - 1);
  }

  private AccessLink answer(AccessStatus answer, ParticipantId actor, Instant at) {
    requireSide(actor);
    if (status != AccessStatus.REQUESTED) {
      throw new ConflictException(
          "cannot " + verb(answer) + ": there is no pending request (status is " + status + ")");
    }
    if (requestedBy.equals(actor)) {
      throw new ConflictException("cannot " + verb(answer) + " your own request");
    }
    return then(answer, actor, requestedBy, at);
  }

  /** The link one event later; it keeps its latest {@link #LATEST_EVENTS} events. */
  private AccessLink then(AccessStatus next, ParticipantId actor, ParticipantId requester, Instant at) {
    List<AccessEvent> events = new ArrayList<>(history);
    events.add(event(next, actor, at));
    List<AccessEvent> latest = events.subList(Math.max(0, events.size() - LATEST_EVENTS), events.size());
    return new AccessLink(practitioner, parent, next, requester, latest, eventCount + 1);
  }

  private void requireSide(ParticipantId actor) {
    if (!involves(actor)) {
      throw new IllegalArgumentException(actor + " is not a side of this access link");
    }
  }

  private static String verb(AccessStatus answer) {
    switch (answer) {
      case APPROVED:
        return "approve";
      case REFUSED:
        return "refuse";
      default:
        return "block";
    }
  }

  private static AccessEvent event(AccessStatus status, ParticipantId actor, Instant at) {
    return AccessEvent.builder().status(status).actor(actor).at(at).build();
  }
}
