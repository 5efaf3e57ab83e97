package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.contract.MutableClock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A configuration that cannot work is refused while building, with the API's typed error naming it. */
class DispatcherConfigurationTest {

  private final InMemoryEventSource<String> source = new InMemoryEventSource<>(Dispatchers.clockAt2026());

  static Stream<Arguments> badSettings() {
    return Stream.of(
        bad("threads", b -> b.threads(0)),
        bad("threads", b -> b.threads(-1)),
        bad("threads", b -> b.threads(EventDispatcher.MAX_THREADS + 1)),
        bad("batchSize", b -> b.batchSize(0)),
        bad("batchSize", b -> b.batchSize(1001)),
        bad("batchSize", b -> b.batchSize(-5)),
        bad("pollInterval", b -> b.pollInterval(Duration.ofMillis(-1))),
        bad("pollInterval", b -> b.pollInterval(Duration.ZERO)),
        bad("pollInterval", b -> b.pollInterval(null)),
        bad("maxIdleInterval", b -> b.maxIdleInterval(Duration.ofSeconds(-1))),
        bad("leaseDuration", b -> b.leaseDuration(Duration.ofSeconds(-30))),
        bad("leaseDuration", b -> b.leaseDuration(Duration.ZERO)),
        bad("leaseDuration", b -> b.leaseDuration(Duration.ofDays(2))),
        bad("maxAttempts", b -> b.maxAttempts(0)),
        bad("maxAttempts", b -> b.maxAttempts(-3)),
        bad("shutdownTimeout", b -> b.shutdownTimeout(Duration.ofSeconds(-1))),
        bad("handler", b -> b.handler(null)),
        bad("handler", b -> b.digest(Duration.ofSeconds(1), 10, null)),
        bad("digest.window", b -> b.digest(Duration.ofSeconds(-1), 10, d -> {})),
        bad("digest.maxSize", b -> b.digest(Duration.ofSeconds(1), 0, d -> {})),
        bad("digest.maxSize", b -> b.digest(Duration.ofSeconds(1), 1001, d -> {})),
        bad("backoff", b -> b.backoff(null)),
        bad("listener", b -> b.listener(null)),
        bad("clock", b -> b.clock(null)),
        bad("random", b -> b.random(null)));
  }

  private static Arguments bad(String field, Consumer<EventDispatcher.Builder<String>> setting) {
    return Arguments.of(field, setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void aSettingOutOfRangeIsRefusedNamingIt(String field, Consumer<EventDispatcher.Builder<String>> setting) {
    EventDispatcher.Builder<String> builder = EventDispatcher.builder(source, "mailer");
    assertThatThrownBy(() -> setting.accept(builder))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void aDispatcherWithoutHandlerIsRefused() {
    assertThatThrownBy(() -> EventDispatcher.builder(source, "mailer").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("handler"));
  }

  @Test
  void aHandlerAndADigestTogetherAreRefused() {
    assertThatThrownBy(() -> EventDispatcher.builder(source, "mailer")
            .handler(e -> {})
            .digest(Duration.ofSeconds(1), 5, d -> {})
            .build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("handler"));
  }

  @Test
  void aMaximumIdleIntervalShorterThanThePollIntervalIsRefused() {
    assertThatThrownBy(() -> EventDispatcher.builder(source, "mailer")
            .handler(e -> {})
            .pollInterval(Duration.ofSeconds(2))
            .maxIdleInterval(Duration.ofSeconds(1))
            .build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxIdleInterval"));
  }

  @Test
  void aMissingSourceOrABadConsumerNameIsRefused() {
    assertThatThrownBy(() -> EventDispatcher.builder(null, "mailer"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("source"));
    for (String name : new String[] {null, "", "   ", "mail\ner", "x".repeat(101)}) {
      assertThatThrownBy(() -> EventDispatcher.builder(source, name))
          .as("consumer %s", name)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("consumer"));
    }
  }

  @Test
  void backoffOutOfRangeIsRefusedNamingThePart() {
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, 2, Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backoff.base"));
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backoff.factor"));
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Double.NaN, Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backoff.factor"));
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backoff.max"));
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(1)).withJitter(1.5))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backoff.jitter"));
  }

  @Test
  void stoppingWithANegativeTimeoutIsRefused() {
    EventDispatcher<String> dispatcher = EventDispatcher.builder(source, "mailer").handler(e -> {}).build();
    assertThatThrownBy(() -> dispatcher.stop(Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
  }

  @Test
  void aValidConfigurationBuildsADispatcherThatHasNotStarted() {
    EventDispatcher<String> dispatcher = EventDispatcher.builder(source, "mailer").handler(e -> {})
        .threads(3).batchSize(1000).maxAttempts(1).build();
    assertThat(dispatcher.consumer()).isEqualTo("mailer");
    assertThat(Eventually.liveThreads(dispatcher.threadNamePrefix())).isEmpty();
    assertThat(source.leaseCalls()).isZero();
  }
}
