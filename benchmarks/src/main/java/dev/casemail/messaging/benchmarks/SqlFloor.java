package dev.casemail.messaging.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The hand-written SQL floor of W3 and W4: one minimal JDBC transaction that writes exactly the rows
 * the JDBC adapter writes for the same call, and nothing else. It reads nothing (no participant, no
 * access link, no folder), checks nothing, and sends each kind of row in one statement or one batch.
 *
 * <p>Rows of a send to two parents (as {@code JdbcStore} writes them): the three mailbox rows locked
 * {@code FOR UPDATE}, one {@code message_contents} row (the body and the recipients, stored once), three
 * {@code copies} (the subject and a preview in each, the recipients on the lawyer's own copy only), six {@code folders} count updates (Sent and All Messages of
 * the sender, Inbox and All Messages of each parent), two {@code receipts}, three {@code record_entries}
 * (the message entering each mailbox's record), two {@code outbox_events} (a {@code MESSAGE_RECEIVED}
 * for each parent: the message, its thread, its kind and the sender, numbered on from the mailbox's
 * {@code event_count}), and on the three mailbox rows the records' heads and the two parents' new
 * event counts, in one update per row that changes only the head and the count it expects (the
 * adapter, which must number events without gaps, guards its count the same way). The
 * floor computes no hash: its leaf hashes and heads are placeholders of the right length. Rows of a batch move: the
 * owner's mailbox row locked, the moved {@code copies}, the counts of the source and target folders.
 */
final class SqlFloor {

  static final long INBOX = 1;
  static final long SENT = 5;
  static final long ALL_MESSAGES = 7;

  private final DataSource dataSource;
  /** Ids below the time-ordered ids the library issues, so the two never meet. */
  private final AtomicLong ids = new AtomicLong();
  /** The size of each mailbox's record: the floor is its database's only writer, so it counts them itself. */
  private final Map<String, Long> recordSizes = new ConcurrentHashMap<>();
  /** Each mailbox's event count, which the floor keeps itself for the same reason. */
  private final Map<String, Long> eventCounts = new ConcurrentHashMap<>();
  private static final String HASH = "ab".repeat(32);

  SqlFloor(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The start of both W3 floors: the counts read once, the transaction begun, the three mailbox rows
   * locked and the message's content inserted.
   */
  private void begin(Connection connection, long message, String recipients, String body) throws SQLException {
    if (recordSizes.isEmpty()) {
      // once, before the first send: what the setup recorded (the access requests and their answers)
      // and the events it wrote (the access requests and approvals)
      try (PreparedStatement sizes =
              connection.prepareStatement("SELECT owner_id, record_size, event_count FROM mailboxes");
          ResultSet rows = sizes.executeQuery()) {
        while (rows.next()) {
          recordSizes.put(rows.getString(1), rows.getLong(2));
          eventCounts.put(rows.getString(1), rows.getLong(3));
        }
      }
    }
    connection.setAutoCommit(false);
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT owner_id FROM mailboxes WHERE owner_id IN (?, ?, ?) ORDER BY owner_id FOR UPDATE")) {
      lock.setString(1, Practice.LAWYER.value());
      lock.setString(2, Practice.MOTHER.value());
      lock.setString(3, Practice.FATHER.value());
      lock.executeQuery().close();
    }
    try (PreparedStatement content = connection.prepareStatement(
        "INSERT INTO message_contents (message_id, recipients, body) VALUES (?, ?, ?)")) {
      content.setLong(1, message);
      content.setString(2, recipients);
      content.setString(3, body);
      content.executeUpdate();
    }
  }

  /** The six folder counts of a W3 send: Sent and All Messages of the lawyer, Inbox and All Messages of each parent. */
  private static void countFolders(Connection connection) throws SQLException {
    String lawyer = Practice.LAWYER.value();
    try (PreparedStatement counts = connection.prepareStatement(
        "UPDATE folders SET total = total + 1, unread = unread + ? WHERE owner_id = ? AND folder_id = ?")) {
      for (String owner : List.of(lawyer, Practice.MOTHER.value(), Practice.FATHER.value())) {
        boolean sender = owner.equals(lawyer);
        for (long folder : new long[] {sender ? SENT : INBOX, ALL_MESSAGES}) {
          counts.setLong(1, sender ? 0 : 1);
          counts.setString(2, owner);
          counts.setLong(3, folder);
          counts.addBatch();
        }
      }
      counts.executeBatch();
    }
  }

