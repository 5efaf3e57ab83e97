package dev.casemail.messaging.contract.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.event.DeadDelivery;
import dev.casemail.messaging.core.event.EventCursor;
import dev.casemail.messaging.core.event.NewEvent;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The port {@link dev.casemail.messaging.core.event.Outbox}, and the events part of {@code
 * MailboxChanges}: events numbered from 1 per mailbox in the order of the changes, read back as
 * appended; consumers; cursors created for every mailbox with events, returned only when there is
 * something to lease, saved and read back; dead deliveries.
 */
public interface OutboxContract extends StorageFixture {

  private static List<Event> events(StorageScene scene, Participant owner) {
    return scene.read(store -> store.outbox().events(owner.id(), 0, 1000));
  }

  private static List<Long> numbers(List<Event> events) {
    return events.stream().map(e -> e.id().sequence()).collect(Collectors.toList());
  }

  @Test
  default void eventsAreNumberedFromOneInEachMailboxInTheOrderOfTheChanges() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");

    Message first = scene.deliver(StorageScene.personal(10, 10, lee, StorageScene.at(1), anna, ben));
    Message second = scene.deliver(StorageScene.personal(11, 11, anna, StorageScene.at(2), lee));
    scene.deliver(StorageScene.personal(12, 12, lee, StorageScene.at(3), anna));

