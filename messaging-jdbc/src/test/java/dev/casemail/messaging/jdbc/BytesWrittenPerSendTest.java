package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one send of a 64 KiB message to 50 recipients costs PostgreSQL in stored bytes: the growth of
 * {@code pg_total_relation_size} (heap, TOAST, every index) of a table, over {@value #SENDS} sends after
 * {@value #WARM_UP} warm-up sends, averaged. Relation sizes grow in 8 KiB pages, which is why the figure
 * is an average over many sends; no VACUUM runs in between, and nothing is deleted or updated in the
 * tables measured, so autovacuum cannot make them smaller. The growth of every table the send writes is
 * printed, with the WAL written meanwhile ({@code pg_current_wal_lsn()} before and after: it also counts
 * full-page images, so it is printed, not held to a budget).
 *
 * <p>The budget, 1.5 × the body plus 300 bytes per recipient, holds the tables that store the message:
 * {@code message_contents} (the content, once) and {@code copies} (one listing row per mailbox). The
 * rows every send writes besides, whatever its content (an entry of each mailbox's record, an event in
 * each mailbox's outbox, the sender's receipts), are another matter: they are printed, and the test
 * fails if they grow beyond what they cost when this test was written, but they alone take about 520
 * bytes per recipient, so no layout of the message could keep the whole within that budget.
 *
 * <p>The body is random letters, which PostgreSQL's TOAST compression cannot shrink much, so the body
 * is counted about at its size.
 */
class BytesWrittenPerSendTest {

  private static final Logger LOG = LoggerFactory.getLogger(BytesWrittenPerSendTest.class);

  private static final int RECIPIENTS = InputRules.MAX_RECIPIENTS;
  private static final int BODY_BYTES = InputRules.MAX_BODY_BYTES;
  private static final int WARM_UP = 5;
  private static final int SENDS = 20;
  private static final long BUDGET = BODY_BYTES * 3L / 2 + 300L * RECIPIENTS;
  /** The tables that store the message itself. */
  private static final Set<String> MESSAGE_TABLES = Set.of("copies", "message_contents");
  /** What the other rows of a send cost when this test was written (26 213 B), with 10 % to spare. */
  private static final long OTHER_ROWS_CEILING = 28_800;

  @Test
  void aMessageToFiftyRecipientsIsStoredOnceNotFiftyTimes() throws SQLException {
    DataSource database = TestDatabases.freshPostgres();
    Messaging messaging = JdbcMessaging.create(database, MessagingConfiguration.defaults());
    MessagingFixture fixture = (configuration, ids) -> messaging;
    World world = fixture.newWorld();
    ParticipantId mediator = world.practitioner("mediator");
    ParticipantId[] parents = new ParticipantId[RECIPIENTS];
    for (int i = 0; i < RECIPIENTS; i++) {
      parents[i] = world.parent(String.format("parent-%02d", i));
      world.grant(mediator, parents[i]);
    }
    Random random = new Random(7);
    for (int i = 0; i < WARM_UP; i++) {
      world.send(mediator, "Warm-up " + i, body(random), parents);
    }
    Map<String, Long> before = sizes(database);
    long walBefore = wal(database);
    for (int i = 0; i < SENDS; i++) {
      world.send(mediator, "Hearing on the 14th, item " + i, body(random), parents);
    }
    long walAfter = wal(database);
    Map<String, Long> after = sizes(database);

    long message = 0;
    long other = 0;
    StringBuilder figures = new StringBuilder();
    for (Map.Entry<String, Long> table : after.entrySet()) {
      long grown = table.getValue() - before.getOrDefault(table.getKey(), 0L);
      if (MESSAGE_TABLES.contains(table.getKey())) {
        message += grown;
      } else {
        other += grown;
      }
      if (grown != 0) {
        figures.append(String.format("%n  %-20s %9d B per send", table.getKey(), grown / SENDS));
      }
    }
    long messagePerSend = message / SENDS;
    long otherPerSend = other / SENDS;
    LOG.info("a {} B message to {} recipients, averaged over {} sends: the message's tables grew {} B per send"
            + " (budget {} B), the other rows {} B, all together {} B; {} B of WAL per send; by table:{}",
        BODY_BYTES, RECIPIENTS, SENDS, messagePerSend, BUDGET, otherPerSend, messagePerSend + otherPerSend,
        (walAfter - walBefore) / SENDS, figures);
    assertThat(messagePerSend).as("bytes the message's tables grew per send").isLessThanOrEqualTo(BUDGET);
    assertThat(otherPerSend).as("bytes the other rows of a send take").isLessThanOrEqualTo(OTHER_ROWS_CEILING);
  }

  /** Exactly {@value #BODY_BYTES} bytes of random ASCII letters and spaces. */
  private static String body(Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
    StringBuilder body = new StringBuilder(BODY_BYTES);
    body.append('x');
    while (body.length() < BODY_BYTES) {
      body.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return body.toString();
  }

  private static Map<String, Long> sizes(DataSource database) throws SQLException {
    Map<String, Long> sizes = new TreeMap<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT tablename, pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename))"
                + " FROM pg_tables WHERE schemaname = current_schema()")) {
      while (rows.next()) {
        sizes.put(rows.getString(1), rows.getLong(2));
      }
    }
    return sizes;
  }

  private static long wal(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')")) {
      row.next();
      return row.getLong(1);
    }
  }
}
