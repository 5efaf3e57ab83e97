package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W3: the lawyer sends a 1 KiB message to both parents through {@code JdbcMessaging} on the embedded
 * PostgreSQL 17, beside the hand-written SQL floor that writes the same rows in one minimal
 * transaction ({@link SqlFloor#send}), the outbox's event rows included. Each runs in its own JVM on its
 * own fresh server; before it, the setup sends once through each and checks that the floor's event rows
 * are the library's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SendPostgres {

  @State(Scope.Benchmark)
  public static class Database {
    Postgres postgres;
    ParticipantMessaging lawyer;
    SqlFloor floor;

    @Setup(Level.Trial)
    public void start() {
      postgres = Postgres.start();
      var messaging = JdbcMessaging.create(postgres.dataSource());
      Practice.register(messaging);
      lawyer = messaging.actingAs(Practice.LAWYER);
      floor = new SqlFloor(postgres.dataSource());
      // the floor writes the event rows the library writes: one send each, then their rows side by side
      lawyer.send(Practice.letterToBothParents());
      try {
        floor.send(Practice.SUBJECT, Practice.LETTER);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      sameEventRows(postgres);
    }

    /**
     * Each parent's last two events, the library's then the floor's, agree in everything but the ids
     * and the time, are numbered one after the other, and every mailbox's count is its last number.
     */
    private static void sameEventRows(Postgres postgres) {
      try (Connection connection = postgres.dataSource().getConnection();
          Statement sql = connection.createStatement()) {
        for (String parent : List.of(Practice.MOTHER.value(), Practice.FATHER.value())) {
          List<String> rows = new ArrayList<>();
          try (ResultSet row = sql.executeQuery("SELECT event_number, event_type, message_kind, counterpart_id,"
              + " export_number, message_id IS NOT NULL AND thread_id IS NOT NULL FROM outbox_events"
              + " WHERE owner_id = '" + parent + "' ORDER BY event_number DESC FETCH FIRST 2 ROWS ONLY")) {
            while (row.next()) {
              rows.add(row.getLong(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4)
                  + " " + row.getString(5) + " " + row.getBoolean(6));
            }
          }
          if (rows.size() != 2) {
            throw new IllegalStateException("the two sends wrote no two events for " + parent + ": " + rows);
          }
          long floorNumber = Long.parseLong(rows.get(0).split(" ")[0]);
          long libraryNumber = Long.parseLong(rows.get(1).split(" ")[0]);
          if (floorNumber != libraryNumber + 1
              || !rows.get(0).substring(rows.get(0).indexOf(' ')).equals(rows.get(1).substring(rows.get(1).indexOf(' ')))) {
            throw new IllegalStateException("the floor's event row differs from the library's: " + rows);
          }
        }
        try (ResultSet row = sql.executeQuery("SELECT count(*) FROM mailboxes m WHERE m.event_count <>"
            + " (SELECT coalesce(max(e.event_number), 0) FROM outbox_events e WHERE e.owner_id = m.owner_id)")) {
          row.next();
          if (row.getLong(1) != 0) {
            throw new IllegalStateException(row.getLong(1) + " mailboxes' event counts are not their last event");
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      postgres.close();
    }
  }

  @Benchmark
  public MessageView library(Database database) {
    return database.lawyer.send(Practice.letterToBothParents());
  }

  @Benchmark
  public void sqlFloor(Database database) throws Exception {
    database.floor.send(Practice.SUBJECT, Practice.LETTER);
  }
}
