package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.config.AccessFacts;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.port.Store;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access facts of one call, read from its store at most once per participant: all of a
 * participant's link statuses in one read, all of a parent's families in one read. A call's questions
 * are nearly all about its actor (may the actor message these recipients; may each of them auto-reply
 * to the actor), so a send to fifty recipients reads the actor's links once, not fifty times.
 */
final class StoreAccessFacts implements AccessFacts {

  private final Store store;
  private final Map<ParticipantId, Map<ParticipantId, AccessStatus>> statuses = new HashMap<>();
  private final Map<ParticipantId, List<Family>> families = new HashMap<>();
  private final ParticipantId actor;

  /** Facts for a call of {@code actor}: questions about a link of the actor read the actor's links. */
  StoreAccessFacts(Store store, ParticipantId actor) {
    this.store = store;
    this.actor = actor;
  }

  @Override
  public Optional<AccessStatus> linkStatus(ParticipantId practitioner, ParticipantId parent) {
    if (parent.equals(actor) || (!practitioner.equals(actor) && statuses.containsKey(parent))) {
      return Optional.ofNullable(statusesOf(parent).get(practitioner));
    }
    return Optional.ofNullable(statusesOf(practitioner).get(parent));
  }

  @Override
  public boolean shareFamily(ParticipantId parent, ParticipantId otherParent) {
    ParticipantId asked = otherParent.equals(actor) ? otherParent : parent;
    ParticipantId other = asked.equals(parent) ? otherParent : parent;
    return familiesOf(asked).stream().anyMatch(f -> f.hasParent(other));
  }

  @Override
  public Set<ParticipantId> approvedCounterparts(ParticipantId participant) {
    Set<ParticipantId> counterparts = new LinkedHashSet<>();
    statusesOf(participant).forEach((counterpart, status) -> {
      if (status == AccessStatus.APPROVED) {
        counterparts.add(counterpart);
      }
    });
    return counterparts;
  }

  @Override
  public Set<ParticipantId> coParents(ParticipantId parent) {
    Set<ParticipantId> coParents = new LinkedHashSet<>();
    for (Family family : familiesOf(parent)) {
      coParents.addAll(family.parents());
    }
    coParents.remove(parent);
    return coParents;
  }

  private Map<ParticipantId, AccessStatus> statusesOf(ParticipantId participant) {
    return statuses.computeIfAbsent(participant, store.accessLinks()::statusesOf);
  }

  private List<Family> familiesOf(ParticipantId parent) {
    return families.computeIfAbsent(parent, store.families()::ofParent);
  }
}
