package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.access.AccessFacts;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.port.Store;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The access facts of one transaction, read from its store. */
final class StoreAccessFacts implements AccessFacts {

  private final Store store;

  StoreAccessFacts(Store store) {
    this.store = store;
  }

  @Override
  public Optional<AccessStatus> linkStatus(ParticipantId practitioner, ParticipantId parent) {
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
