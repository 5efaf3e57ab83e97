package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordIntegrityException;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.core.record.RecordAppend;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.Records;
import dev.casemail.messaging.core.record.SealedRecord;
import dev.casemail.messaging.core.record.StoredEntry;
import dev.casemail.messaging.core.record.StoredExport;
import dev.casemail.messaging.core.record.UnreadableEvidenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The records: the tables {@code record_entries} and {@code record_exports}, and each record's head on
 * its mailbox's row in {@code mailboxes} (read with the mailbox's lock, see {@link JdbcStore}).
 */
final class RecordRows implements Records {

  private static final String ENTRY_COLUMNS = "leaf_index, kind, reference, other_id, recorded_at, leaf_hash";

  /** What a unique key refused when a row already had its key: SQL state 23505, on PostgreSQL and H2. */
  private static final String DUPLICATE_KEY = "23505";

  private static final String EXPORT_COLUMNS =
      "export_number, scope_kind, scope_from, scope_until, scope_counterpart, court_order, exported_at,"
          + " head_size, head_root, head_signed_at, key_id, algorithm, signature";

  private final Sql sql;

  RecordRows(Sql sql) {
    this.sql = sql;
  }

  @Override
  public RecordHead head(ParticipantId owner) {
    return sql.queryOne(
            "SELECT record_size, record_frontier FROM mailboxes WHERE owner_id = ?", RecordRows::head, owner.value())
        .orElse(RecordHead.EMPTY);
  }

  /** A head from the row of a statement that selects {@code record_size} and {@code record_frontier}. */
  static RecordHead head(ResultSet row) throws SQLException {
    long size = row.getLong("record_size");
    String frontier = row.getString("record_frontier");
    try {
      return RecordHead.of(size, frontier);
    } catch (IllegalArgumentException e) {
      // a row changed behind the library's back: nothing can be recorded onto it, nor exported from it
      throw new RecordIntegrityException(-1, "the record head stored for " + row.getString("owner_id")
          + " is not a head: " + e.getMessage());
    }
  }

  @Override
  public List<StoredEntry> entries(ParticipantId owner) {
    return sql.query(
        "SELECT owner_id, " + ENTRY_COLUMNS + " FROM record_entries WHERE owner_id = ? ORDER BY leaf_index",
        RecordRows::entry,
        owner.value());
  }

  @Override
  public Optional<StoredEntry> entry(ParticipantId owner, long index) {
    return sql.queryOne(
        "SELECT owner_id, " + ENTRY_COLUMNS + " FROM record_entries WHERE owner_id = ? AND leaf_index = ?",
        RecordRows::entry,
        owner.value(),
        index);
  }

  @Override
  public List<StoredExport> exports(ParticipantId owner) {
    return sql.query(
        "SELECT " + EXPORT_COLUMNS + " FROM record_exports WHERE owner_id = ? ORDER BY export_number",
        row -> export(owner, row),
        owner.value());
  }

  // writes, from ChangeWriter

  void saveExports(List<StoredExport> exports) {
    List<Object[]> rows = new ArrayList<>(exports.size());
    for (StoredExport stored : exports) {
      RecordedExport export = stored.export();
      SignedTreeHead head = stored.head();
      RecordScope scope = export.scope();
      rows.add(new Object[] {
        head.mailbox().value(),
        export.exportNumber(),
        scope.kind().name(),
        Sql.instant(scope.from()),
        Sql.instant(scope.until()),
        Sql.text(scope.counterpart().map(ParticipantId::value)),
        Sql.text(export.courtOrder()),
        export.exportedAt(),
        head.size(),
        head.rootHash(),
        head.signedAt(),
        head.keyId(),
        head.algorithm(),
        head.signature()
      });
    }
    sql.requireWritable();
    sql.batch("INSERT INTO record_exports (owner_id, " + EXPORT_COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  /**
   * The entries in one batch; each record's head goes to {@code rows}, to be written on its mailbox's
   * row only where the head is still the one the entries were sealed onto.
   */
  void append(SealedRecord record, MailboxRows rows) {
    List<Object[]> entries = new ArrayList<>(record.appends().size());
    Map<ParticipantId, Long> sealedOnto = new LinkedHashMap<>();
    for (RecordAppend append : record.appends()) {
      StoredEntry entry = append.stored();
      entries.add(new Object[] {
        append.entry().mailbox().value(), entry.index(), entry.kind(), entry.reference(), entry.other(),
        entry.recordedAt(), entry.leafHash()
      });
      sealedOnto.putIfAbsent(append.entry().mailbox(), entry.index());
    }
    sql.requireWritable();
    try {
      sql.insertRows(
          "INSERT INTO record_entries (owner_id, leaf_index, kind, reference, other_id, recorded_at, leaf_hash)",
          "(?, ?, ?, ?, ?, ?, ?)",
          entries);
    } catch (Sql.SqlFailure e) {
      // not a race: every writer of these records holds their mailboxes' locks and read their heads with
      // them, so an entry can already be where the next one goes only if it was put there behind the
      // library's back (or the head was set back); retrying would only meet it again
      if (DUPLICATE_KEY.equals(e.sqlException().getSQLState())) {
        String places = sealedOnto.entrySet().stream()
            .map(owner -> "#" + owner.getValue() + " of " + owner.getKey())
            .collect(Collectors.joining(", "));
        throw new RecordIntegrityException(-1, "an entry is already stored where the record's head says the next"
            + " one goes (" + places + "): an entry was added, or the head changed, behind the library's back");
      }
      throw e;
    }
    record.heads().forEach((owner, head) -> rows.head(owner, head, sealedOnto.get(owner)));
  }

  /** An entry from its row; one the library did not write (a kind no entry has, …) is a changed record. */
  private static StoredEntry entry(ResultSet row) throws SQLException {
    long index = row.getLong("leaf_index");
    try {
      return new StoredEntry(
          index,
          row.getInt("kind"),
          row.getLong("reference"),
          row.getString("other_id"),
          Sql.instant(row, "recorded_at"),
          row.getString("leaf_hash").strip());
    } catch (RuntimeException e) {
      throw new RecordIntegrityException(index, "entry #" + index + " of the record of " + row.getString("owner_id")
          + " is not an entry the library writes: " + e.getMessage());
    }
  }

  /**
   * An export from its row, its scope read from every scope column (a scope of one kind with a column
   * of another, which the library never writes, is refused by the scope). A row the library did not
   * write is evidence changed behind its back.
   */
  private static StoredExport export(ParticipantId owner, ResultSet row) throws SQLException {
    long number = row.getLong("export_number");
    try {
      RecordScope scope = new RecordScope(
          RecordScope.Kind.valueOf(row.getString("scope_kind")),
          Sql.optionalInstant(row, "scope_from"),
          Sql.optionalInstant(row, "scope_until"),
          Optional.ofNullable(row.getString("scope_counterpart")).map(ParticipantId::of));
      RecordedExport export = new RecordedExport(
          number,
          scope,
          Optional.ofNullable(row.getString("court_order")),
          Sql.instant(row, "exported_at"));
      SignedTreeHead head = new SignedTreeHead(
          owner,
          row.getLong("head_size"),
          row.getString("head_root").strip(),
          Sql.instant(row, "head_signed_at"),
          row.getString("key_id").strip(),
          row.getString("algorithm"),
          row.getString("signature"));
      return new StoredExport(export, head);
    } catch (RuntimeException e) {
      throw new UnreadableEvidenceException(
          RecordEncoding.EXPORT, number, "", "export #" + number + " of the record of " + owner, e);
    }
  }
}
