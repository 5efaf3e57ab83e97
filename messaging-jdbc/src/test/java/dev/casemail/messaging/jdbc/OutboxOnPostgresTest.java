package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import dev.casemail.messaging.core.MessagingConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox on PostgreSQL, where transactions commit out of order for real: an event whose
 * transaction commits after a later one was consumed is still delivered (the classic outbox pitfall of
 * a consumer that remembers only the highest number it saw); a consumer's position survives a new
 * service instance; and two instances with four consumer threads each, while four threads send, get
 * every event, never hold one twice at once, and get each mailbox's events in commit order.
 */
class OutboxOnPostgresTest {
  // (and, for the concurrent consumers, on H2 as well)

  private static final Logger LOG = LoggerFactory.getLogger(OutboxOnPostgresTest.class);

  private static final Duration LEASE = Duration.ofSeconds(30);

  private final List<HikariDataSource> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  private HikariDataSource pool(String schema, int size) {
    HikariDataSource pool = TestDatabases.postgresPool(schema, size);
    pools.add(pool);
    return pool;
  }

  @Test
  void anEventWhoseTransactionCommitsLateIsStillDelivered() throws Exception {
    String schema = TestDatabases.migratedPostgresSchema();
    HeldCommits held = new HeldCommits(pool(schema, 4));
    Messaging messaging = JdbcMessaging.create(held);
    World world = ((MessagingFixture) configuration -> messaging).newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carl = world.parent("carl");
    ParticipantId dora = world.parent("dora");
    world.family("miller", anna, ben);
    world.family("smith", carl, dora);
    Events events = messaging.events();
    events.register("mailer");

    // anna's message to ben is written, with its event, and its transaction held open before the commit
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<MessageView> late = writer.submit(() -> held.holdingCommit(() -> world.send(anna, "First", "x", ben)));
      held.awaitHeld();
      // a later write commits, and its event is consumed, while the first is still open
      MessageView later = world.send(carl, "Second", "x", dora);
      EventBatch first = events.lease("mailer", 100, LEASE);
      assertThat(first.events()).extracting(Event::mailbox).containsExactly(dora);
      assertThat(first.events().get(0).message()).contains(later.id());
      events.acknowledge(first.lease(), ids(first.events()));
      assertThat(events.lease("mailer", 100, LEASE).events()).as("nothing else committed").isEmpty();

      held.releaseCommit();
      MessageView committedLate = late.get(1, TimeUnit.MINUTES);

      EventBatch second = events.lease("mailer", 100, LEASE);
      assertThat(second.events()).extracting(Event::type, Event::mailbox)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.MESSAGE_RECEIVED, ben));
      assertThat(second.events().get(0).message()).contains(committedLate.id());
    } finally {
      held.releaseCommit();
      writer.shutdownNow();
    }
  }

  @Test
  void aConsumersPositionSurvivesANewServiceInstance() {
    String schema = TestDatabases.migratedPostgresSchema();
    HikariDataSource before = pool(schema, 2);
    Messaging first = JdbcMessaging.create(before);
    World world = ((MessagingFixture) configuration -> first).newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("miller", anna, ben);
    first.events().register("mailer");
    for (int i = 0; i < 3; i++) {
      world.send(anna, "m" + i, "x", ben);
    }
    EventBatch two = first.events().lease("mailer", 2, LEASE);
    first.events().acknowledge(two.lease(), ids(two.events()));
    first.events().lease("mailer", 1, Duration.ofSeconds(1)); // held when the instance goes away
    before.close();

    Messaging restarted = JdbcMessaging.create(pool(schema, 2));
    assertThat(restarted.events().consumers()).containsExactly("mailer");
    EventBatch rest = awaitBatch(restarted.events());
    assertThat(ids(rest.events())).containsExactly(new EventId(ben, 3));
  }

  /** Leases until the lease an earlier instance held ends (one second): the batch that then comes. */
  private static EventBatch awaitBatch(Events events) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      EventBatch batch = events.lease("mailer", 10, LEASE);
      if (!batch.isEmpty()) {
        return batch;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the held event never came back");
  }

  @Test
  void twoInstancesWithFourConsumersEachGetEveryEventOnceAtATimeAndEachMailboxInOrder() throws Exception {
    String schema = TestDatabases.migratedPostgresSchema();
    consumeWhileSending(pool(schema, 8), pool(schema, 8), Duration.ofSeconds(30));
  }

  /** The same on H2 (FOR UPDATE SKIP LOCKED there too), two instances on one in-memory database. */
  @Test
  void onH2TooTwoInstancesWithFourConsumersEachGetEveryEventOnceAtATimeAndEachMailboxInOrder() throws Exception {
    DataSource h2 = TestDatabases.freshH2();
    consumeWhileSending(h2, h2, Duration.ofSeconds(5));
  }

  private void consumeWhileSending(DataSource a, DataSource b, Duration sending) throws Exception {
    Messaging nodeA = JdbcMessaging.create(a, MessagingConfiguration.builder().maxAttempts(20).build());
    Messaging nodeB = JdbcMessaging.create(b, MessagingConfiguration.builder().maxAttempts(20).build());
    World world = ((MessagingFixture) configuration -> nodeA).newWorld();
    // two practitioners with access to eight parents: each practitioner may message any parent, and each
    // parent either practitioner (families hold two parents, so parents are paired as co-parents too)
    List<ParticipantId> practitioners = List.of(world.practitioner("lee"), world.practitioner("ray"));
    List<ParticipantId> parents = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      parents.add(world.parent("p" + i));
    }
    for (int i = 0; i < parents.size(); i += 2) {
      world.family("f" + i, parents.get(i), parents.get(i + 1));
    }
    for (ParticipantId practitioner : practitioners) {
      parents.forEach(parent -> world.grant(practitioner, parent));
    }
    nodeA.events().register("mailer");

    int senders = 4;
    int consumersPerNode = 4;
    ConcurrentLinkedQueue<MessageId> sent = new ConcurrentLinkedQueue<>();
    // what every consumer thread holds right now, and what each mailbox's consumers acknowledged last
    Map<EventId, Integer> heldNow = new ConcurrentHashMap<>();
    Map<ParticipantId, Long> acknowledgedThrough = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Event> delivered = new ConcurrentLinkedQueue<>();
    // the number of events written, known once every sender returned: the consumers stop when they
    // delivered as many (an event lost would keep them waiting until the test times out)
    java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    ExecutorService threads = Executors.newFixedThreadPool(senders + 2 * consumersPerNode);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> tasks = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int seed = s;
      Messaging node = seed % 2 == 0 ? nodeA : nodeB;
      tasks.add(threads.submit(() -> {
        Random random = new Random(seed);
        start.await();
        long end = System.nanoTime() + sending.toNanos();
        while (System.nanoTime() < end) {
          boolean fromPractitioner = random.nextBoolean();
          List<ParticipantId> authors = fromPractitioner ? practitioners : parents;
          ParticipantId from = authors.get(random.nextInt(authors.size()));
          List<ParticipantId> to = new ArrayList<>(fromPractitioner ? parents : practitioners);
          java.util.Collections.shuffle(to, random);
          MessageView view = node.actingAs(from).send(NewMessage.builder()
              .recipients(to.subList(0, 1 + random.nextInt(to.size() == 2 ? 2 : 3))).subject("s").body("b").build());
          sent.add(view.id());
        }
        return null;
      }));
    }
    for (int c = 0; c < 2 * consumersPerNode; c++) {
      int consumer = c;
      Events events = (c % 2 == 0 ? nodeA : nodeB).events();
      tasks.add(threads.submit(() -> {
        start.await();
        while (true) {
          EventBatch batch = events.lease("mailer", 1 + consumer * 5, LEASE);
          if (batch.isEmpty()) {
            if (delivered.size() >= written.get()) {
              return null;
            }
            Thread.sleep(2); // as a dispatcher's idle wait does: do not starve the senders of the database
            continue;
          }
          Map<ParticipantId, Long> previous = new java.util.HashMap<>();
          for (Event event : batch.events()) {
            if (heldNow.putIfAbsent(event.id(), consumer) != null) {
              violations.add(event.id() + " held by two consumers at once");
            }
            long expected = previous.getOrDefault(event.mailbox(), acknowledgedThrough.getOrDefault(event.mailbox(), 0L)) + 1;
            if (event.id().sequence() != expected) {
              violations.add(event.id() + " delivered where #" + expected + " of its mailbox was next");
            }
            previous.put(event.mailbox(), event.id().sequence());
            delivered.add(event);
          }
          for (Event event : batch.events()) {
            heldNow.remove(event.id());
          }
          acknowledgedThrough.putAll(previous);
          events.acknowledge(batch.lease(), ids(batch.events()));
        }
      }));
    }
    start.countDown();
    for (Future<?> sender : tasks.subList(0, senders)) {
      sender.get(2, TimeUnit.MINUTES);
    }
    try (Connection connection = a.getConnection();
        var statement = connection.prepareStatement("SELECT COUNT(*) FROM outbox_events");
        var rows = statement.executeQuery()) {
      rows.next();
      written.set(rows.getLong(1));
    }
    for (Future<?> consumer : tasks.subList(senders, tasks.size())) {
      consumer.get(2, TimeUnit.MINUTES);
    }
    threads.shutdown();

    assertThat(violations).isEmpty();
    assertThat(sent).as("messages sent meanwhile (a sanity floor, low enough for a loaded machine)").hasSizeGreaterThan(30);
    // every event written is delivered, once (no lease ended meanwhile, so nothing came twice)
    List<EventId> stored = new ArrayList<>();
    try (Connection connection = a.getConnection();
        var statement = connection.prepareStatement("SELECT owner_id, event_number FROM outbox_events");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        stored.add(new EventId(ParticipantId.of(rows.getString(1)), rows.getLong(2)));
      }
    }
    List<EventId> deliveredIds = delivered.stream().map(Event::id).collect(Collectors.toList());
    assertThat(deliveredIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
    Set<MessageId> received = delivered.stream()
        .filter(e -> e.type() == EventType.MESSAGE_RECEIVED)
        .map(e -> e.message().orElseThrow())
        .collect(Collectors.toSet());
    assertThat(received).containsExactlyInAnyOrderElementsOf(new HashSet<>(sent));
    assertThat(nodeB.events().lease("mailer", 1000, LEASE).events()).isEmpty();
    LOG.info("{} messages sent, {} events delivered to 2 x {} consumers", sent.size(), delivered.size(), consumersPerNode);
  }

  private static List<EventId> ids(List<Event> events) {
    return events.stream().map(Event::id).collect(Collectors.toList());
  }

  /**
   * A data source on which one call's commit can be held: the thread that runs {@link #holdingCommit}
   * waits, at its commit, until {@link #releaseCommit}, with everything it wrote (and locked) uncommitted.
   */
  private static final class HeldCommits implements DataSource {
    private final DataSource delegate;
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    HeldCommits(DataSource delegate) {
      this.delegate = delegate;
    }

    <T> T holdingCommit(java.util.concurrent.Callable<T> call) throws Exception {
      holding.set(true);
      try {
        return call.call();
      } finally {
        holding.set(false);
      }
    }

    void awaitHeld() throws InterruptedException {
      assertThat(reached.await(1, TimeUnit.MINUTES)).as("the held call reached its commit").isTrue();
    }

    void releaseCommit() {
      release.countDown();
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = delegate.getConnection();
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, arguments) -> {
            if (method.getName().equals("commit") && holding.get()) {
              reached.countDown();
              if (!release.await(1, TimeUnit.MINUTES)) {
                throw new SQLException("the held commit was never released");
              }
            }
            try {
              return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLException("not used");
    }

    @Override
    public java.io.PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return delegate.isWrapperFor(type);
    }
  }
}
