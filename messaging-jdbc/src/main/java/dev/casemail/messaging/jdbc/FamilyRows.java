package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables {@code families} and {@code family_parents}. Only {@link #findForUpdate} locks, and only
 * the calls that change a family use it.
 */
final class FamilyRows implements Families {

  private final Sql sql;

  FamilyRows(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<Family> find(FamilyId id) {
    return family(id, "");
  }

  @Override
  public Optional<Family> findForUpdate(FamilyId id) {
    sql.requireWritable();
    return family(id, " FOR UPDATE");
  }

  private Optional<Family> family(FamilyId id, String lock) {
    Optional<String> name =
        sql.queryOne("SELECT name FROM families WHERE family_id = ?" + lock, row -> row.getString(1), id.value());
    return name.map(n -> new Family(id, n, new LinkedHashSet<>(sql.query(
        "SELECT parent_id FROM family_parents WHERE family_id = ? ORDER BY position",
        row -> ParticipantId.of(row.getString(1)),
        id.value()))));
  }

  @Override
  public void insert(Family family) {
    sql.requireWritable();
    sql.update("INSERT INTO families (family_id, name) VALUES (?, ?)", family.id().value(), family.name());
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (ParticipantId parent : family.parents()) {
      rows.add(new Object[] {family.id().value(), parent.value(), position++});
    }
    sql.batch("INSERT INTO family_parents (family_id, parent_id, position) VALUES (?, ?, ?)", rows);
  }

  @Override
  public void addParent(FamilyId family, ParticipantId parent) {
    sql.requireWritable();
    sql.update(
        "INSERT INTO family_parents (family_id, parent_id, position)"
            + " SELECT ?, ?, COALESCE(MAX(position) + 1, 0) FROM family_parents WHERE family_id = ?",
        family.value(),
        parent.value(),
        family.value());
  }

  /** Every family of the parent with all its parents, in one statement. */
  @Override
  public List<Family> ofParent(ParticipantId parent) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Set<ParticipantId>> parents = new LinkedHashMap<>();
    sql.query(
        "SELECT f.family_id, f.name, p.parent_id FROM family_parents mine"
            + " JOIN families f ON f.family_id = mine.family_id"
            + " JOIN family_parents p ON p.family_id = f.family_id"
            + " WHERE mine.parent_id = ? ORDER BY f.family_id, p.position",
        row -> {
          String id = row.getString("family_id");
          names.put(id, row.getString("name"));
          parents.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(ParticipantId.of(row.getString("parent_id")));
          return null;
        },
        parent.value());
    List<Family> families = new ArrayList<>(names.size());
    names.forEach((id, name) -> families.add(new Family(FamilyId.of(id), name, parents.get(id))));
    return families;
  }
}
