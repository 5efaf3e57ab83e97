package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.contract.MutableClock;
import dev.casemail.messaging.events.dispatcher.InMemoryEventSource.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A started dispatcher handles every event alone, on its own threads, and acknowledges it. */
class DeliveryTest {

  private final MutableClock clock = Dispatchers.clockAt2026();
  private final InMemoryEventSource<String> source = new InMemoryEventSource<>(clock);
  private final List<EventDispatcher<?>> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(EventDispatcher::close);
  }

  private <E> EventDispatcher<E> start(EventDispatcher.Builder<E> builder) {
    EventDispatcher<E> dispatcher = builder.build();
    started.add(dispatcher);
    return dispatcher.start();
  }

  @Test
  void everyEventIsHandledAloneAndAcknowledged() {
    List<String> seen = new CopyOnWriteArrayList<>();
    String a = source.append("mother", "message 1");
    String b = source.append("father", "message 2");
    String c = source.append("mother", "message 3");

    start(Dispatchers.quick(source, clock).handler(event -> seen.add(event.id())));

    Eventually.await("all acknowledged", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(seen).containsExactlyInAnyOrder(a, b, c);
    assertThat(source.staleCalls()).isEmpty();
  }

  @Test
  void theHandlerRunsOnTheDispatchersThreadsNeverTheCallers() {
    Map<String, String> threadOf = new ConcurrentHashMap<>();
    source.append("mother", "message 1");
    EventDispatcher<String> dispatcher =
        start(Dispatchers.quick(source, clock).handler(e -> threadOf.put(e.id(), Thread.currentThread().getName())));

    Eventually.await("handled", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(threadOf.get("e1"))
        .startsWith(dispatcher.threadNamePrefix())
        .isNotEqualTo(Thread.currentThread().getName());
  }

  @Test
  void startingAndSendingNeverWaitForAHandlerThatIsStuck() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    source.append("mother", "message 1");
    EventDispatcher<String> dispatcher = Dispatchers.quick(source, clock).threads(1)
        .handler(e -> {
          entered.countDown();
          release.await();
        })
        .build();
    started.add(dispatcher);

    dispatcher.start(); // returns although the handler will block
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    String later = source.append("mother", "message 2"); // a send while the only worker is stuck
    assertThat(source.status(later)).isEqualTo(Status.PENDING);

    release.countDown();
    Eventually.await("both handled", () -> source.allIn(Status.ACKNOWLEDGED));
  }

  @Test
  void oneKeysEventsAreHandledOneAtATimeInLeaseOrder() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> running = new ConcurrentHashMap<>();
    List<String> overlaps = new CopyOnWriteArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = source.append(i % 3 == 0 ? "mother" : "key-" + i, "message " + i);
      if (i % 3 == 0) {
        expected.add(id);
      }
    }

    start(Dispatchers.quick(source, clock).threads(4).batchSize(7).handler(e -> {
      if (running.merge(e.key(), 1, Integer::sum) > 1) {
        overlaps.add(e.id());
      }
      if (e.key().equals("mother")) {
        order.add(e.id());
      }
      Thread.yield();
      running.merge(e.key(), -1, Integer::sum);
    }));

    Eventually.await("all acknowledged", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(overlaps).isEmpty();
    assertThat(order).containsExactlyElementsOf(expected);
  }

  @Test
  void aSourceThatFailsToLeaseIsAskedAgainAndTheDispatcherCarriesOn() {
    source.failNextLeases(3);
    source.append("mother", "message 1");

    start(Dispatchers.quick(source, clock).handler(e -> {}));

    Eventually.await("handled after the source recovered", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(source.leaseCalls()).isGreaterThan(3);
  }

  @Test
  void aDispatcherStartsOnce() {
    EventDispatcher<String> dispatcher = start(Dispatchers.quick(source, clock).handler(e -> {}));
    assertThatThrownBy(dispatcher::start).isInstanceOf(IllegalStateException.class);
    dispatcher.close();
    assertThatThrownBy(dispatcher::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void countersCountWhatWasHandled() {
    DispatcherCounters counters = new DispatcherCounters();
    for (int i = 0; i < 5; i++) {
      source.append("k" + i, "m" + i);
    }
    start(Dispatchers.quick(source, clock).listener(counters).handler(e -> {}));

    Eventually.await("5 handled", () -> counters.handled() == 5);
    assertThat(counters.failed()).isZero();
    assertThat(counters.retried()).isZero();
    assertThat(counters.dead()).isZero();
  }

  @Test
  void aListenerThatThrowsChangesNothing() {
    for (int i = 0; i < 5; i++) {
      source.append("k" + i, "m" + i);
    }
    start(Dispatchers.quick(source, clock).threads(1)
        .listener(new DispatcherListener() {
          @Override
          public void handled(LeasedEvent<?> event) {
            throw new IllegalStateException("metrics are down");
          }
        })
        .handler(e -> {}));

    Eventually.await("all acknowledged", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(source.acknowledgements().stream().mapToInt(List::size).sum()).isEqualTo(5);
  }
}