    List<Event> annas = events(scene, anna);
    assertThat(numbers(annas)).containsExactly(1L, 2L);
    Event received = annas.get(0);
    assertThat(received).isEqualTo(NewEvent.placed(scene.copy(anna, first)).orElseThrow().numbered(1));
    assertThat(received.type()).isEqualTo(EventType.MESSAGE_RECEIVED);
    assertThat(received.counterpart()).contains(lee.id());
    assertThat(received.kind()).contains(MessageKind.PERSONAL);
    assertThat(received.at()).isEqualTo(StorageScene.at(1));
    assertThat(numbers(events(scene, ben))).containsExactly(1L);
    assertThat(events(scene, lee)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains(second.id()));
    assertThat(scene.<List<Event>>read(store -> store.outbox().events(anna.id(), 1, 1000))).extracting(Event::id)
        .containsExactly(new EventId(anna.id(), 2));
    assertThat(scene.<List<Event>>read(store -> store.outbox().events(anna.id(), 0, 1))).hasSize(1);
    assertThat(scene.<List<Event>>read(store -> store.outbox().events(List.of(new EventId(anna.id(), 2), new EventId(anna.id(), 9)))))
        .extracting(Event::id).containsExactly(new EventId(anna.id(), 2));
    assertThat(scene.<List<Event>>read(store -> store.outbox().events(ParticipantId.of("ghost"), 0, 10))).isEmpty();
  }

  @Test
  default void aConsumerIsRegisteredOnce() {
    StorageScene scene = StorageScene.on(newStorage());

    assertThat(scene.<Boolean>write(store -> store.outbox().register("texter", StorageScene.at(1)))).isTrue();
    assertThat(scene.<Boolean>write(store -> store.outbox().register("mailer", StorageScene.at(1)))).isTrue();
    assertThat(scene.<Boolean>write(store -> store.outbox().register("mailer", StorageScene.at(2)))).isFalse();

    assertThat(scene.<List<String>>read(store -> store.outbox().consumers())).containsExactly("mailer", "texter");
    assertThat(scene.<Boolean>read(store -> store.outbox().isRegistered("mailer"))).isTrue();
    assertThat(scene.<Boolean>read(store -> store.outbox().isRegistered("Mailer"))).isFalse();
  }

  @Test
  default void everyMailboxWithEventsGetsACursorThatIsLeasableWhileItHasPendingEventsAndNoLease() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    scene.deliver(StorageScene.personal(10, 10, lee, StorageScene.at(1), anna, ben));
    scene.deliver(StorageScene.personal(11, 11, lee, StorageScene.at(2), anna));
    scene.write(store -> store.outbox().register("mailer", StorageScene.at(1)));
    Instant now = StorageScene.at(100);

    List<EventCursor> fresh = scene.write(store -> store.outbox().leasable("mailer", now, 10));
    assertThat(fresh).extracting(EventCursor::mailbox).containsExactlyInAnyOrder(anna.id(), ben.id());
    EventCursor annas = fresh.stream().filter(c -> c.mailbox().equals(anna.id())).findFirst().orElseThrow();
    assertThat(annas).isEqualTo(
        new EventCursor(anna.id(), 0, 2, Optional.empty(), Optional.empty(), 0, 0, InputRules.MIN_INSTANT));

    EventCursor leased = annas.leasedTo("t1", now.plusSeconds(60), 2, now);
    scene.write(store -> {
      store.outbox().saveCursors("mailer", List.of(leased));
      return null;
    });
    assertThat(scene.<Map<ParticipantId, EventCursor>>write(store -> store.outbox().cursors("mailer", List.of(anna.id(), lee.id()))))
        .isEqualTo(Map.of(anna.id(), leased));
    assertThat(scene.<List<EventCursor>>write(store -> store.outbox().heldCursors("mailer", "t1"))).containsExactly(leased);
    assertThat(scene.<List<EventCursor>>write(store -> store.outbox().heldCursors("mailer", "t2"))).isEmpty();
    assertThat(scene.<List<EventCursor>>write(store -> store.outbox().leasable("mailer", now, 10)))
        .as("anna's lease is in force").extracting(EventCursor::mailbox).containsExactly(ben.id());
    assertThat(scene.<List<EventCursor>>write(store -> store.outbox().leasable("mailer", now.plusSeconds(60), 10)))
        .as("anna's lease ended").extracting(EventCursor::mailbox).containsExactly(ben.id(), anna.id());
    assertThat(scene.<List<EventCursor>>write(store -> store.outbox().leasable("mailer", now, 1))).hasSize(1);

    scene.write(store -> {
      store.outbox().saveCursors("mailer", List.of(leased.settledThrough(2)));
      return null;
    });
    assertThat(scene.<List<EventCursor>>write(store -> store.outbox().leasable("mailer", now.plusSeconds(60), 10)))
        .as("nothing pending in anna's mailbox").extracting(EventCursor::mailbox).containsExactly(ben.id());
    scene.deliver(StorageScene.personal(12, 12, lee, StorageScene.at(3), anna));
    assertThat(scene.<Map<ParticipantId, EventCursor>>write(store -> store.outbox().cursors("mailer", List.of(anna.id()))).get(anna.id()).last())
        .isEqualTo(3);
    assertThat(scene.<Map<ParticipantId, EventCursor>>write(store -> store.outbox().cursors("texter", List.of(anna.id())))).isEmpty();
  }

  @Test
  default void aDeadDeliveryIsListedUntilReplayedAndForgotten() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    scene.deliver(StorageScene.personal(10, 10, lee, StorageScene.at(1), anna));
    scene.deliver(StorageScene.personal(11, 11, lee, StorageScene.at(2), anna));
    scene.write(store -> store.outbox().register("mailer", StorageScene.at(1)));
    EventId first = new EventId(anna.id(), 1);
    EventId second = new EventId(anna.id(), 2);
    DeadDelivery dead = new DeadDelivery(first, 3, "bounced: ü 😀", StorageScene.at(5), false, Optional.empty(), Optional.empty());
    DeadDelivery later = new DeadDelivery(second, 0, "no such user", StorageScene.at(6), false, Optional.empty(), Optional.empty());

    scene.write(store -> {
      store.outbox().bury("mailer", later);
      store.outbox().bury("mailer", dead);
      return null;
    });
    assertThat(scene.<List<DeadDelivery>>read(store -> store.outbox().dead("mailer", 10))).containsExactly(dead, later);
    assertThat(scene.<List<DeadDelivery>>read(store -> store.outbox().dead("mailer", 1))).containsExactly(dead);
    assertThat(scene.<Optional<DeadDelivery>>write(store -> store.outbox().dead("mailer", first))).contains(dead);
    assertThat(scene.<Optional<DeadDelivery>>write(store -> store.outbox().dead("texter", first))).isEmpty();

    DeadDelivery replaying = dead.replayed();
    scene.write(store -> {
      store.outbox().saveDead("mailer", replaying);
      return null;
    });
    Instant now = StorageScene.at(100);
    assertThat(scene.<List<DeadDelivery>>read(store -> store.outbox().dead("mailer", 10))).containsExactly(later);
    assertThat(scene.<List<DeadDelivery>>write(store -> store.outbox().replayable("mailer", now, 10))).containsExactly(replaying);
    DeadDelivery leased = replaying.leasedTo("t1", now.plusSeconds(60));
    scene.write(store -> {
      store.outbox().saveDead("mailer", leased);
      return null;
    });
    assertThat(scene.<List<DeadDelivery>>write(store -> store.outbox().replayable("mailer", now, 10))).isEmpty();
    assertThat(scene.<List<DeadDelivery>>write(store -> store.outbox().heldDead("mailer", "t1"))).containsExactly(leased);

    scene.write(store -> {
      store.outbox().forgetDead("mailer", first);
      return null;
    });
    assertThat(scene.<Optional<DeadDelivery>>write(store -> store.outbox().dead("mailer", first))).isEmpty();
    assertThat(scene.<List<DeadDelivery>>read(store -> store.outbox().dead("mailer", 10))).containsExactly(later);
  }

  @Test
  default void purgingDeletesOnlyOldEventsEveryConsumerSettledAndNoneHeldDead() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    for (int i = 0; i < 3; i++) {
      scene.deliver(StorageScene.personal(10 + i, 10 + i, lee, StorageScene.at(1 + i), anna, ben));
    }
    assertThat(scene.<Long>write(store -> store.outbox().purgeSettled(StorageScene.at(100))))
        .as("no consumer: nothing is settled").isZero();
    scene.write(store -> store.outbox().register("mailer", StorageScene.at(1)));
    scene.write(store -> store.outbox().register("texter", StorageScene.at(1)));
    Instant now = StorageScene.at(100);
    scene.write(store -> {
      for (String consumer : List.of("mailer", "texter")) {
        List<EventCursor> cursors = store.outbox().leasable(consumer, now, 10);
        store.outbox().saveCursors(consumer, cursors.stream()
            .map(c -> c.settledThrough(c.mailbox().equals(anna.id()) ? 3 : consumer.equals("mailer") ? 3 : 1))
            .collect(Collectors.toList()));
      }
      store.outbox().bury("mailer", new DeadDelivery(
          new EventId(anna.id(), 2), 1, "bounced", now, false, Optional.empty(), Optional.empty()));
      return null;
    });

    assertThat(scene.<Long>write(store -> store.outbox().purgeSettled(StorageScene.at(3))))
        .as("anna#1 and ben#1, which happened before the time given").isEqualTo(2);
    assertThat(scene.<Long>write(store -> store.outbox().purgeSettled(now)))
        .as("anna#3; never anna#2, dead for mailer, nor ben's, not settled by texter").isEqualTo(1);

    assertThat(numbers(events(scene, anna))).containsExactly(2L);
    assertThat(numbers(events(scene, ben))).containsExactly(2L, 3L);
  }
}
