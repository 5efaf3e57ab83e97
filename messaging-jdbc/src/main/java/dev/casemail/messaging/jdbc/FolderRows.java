package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table {@code folders} and the counts it keeps, changed in the same transaction as the copies. */
final class FolderRows implements Folders {

  private static final String COLUMNS = "folder_id, system_folder, name, total, unread";

  /** A mailbox's folders with their counts, which are kept, never recounted. Parameter: owner. */
  static final String FOLDERS_OF_OWNER = "SELECT " + COLUMNS + " FROM folders WHERE owner_id = ? ORDER BY folder_id";

  /** One folder with its counts, read with every page of it. Parameters: owner, folder. */
  static final String FOLDER_OF_OWNER = "SELECT " + COLUMNS + " FROM folders WHERE owner_id = ? AND folder_id = ?";

  private final Sql sql;

  FolderRows(Sql sql) {
    this.sql = sql;
  }

  @Override
  public List<Folder> of(ParticipantId owner) {
    return sql.query(FOLDERS_OF_OWNER, row -> folder(owner, row), owner.value());
  }

  @Override
  public Optional<Folder> find(ParticipantId owner, FolderId folder) {
    return sql.queryOne(FOLDER_OF_OWNER, row -> folder(owner, row), owner.value(), folder.value());
  }

  // writes, from ChangeWriter

  void insert(List<Folder> folders) {
    List<Object[]> rows = new ArrayList<>(folders.size());
    for (Folder folder : folders) {
      rows.add(new Object[] {
        folder.owner().value(),
        folder.id().value(),
        Sql.text(folder.system().map(SystemFolder::name)),
        folder.name().value(),
        folder.name().key(),
        folder.total(),
        folder.unread()
      });
    }
    sql.requireWritable();
    sql.batch(
        "INSERT INTO folders (owner_id, folder_id, system_folder, name, name_key, total, unread)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  void rename(Folder renamed) {
    sql.updateOne(
        "UPDATE folders SET name = ?, name_key = ? WHERE owner_id = ? AND folder_id = ?",
        renamed.name().value(),
        renamed.name().key(),
        renamed.owner().value(),
        renamed.id().value());
  }

  void remove(MailboxChange.FolderRemoved removed) {
    sql.updateOne("DELETE FROM folders WHERE owner_id = ? AND folder_id = ?",
        removed.owner().value(), removed.folder().value());
  }

  /** Every count change of a call in one batch; a folder that is gone fails the call. */
  void adjust(List<CountChange> changes) {
    List<Object[]> rows = new ArrayList<>(changes.size());
    for (CountChange change : changes) {
      rows.add(new Object[] {change.total(), change.unread(), change.owner().value(), change.folder().value()});
    }
    sql.batchOfOnes(
        "UPDATE folders SET total = total + ?, unread = unread + ? WHERE owner_id = ? AND folder_id = ?", rows);
  }

  private static Folder folder(ParticipantId owner, ResultSet row) throws SQLException {
    String system = row.getString("system_folder");
    return new Folder(
        owner,
        FolderId.of(row.getLong("folder_id")),
        Optional.ofNullable(system).map(SystemFolder::valueOf),
        new FolderName(row.getString("name")),
        row.getLong("total"),
        row.getLong("unread"));
  }
}
