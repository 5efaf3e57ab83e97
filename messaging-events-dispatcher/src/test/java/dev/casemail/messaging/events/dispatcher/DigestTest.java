package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.contract.MutableClock;
import dev.casemail.messaging.events.dispatcher.InMemoryEventSource.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With a digest window, a recipient's events are handled as one group: one notice instead of several. */
class DigestTest {

  /** A stand-in for the library's "message received" event: who sent it; never the content. */
  record Notice(String sender) {}

  private static final Duration WINDOW = Duration.ofSeconds(10);

  private final MutableClock clock = Dispatchers.clockAt2026();
  private final InMemoryEventSource<Notice> source = new InMemoryEventSource<>(clock);
  private final List<Digest<Notice>> digests = new CopyOnWriteArrayList<>();
  private final List<EventDispatcher<?>> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(EventDispatcher::close);
  }

  private void start(int maxSize, DigestHandler<Notice> handler) {
    EventDispatcher<Notice> dispatcher = Dispatchers.quick(source, clock).digest(WINDOW, maxSize, handler).build();
    started.add(dispatcher);
    dispatcher.start();
  }

  private void start(int maxSize) {
    start(maxSize, digests::add);
  }

  @Test
  void aRecipientsEventsWithinTheWindowBecomeOneDigest() {
    String m1 = source.append("mother", new Notice("father"));
    String m2 = source.append("mother", new Notice("mediator"));
    String f1 = source.append("father", new Notice("mother"));
    String m3 = source.append("mother", new Notice("father"));

    start(20);
    Eventually.await("polled while gathering", () -> source.leaseCalls() > 3);
    assertThat(source.count(Status.LEASED)).as("still gathering: nothing leased").isZero();
    assertThat(digests).isEmpty();
    assertThat(source.gathers()).as("the dispatcher asks the source to gather for the window").containsOnly(WINDOW);

    clock.advance(WINDOW);
    Eventually.await("all acknowledged", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(digests).hasSize(2);
    Digest<Notice> mother = digestOf("mother");
    assertThat(mother.events()).extracting(LeasedEvent::id).containsExactly(m1, m2, m3);
    assertThat(mother.summary(Notice::sender)).isEqualTo(new DigestSummary(3, 2)); // 3 new messages from 2 people
    Digest<Notice> father = digestOf("father");
    assertThat(father.events()).extracting(LeasedEvent::id).containsExactly(f1);
    assertThat(father.summary(Notice::sender)).isEqualTo(new DigestSummary(1, 1));
    assertThat(source.acknowledgements()).containsExactlyInAnyOrder(List.of(m1, m2, m3), List.of(f1));
  }

  @Test
  void anEventArrivingWithinTheWindowJoinsTheDigestAndOneArrivingAfterItWaitsForTheNext() {
    String first = source.append("mother", new Notice("father"));
    start(20);
    clock.advance(WINDOW.minusSeconds(1));
    String second = source.append("mother", new Notice("father"));
    Eventually.await("polled", () -> source.leaseCalls() > 3);
    assertThat(digests).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Eventually.await("one digest", () -> source.status(second) == Status.ACKNOWLEDGED);
    assertThat(digests).singleElement()
        .satisfies(d -> assertThat(d.events()).extracting(LeasedEvent::id).containsExactly(first, second));

    String third = source.append("mother", new Notice("mediator"));
    Eventually.await("polled again", () -> source.leaseCalls() > 10);
    assertThat(source.status(third)).as("a new window opens with it").isEqualTo(Status.PENDING);
    clock.advance(WINDOW);
    Eventually.await("the next digest", () -> source.status(third) == Status.ACKNOWLEDGED);
    assertThat(digests).hasSize(2);
    assertThat(digests.get(1).events()).extracting(LeasedEvent::id).containsExactly(third);
  }

  @Test
  void aGatheredKeyIsSplitIntoDigestsOfTheMaximumSizeInOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(source.append("mother", new Notice("father")));
    }
    start(2);
    clock.advance(WINDOW);

    Eventually.await("all acknowledged", () -> source.allIn(Status.ACKNOWLEDGED));
    assertThat(digests).extracting(Digest::size).containsExactly(2, 2, 1);
    assertThat(digests.stream().flatMap(d -> d.events().stream()).map(LeasedEvent::id)).containsExactlyElementsOf(ids);
    assertThat(source.acknowledgements()).as("acknowledged together, in order").containsExactly(ids);
  }

  @Test
  void aFailedDigestComesBackWholeAfterItsBackoffAndIsDeadAfterItsFirstEventsLastAttempt() {
    String m1 = source.append("mother", new Notice("father"));
    String m2 = source.append("mother", new Notice("father"));
    EventDispatcher<Notice> dispatcher = Dispatchers.quick(source, clock).maxAttempts(2)
        .digest(WINDOW, 20, d -> {
          digests.add(d);
          throw new IllegalStateException("mailer down");
        })
        .build();
    started.add(dispatcher);
    dispatcher.start();

    clock.advance(WINDOW);
    Eventually.await("failed once", () -> source.failures(m1) == 1);
    assertThat(source.status(m1)).isEqualTo(Status.PENDING);
    assertThat(source.status(m2)).as("given back with the first").isEqualTo(Status.PENDING);

    clock.advance(Duration.ofSeconds(1)); // the backoff's base: due again, grouped again
    Eventually.await("both dead", () -> source.allIn(Status.DEAD));
    assertThat(digests).hasSize(2).allSatisfy(d -> assertThat(d.size()).isEqualTo(2));
    assertThat(digests.get(1).events()).extracting(LeasedEvent::attempt).containsExactly(2, 1);
    assertThat(source.reasons(m2)).containsExactly("java.lang.IllegalStateException: mailer down");
    assertThat(source.staleCalls()).isEmpty();
  }

  @Test
  void eventsWithoutASenderCountAsEventsButNotAsSenders() {
    Digest<String> digest = new Digest<>("mother", List.of(
        new LeasedEvent<>("1", "mother", 1, "message from father"),
        new LeasedEvent<>("2", "mother", 1, "access request"),
        new LeasedEvent<>("3", "mother", 1, "message from father")));

    DigestSummary summary = digest.summary(p -> p.startsWith("message from ") ? p.substring(13) : null);

    assertThat(summary).isEqualTo(new DigestSummary(3, 1));
    assertThat(digest.payloads()).containsExactly("message from father", "access request", "message from father");
  }

  @Test
  void aDigestHoldsOneKeysEventsAndAtLeastOne() {
    assertThatThrownBy(() -> new Digest<String>("mother", List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("events"));
    assertThatThrownBy(() -> new Digest<>("mother", List.of(new LeasedEvent<>("1", "father", 1, "x"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("events"));
    assertThatThrownBy(() -> new DigestSummary(2, 3))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("senders"));
  }

  private Digest<Notice> digestOf(String key) {
    return digests.stream().filter(d -> d.key().equals(key)).max(Comparator.comparingInt(Digest::size)).orElseThrow();
  }
}
