package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * W9: events consumed end to end on the embedded PostgreSQL 17. Each operation drains a backlog of
 * {@value #EVENTS} pending {@code MESSAGE_RECEIVED} events ({@value #PER_MAILBOX} in each of
 * {@value #MAILBOXES} parents' mailboxes) with {@code threads} consumer threads, and ends when every
 * event is acknowledged; events per second are {@value #EVENTS} over its time.
 *
 * <ul>
 *   <li>{@code library}: every thread loops {@link Events#lease} of up to {@value #BATCH} events under
 *       one consumer name (competing instances), hands them to a handler that only reads them, and
 *       {@link Events#acknowledge}s them, through {@code JdbcMessaging} on a HikariCP pool of four.
 *   <li>{@code sqlFloor}: the hand-written floor, a plain queue table holding the same rows, consumed by
 *       as many threads on the same pool, each batch one transaction: {@code SELECT … ORDER BY id LIMIT
 *       100 FOR UPDATE SKIP LOCKED}, the same {@link Event}s built from the rows and read, one
 *       {@code DELETE … WHERE id = ANY (…)}, commit.
 * </ul>
 *
 * <p>The backlog is refilled before every iteration (not measured), by cloning rows: the trial's setup
 * registers the parents through the API, has the lawyer ask each for access, each approve, and the
 * lawyer send each one note, and consumes what that wrote; the note's event row in each mailbox is the
 * template from which the {@value #PER_MAILBOX} events of each round are inserted (numbered on from the
 * mailbox's {@code event_count}, which is moved on with them, as the library's writers do) into the
 * outbox, or into the floor's queue. Writing {@value #EVENTS} events through sends would take far longer
 * than consuming them; only the consuming is measured. The library's acknowledged events stay in the outbox
 * until a purge ({@link Events#purgeAcknowledged}), which runs in the setup of the next iteration (its
 * time is printed, not measured); the floor deletes its rows as it consumes them.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ConsumeEventsPostgres {

  /** The parents whose mailboxes hold the backlog. */
  static final int MAILBOXES = 2_000;
  /** Pending events in each mailbox at the start of an operation. */
  static final int PER_MAILBOX = 10;
  /** The events one operation consumes. */
  static final int EVENTS = MAILBOXES * PER_MAILBOX;
  /** The most events a thread takes at a time, for the library and the floor alike. */
  static final int BATCH = 100;

  private static final String CONSUMER = "w9-mailer";
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final String EVENT_COLUMNS = "owner_id, event_number, event_type, occurred_at, message_id,"
      + " thread_id, message_kind, counterpart_id, export_number";

  @State(Scope.Benchmark)
  public static class Backlog {
    /** Consumer threads (competing instances of one consumer). */
    @Param({"1", "4"})
    public int threads;

    /** Whether this fork measures the library (else the floor): only its side of the backlog is refilled. */
    boolean library;
    Postgres postgres;
    Events events;
    ExecutorService consumers;
    /** Rounds of the backlog so far: the floor's queue numbers each mailbox's events on from it. */
    int rounds;
    final AtomicLong done = new AtomicLong();
    final AtomicLong emptyBatches = new AtomicLong();
    /** Set when a consumer thread failed, so that the others stop too. */
    volatile boolean failed;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
      start(params.getBenchmark().endsWith(".library"));
    }

    /** A server with the scene, the consumer registered, and a pool of {@code threads} consumer threads. */
    void start(boolean library) {
      this.library = library;
      postgres = Postgres.start();
      Messaging messaging = JdbcMessaging.create(postgres.dataSource());
      messaging.directory().register(ParticipantRegistration.practitioner(Practice.LAWYER, Practice.LAWYER_NAME));
      ParticipantMessaging lawyer = messaging.actingAs(Practice.LAWYER);
      for (int i = 0; i < MAILBOXES; i++) {
        ParticipantId parent = ParticipantId.of(String.format("parent-%04d", i));
        messaging.directory().register(ParticipantRegistration.parent(parent, "Parent " + i));
        lawyer.requestAccess(parent);
        messaging.actingAs(parent).approveAccess(Practice.LAWYER);
        lawyer.send(Practice.noteTo(parent));
      }
      events = messaging.events();
      events.register(CONSUMER);
      long setUp = drain(events);
      postgres.execute("CREATE TABLE w9_template AS SELECT owner_id, message_id, thread_id, message_kind,"
          + " counterpart_id FROM outbox_events WHERE event_type = 'MESSAGE_RECEIVED'");
      postgres.execute("CREATE TABLE w9_queue (id BIGSERIAL PRIMARY KEY, owner_id VARCHAR(256) NOT NULL,"
          + " event_number BIGINT NOT NULL, event_type VARCHAR(32) NOT NULL,"
          + " occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, message_id BIGINT, thread_id BIGINT,"
          + " message_kind VARCHAR(16), counterpart_id VARCHAR(256), export_number BIGINT)");
      long templates = count("SELECT count(*) FROM w9_template");
      if (templates != MAILBOXES) {
        throw new IllegalStateException(templates + " messages received, not " + MAILBOXES);
      }
      System.out.println("# W9: " + setUp + " events of the setup consumed; " + MAILBOXES + " mailboxes");
      consumers = Executors.newFixedThreadPool(threads);
    }

    /**
     * The next round: {@value #PER_MAILBOX} new events in every parent's mailbox, in the outbox (after
     * purging the last round's, acknowledged) or in the floor's queue.
     */
    @Setup(Level.Iteration)
    public void refill() {
      long started = System.nanoTime();
      long purged = library ? events.purgeAcknowledged(Duration.ZERO) : 0;
      long purgeMicros = (System.nanoTime() - started) / 1_000;
      String clones = " t.owner_id, %s + g.n, 'MESSAGE_RECEIVED', now(), t.message_id, t.thread_id, t.message_kind,"
          + " t.counterpart_id, NULL FROM w9_template t JOIN mailboxes m ON m.owner_id = t.owner_id"
          + " CROSS JOIN generate_series(1, " + PER_MAILBOX + ") AS g(n) ORDER BY g.n, t.owner_id";
      try (Connection connection = postgres.dataSource().getConnection(); Statement sql = connection.createStatement()) {
        connection.setAutoCommit(false);
        if (library) {
          sql.executeUpdate("INSERT INTO outbox_events (" + EVENT_COLUMNS + ") SELECT" + clones.formatted("m.event_count"));
          sql.executeUpdate("UPDATE mailboxes SET event_count = event_count + " + PER_MAILBOX
              + " WHERE owner_id IN (SELECT owner_id FROM w9_template)");
        } else {
          sql.executeUpdate("INSERT INTO w9_queue (" + EVENT_COLUMNS + ") SELECT"
              + clones.formatted(Long.toString((long) rounds * PER_MAILBOX)));
        }
        connection.commit();
        connection.setAutoCommit(true);
        sql.execute("ANALYZE");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      rounds++;
      done.set(0);
      emptyBatches.set(0);
      if (library) {
        System.out.println("# W9 setup: purged " + purged + " acknowledged events in " + purgeMicros / 1000 + " ms");
      }
    }

    /** Exactly the backlog's events consumed (none twice, none left over), and nothing left pending. */
    @TearDown(Level.Iteration)
    public void check() {
      if (done.get() != EVENTS) {
        throw new IllegalStateException(done.get() + " events consumed, not " + EVENTS);
      }
      settled();
      System.out.println("# W9: " + emptyBatches.get() + " empty batches");
    }

    /**
     * After the library's drain, every cursor at its mailbox's last event; after the floor's, its
     * queue empty.
     */
    void settled() {
      long left = library
          ? count("SELECT count(*) FROM event_cursors c JOIN mailboxes m ON m.owner_id = c.owner_id"
              + " WHERE c.consumer = '" + CONSUMER + "' AND c.settled_through <> m.event_count")
          : count("SELECT count(*) FROM w9_queue");
      if (left != 0) {
        throw new IllegalStateException(left + (library ? " mailboxes not settled" : " events left in the queue"));
      }
    }

    long count(String query) {
      try (Connection connection = postgres.dataSource().getConnection();
          Statement sql = connection.createStatement();
          ResultSet row = sql.executeQuery(query)) {
        row.next();
        return row.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      consumers.shutdownNow();
      postgres.close();
    }

    /** Runs {@code consumer} on every thread until all of them return; the sum of what they returned. */
    long onEveryThread(Callable<Long> consumer) throws InterruptedException, ExecutionException {
      List<Future<Long>> running = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        running.add(consumers.submit(() -> {
          try {
            return consumer.call();
          } catch (Throwable e) {
            failed = true;
            throw e;
          }
        }));
      }
      long sum = 0;
      for (Future<Long> each : running) {
        sum += each.get();
      }
      return sum;
    }

    /** Whether some event is still to be consumed (and no thread failed). */
    boolean more() {
      return !failed && done.get() < EVENTS;
    }

    /** Nothing pending for this thread just now (the others hold the rest): a moment's pause, counted. */
    void nothingToTake() {
      emptyBatches.incrementAndGet();
      LockSupport.parkNanos(100_000);
    }
  }

  @Benchmark
  public long library(Backlog backlog) throws Exception {
    long read = backlog.onEveryThread(() -> {
      long handled = 0;
      while (backlog.more()) {
        EventBatch batch = backlog.events.lease(CONSUMER, BATCH, LEASE);
        if (batch.isEmpty()) {
          backlog.nothingToTake();
          continue;
        }
        List<EventId> ids = new ArrayList<>(batch.events().size());
        for (Event event : batch.events()) {
          handled += handle(event);
          ids.add(event.id());
        }
        backlog.events.acknowledge(batch.lease(), ids);
        backlog.done.addAndGet(ids.size());
      }
      return handled;
    });
    return read;
  }

  @Benchmark
  public long sqlFloor(Backlog backlog) throws Exception {
    DataSource dataSource = backlog.postgres.dataSource();
    long read = backlog.onEveryThread(() -> {
      long handled = 0;
      while (backlog.more()) {
        int taken;
        try (Connection connection = dataSource.getConnection()) {
          connection.setAutoCommit(false);
          List<Long> ids = new ArrayList<>(BATCH);
          try (PreparedStatement take = connection.prepareStatement("SELECT id, " + EVENT_COLUMNS
              + " FROM w9_queue ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            take.setInt(1, BATCH);
            try (ResultSet rows = take.executeQuery()) {
              while (rows.next()) {
                ids.add(rows.getLong("id"));
                handled += handle(event(rows));
              }
            }
          }
          taken = ids.size();
          if (taken > 0) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM w9_queue WHERE id = ANY (?)")) {
              delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
              if (delete.executeUpdate() != taken) {
                throw new IllegalStateException("deleted fewer than the " + taken + " rows it locked");
              }
            }
          }
          connection.commit();
        }
        if (taken == 0) {
          backlog.nothingToTake();
        } else {
          backlog.done.addAndGet(taken);
        }
      }
      return handled;
    });
    return read;
  }

  /** The handler: reads what a mailer would (whom to tell, about which message, from whom). */
  private static long handle(Event event) {
    return event.mailbox().value().length() + event.message().map(MessageId::value).orElse(0L)
        + event.counterpart().map(c -> c.value().length()).orElse(0) + event.type().ordinal();
  }

  /** The event of one row of the floor's queue, as the library builds it from an outbox row. */
  private static Event event(ResultSet row) throws SQLException {
    return new Event(
        new EventId(ParticipantId.of(row.getString("owner_id")), row.getLong("event_number")),
        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        EventType.valueOf(row.getString("event_type")),
        optionalLong(row, "message_id").map(MessageId::new),
        optionalLong(row, "thread_id").map(ThreadId::new),
        Optional.ofNullable(row.getString("message_kind")).map(MessageKind::valueOf),
        Optional.ofNullable(row.getString("counterpart_id")).map(ParticipantId::of),
        optionalLong(row, "export_number"));
  }

  private static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(value);
  }

  /** Consumes everything pending through the library, on the calling thread; how many events. */
  private static long drain(Events events) {
    long consumed = 0;
    for (EventBatch batch = events.lease(CONSUMER, BATCH, LEASE); !batch.isEmpty();
        batch = events.lease(CONSUMER, BATCH, LEASE)) {
      events.acknowledge(batch.lease(), batch.events().stream().map(Event::id).toList());
      consumed += batch.events().size();
    }
    return consumed;
  }
}
