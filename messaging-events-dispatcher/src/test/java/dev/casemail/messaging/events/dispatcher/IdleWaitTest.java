package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An idle poller backs off: it waits longer after each empty lease, up to a maximum, until events come. */
class IdleWaitTest {

  private static long ms(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }

  @Test
  void eachEmptyLeaseInARowDoublesTheWaitUpToTheMaximum() {
    IdleWait idle = new IdleWait(Duration.ofMillis(500), Duration.ofSeconds(10));
    long[] waits = new long[8];
    for (int i = 0; i < waits.length; i++) {
      waits[i] = idle.afterEmptyLease();
    }
    assertThat(waits).containsExactly(ms(500), ms(1000), ms(2000), ms(4000), ms(8000), ms(10_000), ms(10_000),
        ms(10_000));
  }

  @Test
  void aLeaseWithEventsBringsTheWaitBackToThePollInterval() {
    IdleWait idle = new IdleWait(Duration.ofMillis(500), Duration.ofSeconds(10));
    idle.afterEmptyLease();
    idle.afterEmptyLease();
    idle.afterEmptyLease();
    idle.reset();
    assertThat(idle.afterEmptyLease()).isEqualTo(ms(500));
    assertThat(idle.afterEmptyLease()).isEqualTo(ms(1000));
  }

  @Test
  void aMaximumEqualToThePollIntervalMeansAFixedWait() {
    IdleWait idle = new IdleWait(Duration.ofDays(1), Duration.ofDays(1));
    assertThat(idle.afterEmptyLease()).isEqualTo(Duration.ofDays(1).toNanos());
    assertThat(idle.afterEmptyLease()).isEqualTo(Duration.ofDays(1).toNanos());
  }
}
