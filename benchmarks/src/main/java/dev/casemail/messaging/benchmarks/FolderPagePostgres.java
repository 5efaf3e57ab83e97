package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.PageRequest;
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
 * W2 on PostgreSQL: the first page (the 50 newest) of the mother's Inbox at 10 k and at 200 k
 * copies, read through {@code JdbcMessaging} on the embedded PostgreSQL 17.
 *
 * <p>Sending 200 k messages through the API would take minutes, so one message is sent through the
 * API and the database is then filled by cloning its rows (every copy and receipt of it, with older
 * sent times and new ids) in one {@code INSERT … SELECT}, after which every folder count is recounted
 * and the tables analysed. The rows are exactly those a send writes; only the page read is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FolderPagePostgres {

  @State(Scope.Benchmark)
  public static class Library {
    @Param({"10000", "200000"})
    public int copies;

    Postgres postgres;
    ParticipantMessaging mother;

    @Setup(Level.Trial)
    public void fillInbox() {
      postgres = Postgres.start();
      var messaging = JdbcMessaging.create(postgres.dataSource());
      Practice.register(messaging);
      MessageView template = messaging.actingAs(Practice.LAWYER).send(Practice.noteToMother());
      long id = template.id().value();
      int clones = copies - 1;
      postgres.execute("INSERT INTO copies (owner_id, message_id, thread_id, kind, sender_id, sender_role,"
          + " sender_name, recipients, subject, body, sent_at, in_reply_to, folder_id, opened_at, in_all)"
          + " SELECT owner_id, message_id - g, thread_id - g, kind, sender_id, sender_role, sender_name,"
          + " recipients, subject, body, sent_at - g * INTERVAL '1 second', in_reply_to, folder_id,"
          + " opened_at - g * INTERVAL '1 second', in_all"
          + " FROM copies, generate_series(1, " + clones + ") AS g WHERE message_id = " + id);
      postgres.execute("INSERT INTO receipts (owner_id, message_id, recipient_id, position, first_viewed_at)"
          + " SELECT owner_id, message_id - g, recipient_id, position, first_viewed_at"
          + " FROM receipts, generate_series(1, " + clones + ") AS g WHERE message_id = " + id);
      postgres.execute("UPDATE folders f SET"
          + " total = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id"
          + "   AND (c.folder_id = f.folder_id OR (f.folder_id = 7 AND c.in_all))),"
          + " unread = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id AND c.opened_at IS NULL"
          + "   AND (c.folder_id = f.folder_id OR (f.folder_id = 7 AND c.in_all)))");
      postgres.execute("ANALYZE");
      mother = messaging.actingAs(Practice.MOTHER);
      FolderPage first = mother.folder(SystemFolder.INBOX.id(), PageRequest.first());
      if (first.folder().total() != copies || !first.items().get(0).id().equals(template.id())) {
        throw new IllegalStateException("the Inbox holds " + first.folder().total() + " copies, not " + copies);
      }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      postgres.close();
    }
  }

  @Benchmark
  public FolderPage library(Library library) {
    return library.mother.folder(SystemFolder.INBOX.id(), PageRequest.first());
  }
}
