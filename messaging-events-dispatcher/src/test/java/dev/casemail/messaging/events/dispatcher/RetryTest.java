package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.contract.MutableClock;
import dev.casemail.messaging.events.dispatcher.InMemoryEventSource.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failed event comes back after its backoff; after the last attempt it is dead; workers survive. */
class RetryTest {

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
  void aFailingEventIsRetriedWithExponentialBackoffAndJitterThenDead() {
    DispatcherCounters counters = new DispatcherCounters();
    String id = source.append("mother", "message 1");
    Instant t0 = clock.instant();

    start(Dispatchers.quick(source, clock)
        .maxAttempts(3)
        .backoff(Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)).withJitter(0.5))
        .random(BackoffTest.always(0.5)) // takes off a quarter of each nominal delay
        .listener(counters)
        .handler(e -> {
          throw new IllegalStateException("mail server down (attempt " + e.attempt() + ")");
        }));

    Eventually.await("first failure", () -> source.failures(id) == 1);
    Instant firstRetry = t0.plusMillis(750);
    assertThat(source.retryTimes(id)).containsExactly(firstRetry);
    assertThat(source.status(id)).isEqualTo(Status.PENDING);

    clock.set(firstRetry);
    Eventually.await("second failure", () -> source.failures(id) == 2);
    Instant secondRetry = firstRetry.plusMillis(1500);
    assertThat(source.retryTimes(id)).containsExactly(firstRetry, secondRetry);

    clock.set(secondRetry);
    Eventually.await("dead", () -> source.status(id) == Status.DEAD);
    assertThat(source.failures(id)).isEqualTo(3);
    assertThat(source.retryTimes(id)).hasSize(2);
    assertThat(source.reasons(id)).containsExactly(
        "java.lang.IllegalStateException: mail server down (attempt 1)",
        "java.lang.IllegalStateException: mail server down (attempt 2)",
        "java.lang.IllegalStateException: mail server down (attempt 3)");
    Eventually.await("counted dead", () -> counters.dead() == 1);
    assertThat(counters.failed()).isEqualTo(3);
    assertThat(counters.retried()).isEqualTo(2);
    assertThat(counters.handled()).isZero();
    assertThat(source.staleCalls()).isEmpty();
  }

  @Test
  void anEventThatSucceedsOnARetryIsAcknowledged() {
    DispatcherCounters counters = new DispatcherCounters();
    String id = source.append("mother", "message 1");

    start(Dispatchers.quick(source, clock).maxAttempts(5).listener(counters).handler(e -> {
      if (e.attempt() < 3) {
        throw new java.io.IOException("timeout");
      }
    }));

    Eventually.await("first failure", () -> source.failures(id) == 1);
    clock.advance(Duration.ofSeconds(1));
    Eventually.await("second failure", () -> source.failures(id) == 2);
    clock.advance(Duration.ofSeconds(2));
    Eventually.await("acknowledged", () -> source.status(id) == Status.ACKNOWLEDGED);
    Eventually.await("counted", () -> counters.handled() == 1);
    assertThat(counters.retried()).isEqualTo(2);
    assertThat(counters.dead()).isZero();
  }

  @Test
  void aHandlerThatThrowsNeverEndsAWorkerThread() {
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    String error = source.append("mother", "throws an Error");
    String exception = source.append("mother", "throws an exception");
    String fine = source.append("mother", "fine");

    start(Dispatchers.quick(source, clock).threads(1).maxAttempts(1).handler(e -> {
      workers.add(Thread.currentThread());
      if (e.payload().equals("throws an Error")) {
        throw new AssertionError("a bug in the host");
      }
      if (e.payload().equals("throws an exception")) {
        throw new IllegalArgumentException("bad template");
      }
    }));

    Eventually.await("all settled", () -> source.allIn(Status.DEAD, Status.ACKNOWLEDGED));
    assertThat(source.status(error)).isEqualTo(Status.DEAD);
    assertThat(source.reasons(error)).containsExactly("java.lang.AssertionError: a bug in the host");
    assertThat(source.status(exception)).isEqualTo(Status.DEAD);
    assertThat(source.status(fine)).isEqualTo(Status.ACKNOWLEDGED);
    assertThat(workers).as("one worker thread handled all three").hasSize(1);
    assertThat(workers.iterator().next().isAlive()).isTrue();
  }

  @Test
  void aFailedEventHoldsBackItsKeysLaterEventsUntilItSucceedsButNotOtherKeys() {
    String failing = source.append("mother", "fails once");
    String later = source.append("mother", "later");
    String other = source.append("father", "other");
    List<String> handled = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();

    start(Dispatchers.quick(source, clock).maxAttempts(3).handler(e -> {
      if (e.payload().equals("fails once") && calls.getAndIncrement() == 0) {
        throw new IllegalStateException("no");
      }
      handled.add(e.id());
    }));

    Eventually.await("the other key handled", () -> source.status(other) == Status.ACKNOWLEDGED);
    Eventually.await("failed once", () -> source.failures(failing) == 1);
    assertThat(source.status(later)).as("given back with the failed one").isEqualTo(Status.PENDING);
    assertThat(handled).doesNotContain(later);

    clock.advance(Duration.ofSeconds(1));
    Eventually.await("both handled", () -> source.status(later) == Status.ACKNOWLEDGED);
    assertThat(handled).containsSubsequence(failing, later);
    assertThat(source.staleCalls()).isEmpty();
  }

  @Test
  void aDeadEventNoLongerHoldsBackItsKey() {
    String dead = source.append("mother", "always fails");
    String later = source.append("mother", "later");
    start(Dispatchers.quick(source, clock).maxAttempts(1).handler(e -> {
      if (e.payload().equals("always fails")) {
        throw new IllegalStateException("no");
      }
    }));

    Eventually.await("the later one handled", () -> source.status(later) == Status.ACKNOWLEDGED);
    assertThat(source.status(dead)).isEqualTo(Status.DEAD);
    assertThat(source.staleCalls()).isEmpty();
  }

  @Test
  void aLongFailureMessageIsCutAndFlattenedForTheSource() {
    String id = source.append("mother", "m");
    start(Dispatchers.quick(source, clock).maxAttempts(1).handler(e -> {
      throw new IllegalStateException("line one\nline two " + "x".repeat(1000));
    }));

    Eventually.await("dead", () -> source.status(id) == Status.DEAD);
    String reason = source.reasons(id).get(0);
    assertThat(reason).hasSize(500).startsWith("java.lang.IllegalStateException: line one line two").doesNotContain("\n");
  }
}
