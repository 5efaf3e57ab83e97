package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.MillerScene.ANNA;
import static dev.casemail.messaging.contract.MillerScene.BEN;
import static dev.casemail.messaging.contract.MillerScene.CARL;
import static dev.casemail.messaging.contract.MillerScene.LEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DeadEvent;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventLease;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Events out, on every adapter: which change tells whom what (written with the change, never with
 * its subject or body), and the consumer's side of the outbox: leases that end and give events back,
 * each mailbox's events in order and never held by two leases, acknowledging only what one holds,
 * failures, dead events and their replay, and bad input refused with nothing changed.
 */
public interface EventsContract extends MessagingFixture {

  Duration MINUTE = Duration.ofMinutes(1);

  /** The Miller scene with consumer {@code mailer} registered and every event of the scene's setting up consumed. */
  private static World scene(MessagingFixture fixture) {
    World world = MillerScene.create(fixture);
    world.messaging.events().register("mailer");
    drain(world, "mailer");
    return world;
  }

  /** Leases and acknowledges everything pending for the consumer, in batches; what it was given, in order. */
  private static List<Event> drain(World world, String consumer) {
    Events events = world.messaging.events();
    List<Event> all = new ArrayList<>();
    while (true) {
      EventBatch batch = events.lease(consumer, 100, MINUTE);
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch.events());
      events.acknowledge(batch.lease(), ids(batch.events()));
    }
  }

  private static List<EventId> ids(List<Event> events) {
    return events.stream().map(Event::id).collect(Collectors.toList());
  }

  private static List<EventType> types(List<Event> events) {
    return events.stream().map(Event::type).collect(Collectors.toList());
  }

  private static List<Event> of(List<Event> events, ParticipantId mailbox) {
    return events.stream().filter(e -> e.mailbox().equals(mailbox)).collect(Collectors.toList());
  }

  // what tells whom

  @Test
  default void aSentMessageTellsEachRecipientWhoSentWhatWithoutItsSubjectOrBody() {
    World world = scene(this);

    MessageView sent = world.send(LEE, "Hearing on Monday", "Please bring the school reports.", ANNA, BEN);

    List<Event> events = drain(world, "mailer");
    assertThat(events).extracting(Event::mailbox).containsExactlyInAnyOrder(ANNA, BEN);
    for (Event event : events) {
      assertThat(event.type()).isEqualTo(EventType.MESSAGE_RECEIVED);
      assertThat(event.message()).contains(sent.id());
      assertThat(event.thread()).contains(sent.thread());
      assertThat(event.kind()).contains(MessageKind.PERSONAL);
      assertThat(event.counterpart()).contains(LEE);
      assertThat(event.exportNumber()).isEmpty();
      assertThat(event.at()).isEqualTo(World.START);
      assertThat(event.toString()).doesNotContain("Hearing").doesNotContain("school");
    }
  }

  @Test
  default void theSceneTellsEachAccessStepToTheSideThatDidNotTakeIt() {
    World world = MillerScene.create(this);
    world.messaging.events().register("mailer");

    List<Event> events = drain(world, "mailer");

    assertThat(of(events, ANNA)).extracting(Event::type, Event::counterpart)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.ACCESS_REQUESTED, Optional.of(LEE)));
    assertThat(of(events, LEE)).extracting(Event::type, Event::counterpart).containsExactly(
        org.assertj.core.groups.Tuple.tuple(EventType.ACCESS_APPROVED, Optional.of(ANNA)),
        org.assertj.core.groups.Tuple.tuple(EventType.ACCESS_APPROVED, Optional.of(BEN)));
    assertThat(of(events, LEE)).extracting(e -> e.id().sequence()).containsExactly(1L, 2L);
  }

  @Test
  default void everyAccessStepTellsTheOtherSide() {
    World world = scene(this);
    ParticipantId ray = world.practitioner("ray");
    drain(world, "mailer");

    world.as(ray).requestAccess(CARL);
    world.as(CARL).refuseAccess(ray);
    world.as(ray).requestAccess(CARL);
    world.as(ray).withdrawAccessRequest(CARL);
    world.as(CARL).requestAccess(ray);
    world.as(ray).blockAccess(CARL);
    world.as(LEE).removeAccess(ANNA);

    List<Event> events = drain(world, "mailer");
    assertThat(types(of(events, CARL))).containsExactly(
        EventType.ACCESS_REQUESTED, EventType.ACCESS_REQUESTED, EventType.ACCESS_WITHDRAWN, EventType.ACCESS_BLOCKED);
    assertThat(types(of(events, ray))).containsExactly(EventType.ACCESS_REFUSED, EventType.ACCESS_REQUESTED);
    assertThat(of(events, ANNA)).extracting(Event::type, Event::counterpart)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.ACCESS_REMOVED, Optional.of(LEE)));
    assertThat(events).allSatisfy(e -> assertThat(e.message()).isEmpty());
  }

  @Test
  default void theFirstViewTellsTheSenderOnceAndListingTellsNothing() {
    World world = scene(this);
    MessageView sent = world.send(LEE, "Hello", "x", ANNA);
    drain(world, "mailer");

    world.list(ANNA, dev.casemail.messaging.api.SystemFolder.INBOX);
    world.as(ANNA).preview(sent.id());
    assertThat(drain(world, "mailer")).isEmpty();
    world.clock.advance(MINUTE);
    world.as(ANNA).open(sent.id());
    world.as(ANNA).open(sent.id());

    List<Event> events = drain(world, "mailer");
    assertThat(events).hasSize(1);
    Event viewed = events.get(0);
    assertThat(viewed.type()).isEqualTo(EventType.MESSAGE_FIRST_VIEWED);
    assertThat(viewed.mailbox()).isEqualTo(LEE);
    assertThat(viewed.counterpart()).contains(ANNA);
    assertThat(viewed.message()).contains(sent.id());
    assertThat(viewed.at()).isEqualTo(World.START.plus(MINUTE));
  }

  @Test
  default void anAutoReplyTellsItsOwnerAndTheSenderReceivesIt() {
    World world = scene(this);
    world.as(ANNA).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Away").body("Back soon").build());

    MessageView sent = world.send(LEE, "Hello", "x", ANNA);

    List<Event> events = drain(world, "mailer");
    assertThat(types(of(events, ANNA))).containsExactly(EventType.MESSAGE_RECEIVED, EventType.AUTO_REPLY_SENT);
    Event replied = of(events, ANNA).get(1);
    assertThat(replied.counterpart()).contains(LEE);
    assertThat(replied.thread()).contains(sent.thread());
    List<Event> lee = of(events, LEE);
    assertThat(lee).hasSize(1);
    assertThat(lee.get(0).type()).isEqualTo(EventType.MESSAGE_RECEIVED);
    assertThat(lee.get(0).kind()).contains(MessageKind.AUTO_REPLY);
    assertThat(lee.get(0).counterpart()).contains(ANNA);
    assertThat(lee.get(0).message()).isEqualTo(replied.message());
  }

  @Test
  default void aNotificationAndAnExportTellTheirMailbox() {
    World world = scene(this);

    MessageId notification = world.messaging.postNotification(
        NewNotification.builder().recipient(LEE).subject("Journal shared").body("x").build());
    world.as(LEE).exportRecord(RecordScope.all());
    world.messaging.exportRecord(LEE, RecordScope.all(), "Order 7");

    List<Event> events = drain(world, "mailer");
    assertThat(types(events)).containsExactly(
        EventType.NOTIFICATION_POSTED, EventType.RECORD_EXPORTED, EventType.RECORD_EXPORTED);
    assertThat(events.get(0).message()).contains(notification);
    assertThat(events.get(0).kind()).contains(MessageKind.NOTIFICATION);
    assertThat(events.get(0).counterpart()).isEmpty();
    assertThat(events).extracting(Event::exportNumber)
        .containsExactly(Optional.empty(), Optional.of(1L), Optional.of(2L));
  }

  @Test
  default void aRefusedCallTellsNothing() {
    World world = scene(this);

    assertThrows(AccessDeniedException.class, () -> world.send(LEE, "Hello", "x", ANNA, CARL));

    assertThat(drain(world, "mailer")).isEmpty();
  }

  // consuming

  @Test
  default void eachConsumerGetsEveryEventAndAMailboxsEventsInCommitOrder() {
    World world = scene(this);
    world.messaging.events().register("texter");
    for (int i = 0; i < 5; i++) {
      world.send(LEE, "m" + i, "x", ANNA);
    }

    List<Event> mailer = drain(world, "mailer");
    List<Event> texter = drain(world, "texter");

    assertThat(of(mailer, ANNA)).extracting(e -> e.id().sequence()).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(ids(of(texter, ANNA))).containsAll(ids(of(mailer, ANNA)));
    assertThat(of(texter, LEE)).extracting(e -> e.id().sequence()).containsExactly(1L, 2L);
    assertThat(world.messaging.events().consumers()).containsExactly("mailer", "texter");
    assertThat(drain(world, "mailer")).isEmpty();
  }

  @Test
  default void registeringAgainChangesNothing() {
    World world = scene(this);
    world.send(LEE, "Hello", "x", ANNA);

    world.messaging.events().register("mailer");

    assertThat(drain(world, "mailer")).hasSize(1);
    assertThat(world.messaging.events().consumers()).containsExactly("mailer");
  }

  @Test
  default void unacknowledgedEventsComeBackWhenTheLeaseEndsAndNotBefore() {
    World world = scene(this);
    world.send(LEE, "Hello", "x", ANNA, BEN);
    Events events = world.messaging.events();

    EventBatch first = events.lease("mailer", 10, MINUTE);
    assertThat(first.events()).hasSize(2);
    assertThat(first.leasedUntil()).isEqualTo(World.START.plus(MINUTE));
    world.clock.advance(Duration.ofSeconds(59));
    assertThat(events.lease("mailer", 10, MINUTE).events()).isEmpty();
    world.clock.advance(Duration.ofSeconds(1));

    EventBatch again = events.lease("mailer", 10, MINUTE);
    assertThat(ids(again.events())).containsExactlyInAnyOrderElementsOf(ids(first.events()));
    ConflictException late = catchThrowableOfType(
        () -> events.acknowledge(first.lease(), ids(first.events())), ConflictException.class);
    assertThat(late).hasMessageContaining("does not hold");
    events.acknowledge(again.lease(), ids(again.events()));
    assertThat(drain(world, "mailer")).isEmpty();
  }

  @Test
  default void aMailboxsLaterEventIsNotLeasedWhileAnEarlierOneIsHeld() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", ANNA);
    Events events = world.messaging.events();

    EventBatch first = events.lease("mailer", 1, MINUTE);
    assertThat(first.events()).extracting(Event::id).containsExactly(new EventId(ANNA, 2));
    assertThat(events.lease("mailer", 10, MINUTE).events()).isEmpty();
    events.acknowledge(first.lease(), ids(first.events()));

    EventBatch second = events.lease("mailer", 10, MINUTE);
    assertThat(second.events()).extracting(Event::id).containsExactly(new EventId(ANNA, 3));
  }

  @Test
  default void twoLeasesNeverHoldTheSameEvent() {
    World world = scene(this);
    for (int i = 0; i < 4; i++) {
      world.send(LEE, "m" + i, "x", ANNA, BEN);
      world.send(ANNA, "r" + i, "x", BEN);
    }
    Events events = world.messaging.events();

    EventBatch one = events.lease("mailer", 3, MINUTE);
    EventBatch two = events.lease("mailer", 100, MINUTE);

    Set<EventId> held = new HashSet<>(ids(one.events()));
    assertThat(ids(two.events())).doesNotContainAnyElementsOf(held);
    Set<ParticipantId> mailboxesOfOne = one.events().stream().map(Event::mailbox).collect(Collectors.toSet());
    assertThat(two.events()).extracting(Event::mailbox).doesNotContainAnyElementsOf(mailboxesOfOne);
  }

  @Test
  default void acknowledgingWhatTheLeaseDoesNotHoldChangesNothing() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", BEN);
    Events events = world.messaging.events();
    EventBatch one = events.lease("mailer", 1, MINUTE);
    EventBatch two = events.lease("mailer", 1, MINUTE);
    EventId held = one.events().get(0).id();
    EventId other = two.events().get(0).id();

    ConflictException refused = catchThrowableOfType(
        () -> events.acknowledge(one.lease(), List.of(held, other)), ConflictException.class);
    assertThat(refused).hasMessageContaining(other.toString());
    assertThrows(ConflictException.class, () -> events.acknowledge(one.lease(), List.of(new EventId(CARL, 1))));
    assertThrows(ConflictException.class,
        () -> events.acknowledge(new EventLease("mailer", "forged"), List.of(held)));

    events.acknowledge(one.lease(), List.of(held)); // still held: the refusals changed nothing
    assertThrows(ConflictException.class, () -> events.acknowledge(one.lease(), List.of(held)));
    events.acknowledge(two.lease(), List.of(other));
    assertThat(drain(world, "mailer")).isEmpty();
  }

  @Test
  default void aMailboxsEventsAreAcknowledgedInOrder() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", ANNA);
    Events events = world.messaging.events();
    EventBatch batch = events.lease("mailer", 10, MINUTE);

    InvalidInputException refused = catchThrowableOfType(
        () -> events.acknowledge(batch.lease(), List.of(new EventId(ANNA, 3))), InvalidInputException.class);

    assertThat(refused.field()).isEqualTo("events");
    events.acknowledge(batch.lease(), List.of(new EventId(ANNA, 3), new EventId(ANNA, 2)));
    assertThat(drain(world, "mailer")).isEmpty();
  }

  @Test
  default void releasedEventsArePendingAtOnce() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    Events events = world.messaging.events();
    EventBatch batch = events.lease("mailer", 10, Duration.ofHours(1));

    events.release(batch.lease());

    assertThat(ids(drain(world, "mailer"))).isEqualTo(ids(batch.events()));
    assertThrows(ConflictException.class, () -> events.acknowledge(batch.lease(), ids(batch.events())));
  }

  @Test
  default void aFailedEventComesBackAfterItsDelayWithTheRestOfItsMailbox() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", ANNA);
    Events events = world.messaging.events();
    EventBatch batch = events.lease("mailer", 10, MINUTE);
    EventId first = new EventId(ANNA, 2);

    assertThat(events.fail(batch.lease(), first, "SMTP 451", Duration.ofSeconds(30))).isEqualTo(1);
    assertThrows(ConflictException.class, () -> events.acknowledge(batch.lease(), List.of(first)));
    assertThat(events.lease("mailer", 10, MINUTE).events()).isEmpty();
    world.clock.advance(Duration.ofSeconds(30));
    EventBatch again = events.lease("mailer", 10, MINUTE);
    assertThat(ids(again.events())).containsExactly(first, new EventId(ANNA, 3));
    InvalidInputException notNext = catchThrowableOfType(
        () -> events.fail(again.lease(), new EventId(ANNA, 3), "x", Duration.ZERO), InvalidInputException.class);
    assertThat(notNext.field()).isEqualTo("event");
    assertThat(events.fail(again.lease(), first, "SMTP 451", Duration.ZERO)).isEqualTo(2);
    // the lease ended with the failure: #3 is no longer held at all
    assertThrows(ConflictException.class, () -> events.fail(again.lease(), new EventId(ANNA, 3), "x", Duration.ZERO));
  }

  @Test
  default void aBatchTellsHowOftenEachOfItsEventsFailedBefore() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", ANNA);
    world.send(LEE, "three", "x", BEN);
    Events events = world.messaging.events();
    EventId anna = new EventId(ANNA, 2);
    EventBatch batch = events.lease("mailer", 10, MINUTE);
    assertThat(batch.failures()).isEmpty();
    assertThat(batch.failuresOf(anna)).isZero();

    events.fail(batch.lease(), anna, "SMTP 451", Duration.ZERO);
    events.acknowledge(batch.lease(), List.of(new EventId(BEN, 2)));
    EventBatch again = events.lease("mailer", 10, MINUTE);
    events.fail(again.lease(), anna, "SMTP 451", Duration.ZERO);
    EventBatch third = events.lease("mailer", 10, MINUTE);

    assertThat(ids(third.events())).containsExactly(anna, new EventId(ANNA, 3));
    assertThat(third.failures()).containsExactly(Map.entry(anna, 2));
    events.bury(third.lease(), anna, "gave up");
    events.replay("mailer", anna);
    EventBatch replayed = events.lease("mailer", 10, MINUTE);
    assertThat(ids(replayed.events())).containsExactly(anna);
    assertThat(replayed.failuresOf(anna)).as("a replay keeps its count").isEqualTo(2);
  }

  @Test
  default void gatheringLeasesAMailboxOnceItsFirstPendingEventIsOldEnoughWithEverythingSince() {
    World world = scene(this);
    Events events = world.messaging.events();
    Duration window = Duration.ofMinutes(5);
    world.send(LEE, "one", "x", ANNA);
    world.clock.advance(Duration.ofMinutes(3));
    world.send(LEE, "two", "x", ANNA, BEN);

    assertThat(events.lease("mailer", 10, MINUTE, window).events()).as("both still gathering").isEmpty();
    world.clock.advance(Duration.ofMinutes(2));
    EventBatch anna = events.lease("mailer", 10, MINUTE, window);
    assertThat(ids(anna.events())).as("anna's first is 5 minutes old: all of hers, not ben's")
        .containsExactly(new EventId(ANNA, 2), new EventId(ANNA, 3));
    events.acknowledge(anna.lease(), ids(anna.events()));
    assertThat(events.lease("mailer", 10, MINUTE, window).events()).isEmpty();
    world.clock.advance(Duration.ofMinutes(3));
    assertThat(ids(events.lease("mailer", 10, MINUTE, window).events())).containsExactly(new EventId(BEN, 2));
    assertThat(events.lease("mailer", 10, MINUTE, Duration.ZERO).events()).as("held by that lease").isEmpty();
  }

  @Test
  default void aMailboxStillGatheringLeavesItsShareOfTheBatchToTheMailboxesAfterIt() {
    World world = scene(this);
    Events events = world.messaging.events();
    Duration window = Duration.ofMinutes(5);
    world.send(LEE, "one", "x", BEN);
    world.send(LEE, "two", "x", BEN);
    world.send(LEE, "three", "x", BEN);
    world.clock.advance(window);
    world.send(LEE, "four", "x", ANNA);
    world.send(LEE, "five", "x", ANNA);

    assertThat(ids(events.lease("mailer", 3, MINUTE, window).events()))
        .as("anna's are still gathering: the whole batch is ben's")
        .containsExactly(new EventId(BEN, 2), new EventId(BEN, 3), new EventId(BEN, 4));
  }

  @Test
  default void aReplayIsNotHeldBackByGathering() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    Events events = world.messaging.events();
    EventBatch batch = events.lease("mailer", 10, MINUTE);
    EventId first = batch.events().get(0).id();
    events.bury(batch.lease(), first, "bounced");
    events.replay("mailer", first);

    assertThat(ids(events.lease("mailer", 10, MINUTE, Duration.ofHours(1)).events())).containsExactly(first);
  }

  @Test
  default void aBuriedEventIsListedDeadNoLongerHoldsItsMailboxBackAndCanBeReplayed() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", ANNA);
    Events events = world.messaging.events();
    EventBatch batch = events.lease("mailer", 10, MINUTE);
    EventId first = new EventId(ANNA, 2);
    events.fail(batch.lease(), first, "bounced", Duration.ZERO);
    batch = events.lease("mailer", 10, MINUTE);

    events.bury(batch.lease(), first, "mailbox unknown");

    List<DeadEvent> dead = events.deadEvents("mailer", 10);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).event().id()).isEqualTo(first);
    assertThat(dead.get(0).attempts()).isEqualTo(1);
    assertThat(dead.get(0).reason()).isEqualTo("mailbox unknown");
    events.acknowledge(batch.lease(), List.of(new EventId(ANNA, 3)));
    assertThat(drain(world, "mailer")).isEmpty();

    events.replay("mailer", first);
    assertThat(events.deadEvents("mailer", 10)).isEmpty();
    assertThrows(NotFoundException.class, () -> events.replay("mailer", first));
    EventBatch replayed = events.lease("mailer", 10, MINUTE);
    assertThat(ids(replayed.events())).containsExactly(first);
    assertThat(events.lease("mailer", 10, MINUTE).events()).isEmpty();
    events.acknowledge(replayed.lease(), List.of(first));
    assertThat(drain(world, "mailer")).isEmpty();
    assertThat(events.deadEvents("mailer", 10)).isEmpty();
    assertThrows(NotFoundException.class, () -> events.replay("mailer", first));
  }

  @Test
  default void aReplayBuriedAgainIsDeadAgain() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    Events events = world.messaging.events();
    EventBatch batch = events.lease("mailer", 10, MINUTE);
    EventId first = batch.events().get(0).id();
    events.bury(batch.lease(), first, "first");
    events.replay("mailer", first);

    EventBatch replayed = events.lease("mailer", 10, MINUTE);
    events.bury(replayed.lease(), first, "second");

    assertThat(events.deadEvents("mailer", 10)).extracting(DeadEvent::reason).containsExactly("second");
    assertThat(drain(world, "mailer")).isEmpty();
  }

  // retention

  @Test
  default void purgingDeletesOnlyWhatEveryConsumerAcknowledgedLongEnoughAgoAndNeverADeadEvent() {
    World world = scene(this); // the scene's 4 access events, acknowledged
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", ANNA);
    Events events = world.messaging.events();
    EventBatch batch = events.lease("mailer", 10, MINUTE);
    events.acknowledge(batch.lease(), List.of(new EventId(ANNA, 2)));
    events.bury(batch.lease(), new EventId(ANNA, 3), "bounced");
    world.send(LEE, "three", "x", ANNA); // anna#4, pending
    world.clock.advance(Duration.ofDays(2));

    assertThat(events.purgeAcknowledged(Duration.ofDays(3))).as("nothing that old").isZero();
    assertThat(events.purgeAcknowledged(Duration.ofDays(1))).as("the scene's 4 and anna#2").isEqualTo(5);
    assertThat(events.purgeAcknowledged(Duration.ZERO)).as("done already").isZero();

    assertThat(events.deadEvents("mailer", 10)).extracting(d -> d.event().id()).containsExactly(new EventId(ANNA, 3));
    assertThat(ids(drain(world, "mailer"))).containsExactly(new EventId(ANNA, 4));
    events.register("texter");
    assertThat(ids(drain(world, "texter"))).as("what a consumer registered now starts at")
        .containsExactly(new EventId(ANNA, 3), new EventId(ANNA, 4));
    events.replay("mailer", new EventId(ANNA, 3));
    assertThat(ids(drain(world, "mailer"))).containsExactly(new EventId(ANNA, 3));
    assertThat(events.purgeAcknowledged(Duration.ZERO)).isEqualTo(2);
    assertThat(drain(world, "texter")).isEmpty();
  }

  @Test
  default void purgingWithoutAConsumerDeletesNothing() {
    World world = MillerScene.create(this);
    world.clock.advance(Duration.ofDays(2));

    assertThat(world.messaging.events().purgeAcknowledged(Duration.ZERO)).isZero();

    world.messaging.events().register("mailer");
    assertThat(drain(world, "mailer")).as("the scene's access events").hasSize(4);
  }

  @Test
  default void badInputIsRefusedAndChangesNothing() {
    World world = scene(this);
    world.send(LEE, "one", "x", ANNA);
    Events events = world.messaging.events();

    Map<String, Runnable> calls = Map.ofEntries(
        Map.entry("consumer", () -> events.lease("nobody", 10, MINUTE)),
        Map.entry("maxEvents", () -> events.lease("mailer", 0, MINUTE)),
        Map.entry("maxEvents ", () -> events.lease("mailer", Events.MAX_BATCH_SIZE + 1, MINUTE)),
        Map.entry("leaseFor", () -> events.lease("mailer", 10, Duration.ofMillis(999))),
        Map.entry("leaseFor ", () -> events.lease("mailer", 10, Duration.ofDays(1).plusNanos(1))),
        Map.entry("leaseFor  ", () -> events.lease("mailer", 10, null)),
        Map.entry("gatherFor", () -> events.lease("mailer", 10, MINUTE, Duration.ofSeconds(-1))),
        Map.entry("gatherFor ", () -> events.lease("mailer", 10, MINUTE, Events.MAX_LEASE.plusNanos(1))),
        Map.entry("gatherFor  ", () -> events.lease("mailer", 10, MINUTE, null)),
        Map.entry("consumer ", () -> events.register("mail er")),
        Map.entry("consumer  ", () -> events.register("x".repeat(Events.MAX_CONSUMER_NAME_LENGTH + 1))),
        Map.entry("consumer   ", () -> events.register(null)),
        Map.entry("consumer    ", () -> events.deadEvents("nobody", 10)),
        Map.entry("max", () -> events.deadEvents("mailer", 0)),
        Map.entry("events", () -> events.acknowledge(new EventLease("mailer", "t"), List.of())),
        Map.entry("lease", () -> events.release(null)),
        Map.entry("retryAfter", () -> events.fail(new EventLease("mailer", "t"), new EventId(ANNA, 2), "x", Duration.ofSeconds(-1))),
        Map.entry("reason", () -> events.bury(new EventLease("mailer", "t"), new EventId(ANNA, 2), " ")),
        Map.entry("consumer     ", () -> events.replay("nobody", new EventId(ANNA, 2))),
        Map.entry("keptFor", () -> events.purgeAcknowledged(Duration.ofSeconds(-1))),
        Map.entry("keptFor ", () -> events.purgeAcknowledged(Events.MAX_RETENTION.plusSeconds(1))),
        Map.entry("keptFor  ", () -> events.purgeAcknowledged(null)));
    calls.forEach((field, call) -> {
      InvalidInputException refused = catchThrowableOfType(call::run, InvalidInputException.class);
      assertThat(refused).as(field).isNotNull();
      assertThat(refused.field()).as(field).isEqualTo(field.strip());
    });

    assertThat(events.consumers()).containsExactly("mailer");
    assertThat(drain(world, "mailer")).extracting(Event::id).containsExactly(new EventId(ANNA, 2));
  }
}
