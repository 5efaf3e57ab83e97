package dev.casemail.messaging.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCursorTest {

  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private static final EventCursor FRESH =
      new EventCursor(ParticipantId.of("anna"), 0, 3, Optional.empty(), Optional.empty(), 0, 0, Instant.EPOCH);

  @Test
  void aLeaseHoldsTheEventsAfterThePositionUpToWhereItWasTakenUntilItEnds() {
    EventCursor leased = FRESH.leasedTo("t", NOW.plusSeconds(60), 2, NOW);

    assertThat(leased.holds("t", 1, NOW)).isTrue();
    assertThat(leased.holds("t", 2, NOW.plusSeconds(59))).isTrue();
    assertThat(leased.holds("t", 3, NOW)).as("not leased").isFalse();
    assertThat(leased.holds("u", 1, NOW)).as("another lease").isFalse();
    assertThat(leased.holds("t", 1, NOW.plusSeconds(60))).as("ended").isFalse();
    assertThat(leased.leasableAt(NOW.plusSeconds(59))).isFalse();
    assertThat(leased.leasableAt(NOW.plusSeconds(60))).isTrue();
  }

  @Test
  void settlingAllItHoldsEndsTheLeaseAndSettlingPartKeepsTheRestHeld() {
    EventCursor leased = FRESH.leasedTo("t", NOW.plusSeconds(60), 2, NOW);

    EventCursor part = leased.settledThrough(1);
    assertThat(part.position()).isEqualTo(1);
    assertThat(part.holds("t", 2, NOW)).isTrue();
    assertThat(part.holds("t", 1, NOW)).isFalse();
    EventCursor all = part.settledThrough(2);
    assertThat(all.leaseToken()).isEmpty();
    assertThat(all.leasableAt(NOW)).as("#3 is pending").isTrue();
    assertThat(all.settledThrough(3).leasableAt(NOW)).as("nothing left").isFalse();
  }

  @Test
  void aFailureEndsTheLeaseCountsAndRestsTheMailbox() {
    EventCursor failed = FRESH.leasedTo("t", NOW.plusSeconds(60), 3, NOW).failed(NOW, Duration.ofSeconds(10));

    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.holds("t", 1, NOW)).isFalse();
    assertThat(failed.leasableAt(NOW.plusSeconds(9))).isFalse();
    assertThat(failed.leasableAt(NOW.plusSeconds(10))).isTrue();
    assertThat(failed.settledThrough(1).attempts()).as("the next event starts afresh").isZero();
    assertThat(FRESH.leasedTo("t", NOW.plusSeconds(60), 3, NOW).released().leasableAt(NOW)).isTrue();
  }
}
