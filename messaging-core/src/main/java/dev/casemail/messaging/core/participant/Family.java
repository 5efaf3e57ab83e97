package dev.casemail.messaging.core.participant;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A family (a case): the parents of one family. */
public record Family(FamilyId id, String name, Set<ParticipantId> parents) {

  public Family {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    parents = Collections.unmodifiableSet(new LinkedHashSet<>(parents)); // keeps the registration order
  }

  public boolean hasParent(ParticipantId parent) {
    return parents.contains(parent);
  }
}
