package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The folders one count statement changes at most. */
  private static final int FOLDERS_PER_STATEMENT = 5_000;

  /**
   * Every count change of a call in one statement (a send to 50 parents changes 102 folders' counts:
   * one statement, not 102); a folder that is gone fails the call. Changes of one folder are added up
   * first. Each count is moved on by the one amount its folders share, or by a {@code CASE} over the
   * folders grouped by amount (a send: every total by one, the parents' unread counts by one and the
   * sender's by none).
   */
  void adjust(List<CountChange> changes) {
    sql.requireWritable();
    for (CountsStatement statement : countsStatements(changes)) {
      int changed = sql.update(statement.sql(), statement.parameters().toArray());
      if (changed != statement.folders()) {
        throw new StorageConflictException(
            "expected to change the counts of " + statement.folders() + " folders, changed " + changed);
      }
    }
  }

  /** One statement of {@link #adjust}: its SQL, its parameters, and how many folders it must change. */
  record CountsStatement(String sql, List<Object> parameters, int folders) {}

  /** The statements that make {@code changes}: one, unless more than {@value #FOLDERS_PER_STATEMENT} folders change. */
  static List<CountsStatement> countsStatements(List<CountChange> changes) {
    Map<List<Object>, long[]> byFolder = new LinkedHashMap<>();
    for (CountChange change : changes) {
      long[] sum = byFolder.computeIfAbsent(List.of(change.owner().value(), change.folder().value()), f -> new long[2]);
      sum[0] += change.total();
      sum[1] += change.unread();
    }
    List<Map.Entry<List<Object>, long[]>> folders = new ArrayList<>(byFolder.entrySet());
    List<CountsStatement> statements = new ArrayList<>();
    for (int from = 0; from < folders.size(); from += FOLDERS_PER_STATEMENT) {
      List<Map.Entry<List<Object>, long[]>> chunk =
          folders.subList(from, Math.min(folders.size(), from + FOLDERS_PER_STATEMENT));
      List<Object> parameters = new ArrayList<>();
      StringBuilder statement = new StringBuilder("UPDATE folders SET total = total + ");
      amount(chunk, 0, statement, parameters);
      statement.append(", unread = unread + ");
      amount(chunk, 1, statement, parameters);
      statement.append(" WHERE (owner_id, folder_id) IN (");
      folderList(chunk, statement, parameters);
      statement.append(')');
      statements.add(new CountsStatement(statement.toString(), parameters, chunk.size()));
    }
    return statements;
  }

  /** One count's amount: {@code ?} if every folder moves by the same, else a CASE over the groups. */
  private static void amount(
      List<Map.Entry<List<Object>, long[]>> folders, int count, StringBuilder statement, List<Object> parameters) {
    Map<Long, List<Map.Entry<List<Object>, long[]>>> byAmount = new LinkedHashMap<>();
    for (Map.Entry<List<Object>, long[]> folder : folders) {
      byAmount.computeIfAbsent(folder.getValue()[count], a -> new ArrayList<>()).add(folder);
    }
    List<Long> amounts = new ArrayList<>(byAmount.keySet());
    if (amounts.size() == 1) {
      statement.append('?');
      parameters.add(amounts.get(0));
      return;
    }
    statement.append("CASE");
    for (Long amount : amounts.subList(0, amounts.size() - 1)) {
      statement.append(" WHEN (owner_id, folder_id) IN (");
      folderList(byAmount.get(amount), statement, parameters);
      statement.append(") THEN ?");
      parameters.add(amount);
    }
    statement.append(" ELSE ? END");
    parameters.add(amounts.get(amounts.size() - 1));
  }

  private static void folderList(
      List<Map.Entry<List<Object>, long[]>> folders, StringBuilder statement, List<Object> parameters) {
    for (int i = 0; i < folders.size(); i++) {
      statement.append(i == 0 ? "(?, ?)" : ", (?, ?)");
      parameters.addAll(folders.get(i).getKey());
    }
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
