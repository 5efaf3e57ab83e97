package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.DeadEvent;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on the library's own outbox ({@link OutboxEventSource} over the in-memory adapter):
 * notices for what happened, per mailbox in order, digests gathered by the outbox, retries, dead events
 * visible and replayed through the API, and the purge of what every consumer acknowledged.
 */
class OutboxDispatchTest {

  private static final ParticipantId LEE = ParticipantId.of("lee");
  private static final ParticipantId ANNA = ParticipantId.of("anna");
  private static final ParticipantId BEN = ParticipantId.of("ben");
  private static final ParticipantId KIM = ParticipantId.of("kim");

  /** Each grant tells the parent of the request and the practitioner of the approval. */
  private static final int SCENE_EVENTS = 6;

  private World world;
  private Events events;
  private final List<EventDispatcher<?>> started = new ArrayList<>();

  @BeforeEach
  void practice() {
    MessagingFixture inMemory = InMemoryMessaging::create;
    world = inMemory.newWorld();
    world.practitioner(LEE.value());
    world.practitioner(KIM.value());
    world.parent(ANNA.value());
    world.parent(BEN.value());
    world.family("miller", ANNA, BEN);
    world.grant(LEE, ANNA);
    world.grant(LEE, BEN);
    world.grant(KIM, ANNA);
    events = world.messaging.events();
  }

  @AfterEach
  void stop() {
    started.forEach(EventDispatcher::close);
  }

  private <E> EventDispatcher<E> start(EventDispatcher.Builder<E> builder) {
    EventDispatcher<E> dispatcher = builder.build();
    started.add(dispatcher);
    return dispatcher.start();
  }

