package dev.casemail.messaging.api;

import static dev.casemail.messaging.api.SingleLineTextTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Settings hold what storage keeps: instants at microsecond precision within years 1 to 9999 UTC,
 * checked after they are brought to microseconds, and the interval in whole seconds.
 */
class AutoResponderSettingsTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

  @Test
  void aWindowThatIsEmptyAtMicrosecondPrecisionIsRefused() {
    assertInvalid("activeUntil", () -> away().activeFrom(NOON.plusNanos(100)).activeUntil(NOON.plusNanos(400)).build());
    assertInvalid("activeUntil", () -> away().activeFrom(NOON.plusNanos(999)).activeUntil(NOON).build());
  }

  @Test
  void instantsAreKeptToTheMicrosecondTruncated() {
    AutoResponderSettings settings = away().activeFrom(NOON.plusNanos(1_999)).activeUntil(NOON.plusNanos(5_001)).build();

    assertThat(settings.activeFrom()).contains(NOON.plusNanos(1_000));
    assertThat(settings.activeUntil()).contains(NOON.plusNanos(5_000));
    assertThat(away().activeFrom(NOON.minusNanos(1)).build().activeFrom()).contains(NOON.minusNanos(1_000));
  }

  @Test
  void instantsOutsideYearsOneTo9999AreRefusedNamingTheField() {
    Instant first = Instant.parse("0001-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");

    assertInvalid("activeFrom", () -> away().activeFrom(first.minusNanos(1)).build());
    assertInvalid("activeFrom", () -> away().activeFrom(Instant.MIN).build());
    assertInvalid("activeUntil", () -> away().activeUntil(last.plusNanos(1_000)).build());
    assertInvalid("activeUntil", () -> away().activeUntil(Instant.MAX).build());
    assertInvalid("activeFrom", () -> away().activeFrom(Instant.MAX).build());
    assertInvalid("activeUntil", () -> away().activeUntil(Instant.EPOCH.minusSeconds(70_000_000_000L)).build());

    AutoResponderSettings widest = away().activeFrom(first).activeUntil(last.plusNanos(999)).build();
    assertThat(widest.activeFrom()).contains(first);
    assertThat(widest.activeUntil()).contains(last);
  }

  @Test
  void theIntervalIsKeptInWholeSeconds() {
    assertThat(away().replyInterval(Duration.ofDays(1).plusNanos(1)).build().replyInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(away().replyInterval(Duration.ofDays(2).plusMillis(1_500)).build().replyInterval())
        .isEqualTo(Duration.ofDays(2).plusSeconds(1));
    assertThat(away().replyInterval(Duration.ofDays(1).plusNanos(1)).build())
        .isEqualTo(away().replyInterval(Duration.ofDays(1)).build());
  }

  @Test
  void theIntervalIsCheckedAsGiven() {
    assertInvalid("replyInterval", () -> away().replyInterval(Duration.ofDays(1).minusNanos(1)).build());
    assertInvalid("replyInterval", () -> away().replyInterval(Duration.ofDays(365).plusNanos(1)).build());
  }

  @Test
  void isActiveAtNeedsAnInstant() {
    assertInvalid("now", () -> away().build().isActiveAt(null));
    assertInvalid("now", () -> AutoResponderSettings.disabled().isActiveAt(null));
  }

  private static AutoResponderSettings.Builder away() {
    return AutoResponderSettings.builder().enabled(true).subject("Away");
  }
}
