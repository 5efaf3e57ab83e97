package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.events.dispatcher.InMemoryEventSource.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers of four workers each share one consumer name on one source, as two service
 * instances would, while some handler calls fail: no event is ever handled by two workers at once,
 * every event ends acknowledged (handled successfully exactly once) or dead (after exactly
 * maxAttempts failures), and exactly the events predicted to fail every attempt are dead.
 */
class ConcurrencyTest {

  private static final int EVENTS = 2_000;
  private static final int MAX_ATTEMPTS = 3;

  /** Whether the handler fails this attempt of this event: about one in four, fixed in advance. */
  private static boolean fails(String id, int attempt) {
    return new SplittableRandom((id + "/" + attempt).hashCode()).nextInt(4) == 0;
  }

  @Test
  void severalWorkersOnSeveralDispatchersNeverHandleOneEventAtOnceAndSettleEveryEvent() {
    InMemoryEventSource<String> source = new InMemoryEventSource<>(Clock.systemUTC());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      ids.add(source.append("mailbox-" + (i % 37), "message " + i));
    }
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    List<String> overlaps = new CopyOnWriteArrayList<>();
    Map<String, Boolean> threadsSeen = new ConcurrentHashMap<>();
    EventHandler<String> handler = e -> {
      threadsSeen.put(Thread.currentThread().getName(), true);
      if (running.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet() > 1) {
        overlaps.add(e.id());
      }
      try {
        Thread.yield();
        if (fails(e.id(), e.attempt())) {
          throw new IllegalStateException("refused by the mail server");
        }
        successes.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet();
      } finally {
        running.get(e.id()).decrementAndGet();
      }
    };
    List<EventDispatcher<String>> dispatchers = new ArrayList<>();
    for (int instance = 0; instance < 2; instance++) {
      dispatchers.add(EventDispatcher.builder(source, "mailer")
          .threads(4)
          .batchSize(16)
          .pollInterval(Duration.ofMillis(1))
          .maxIdleInterval(Duration.ofMillis(2))
          .leaseDuration(Duration.ofSeconds(60))
          .maxAttempts(MAX_ATTEMPTS)
          .backoff(Backoff.exponential(Duration.ofMillis(1), 2.0, Duration.ofMillis(4)).withJitter(0.5))
          .handler(handler)
          .build());
    }

    try {
      dispatchers.forEach(EventDispatcher::start);
      Eventually.await("every event acknowledged or dead", () -> source.allIn(Status.ACKNOWLEDGED, Status.DEAD));
    } finally {
      dispatchers.forEach(EventDispatcher::close);
    }

    assertThat(overlaps).as("events handled by two workers at once").isEmpty();
    assertThat(source.staleCalls()).isEmpty();
    List<String> predictedDead = ids.stream()
        .filter(id -> fails(id, 1) && fails(id, 2) && fails(id, 3))
        .toList();
    assertThat(predictedDead).as("the test's failure rate leaves some dead").isNotEmpty();
    for (String id : ids) {
      if (predictedDead.contains(id)) {
        assertThat(source.status(id)).as(id).isEqualTo(Status.DEAD);
        assertThat(source.failures(id)).as(id).isEqualTo(MAX_ATTEMPTS);
        assertThat(successes).as(id).doesNotContainKey(id);
      } else {
        assertThat(source.status(id)).as(id).isEqualTo(Status.ACKNOWLEDGED);
        assertThat(successes.get(id)).as(id).hasValue(1);
      }
    }
    assertThat(threadsSeen.keySet()).as("both dispatchers' workers took part").anyMatch(
        n -> n.startsWith(dispatchers.get(0).threadNamePrefix())).anyMatch(
        n -> n.startsWith(dispatchers.get(1).threadNamePrefix()));
    for (EventDispatcher<String> dispatcher : dispatchers) {
      assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).isEmpty();
    }
  }
}
