package dev.casemail.messaging.core.participant;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.List;
import java.util.Optional;

/** The registered families (a storage port, used within one transaction). */
public interface Families {

  Optional<Family> find(FamilyId id);

  /** Stores a family whose id is not registered yet. */
  void insert(Family family);

  /** Adds a parent to an existing family that does not hold them yet. */
  void addParent(FamilyId family, ParticipantId parent);

  /** Every family the parent belongs to, in any order. */
  List<Family> ofParent(ParticipantId parent);
}
