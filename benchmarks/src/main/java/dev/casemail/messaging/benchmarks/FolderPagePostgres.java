package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2 on PostgreSQL: the first page (the 50 newest) of an Inbox of 10 k copies and of one of 200 k,
 * read through {@code JdbcMessaging} on the embedded PostgreSQL 17. As in memory, every fork builds
 * the same database (the mother's Inbox small, the father's large) and the parameter only chooses
 * whose Inbox is read.
 *
 * <p>Sending 210 k messages through the API would take minutes, so one message to each parent is
 * sent through the API and the database is then filled by cloning its rows (every copy and receipt
 * of it, with older sent times and new ids) in one {@code INSERT … SELECT} each, after which every
 * folder count is recounted and the tables analysed. The rows are exactly those a send writes; only
 * the page read is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FolderPagePostgres {

  static final int SMALL = 10_000;
  static final int LARGE = 200_000;

  @State(Scope.Benchmark)
  public static class Library {
    @Param({"10000", "200000"})
    public int copies;

    Postgres postgres;
    ParticipantMessaging reader;

    @Setup(Level.Trial)
    public void fillInboxes() {
      if (copies != SMALL && copies != LARGE) {
        throw new IllegalArgumentException("copies must be " + SMALL + " or " + LARGE);
      }
      postgres = Postgres.start();
      Messaging messaging = JdbcMessaging.create(postgres.dataSource());
      Practice.register(messaging);
      ParticipantMessaging lawyer = messaging.actingAs(Practice.LAWYER);
      MessageView small = lawyer.send(Practice.noteTo(Practice.MOTHER));
      MessageView large = lawyer.send(Practice.noteTo(Practice.FATHER));
      // new ids count down from below the first template: the two sets of clones never meet
      long below = small.id().value();
      cloneRows(small.id().value(), below, SMALL - 1);
      cloneRows(large.id().value(), below - SMALL, LARGE - 1);
      postgres.execute("UPDATE folders f SET"
          + " total = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id"
          + "   AND (c.folder_id = f.folder_id OR (f.folder_id = 7 AND c.in_all))),"
          + " unread = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id AND c.opened_at IS NULL"
          + "   AND (c.folder_id = f.folder_id OR (f.folder_id = 7 AND c.in_all)))");
      postgres.execute("ANALYZE");
      ParticipantId read = copies == SMALL ? Practice.MOTHER : Practice.FATHER;
      reader = messaging.actingAs(read);
      FolderPage first = reader.folder(SystemFolder.INBOX.id(), PageRequest.first());
      MessageView newest = copies == SMALL ? small : large;
      if (first.folder().total() != copies || !first.items().get(0).id().equals(newest.id())) {
        throw new IllegalStateException("the Inbox holds " + first.folder().total() + " copies, not " + copies);
      }
    }

    /** Clones the content, every copy and every receipt of message {@code template}, giving clone g the id {@code below - g}. */
    private void cloneRows(long template, long below, int clones) {
      postgres.execute("INSERT INTO message_contents (message_id, recipients, body)"
          + " SELECT " + below + " - g, recipients, body"
          + " FROM message_contents, generate_series(1, " + clones + ") AS g WHERE message_id = " + template);
      postgres.execute("INSERT INTO copies (owner_id, message_id, thread_id, kind, sender_id, sender_role,"
          + " sender_name, recipients, subject, preview, sent_at, in_reply_to, folder_id, opened_at, in_all)"
          + " SELECT owner_id, " + below + " - g, " + below + " - g, kind, sender_id, sender_role, sender_name,"
          + " recipients, subject, preview, sent_at - g * INTERVAL '1 second', in_reply_to, folder_id,"
          + " opened_at - g * INTERVAL '1 second', in_all"
          + " FROM copies, generate_series(1, " + clones + ") AS g WHERE message_id = " + template);
      postgres.execute("INSERT INTO receipts (owner_id, message_id, recipient_id, position, first_viewed_at)"
          + " SELECT owner_id, " + below + " - g, recipient_id, position, first_viewed_at"
          + " FROM receipts, generate_series(1, " + clones + ") AS g WHERE message_id = " + template);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      postgres.close();
    }
  }

  @Benchmark
  public FolderPage library(Library library) {
    return library.reader.folder(SystemFolder.INBOX.id(), PageRequest.first());
  }
}