  /** Binds one copy's 11 values of a W3 floor's insert from parameter {@code at + 1} on. */
  private static void bindCopy(PreparedStatement copies, int at, String owner, long message, long thread,
      String recipients, String subject, String preview, OffsetDateTime now) throws SQLException {
    boolean sender = owner.equals(Practice.LAWYER.value());
    copies.setString(at + 1, owner);
    copies.setLong(at + 2, message);
    copies.setLong(at + 3, thread);
    copies.setString(at + 4, Practice.LAWYER.value());
    copies.setString(at + 5, Practice.LAWYER_NAME);
    if (sender) {
      copies.setString(at + 6, recipients);
    } else {
      copies.setNull(at + 6, Types.VARCHAR);
    }
    copies.setString(at + 7, subject);
    copies.setString(at + 8, preview);
    copies.setObject(at + 9, now);
    copies.setLong(at + 10, sender ? SENT : INBOX);
    if (sender) {
      copies.setObject(at + 11, now);
    } else {
      copies.setNull(at + 11, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  /** W3's floor: the lawyer's letter to both parents. */
  void send(String subject, String body) throws SQLException {
    long message = ids.incrementAndGet();
    long thread = ids.incrementAndGet();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    String recipients = Practice.MOTHER.value() + "\tPARENT\t" + Practice.MOTHER_NAME + "\n"
        + Practice.FATHER.value() + "\tPARENT\t" + Practice.FATHER_NAME;
    String lawyer = Practice.LAWYER.value();
    String mother = Practice.MOTHER.value();
    String father = Practice.FATHER.value();
    try (Connection connection = dataSource.getConnection()) {
      begin(connection, message, recipients, body);
      // the floor follows no rule: its preview is the body's first 120 characters, the adapter's as long
      String preview = body.length() > 120 ? body.substring(0, 120) : body;
      try (PreparedStatement copies = connection.prepareStatement(
          "INSERT INTO copies (owner_id, message_id, thread_id, kind, sender_id, sender_role, sender_name,"
              + " recipients, subject, preview, sent_at, in_reply_to, folder_id, opened_at, in_all)"
              + " VALUES (?, ?, ?, 'PERSONAL', ?, 'PRACTITIONER', ?, ?, ?, ?, ?, NULL, ?, ?, TRUE)")) {
        for (String owner : List.of(lawyer, mother, father)) {
          bindCopy(copies, 0, owner, message, thread, recipients, subject, preview, now);
          copies.addBatch();
        }
        copies.executeBatch();
      }
      countFolders(connection);
      try (PreparedStatement receipts = connection.prepareStatement(
          "INSERT INTO receipts (owner_id, message_id, recipient_id, position, first_viewed_at)"
              + " VALUES (?, ?, ?, ?, NULL)")) {
        int position = 0;
        for (String recipient : List.of(mother, father)) {
          receipts.setString(1, lawyer);
          receipts.setLong(2, message);
          receipts.setString(3, recipient);
          receipts.setInt(4, position++);
          receipts.addBatch();
        }
        receipts.executeBatch();
      }
      try (PreparedStatement entries = connection.prepareStatement(
              "INSERT INTO record_entries (owner_id, leaf_index, kind, reference, other_id, recorded_at, leaf_hash)"
                  + " VALUES (?, ?, 1, ?, '', ?, ?)");
          PreparedStatement events = connection.prepareStatement(
              "INSERT INTO outbox_events (owner_id, event_number, event_type, occurred_at, message_id, thread_id,"
                  + " message_kind, counterpart_id, export_number)"
                  + " VALUES (?, ?, 'MESSAGE_RECEIVED', ?, ?, ?, 'PERSONAL', ?, NULL)");
          PreparedStatement heads = connection.prepareStatement(
              "UPDATE mailboxes SET record_size = ?, record_frontier = ?, event_count = ?"
                  + " WHERE owner_id = ? AND record_size = ? AND event_count = ?")) {
        for (String owner : List.of(lawyer, mother, father)) {
          boolean sender = owner.equals(lawyer);
          long size = recordSizes.getOrDefault(owner, 0L);
          long count = eventCounts.getOrDefault(owner, 0L);
          long counted = sender ? count : count + 1; // the sender's own copy tells it nothing
          entries.setString(1, owner);
          entries.setLong(2, size);
          entries.setLong(3, message);
          entries.setObject(4, now);
          entries.setString(5, HASH);
          entries.addBatch();
          if (!sender) {
            events.setString(1, owner);
            events.setLong(2, counted);
            events.setObject(3, now);
            events.setLong(4, message);
            events.setLong(5, thread);
            events.setString(6, lawyer);
            events.addBatch();
          }
          heads.setLong(1, size + 1);
          heads.setString(2, HASH.repeat(Long.bitCount(size + 1)));
          heads.setLong(3, counted);
          heads.setString(4, owner);
          heads.setLong(5, size);
          heads.setLong(6, count);
          heads.addBatch();
          recordSizes.put(owner, size + 1);
          eventCounts.put(owner, counted);
        }
        entries.executeBatch();
        events.executeBatch();
        for (int updated : heads.executeBatch()) {
          if (updated != 1) {
            throw new IllegalStateException("a mailbox row's head or event count was not the one expected");
          }
        }
      }
      connection.commit();
    }
  }

  /**
   * W3's floor written as the adapter now writes a change: the same rows as {@link #send}, but each kind
   * of row it inserts in one multi-row statement ({@code INSERT … VALUES (…), (…)}) instead of a JDBC
   * batch of a statement per row; the six folder counts stay a batch, as the adapter writes them. Not W3's floor as BENCHMARKS.md defines it; {@code Alternated w3rows} compares the library with
   * it, so the figure shows what the library costs beyond the same statements written by hand.
   */
  void sendMultiRow(String subject, String body) throws SQLException {
    long message = ids.incrementAndGet();
    long thread = ids.incrementAndGet();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    String recipients = Practice.MOTHER.value() + "\tPARENT\t" + Practice.MOTHER_NAME + "\n"
        + Practice.FATHER.value() + "\tPARENT\t" + Practice.FATHER_NAME;
    String lawyer = Practice.LAWYER.value();
    String mother = Practice.MOTHER.value();
    String father = Practice.FATHER.value();
    String preview = body.length() > 120 ? body.substring(0, 120) : body;
    try (Connection connection = dataSource.getConnection()) {
      begin(connection, message, recipients, body);
      try (PreparedStatement copies = connection.prepareStatement(
          "INSERT INTO copies (owner_id, message_id, thread_id, kind, sender_id, sender_role, sender_name,"
              + " recipients, subject, preview, sent_at, in_reply_to, folder_id, opened_at, in_all) VALUES"
              + " (?, ?, ?, 'PERSONAL', ?, 'PRACTITIONER', ?, ?, ?, ?, ?, NULL, ?, ?, TRUE),"
              + " (?, ?, ?, 'PERSONAL', ?, 'PRACTITIONER', ?, ?, ?, ?, ?, NULL, ?, ?, TRUE),"
              + " (?, ?, ?, 'PERSONAL', ?, 'PRACTITIONER', ?, ?, ?, ?, ?, NULL, ?, ?, TRUE)")) {
        int at = 0;
        for (String owner : List.of(lawyer, mother, father)) {
          bindCopy(copies, at, owner, message, thread, recipients, subject, preview, now);
          at += 11;
        }
        copies.executeUpdate();
      }
      countFolders(connection);
      try (PreparedStatement receipts = connection.prepareStatement(
          "INSERT INTO receipts (owner_id, message_id, recipient_id, position, first_viewed_at)"
              + " VALUES (?, ?, ?, 0, NULL), (?, ?, ?, 1, NULL)")) {
        receipts.setString(1, lawyer);
        receipts.setLong(2, message);
        receipts.setString(3, mother);
        receipts.setString(4, lawyer);
        receipts.setLong(5, message);
        receipts.setString(6, father);
        receipts.executeUpdate();
      }
      try (PreparedStatement entries = connection.prepareStatement(
              "INSERT INTO record_entries (owner_id, leaf_index, kind, reference, other_id, recorded_at, leaf_hash)"
                  + " VALUES (?, ?, 1, ?, '', ?, ?), (?, ?, 1, ?, '', ?, ?), (?, ?, 1, ?, '', ?, ?)");
          PreparedStatement events = connection.prepareStatement(
              "INSERT INTO outbox_events (owner_id, event_number, event_type, occurred_at, message_id, thread_id,"
                  + " message_kind, counterpart_id, export_number)"
                  + " VALUES (?, ?, 'MESSAGE_RECEIVED', ?, ?, ?, 'PERSONAL', ?, NULL),"
                  + " (?, ?, 'MESSAGE_RECEIVED', ?, ?, ?, 'PERSONAL', ?, NULL)");
          PreparedStatement heads = connection.prepareStatement(
              "UPDATE mailboxes SET record_size = ?, record_frontier = ?, event_count = ?"
                  + " WHERE owner_id = ? AND record_size = ? AND event_count = ?")) {
        int entry = 0;
        int event = 0;
        for (String owner : List.of(lawyer, mother, father)) {
          boolean sender = owner.equals(lawyer);
          long size = recordSizes.getOrDefault(owner, 0L);
          long count = eventCounts.getOrDefault(owner, 0L);
          long counted = sender ? count : count + 1;
          entries.setString(entry + 1, owner);
          entries.setLong(entry + 2, size);
          entries.setLong(entry + 3, message);
          entries.setObject(entry + 4, now);
          entries.setString(entry + 5, HASH);
          entry += 5;
          if (!sender) {
            events.setString(event + 1, owner);
            events.setLong(event + 2, counted);
            events.setObject(event + 3, now);
            events.setLong(event + 4, message);
            events.setLong(event + 5, thread);
            events.setString(event + 6, lawyer);
            event += 6;
          }
          heads.setLong(1, size + 1);
          heads.setString(2, HASH.repeat(Long.bitCount(size + 1)));
          heads.setLong(3, counted);
          heads.setString(4, owner);
          heads.setLong(5, size);
          heads.setLong(6, count);
          heads.addBatch();
          recordSizes.put(owner, size + 1);
          eventCounts.put(owner, counted);
        }
        entries.executeUpdate();
        events.executeUpdate();
        for (int updated : heads.executeBatch()) {
          if (updated != 1) {
            throw new IllegalStateException("a mailbox row's head or event count was not the one expected");
          }
        }
      }
      connection.commit();
    }
  }

  /**
   * W4's floor: moves the owner's unread copies {@code messages} from {@code from} to {@code to} with one
   * UPDATE, and the two folders' counts with one more.
   */
  void move(String owner, List<Long> messages, long from, long to) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT owner_id FROM mailboxes WHERE owner_id = ? FOR UPDATE")) {
        lock.setString(1, owner);
        lock.executeQuery().close();
      }
      String marks = String.join(", ", Collections.nCopies(messages.size(), "?"));
      try (PreparedStatement move = connection.prepareStatement(
          "UPDATE copies SET folder_id = ? WHERE owner_id = ? AND message_id IN (" + marks + ")")) {
        move.setLong(1, to);
        move.setString(2, owner);
        int index = 3;
        for (long message : messages) {
          move.setLong(index++, message);
        }
        int moved = move.executeUpdate();
        if (moved != messages.size()) {
          throw new IllegalStateException("moved " + moved + " of " + messages.size());
        }
      }
      int n = messages.size();
      try (PreparedStatement counts = connection.prepareStatement(
          "UPDATE folders SET total = total + CASE WHEN folder_id = ? THEN ? ELSE ? END,"
              + " unread = unread + CASE WHEN folder_id = ? THEN ? ELSE ? END"
              + " WHERE owner_id = ? AND folder_id IN (?, ?)")) {
        List<Object> parameters = new ArrayList<>(List.of(to, n, -n, to, n, -n, owner, from, to));
        for (int i = 0; i < parameters.size(); i++) {
          counts.setObject(i + 1, parameters.get(i));
        }
        counts.executeUpdate();
      }
      connection.commit();
    }
  }
}
