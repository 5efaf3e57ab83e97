package dev.casemail.messaging.core.access;

import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RequestLimitTest {

  private static final RequestLimit THREE_A_MONTH = new RequestLimit(3, Duration.ofDays(30));
  private static final Instant FIRST = NOW;
  /** Three requests, newest first, the oldest at {@link #FIRST}. */
  private static final List<Instant> THREE = List.of(FIRST.plus(Duration.ofDays(2)), FIRST.plus(Duration.ofDays(1)), FIRST);

  @Test
  void byDefaultARequesterAsksThreeTimesInThirtyDays() {
    assertThat(RequestLimit.DEFAULT).isEqualTo(THREE_A_MONTH);
  }

  @Test
  void fewerRequestsThanTheLimitNeverStopTheNextOne() {
    assertThatCode(() -> THREE_A_MONTH.check(MOTHER.id(), THREE.subList(0, 2), FIRST.plusSeconds(1)))
        .doesNotThrowAnyException();
  }

  @Test
  void theNextRequestIsRefusedUntilTheOldestCountedOneIsAPeriodOld() {
    Instant allowedAgain = FIRST.plus(Duration.ofDays(30));

    assertThatThrownBy(() -> THREE_A_MONTH.check(MOTHER.id(), THREE, allowedAgain.minusNanos(1)))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> {
          assertThat(e.limit()).isEqualTo("accessRequests");
          assertThat(e.retryAfter()).contains(allowedAgain);
          assertThat(e.getMessage()).contains("at most 3 access requests to mother per 30 days");
        });
    assertThatCode(() -> THREE_A_MONTH.check(MOTHER.id(), THREE, allowedAgain)).doesNotThrowAnyException();
  }

  @Test
  void requestsOlderThanTheLatestCountedOnesDoNotCount() {
    List<Instant> many = new ArrayList<>(THREE);
    many.add(FIRST.minusSeconds(1));
    many.add(FIRST.minusSeconds(2));

    assertThatThrownBy(() -> THREE_A_MONTH.check(MOTHER.id(), many, FIRST.plus(Duration.ofDays(29))))
        .isInstanceOfSatisfying(LimitExceededException.class,
            e -> assertThat(e.retryAfter()).contains(FIRST.plus(Duration.ofDays(30))));
  }

  @Test
  void theRefusalSaysThePeriodAsAPersonReadsIt() {
    RequestLimit daily = new RequestLimit(1, Duration.ofDays(1));
    RequestLimit ninetyMinutes = new RequestLimit(1, Duration.ofMinutes(90));

    assertThatThrownBy(() -> daily.check(MOTHER.id(), List.of(FIRST), FIRST)).hasMessageContaining(" per day;");
    assertThatThrownBy(() -> ninetyMinutes.check(MOTHER.id(), List.of(FIRST), FIRST)).hasMessageContaining(" per PT1H30M;");
  }

  @Test
  void aLimitAllowsOneToAThousandRequests() {
    assertThatCode(() -> new RequestLimit(1, Duration.ofDays(1))).doesNotThrowAnyException();
    assertThatCode(() -> new RequestLimit(1000, Duration.ofDays(1))).doesNotThrowAnyException();
    assertThatThrownBy(() -> new RequestLimit(0, Duration.ofDays(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("accessRequestLimit"));
    assertThatThrownBy(() -> new RequestLimit(1001, Duration.ofDays(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("accessRequestLimit"));
  }

  @Test
  void aLimitCountsInAPeriodOfOneMinuteTo3660Days() {
    assertThatCode(() -> new RequestLimit(3, Duration.ofMinutes(1))).doesNotThrowAnyException();
    assertThatCode(() -> new RequestLimit(3, Duration.ofDays(3660))).doesNotThrowAnyException();
    assertThatThrownBy(() -> new RequestLimit(3, Duration.ofMinutes(1).minusNanos(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("accessRequestPeriod"));
    assertThatThrownBy(() -> new RequestLimit(3, Duration.ofDays(3660).plusNanos(1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("accessRequestPeriod"));
  }

  @Property
  void aRequestIsRefusedExactlyWhileTheLimitsWorthOfRequestsFallsWithinThePeriodBeforeIt(
      @ForAll @IntRange(min = 1, max = 5) int requests,
      @ForAll @LongRange(min = 1, max = 100_000) long periodMinutes,
      @ForAll @Size(max = 8) List<@LongRange(min = 0, max = 200_000) Long> minutesBeforeNow,
      @ForAll @LongRange(min = 0, max = 200_000) long nowMinute) {
    RequestLimit limit = new RequestLimit(requests, Duration.ofMinutes(periodMinutes));
    Instant now = FIRST.plus(Duration.ofMinutes(nowMinute));
    List<Instant> latest = new ArrayList<>();
    minutesBeforeNow.forEach(m -> latest.add(now.minus(Duration.ofMinutes(m))));
    latest.sort(Comparator.reverseOrder());

    long inPeriod = latest.stream().limit(requests).filter(t -> now.isBefore(t.plus(limit.period()))).count();
    boolean refused = inPeriod == requests;

    if (refused) {
      Instant retryAfter = latest.get(requests - 1).plus(limit.period());
      assertThatThrownBy(() -> limit.check(MOTHER.id(), latest, now))
          .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.retryAfter()).contains(retryAfter));
      assertThatCode(() -> limit.check(MOTHER.id(), latest, retryAfter)).doesNotThrowAnyException();
    } else {
      assertThatCode(() -> limit.check(MOTHER.id(), latest, now)).doesNotThrowAnyException();
    }
  }
}
