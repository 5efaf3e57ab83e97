package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.record.RecordContents;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.Recording;
import dev.casemail.messaging.core.record.SealedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 5: records what a database held before it had a record (versions up to 4 of the schema),
 * so that every mailbox's record starts complete. For each mailbox with an empty record it appends, in
 * the order they happened, an entry for every access event, every copy and every first view the
 * mailbox holds, exactly as the library records them from then on; exports then check those entries
 * like any other. The record can prove only that nothing changed after this migration: what happened
 * before it is recorded as the database held it then.
 *
 * <p>A step in Java, since SQL cannot compute the entries' hashes: {@link JdbcMessaging#migrate} runs
 * it after the SQL migrations 1 to 4.
 */
final class RecordBackfill implements JavaMigration {

  private static final MigrationVersion VERSION = MigrationVersion.fromVersion("5");

  @Override
  public MigrationVersion getVersion() {
    return VERSION;
  }

  @Override
  public String getDescription() {
    return "record what earlier versions held";
  }

  @Override
  public Integer getChecksum() {
    return 5;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) {
    Sql sql = new Sql(context.getConnection(), false);
    List<ParticipantId> owners = sql.query(
        "SELECT owner_id FROM mailboxes WHERE record_size = 0 ORDER BY owner_id",
        row -> ParticipantId.of(row.getString(1)));
    ReceiptRows receipts = new ReceiptRows(sql);
    AccessLinkRows links = new AccessLinkRows(sql);
    RecordRows records = new RecordRows(sql);
    for (ParticipantId owner : owners) {
      List<Happened> happened = new ArrayList<>();
      for (RecordedAccessEvent event : links.events(owner)) {
        happened.add(new Happened(event.at(), 0, event.eventNumber(), "", new Recording(owner, event)));
      }
      for (MessageCopy copy : CopyRows.everyBeforeVersion11(sql, owner)) {
        long id = copy.message().id().value();
        happened.add(new Happened(copy.message().sentAt(), 1, id, "", new Recording(owner, RecordContents.message(copy.message()))));
        if (copy.direction() == Direction.RECEIVED && copy.openedAt().isPresent()) {
          Instant at = copy.openedAt().get();
          happened.add(new Happened(at, 2, id, owner.value(),
              new Recording(owner, new RecordedFirstView(copy.message().id(), owner, at))));
        }
      }
      for (Map.Entry<MessageId, List<Receipt>> sent : receipts.every(owner).entrySet()) {
        for (Receipt receipt : sent.getValue()) {
          receipt.firstViewedAt().ifPresent(at -> happened.add(new Happened(at, 2, sent.getKey().value(),
              receipt.recipient().value(),
              new Recording(owner, new RecordedFirstView(sent.getKey(), receipt.recipient(), at)))));
        }
      }
      if (happened.isEmpty()) {
        continue;
      }
      happened.sort(Happened.ORDER);
      List<Recording> recordings = new ArrayList<>(happened.size());
      happened.forEach(h -> recordings.add(h.recording()));
      MailboxRows rows = new MailboxRows(sql);
      records.append(SealedRecord.seal(recordings, Map.of(owner, RecordHead.EMPTY)), rows);
      rows.write();
    }
  }

  /** Something the mailbox holds, at the time it happened: sorted by time, then access, message, view. */
  private record Happened(Instant at, int rank, long id, String other, Recording recording) {
    static final Comparator<Happened> ORDER = Comparator.comparing(Happened::at)
        .thenComparingInt(Happened::rank)
        .thenComparingLong(Happened::id)
        .thenComparing(Happened::other);
  }
}
