package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.message.SentKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table {@code sent_keys}: its primary key makes a second call with one key fail, not race. */
final class SentKeyRows implements SentKeys {

  private final Sql sql;

  SentKeyRows(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<SentKey> find(ParticipantId owner, String key) {
    return sql.queryOne(
        "SELECT fingerprint, message_id FROM sent_keys WHERE owner_id = ? AND idem_key = ?",
        row -> new SentKey(owner, key, row.getString("fingerprint"), MessageId.of(row.getLong("message_id"))),
        owner.value(),
        key);
  }

  void insert(List<SentKey> keys) {
    List<Object[]> rows = new ArrayList<>(keys.size());
    for (SentKey key : keys) {
      rows.add(new Object[] {key.owner().value(), key.key(), key.fingerprint(), key.message().value()});
    }
    sql.requireWritable();
    sql.batch("INSERT INTO sent_keys (owner_id, idem_key, fingerprint, message_id) VALUES (?, ?, ?, ?)", rows);
  }
}
