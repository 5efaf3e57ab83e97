package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.contract.MutableClock;
import dev.casemail.messaging.events.dispatcher.InMemoryEventSource.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is recorded for an event once its lease has run out: no late acknowledgement, no failure.
 * The source refuses such calls and lists them as stale; these tests see none, and the event handled
 * again (at least once).
 */
class LeaseTest {

  private static final Duration LEASE = Duration.ofSeconds(10);

  private final MutableClock clock = Dispatchers.clockAt2026();
  private final InMemoryEventSource<String> source = new InMemoryEventSource<>(clock);
  private final DispatcherCounters counters = new DispatcherCounters();
  private final List<EventDispatcher<?>> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(EventDispatcher::close);
  }

  private EventDispatcher<String> start(EventHandler<String> handler) {
    EventDispatcher<String> dispatcher =
        Dispatchers.quick(source, clock).threads(1).leaseDuration(LEASE).listener(counters).handler(handler).build();
    started.add(dispatcher);
    return dispatcher.start();
  }

  @Test
  void anEventHandledAfterItsLeaseRanOutIsNotAcknowledgedAndIsDeliveredAgain() {
    List<String> calls = new CopyOnWriteArrayList<>();
    AtomicBoolean slowOnce = new AtomicBoolean(true);
    String id = source.append("mother", "message 1");

    start(e -> {
      calls.add(e.id() + " lease " + source.leases(e.id()) + " attempt " + e.attempt());
      if (slowOnce.getAndSet(false)) {
        clock.advance(LEASE.plusSeconds(1)); // the handler outlasts its lease
      }
    });

    Eventually.await("acknowledged on the second delivery", () -> source.status(id) == Status.ACKNOWLEDGED);
    assertThat(calls).containsExactly(id + " lease 1 attempt 1", id + " lease 2 attempt 1");
    assertThat(source.staleCalls()).isEmpty();
    assertThat(source.acknowledgements()).containsExactly(List.of(id));
    Eventually.await("counted", () -> counters.handled() == 1);
    assertThat(counters.leaseExpired()).isEqualTo(1);
  }

  @Test
  void aFailureAfterTheLeaseRanOutIsNotRecordedAgainstTheEvent() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    AtomicBoolean slowOnce = new AtomicBoolean(true);
    String id = source.append("mother", "message 1");

    start(e -> {
      attempts.add(e.attempt());
      if (slowOnce.getAndSet(false)) {
        clock.advance(LEASE.plusSeconds(1));
        throw new IllegalStateException("timed out, too late");
      }
    });

    Eventually.await("acknowledged on the second delivery", () -> source.status(id) == Status.ACKNOWLEDGED);
    assertThat(attempts).containsExactly(1, 1);
    assertThat(source.failures(id)).isZero();
    assertThat(source.staleCalls()).isEmpty();
    assertThat(counters.retried()).isZero();
  }

  @Test
  void eventsWhoseLeaseRanOutWhileTheyWaitedAreNotStarted() {
    List<String> calls = new CopyOnWriteArrayList<>();
    AtomicBoolean slowOnce = new AtomicBoolean(true);
    String first = source.append("mother", "slow");
    String second = source.append("father", "queued");
    String third = source.append("mediator", "queued");

    start(e -> { // one worker: the second and third wait behind the first
      calls.add(e.id() + " lease " + source.leases(e.id()));
      if (slowOnce.getAndSet(false)) {
        clock.advance(LEASE.plusSeconds(1));
      }
    });

    Eventually.await("all acknowledged", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(calls).containsExactly(first + " lease 1", first + " lease 2", second + " lease 2", third + " lease 2");
    assertThat(source.staleCalls()).isEmpty();
    Eventually.await("counted", () -> counters.handled() == 3);
    assertThat(counters.leaseExpired()).isEqualTo(3);
  }
}
