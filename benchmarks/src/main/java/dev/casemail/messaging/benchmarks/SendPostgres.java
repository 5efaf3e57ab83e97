package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.jdbc.JdbcMessaging;
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
 * transaction ({@link SqlFloor#send}). Each runs in its own JVM on its own fresh server.
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
