package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The tables {@code auto_responders} and {@code auto_replies}. A mailbox row says whether its owner
 * ever saved settings ({@code mailboxes.auto_responder_saved}, set in the transaction of the first
 * save, under the row's lock, and never unset: settings are never deleted); the settings of a mailbox
 * this transaction locked and found without any are not looked for.
 */
final class AutoResponderRows implements AutoResponders {

  private static final String COLUMNS =
      "enabled, subject, body, active_from, active_until, interval_seconds, version, saved_at";

  private final Sql sql;
  /** Whether each mailbox this transaction locked has settings, as its lock read it, then as this transaction left it. */
  private final Map<ParticipantId, Boolean> lockedSaved = new HashMap<>();

  AutoResponderRows(Sql sql) {
    this.sql = sql;
  }

  /** What the mailboxes' lock read: whether a locked mailbox's owner ever saved settings. */
  void locked(ParticipantId owner, boolean saved) {
    lockedSaved.put(owner, saved);
  }

  /** Whether the owner is known to have no settings: its mailbox is locked, and its row says so. */
  private boolean knownWithout(ParticipantId owner) {
    return Boolean.FALSE.equals(lockedSaved.get(owner));
  }

  @Override
  public Optional<AutoResponderState> find(ParticipantId owner) {
    if (knownWithout(owner)) {
      return Optional.empty();
    }
    return sql.queryOne(
        "SELECT " + COLUMNS + " FROM auto_responders WHERE owner_id = ?", AutoResponderRows::state, owner.value());
  }

  @Override
  public Map<ParticipantId, AutoResponderState> findAll(Collection<ParticipantId> owners) {
    // a send asks for every recipient: most never saved settings, which the lock read, so no query
    Set<String> ids = new LinkedHashSet<>();
    for (ParticipantId owner : owners) {
      if (!knownWithout(owner)) {
        ids.add(owner.value());
      }
    }
    Map<ParticipantId, AutoResponderState> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    sql.query(
        "SELECT owner_id, " + COLUMNS + " FROM auto_responders WHERE owner_id IN (" + Sql.marks(ids.size()) + ")",
        row -> found.put(ParticipantId.of(row.getString("owner_id")), state(row)),
        ids.toArray());
    return found;
  }

  @Override
  public OptionalLong version(ParticipantId owner) {
    if (knownWithout(owner)) {
      return OptionalLong.empty();
    }
    return sql.queryOne("SELECT version FROM auto_responders WHERE owner_id = ?", row -> row.getLong(1), owner.value())
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  @Override
  public Map<ParticipantId, AutoReplyRecord> lastReplies(Collection<ParticipantId> owners, ParticipantId correspondent) {
    List<String> ids = owners.stream().map(ParticipantId::value).distinct().toList();
    Map<ParticipantId, AutoReplyRecord> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    sql.query(
        "SELECT owner_id, replied_at, settings_version FROM auto_replies"
            + " WHERE owner_id IN (" + Sql.marks(ids.size()) + ") AND correspondent_id = ?",
        row -> {
          ParticipantId owner = ParticipantId.of(row.getString("owner_id"));
          return found.put(owner, new AutoReplyRecord(
              owner, correspondent, Sql.instant(row, "replied_at"), row.getLong("settings_version")));
        },
        Sql.parameters(List.of(correspondent.value()), ids.toArray()));
    return found;
  }

  // writes, from ChangeWriter

  /** Saves the owner's settings; the first save also marks the owner's mailbox row as having some. */
  void save(MailboxChange.AutoResponderSaved saved) {
    sql.requireWritable();
    AutoResponderSettings settings = saved.state().settings();
    Object[] parameters = {
        settings.enabled(),
        settings.subject(),
        settings.body(),
        Sql.instant(settings.activeFrom()),
        Sql.instant(settings.activeUntil()),
        settings.replyInterval().getSeconds(),
        saved.state().version(),
        saved.state().savedAt(),
        saved.owner().value()
    };
    if (sql.update("UPDATE auto_responders SET enabled = ?, subject = ?, body = ?, active_from = ?, active_until = ?,"
        + " interval_seconds = ?, version = ?, saved_at = ? WHERE owner_id = ?", parameters) == 0) {
      sql.update("INSERT INTO auto_responders (enabled, subject, body, active_from, active_until, interval_seconds,"
          + " version, saved_at, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", parameters);
      sql.updateOne("UPDATE mailboxes SET auto_responder_saved = TRUE WHERE owner_id = ?", saved.owner().value());
    }
    lockedSaved.remove(saved.owner());
  }

  void recordReply(AutoReplyRecord reply) {
    sql.upsert(
        "UPDATE auto_replies SET replied_at = ?, settings_version = ? WHERE owner_id = ? AND correspondent_id = ?",
        "INSERT INTO auto_replies (replied_at, settings_version, owner_id, correspondent_id) VALUES (?, ?, ?, ?)",
        reply.at(),
        reply.settingsVersion(),
        reply.owner().value(),
        reply.correspondent().value());
  }

  private static AutoResponderState state(ResultSet row) throws SQLException {
    return new AutoResponderState(
        AutoResponderSettings.builder()
            .enabled(row.getBoolean("enabled"))
            .subject(row.getString("subject"))
            .body(row.getString("body"))
            .activeFrom(Sql.optionalInstant(row, "active_from"))
            .activeUntil(Sql.optionalInstant(row, "active_until"))
            .replyInterval(Duration.ofSeconds(row.getLong("interval_seconds")))
            .build(),
        row.getLong("version"),
        Sql.instant(row, "saved_at"));
  }
}
