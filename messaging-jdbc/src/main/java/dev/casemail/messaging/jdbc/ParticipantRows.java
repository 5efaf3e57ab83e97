package dev.casemail.messaging.jdbc;

import com.google.common.cache.Cache;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.participant.Participants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables {@code participants} and {@code mailboxes}. Participants read before are remembered by
 * the storage for every later transaction (a registration never changes and is never removed); one
 * registered in this very transaction is not, since it is not committed yet.
 */
final class ParticipantRows implements Participants {

  private static final String COLUMNS = "participant_id, role, display_name";

  private final Sql sql;
  private final Cache<ParticipantId, Participant> directory;
  private final Set<ParticipantId> insertedHere = new HashSet<>();

  ParticipantRows(Sql sql, Cache<ParticipantId, Participant> directory) {
    this.sql = sql;
    this.directory = directory;
  }

  @Override
  public Optional<Participant> find(ParticipantId id) {
    Participant known = directory.getIfPresent(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Participant> found = sql.queryOne(
        "SELECT " + COLUMNS + " FROM participants WHERE participant_id = ?", ParticipantRows::participant, id.value());
    found.ifPresent(this::remember);
    return found;
  }

  @Override
  public Map<ParticipantId, Participant> findAll(Collection<ParticipantId> ids) {
    Map<ParticipantId, Participant> byId = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (ParticipantId id : new LinkedHashSet<>(ids)) {
      Participant known = directory.getIfPresent(id);
      if (known != null) {
        byId.put(id, known);
      } else {
        missing.add(id.value());
      }
    }
    if (!missing.isEmpty()) {
      sql.query(
              "SELECT " + COLUMNS + " FROM participants WHERE participant_id IN (" + Sql.marks(missing.size()) + ")",
              ParticipantRows::participant,
              missing.toArray())
          .forEach(participant -> {
            byId.put(participant.id(), participant);
            remember(participant);
          });
    }
    Map<ParticipantId, Participant> found = new LinkedHashMap<>();
    for (ParticipantId id : new LinkedHashSet<>(ids)) {
      Participant participant = byId.get(id);
      if (participant != null) {
        found.put(id, participant);
      }
    }
    return found;
  }

  @Override
  public void insert(Participant participant) {
    sql.requireWritable();
    insertedHere.add(participant.id());
    sql.update(
        "INSERT INTO participants (" + COLUMNS + ") VALUES (?, ?, ?)",
        participant.id().value(),
        participant.role().name(),
        participant.displayName());
    sql.update("INSERT INTO mailboxes (owner_id) VALUES (?)", participant.id().value());
  }

  /** Keeps a committed participant for later transactions. */
  private void remember(Participant participant) {
    if (!insertedHere.contains(participant.id())) {
      directory.put(participant.id(), participant);
    }
  }

  static Participant participant(ResultSet row) throws SQLException {
    return new Participant(
        ParticipantId.of(row.getString("participant_id")),
        ParticipantRole.valueOf(row.getString("role")),
        row.getString("display_name"));
  }
}
