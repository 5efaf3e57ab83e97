package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the outbox costs in statements, counted at the driver: a send that emits events writes each
 * mailbox row once (the record's head and the event count in one update); a lease reads the events of
 * all its mailboxes in one statement and, once every mailbox with events has the consumer's cursor,
 * makes none, nor reads replays when none is asked for (while a mailbox whose first event comes later,
 * or a consumer registered later, still gets its cursors and its events).
 */
class OutboxRoundTripsTest {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRoundTripsTest.class);

  private static final Duration LEASE = Duration.ofMinutes(1);

  enum Database {
    POSTGRES(TestDatabases::freshPostgres),
    H2(TestDatabases::freshH2);

    private final Supplier<DataSource> fresh;

    Database(Supplier<DataSource> fresh) {
      this.fresh = fresh;
    }
  }

  private static final class Scene {
    final FailingDataSource counted;
    final World world;
    final ParticipantId drlee;
    final ParticipantId anna;
    final ParticipantId ben;

    Scene(Database kind) {
      counted = new FailingDataSource(kind.fresh.get());
      counted.countOnly();
      world = ((MessagingFixture) (configuration, ids) -> JdbcMessaging.create(counted)).newWorld();
      drlee = world.practitioner("drlee");
      anna = world.parent("anna");
      ben = world.parent("ben");
      world.grant(drlee, anna);
      world.grant(drlee, ben);
    }

    Events events() {
      return world.messaging.events();
    }

    /** The statements (and commits) {@code work} sent to the driver. */
    List<String> statementsOf(Runnable work) {
      counted.countOnly();
      work.run();
      return counted.eventLog();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aSendThatEmitsEventsWritesEachMailboxRowOnce(Database kind) {
    Scene scene = new Scene(kind);
    scene.world.send(scene.drlee, "Warm-up", "first events", scene.anna, scene.ben);

    List<String> send = scene.statementsOf(() -> scene.world.send(scene.drlee, "Hearing", "On Monday.", scene.anna, scene.ben));

    LOG.info("{}: a send to two parents, {} round trips: {}", kind, send.size(), send);
    assertThat(send)
        .as("the lock, the message's content, copies, receipts, counts, record entries, events, mailbox rows, commit")
        .hasSize(9);
    assertThat(send.stream().filter(s -> s.contains("INSERT INTO message_contents")))
        .as("the body and the recipients written once").hasSize(1);
    assertThat(send).as("the sender's links as kept at the version the lock read")
        .noneMatch(s -> s.contains("FROM access_links"));
    assertThat(send).as("no auto-responder of parents who never saved one")
        .noneMatch(s -> s.contains("FROM auto_responders"));
    assertThat(send.stream().filter(s -> s.contains("UPDATE folders")))
        .as(send + ": the six folders' counts in one batch of a statement per folder (each a unique index"
            + " scan: one UPDATE of many folders, a bitmap scan, slowed W7 at 8 threads by a third)")
        .singleElement()
        .satisfies(statement -> assertThat(statement).startsWith("executeBatch").contains("AND folder_id = ?"));
    for (String rows : List.of("INSERT INTO copies", "INSERT INTO receipts",
        "INSERT INTO record_entries", "INSERT INTO outbox_events")) {
      assertThat(send.stream().filter(s -> s.contains(rows)))
          .as(send + ": " + rows + " once, as one multi-row statement, not a batch of a statement per row")
          .singleElement()
          .satisfies(statement -> assertThat(statement).startsWith("executeUpdate"));
    }
    assertThat(send.stream().filter(s -> s.contains("UPDATE mailboxes")))
        .as(send + ": one batch of updates of the mailboxes' rows, the event count with the record's head")
        .singleElement()
        .satisfies(update -> assertThat(update).contains("record_size", "event_count"));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aLeaseOfManyMailboxesReadsTheirEventsAtOnceAndMakesNoCursorItHas(Database kind) {
    Scene scene = new Scene(kind);
    Events events = scene.events();
    events.register("mailer");
    scene.world.send(scene.drlee, "One", "1", scene.anna, scene.ben);
    drain(events, "mailer"); // makes the cursors
    for (int i = 0; i < 3; i++) {
      scene.world.send(scene.drlee, "More " + i, "more", scene.anna, scene.ben);
    }

    EventBatch[] batch = new EventBatch[1];
    List<String> lease = scene.statementsOf(() -> batch[0] = events.lease("mailer", 100, LEASE));
    List<String> acknowledge = scene.statementsOf(
        () -> events.acknowledge(batch[0].lease(), batch[0].events().stream().map(Event::id).toList()));

    LOG.info("{}: a lease of {} events, {} round trips: {}", kind, batch[0].events().size(), lease.size(), lease);
    LOG.info("{}: their acknowledgement, {} round trips: {}", kind, acknowledge.size(), acknowledge);
    assertThat(mailboxesOf(batch[0].events())).contains(scene.anna, scene.ben);
    assertThat(lease).as("no cursor to make").noneMatch(s -> s.contains("INSERT INTO event_cursors"));
    assertThat(lease).as("no replay to read").noneMatch(s -> s.contains("FROM event_dead WHERE"));
    assertThat(lease.stream().filter(s -> s.contains("FROM outbox_events")))
        .as("the events of every leased mailbox in one statement").hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aMailboxWhoseFirstEventComesLaterAndAConsumerRegisteredLaterGetTheirCursors(Database kind) {
    Scene scene = new Scene(kind);
    Events events = scene.events();
    events.register("mailer");
    scene.world.send(scene.drlee, "One", "1", scene.anna);
    List<Event> first = drain(events, "mailer");
    assertThat(mailboxesOf(first)).contains(scene.anna);

    // cleo's first event, after every cursor the consumer needed was made
    ParticipantId cleo = scene.world.parent("cleo");
    scene.world.grant(scene.drlee, cleo);
    scene.world.send(scene.drlee, "Two", "2", cleo);
    List<Event> second = drain(events, "mailer");
    assertThat(mailboxesOf(second)).contains(cleo);

    events.register("archiver");
    List<Event> everything = new java.util.ArrayList<>(first);
    everything.addAll(second);
    assertThat(drain(events, "archiver")).as("every event, for a consumer registered later")
        .containsExactlyInAnyOrderElementsOf(everything);
    assertThat(drain(events, "mailer")).as("nothing new for the first consumer").isEmpty();
  }

  /** Leases and acknowledges until nothing is left; every event delivered, in order. */
  private static List<Event> drain(Events events, String consumer) {
    List<Event> all = new java.util.ArrayList<>();
    for (EventBatch batch = events.lease(consumer, 100, LEASE); !batch.events().isEmpty();
        batch = events.lease(consumer, 100, LEASE)) {
      all.addAll(batch.events());
      events.acknowledge(batch.lease(), batch.events().stream().map(Event::id).toList());
    }
    return all;
  }

  private static List<ParticipantId> mailboxesOf(List<Event> events) {
    return events.stream().map(e -> e.id().mailbox()).distinct().collect(Collectors.toList());
  }
}
