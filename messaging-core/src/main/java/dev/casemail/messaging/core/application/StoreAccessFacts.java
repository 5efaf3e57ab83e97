package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.access.AccessFacts;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.port.Store;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The access facts of one transaction, read from its store. */
final class StoreAccessFacts implements AccessFacts {

  private final Store store;

  StoreAccessFacts(Store store) {
    this.store = store;
  }

  /** Link statuses by counterpart, of the participants whose links this transaction read. */
  private final Map<ParticipantId, Map<ParticipantId, AccessStatus>> statuses = new HashMap<>();

  /**
   * Reads all the participant's link statuses in one go, for a participant about to write to several
   * counterparts: every {@link #linkStatus} involving them is then answered without the store.
   */
  void prefetch(ParticipantId participant) {
    statuses.computeIfAbsent(participant, store.accessLinks()::statusesOf);
  }

  @Override
  public Optional<AccessStatus> linkStatus(ParticipantId practitioner, ParticipantId parent) {
    Map<ParticipantId, AccessStatus> known = statuses.get(practitioner);
    if (known != null) {
      return Optional.ofNullable(known.get(parent));
    }
    known = statuses.get(parent);
    if (known != null) {
      return Optional.ofNullable(known.get(practitioner));
    }
    return store.accessLinks().status(practitioner, parent);
  }

  @Override
  public boolean shareFamily(ParticipantId parent, ParticipantId otherParent) {
    return store.families().ofParent(parent).stream().anyMatch(f -> f.hasParent(otherParent));
  }

  @Override
  public Set<ParticipantId> approvedCounterparts(ParticipantId participant) {
    Set<ParticipantId> counterparts = new LinkedHashSet<>();
    for (AccessLink link : store.accessLinks().of(participant)) {
      if (link.status() == AccessStatus.APPROVED) {
        counterparts.add(link.counterpartOf(participant));
      }
    }
    return counterparts;
  }

  @Override
  public Set<ParticipantId> coParents(ParticipantId parent) {
    Set<ParticipantId> coParents = new LinkedHashSet<>();
    for (Family family : store.families().ofParent(parent)) {
      coParents.addAll(family.parents());
    }
    coParents.remove(parent);
    return coParents;
  }
}