  private EventDispatcher.Builder<Event> dispatcher(OutboxEventSource source) {
    return EventDispatcher.builder(source, "mailer")
        .clock(world.clock)
        .pollInterval(Duration.ofMillis(1))
        .maxIdleInterval(Duration.ofMillis(5))
        // longer than any jump of the test's clock: a poller that reads the clock just before a jump and
        // leases just after it would otherwise take its fresh lease for one that ran out
        .leaseDuration(Duration.ofDays(1))
        .backoff(Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)))
        .shutdownTimeout(Duration.ofSeconds(5));
  }

  private OutboxEventSource source() {
    return OutboxEventSource.on(events, world.clock);
  }

  @Test
  void everyEventReachesTheHandlerOnceAndEachMailboxsInOrder() {
    List<Event> seen = new CopyOnWriteArrayList<>();
    DispatcherCounters counters = new DispatcherCounters();
    start(dispatcher(source()).threads(4).listener(counters).handler(e -> seen.add(e.payload())));
    for (int i = 0; i < 20; i++) {
      world.send(LEE, "message " + i, "body", ANNA, BEN);
    }
    world.send(ANNA, "re", "thanks", LEE);

    Eventually.await("the 6 access events and 41 messages received", () -> seen.size() == SCENE_EVENTS + 41);
    Eventually.await("everything acknowledged", () -> counters.handled() == SCENE_EVENTS + 41);
    started.forEach(EventDispatcher::close);
    assertThat(events.lease("mailer", 10, Duration.ofSeconds(1)).events()).as("nothing left pending").isEmpty();
    assertThat(seen).extracting(Event::id).doesNotHaveDuplicates();
    Map<ParticipantId, List<Long>> byMailbox = seen.stream().collect(
        Collectors.groupingBy(Event::mailbox, Collectors.mapping(e -> e.id().sequence(), Collectors.toList())));
    byMailbox.values().forEach(sequences -> assertThat(sequences).isSorted());
    assertThat(seen).filteredOn(e -> e.type() == EventType.MESSAGE_RECEIVED).hasSize(41)
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain("message ").doesNotContain("body"));
  }

  @Test
  void aRecipientsMessagesWithinTheWindowBecomeOneDigest() {
    List<Digest<Event>> digests = new CopyOnWriteArrayList<>();
    CountingSource source = new CountingSource(source());
    world.clock.advance(Duration.ofMinutes(5)); // the scene's events are old enough
    // a lease far longer than the clock's jumps below, which a poller may straddle
    start(EventDispatcher.builder(source, "mailer").clock(world.clock).pollInterval(Duration.ofMillis(1))
        .maxIdleInterval(Duration.ofMillis(5)).leaseDuration(Duration.ofHours(1))
        .digest(Duration.ofMinutes(5), 50, digests::add));
    Eventually.await("the scene's access events in their digests, one per mailbox", () -> digests.size() == 4);
    digests.clear();

    world.send(LEE, "one", "x", ANNA);
    world.clock.advance(Duration.ofMinutes(2));
    world.send(KIM, "two", "x", ANNA);
    world.clock.advance(Duration.ofMinutes(2));
    world.send(LEE, "three", "x", ANNA);
    int polled = source.leases.get();
    Eventually.await("polled while gathering", () -> source.leases.get() > polled + 3);
    assertThat(digests).as("anna's window is still open").isEmpty();

    world.clock.advance(Duration.ofMinutes(1));
    Eventually.await("one digest", () -> digests.size() == 1);
    Digest<Event> digest = digests.get(0);
    assertThat(digest.key()).isEqualTo(ANNA.toString());
    assertThat(digest.summary(e -> e.type() == EventType.MESSAGE_RECEIVED ? e.counterpart().orElseThrow() : null))
        .isEqualTo(new DigestSummary(3, 2)); // "3 new messages from 2 people"
  }

  @Test
  void aFailingEventIsRetriedThenDeadVisibleThroughTheApiAndReplayed() {
    AtomicInteger failuresLeft = new AtomicInteger(3);
    List<Event> delivered = new CopyOnWriteArrayList<>();
    Map<EventId, Integer> attempts = new ConcurrentHashMap<>();
    DispatcherCounters counters = new DispatcherCounters();
    start(dispatcher(source()).maxAttempts(3).listener(counters).handler(e -> {
      attempts.merge(e.payload().id(), 1, Integer::sum);
      if (e.payload().type() == EventType.MESSAGE_RECEIVED && failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("SMTP 451\u202E temporary\nfailure");
      }
      delivered.add(e.payload());
    }));
    Eventually.await("the scene's events", () -> counters.handled() == SCENE_EVENTS);

    world.send(LEE, "one", "x", ANNA);
    EventId message = new EventId(ANNA, 3); // after the two access requests
    Eventually.await("first retry recorded", () -> counters.retried() == 1); // the clock moves only then
    world.clock.advance(Duration.ofSeconds(1));
    Eventually.await("second retry recorded", () -> counters.retried() == 2);
    world.clock.advance(Duration.ofSeconds(2));
    Eventually.await("dead after the third", () -> !events.deadEvents("mailer", 10).isEmpty());

    DeadEvent dead = events.deadEvents("mailer", 10).get(0);
    assertThat(dead.event().id()).isEqualTo(message);
    assertThat(dead.attempts()).isEqualTo(2);
    assertThat(dead.reason()).isEqualTo("java.lang.IllegalStateException: SMTP 451 temporary failure");

    events.replay("mailer", message);
    Eventually.await("delivered after the replay", () -> delivered.stream().anyMatch(e -> e.id().equals(message)));
    assertThat(events.deadEvents("mailer", 10)).isEmpty();
    assertThat(attempts.get(message)).isEqualTo(4);
  }

  @Test
  void theSourcePurgesWhatEveryConsumerAcknowledgedAfterTheRetention() {
    DispatcherCounters counters = new DispatcherCounters();
    start(dispatcher(source().purgingAcknowledgedAfter(Duration.ofHours(1), Duration.ofSeconds(1)))
        .listener(counters).handler(e -> {}));
    world.send(LEE, "one", "x", ANNA, BEN);
    Eventually.await("all acknowledged", () -> counters.handled() == SCENE_EVENTS + 2);

    world.clock.advance(Duration.ofHours(2));
    world.send(LEE, "two", "x", ANNA);
    Eventually.await("the new one acknowledged", () -> counters.handled() == SCENE_EVENTS + 3);

    events.register("texter");
    List<EventId> kept = new ArrayList<>();
    var batch = events.lease("texter", 100, Duration.ofMinutes(1));
    batch.events().forEach(e -> kept.add(e.id()));
    assertThat(kept).as("only the event acknowledged less than an hour ago is kept").containsExactly(new EventId(ANNA, 4));
  }

  @Test
  void underASteadyLoadTheOutboxKeepsOnlyTheRetentionsWorth() {
    DispatcherCounters counters = new DispatcherCounters();
    start(dispatcher(source().purgingAcknowledgedAfter(Duration.ofMinutes(15), Duration.ofMinutes(10)))
        .listener(counters).handler(e -> {}));
    long expected = SCENE_EVENTS;
    for (int round = 0; round < 30; round++) {
      for (int i = 0; i < 5; i++) {
        world.send(LEE, "round " + round, "x", ANNA, BEN);
      }
      expected += 10;
      long handled = expected;
      Eventually.await("round " + round + " handled", () -> counters.handled() == handled);
      world.clock.advance(Duration.ofMinutes(10)); // the next lease purges
    }
    world.send(LEE, "last", "x", ANNA);
    Eventually.await("the last one handled", () -> counters.handled() == SCENE_EVENTS + 301);

    events.register("probe"); // starts at the first event kept in each mailbox
    int kept = events.lease("probe", Events.MAX_BATCH_SIZE, Duration.ofMinutes(1)).events().size();
    assertThat(kept).as("of the 307 events written, those of the last 15 minutes and the one pending purge")
        .isBetween(11, 31);
  }

  @Test
  void aReasonIsFlattenedToOneVisibleLineTheOutboxTakes() {
    assertThat(OutboxEventSource.oneLine("a\u0000b\u202Ec\r\nd\u200B")).isEqualTo("a b c d");
    assertThat(OutboxEventSource.oneLine("\u0001\u202E")).isEqualTo("the handler failed");
    assertThat(OutboxEventSource.oneLine(null)).isEqualTo("the handler failed");
    assertThat(OutboxEventSource.oneLine("x".repeat(2000))).hasSize(Events.MAX_REASON_LENGTH).endsWith("…");
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> OutboxEventSource.on(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("events"));
    assertThatThrownBy(() -> OutboxEventSource.on(events, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clock"));
    assertThatThrownBy(() -> source().purgingAcknowledgedAfter(Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("keptFor"));
    assertThatThrownBy(() -> source().purgingAcknowledgedAfter(Duration.ZERO, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("interval"));
  }

  @Test
  void onlyTheEventObjectsTheSourceHandedOutCanBeSettled() {
    OutboxEventSource source = source();
    List<LeasedEvent<Event>> leased = source.lease("mailer", 1, Duration.ofMinutes(1), Duration.ZERO);
    assertThat(events.consumers()).as("registered on the first lease").containsExactly("mailer");
    LeasedEvent<Event> original = leased.get(0);
    LeasedEvent<Event> copy = new LeasedEvent<>(original.id(), original.key(), original.attempt(), original.payload());

    assertThatThrownBy(() -> source.acknowledge("mailer", List.of(copy))).isInstanceOf(IllegalStateException.class);
    source.acknowledge("mailer", List.of(original));
    assertThatThrownBy(() -> source.acknowledge("mailer", List.of(original)))
        .as("settled already").isInstanceOf(IllegalStateException.class);
    assertThat(source.lease("mailer", 10, Duration.ofMinutes(1), Duration.ZERO)).extracting(LeasedEvent::id)
        .as("the rest of the scene's events").hasSize(SCENE_EVENTS - 1).doesNotContain(original.id());
  }

  /** Counts the dispatcher's lease calls. */
  private static final class CountingSource implements EventSource<Event> {
    final AtomicInteger leases = new AtomicInteger();
    private final EventSource<Event> source;

    CountingSource(EventSource<Event> source) {
      this.source = source;
    }

    @Override
    public List<LeasedEvent<Event>> lease(String consumer, int max, Duration leaseDuration, Duration gatherFor) {
      leases.incrementAndGet();
      return source.lease(consumer, max, leaseDuration, gatherFor);
    }

    @Override
    public void acknowledge(String consumer, List<LeasedEvent<Event>> events) {
      source.acknowledge(consumer, events);
    }

    @Override
    public void retryLater(String consumer, LeasedEvent<Event> event, String reason, java.time.Instant retryAt) {
      source.retryLater(consumer, event, reason, retryAt);
    }

    @Override
    public void dead(String consumer, LeasedEvent<Event> event, String reason) {
      source.dead(consumer, event, reason);
    }
  }
}
