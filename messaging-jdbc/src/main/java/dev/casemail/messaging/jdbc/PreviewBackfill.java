package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.core.message.ListedCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 11.1: the previews of the copies written before version 11, which moved their bodies into
 * {@code message_contents} and gave {@code copies} a {@code preview} column. A step in Java, since the
 * preview is the core's ({@link ListedCopy#preview(String)}): SQL cannot compute it. It walks the
 * copies without a preview in primary-key order, {@value #BATCH} at a time, each batch one read of the
 * copies, one of their contents and one batch of updates, so that its memory stays small whatever the
 * size of the database.
 */
final class PreviewBackfill implements JavaMigration {

  private static final MigrationVersion VERSION = MigrationVersion.fromVersion("11.1");

  private static final int BATCH = 500;

  @Override
  public MigrationVersion getVersion() {
    return VERSION;
  }

  @Override
  public String getDescription() {
    return "previews of the copies written before version 11";
  }

  @Override
  public Integer getChecksum() {
    return 111;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) {
    Sql sql = new Sql(context.getConnection(), false);
    String owner = "";
    long message = Long.MIN_VALUE;
    while (true) {
      List<Object[]> keys = sql.query(
          "SELECT owner_id, message_id FROM copies WHERE (owner_id > ? OR (owner_id = ? AND message_id > ?))"
              + " AND preview IS NULL ORDER BY owner_id, message_id FETCH FIRST " + BATCH + " ROWS ONLY",
          row -> new Object[] {row.getString("owner_id"), row.getLong("message_id")},
          owner, owner, message);
      if (keys.isEmpty()) {
        return;
      }
      List<Long> ids = keys.stream().map(key -> (Long) key[1]).distinct().toList();
      Map<Long, String> previews = new HashMap<>();
      sql.query(
          "SELECT message_id, body FROM message_contents WHERE message_id IN (" + Sql.marks(ids.size()) + ")",
          row -> previews.put(row.getLong("message_id"), ListedCopy.preview(row.getString("body"))),
          ids.toArray());
      List<Object[]> updates = new ArrayList<>(keys.size());
      for (Object[] key : keys) {
        String preview = previews.get((Long) key[1]);
        if (preview == null) {
          throw new IllegalStateException("message " + key[1] + " has a copy but no content after migration 11");
        }
        updates.add(new Object[] {preview, key[0], key[1]});
      }
      sql.batchOfOnes("UPDATE copies SET preview = ? WHERE owner_id = ? AND message_id = ?", updates);
      Object[] last = keys.get(keys.size() - 1);
      owner = (String) last[0];
      message = (Long) last[1];
    }
  }
}
