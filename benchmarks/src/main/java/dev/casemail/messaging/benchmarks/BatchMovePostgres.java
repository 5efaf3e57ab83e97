package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * W4: the mother moves 100 unread messages at once, Inbox to Archive and back on the next call,
 * through {@code JdbcMessaging} on the embedded PostgreSQL 17; beside it the hand-written floor, one
 * UPDATE of the 100 copies plus the two folders' counts under the mailbox lock ({@link SqlFloor#move}).
 * Her Inbox is filled with 1,000 messages through the API before measuring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class BatchMovePostgres {

  static final int BATCH = 100;
  static final int INBOX_SIZE = 1_000;

  @State(Scope.Benchmark)
  public static class Database {
    Postgres postgres;
    ParticipantMessaging mother;
    SqlFloor floor;
    Set<MessageId> batch;
    List<Long> batchIds;
    boolean inInbox = true;

    @Setup(Level.Trial)
    public void start() {
      postgres = Postgres.start();
      var messaging = JdbcMessaging.create(postgres.dataSource());
      Practice.register(messaging);
      ParticipantMessaging lawyer = messaging.actingAs(Practice.LAWYER);
      for (int i = 0; i < INBOX_SIZE; i++) {
        lawyer.send(Practice.noteToMother());
      }
      postgres.execute("ANALYZE");
      mother = messaging.actingAs(Practice.MOTHER);
      List<MessageSummary> newest = mother.folder(SystemFolder.INBOX.id(), PageRequest.first(BATCH)).items();
      batch = newest.stream().map(MessageSummary::id).collect(Collectors.toCollection(LinkedHashSet::new));
      batchIds = batch.stream().map(MessageId::value).collect(Collectors.toList());
      floor = new SqlFloor(postgres.dataSource());
    }

    /** Where the batch goes next: Archive, then home to the Inbox, and so on. */
    FolderId flip() {
      FolderId target = inInbox ? SystemFolder.ARCHIVE.id() : SystemFolder.INBOX.id();
      inInbox = !inInbox;
      return target;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      postgres.close();
    }
  }

  @Benchmark
  public void library(Database database) {
    database.mother.move(MoveRequest.of(database.batch, database.flip()));
  }

  @Benchmark
  public void sqlFloor(Database database) throws Exception {
    FolderId target = database.flip();
    FolderId source = target.equals(SystemFolder.ARCHIVE.id()) ? SystemFolder.INBOX.id() : SystemFolder.ARCHIVE.id();
    database.floor.move(Practice.MOTHER.value(), database.batchIds, source.value(), target.value());
  }
}
