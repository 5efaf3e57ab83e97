package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The delay before a retry: exponential, capped, shortened by at most the jitter. */
class BackoffTest {

  private static final Backoff ONE_SECOND_DOUBLING_UP_TO_TEN =
      Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10));

  /** Always draws the same number, so that a jittered delay is known in advance. */
  static RandomGenerator always(double r) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return r;
      }
    };
  }

  @Test
  void theDelayDoublesAfterEachFailureUpToTheMaximum() {
    RandomGenerator unused = always(0.9);
    assertThat(ONE_SECOND_DOUBLING_UP_TO_TEN.delay(1, unused)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ONE_SECOND_DOUBLING_UP_TO_TEN.delay(2, unused)).isEqualTo(Duration.ofSeconds(2));
    assertThat(ONE_SECOND_DOUBLING_UP_TO_TEN.delay(3, unused)).isEqualTo(Duration.ofSeconds(4));
    assertThat(ONE_SECOND_DOUBLING_UP_TO_TEN.delay(4, unused)).isEqualTo(Duration.ofSeconds(8));
    assertThat(ONE_SECOND_DOUBLING_UP_TO_TEN.delay(5, unused)).isEqualTo(Duration.ofSeconds(10));
    assertThat(ONE_SECOND_DOUBLING_UP_TO_TEN.delay(1000, unused)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aFactorOfOneRetriesAtTheBaseEveryTime() {
    Backoff constant = Backoff.exponential(Duration.ofMillis(300), 1.0, Duration.ofMillis(300));
    assertThat(constant.delay(1, always(0))).isEqualTo(Duration.ofMillis(300));
    assertThat(constant.delay(50, always(0))).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void jitterTakesOffTheDrawnFractionOfTheJitter() {
    Backoff jittered = ONE_SECOND_DOUBLING_UP_TO_TEN.withJitter(0.5);
    assertThat(jittered.delay(2, always(0.0))).isEqualTo(Duration.ofSeconds(2));
    assertThat(jittered.delay(2, always(0.5))).isEqualTo(Duration.ofMillis(1500));
    assertThat(jittered.delay(5, always(0.5))).isEqualTo(Duration.ofMillis(7500));
  }

  @Test
  void aJitteredDelayStaysBetweenTheNominalDelayLessTheJitterAndTheNominalDelay() {
    SplittableRandom inputs = new SplittableRandom(20261201);
    for (int i = 0; i < 5_000; i++) {
      Duration base = Duration.ofMillis(1 + inputs.nextInt(10_000));
      double factor = 1.0 + inputs.nextDouble() * 9.0;
      Duration max = base.multipliedBy(1 + inputs.nextInt(10_000));
      double jitter = inputs.nextDouble();
      int failures = 1 + inputs.nextInt(1000);
      Backoff backoff = Backoff.exponential(base, factor, max).withJitter(jitter);

      Duration nominal = backoff.nominalDelay(failures);
      Duration delay = backoff.delay(failures, new SplittableRandom(i));

      assertThat(nominal).as("case %d", i).isBetween(base, max);
      assertThat(delay).as("case %d", i).isLessThanOrEqualTo(nominal)
          .isGreaterThanOrEqualTo(Duration.ofNanos((long) (nominal.toNanos() * (1 - jitter)) - 1));
    }
  }

  @Test
  void theSameGeneratorGivesTheSameDelays() {
    Backoff jittered = ONE_SECOND_DOUBLING_UP_TO_TEN.withJitter(0.3);
    SplittableRandom first = new SplittableRandom(7);
    SplittableRandom second = new SplittableRandom(7);
    for (int failures = 1; failures < 20; failures++) {
      assertThat(jittered.delay(failures, first)).isEqualTo(jittered.delay(failures, second));
    }
  }
}
