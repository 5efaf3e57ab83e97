package dev.casemail.messaging.core.participant;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.List;
import java.util.Optional;

/** The registered families (a storage port, used within one transaction). */
public interface Families {

  /** The family as committed; takes no lock. */
  Optional<Family> find(FamilyId id);

  /**
   * The family, locked until the transaction ends (a transactional store locks its row): what the
   * operations that change a family read, so that two of them on one family never interleave. No
   * other operation locks a family.
   */
  Optional<Family> findForUpdate(FamilyId id);

  /** Stores a family whose id is not registered yet. */
  void insert(Family family);

  /** Adds a parent to an existing family (locked by this transaction) that does not hold them yet. */
  void addParent(FamilyId family, ParticipantId parent);

  /** Every family the parent belongs to, with all its parents, in any order; takes no lock. */
  List<Family> ofParent(ParticipantId parent);
}
