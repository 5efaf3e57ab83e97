package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.UnreadableEvidenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table {@code receipts}: who opened what, stored under the sender. */
final class ReceiptRows implements Receipts {

  private final Sql sql;

  ReceiptRows(Sql sql) {
    this.sql = sql;
  }

  @Override
  public List<Receipt> of(ParticipantId sender, MessageId message) {
    return sql.query(
        "SELECT message_id, recipient_id, first_viewed_at FROM receipts WHERE owner_id = ? AND message_id = ?"
            + " ORDER BY position",
        row -> receipt(sender, row),
        sender.value(),
        message.value());
  }

  @Override
  public Map<MessageId, List<Receipt>> every(ParticipantId sender) {
    Map<MessageId, List<Receipt>> every = new LinkedHashMap<>();
    sql.query(
        "SELECT message_id, recipient_id, first_viewed_at FROM receipts WHERE owner_id = ? ORDER BY message_id, position",
        row -> every.computeIfAbsent(MessageId.of(row.getLong("message_id")), id -> new ArrayList<>())
            .add(receipt(sender, row)),
        sender.value());
    return every;
  }

  /** A receipt from its row; one the library did not write (a recipient no id has) is evidence changed. */
  private static Receipt receipt(ParticipantId sender, ResultSet row) throws SQLException {
    try {
      return new Receipt(ParticipantId.of(row.getString("recipient_id")), Sql.optionalInstant(row, "first_viewed_at"));
    } catch (RuntimeException e) {
      long message = row.getLong("message_id");
      throw new UnreadableEvidenceException(RecordEncoding.FIRST_VIEW, message, row.getString("recipient_id"),
          "the receipt of message " + message + " for " + row.getString("recipient_id") + " in the mailbox of " + sender, e);
    }
  }

  /** Every recipient "never viewed", for every message of the change, in one statement. */
  void start(List<MailboxChange.ReceiptsStarted> started) {
    List<Object[]> rows = new ArrayList<>();
    for (MailboxChange.ReceiptsStarted receipts : started) {
      int position = 0;
      for (ParticipantId recipient : receipts.recipients()) {
        rows.add(new Object[] {receipts.sender().value(), receipts.message().value(), recipient.value(), position++});
      }
    }
    sql.requireWritable();
    sql.insertRows("INSERT INTO receipts (owner_id, message_id, recipient_id, position, first_viewed_at)",
        "(?, ?, ?, ?, NULL)", rows);
  }

  void recordFirstViews(List<MailboxChange.FirstView> views) {
    List<Object[]> rows = new ArrayList<>(views.size());
    for (MailboxChange.FirstView view : views) {
      rows.add(new Object[] {view.at(), view.sender().value(), view.message().value(), view.recipient().value()});
    }
    sql.batchOfOnes(
        "UPDATE receipts SET first_viewed_at = ?"
            + " WHERE owner_id = ? AND message_id = ? AND recipient_id = ? AND first_viewed_at IS NULL",
        rows);
  }
}
