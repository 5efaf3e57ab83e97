package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The registered families and, per parent, the families they belong to. */
final class FamilyTable implements Families {

  private final InMemoryStorage data;
  private final UndoLog undo;

  FamilyTable(InMemoryStorage data, UndoLog undo) {
    this.data = data;
    this.undo = undo;
  }

  @Override
  public Optional<Family> find(FamilyId id) {
    return Optional.ofNullable(data.families.get(id));
  }

  /** The write lock is held for the whole transaction: reading is locking. */
  @Override
  public Optional<Family> findForUpdate(FamilyId id) {
    return find(id);
  }

  @Override
  public void insert(Family family) {
    if (data.families.containsKey(family.id())) {
      throw new StorageConflictException("family " + family.id() + " exists");
    }
    undo.put(data.families, family.id(), family);
    for (ParticipantId parent : family.parents()) {
      index(parent, family.id());
    }
  }

  @Override
  public void addParent(FamilyId id, ParticipantId parent) {
    Family family = data.families.get(id);
    if (family == null) {
      throw new IllegalStateException("no family " + id);
    }
    Set<ParticipantId> parents = new LinkedHashSet<>(family.parents());
    parents.add(parent);
    undo.put(data.families, id, new Family(id, family.name(), parents));
    index(parent, id);
  }

  private void index(ParticipantId parent, FamilyId family) {
    if (!data.familiesByParent.containsKey(parent)) {
      undo.put(data.familiesByParent, parent, new LinkedHashSet<>());
    }
    undo.add(data.familiesByParent.get(parent), family);
  }

  @Override
  public List<Family> ofParent(ParticipantId parent) {
    Set<FamilyId> ids = data.familiesByParent.getOrDefault(parent, Set.of());
    List<Family> found = new ArrayList<>(ids.size());
    for (FamilyId id : ids) {
      found.add(data.families.get(id));
    }
    return found;
  }
}
