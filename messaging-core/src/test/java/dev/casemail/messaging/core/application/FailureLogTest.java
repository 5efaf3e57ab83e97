package dev.casemail.messaging.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FailureLogTest {

  private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:30:00Z"));
  private final List<Line> written = new ArrayList<>();
  private final FailureLog log = new FailureLog(clock, (message, failure) -> written.add(new Line(message, failure)));

  @Test
  void theFirstFailureOfAKindIsWrittenWithItsStackTrace() {
    RuntimeException down = databaseDown();

    log.storageFailed("send", down);

    assertThat(written).containsExactly(new Line("send failed in storage", down));
  }

  @Test
  void failuresOfTheSameKindWithinTheQuietPeriodAreCountedNotWritten() {
    log.storageFailed("send", databaseDown());
    clock.advance(Duration.ofSeconds(10));
    log.storageFailed("move", databaseDown());
    clock.advance(FailureLog.QUIET_PERIOD.minusSeconds(10).minusNanos(1));
    log.storageFailed("send", databaseDown());

    assertThat(written).hasSize(1);
  }

  @Test
  void theNextLineWrittenAfterTheQuietPeriodSaysHowManyWereLeftOut() {
    log.storageFailed("send", databaseDown());
    clock.advance(Duration.ofSeconds(1));
    log.storageFailed("send", databaseDown());
    log.storageFailed("send", databaseDown());
    clock.advance(FailureLog.QUIET_PERIOD.minusSeconds(1));
    RuntimeException third = databaseDown();

    log.storageFailed("folders", third);

    assertThat(written).hasSize(2);
    assertThat(written.get(1).failure()).isSameAs(third);
    assertThat(written.get(1).message()).startsWith("folders failed in storage (2 more failures of this kind");
  }

  @Test
  void afterAWrittenLineTheCountStartsAgain() {
    log.storageFailed("send", databaseDown());
    clock.advance(Duration.ofSeconds(1));
    log.storageFailed("send", databaseDown());
    clock.advance(FailureLog.QUIET_PERIOD);
    log.storageFailed("send", databaseDown());
    clock.advance(FailureLog.QUIET_PERIOD);
    log.storageFailed("send", databaseDown());

    assertThat(written).extracting(Line::message).containsExactly(
        "send failed in storage",
        "send failed in storage (1 more failures of this kind since 2025-03-01T09:30:00Z were not logged)",
        "send failed in storage");
  }

  @Test
  void failuresLeftOutLongAgoAreNotReportedAsRecent() {
    log.storageFailed("send", databaseDown());
    clock.advance(Duration.ofSeconds(5));
    log.storageFailed("send", databaseDown());
    clock.advance(Duration.ofHours(4));

    log.storageFailed("send", databaseDown());

    assertThat(written.get(1).message())
        .isEqualTo("send failed in storage (1 more failures of this kind since 2025-03-01T09:30:00Z were not logged)")
        .doesNotContain("in the last");
  }

  @Test
  void kindsAreTheFailuresTypeAndItsRootCausesTypeAndEachHasItsOwnQuietPeriod() {
    log.storageFailed("send", databaseDown());
    log.storageFailed("send", new IllegalStateException("pool closed"));
    log.storageFailed("send", new IllegalStateException("wrapped", new IOException("connection reset")));
    log.storageFailed("send", new IllegalStateException("wrapped again", new IOException("connection refused")));

    assertThat(written).extracting(Line::message).hasSize(3);
    assertThat(written).extracting(l -> l.failure().getMessage()).containsExactly("database down", "pool closed", "wrapped");
  }

  @Test
  void theSameKindWithAnotherMessageIsStillTheSameKind() {
    log.storageFailed("send", new UncheckedIOException("one", new IOException("reset")));
    log.storageFailed("send", new UncheckedIOException("two", new IOException("refused")));

    assertThat(written).hasSize(1);
  }

  // a cause chain may loop (Throwable.initCause refuses only a throwable as its own cause): the log
  // must still write the failure rather than walk the loop for ever, inside a call that already failed
  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFailureWhoseCausesLoopIsStillWritten() {
    RuntimeException looping = new IllegalStateException("outer");
    RuntimeException back = new IllegalArgumentException("back", looping);
    looping.initCause(back);

    log.storageFailed("send", looping);

    assertThat(written).extracting(Line::failure).containsExactly(looping);
  }

  private static RuntimeException databaseDown() {
    return new UncheckedIOException("database down", new IOException("connection refused"));
  }

  record Line(String message, Throwable failure) {}

  /** A clock that moves only when the test says. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock keeps UTC");
    }
  }
}
