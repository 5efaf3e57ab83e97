package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.contract.MutableClock;
import dev.casemail.messaging.events.dispatcher.InMemoryEventSource.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping lets the running handler finish, starts nothing else, acknowledges only what was handled,
 * leaves no thread of the dispatcher alive, and loses no event: what was leased but not handled comes
 * back with its lease.
 */
class ShutdownTest {

  private static final Duration LEASE = Duration.ofMinutes(1);

  private final MutableClock clock = Dispatchers.clockAt2026();
  private final InMemoryEventSource<String> source = new InMemoryEventSource<>(clock);
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final List<EventDispatcher<?>> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(EventDispatcher::close);
  }

  private <E> EventDispatcher<E> start(EventDispatcher.Builder<E> builder) {
    EventDispatcher<E> dispatcher = builder.leaseDuration(LEASE).build();
    started.add(dispatcher);
    return dispatcher.start();
  }

  @Test
  void stoppingLetsTheRunningHandlerFinishAndLeavesTheRestForTheNextDispatcher() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(source.append("key-" + i, "message " + i));
    }
    EventDispatcher<String> first = start(Dispatchers.quick(source, clock).threads(1).handler(e -> {
      if (e.id().equals(ids.get(0))) {
        entered.countDown();
        release.await();
      }
      handled.add(e.id());
    }));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> first.stop(Duration.ofSeconds(10)));
    Eventually.await("polling stopped", () -> Eventually.liveThreads(first.threadNamePrefix() + "poller").isEmpty());
    release.countDown(); // the running handler finishes after the stop began

    assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Eventually.liveThreads(first.threadNamePrefix())).isEmpty();
    assertThat(handled).containsExactly(ids.get(0));
    assertThat(source.status(ids.get(0))).isEqualTo(Status.ACKNOWLEDGED);
    for (String queued : ids.subList(1, 5)) {
      assertThat(source.status(queued)).as(queued).isEqualTo(Status.LEASED); // not acknowledged, not failed
      assertThat(source.failures(queued)).isZero();
    }
    assertThat(source.staleCalls()).isEmpty();

    clock.advance(LEASE); // their lease runs out: the next dispatcher gets them
    start(Dispatchers.quick(source, clock).handler(e -> handled.add(e.id())));
    Eventually.await("every event acknowledged", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(handled).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void aHandlerStillRunningAtTheTimeoutIsInterruptedAndItsEventNeitherAcknowledgedNorFailed() {
    CountDownLatch entered = new CountDownLatch(1);
    String id = source.append("mother", "message 1");
    EventDispatcher<String> dispatcher = start(Dispatchers.quick(source, clock).handler(e -> {
      entered.countDown();
      new CountDownLatch(1).await(); // never released; gives up when interrupted
    }));
    Eventually.await("handler running", () -> entered.getCount() == 0);

    assertThat(dispatcher.stop(Duration.ofMillis(50))).isTrue();

    assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).isEmpty();
    assertThat(source.status(id)).isEqualTo(Status.LEASED);
    assertThat(source.failures(id)).isZero();
    assertThat(source.staleCalls()).isEmpty();
  }

  @Test
  void aHandlerThatIgnoresItsInterruptMakesStopSaySoAndItsThreadEndsWhenItReturns() {
    AtomicBoolean release = new AtomicBoolean();
    CountDownLatch entered = new CountDownLatch(1);
    String id = source.append("mother", "message 1");
    EventDispatcher<String> dispatcher = start(Dispatchers.quick(source, clock).threads(1).handler(e -> {
      entered.countDown();
      while (!release.get()) {
        Thread.onSpinWait(); // deaf to interrupts
      }
    }));
    Eventually.await("handler running", () -> entered.getCount() == 0);

    assertThat(dispatcher.stop(Duration.ofMillis(10))).isFalse();
    assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).hasSize(1);
    assertThat(dispatcher.stop(Duration.ofMillis(10))).as("a second stop repeats the answer").isFalse();

    release.set(true);
    Eventually.await("its thread ended", () -> Eventually.liveThreads(dispatcher.threadNamePrefix()).isEmpty());
    // it did finish, within its lease: acknowledging it is honest and spares a second notice
    Eventually.await("acknowledged", () -> source.status(id) == Status.ACKNOWLEDGED);
    assertThat(source.failures(id)).isZero();
    assertThat(source.staleCalls()).isEmpty();
  }

  @Test
  void aDigestStillGatheringIsNotLeasedAndStoppingLeavesItPending() {
    List<Digest<String>> digests = new CopyOnWriteArrayList<>();
    String id = source.append("mother", "message 1");
    EventDispatcher<String> dispatcher =
        start(Dispatchers.quick(source, clock).digest(Duration.ofSeconds(30), 10, digests::add));
    Eventually.await("polling", () -> source.leaseCalls() > 2);

    dispatcher.close();

    assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).isEmpty();
    assertThat(digests).isEmpty();
    assertThat(source.status(id)).isEqualTo(Status.PENDING);
    assertThat(source.acknowledgements()).isEmpty();
  }

  @Test
  void anIdleDispatcherStopsAtOnceLeavingNoThread() {
    EventDispatcher<String> dispatcher = start(Dispatchers.quick(source, clock).threads(4).handler(e -> {}));
    Eventually.await("polling", () -> source.leaseCalls() > 2);
    assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).isNotEmpty();

    dispatcher.close();
    dispatcher.close(); // twice is harmless

    assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).isEmpty();
  }

  @Test
  void aHandlerCannotStopItsOwnDispatcher() {
    List<Throwable> refusals = new CopyOnWriteArrayList<>();
    AtomicReference<EventDispatcher<String>> self = new AtomicReference<>();
    String id = source.append("mother", "message 1");
    self.set(start(Dispatchers.quick(source, clock).handler(e -> {
      try {
        self.get().close();
      } catch (IllegalStateException refused) {
        refusals.add(refused);
      }
    })));

    Eventually.await("handled", () -> source.status(id) == Status.ACKNOWLEDGED);
    assertThat(refusals).singleElement().isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDispatcherStoppedBeforeItStartedNeverStarts() {
    EventDispatcher<String> dispatcher = Dispatchers.quick(source, clock).handler(e -> {}).build();
    assertThat(dispatcher.stop(Duration.ZERO)).isTrue();
    assertThatThrownBy(dispatcher::start).isInstanceOf(IllegalStateException.class);
    assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).isEmpty();
    assertThat(source.leaseCalls()).isZero();
  }
}
