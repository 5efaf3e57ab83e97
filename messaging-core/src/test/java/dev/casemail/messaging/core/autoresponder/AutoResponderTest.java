package dev.casemail.messaging.core.autoresponder;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AutoResponderTest {

  /** The mediator is away. */
  private static final ParticipantId OWNER = MEDIATOR.id();
  private static final Message FROM_MOTHER = Fixtures.personal(1, MOTHER, MEDIATOR);
  private static final AutoResponderState AWAY = state(settings().build(), 3);

  @Test
  void anActiveAutoResponderAnswersAFirstPersonalMessage() {
    assertThat(answers(FROM_MOTHER, Optional.of(AWAY), Optional.empty(), NOW)).isTrue();
  }

  @Test
  void noSettingsOrDisabledSettingsAnswerNothing() {
    AutoResponderState off = state(AutoResponderSettings.disabled(), 1);

    assertThat(answers(FROM_MOTHER, Optional.empty(), Optional.empty(), NOW)).isFalse();
    assertThat(answers(FROM_MOTHER, Optional.of(off), Optional.empty(), NOW)).isFalse();
  }

  @Test
  void anAutoReplyIsNeverAnsweredSoTwoAutoRespondersNeverPingPong() {
    assertThat(answers(Fixtures.autoReply(2, MOTHER, MEDIATOR), Optional.of(AWAY), Optional.empty(), NOW)).isFalse();
  }

  @Test
  void aSystemMessageIsNeverAnswered() {
    assertThat(answers(Fixtures.actionItem(3, MEDIATOR), Optional.of(AWAY), Optional.empty(), NOW)).isFalse();
    assertThat(answers(Fixtures.notification(4, MEDIATOR), Optional.of(AWAY), Optional.empty(), NOW)).isFalse();
  }

  @Test
  void theOwnerIsNeverAnswered() {
    Message own = Fixtures.personal(5, MEDIATOR, MOTHER);

    assertThat(answers(own, Optional.of(AWAY), Optional.empty(), NOW)).isFalse();
  }

  @Test
  void aSenderIsAnsweredOncePerIntervalAndAgainWhenItHasPassed() {
    Instant replied = NOW.minus(Duration.ofDays(2));
    AutoReplyRecord last = new AutoReplyRecord(OWNER, MOTHER.id(), replied, AWAY.version());
    Instant intervalPassed = replied.plus(AutoResponderSettings.DEFAULT_REPLY_INTERVAL);

    assertThat(answers(FROM_MOTHER, Optional.of(AWAY), Optional.of(last), NOW)).isFalse();
    assertThat(answers(FROM_MOTHER, Optional.of(AWAY), Optional.of(last), intervalPassed.minusNanos(1))).isFalse();
    assertThat(answers(FROM_MOTHER, Optional.of(AWAY), Optional.of(last), intervalPassed)).isTrue();
  }

  @Test
  void newSettingsStartAfreshForEverySender() {
    AutoReplyRecord underOldSettings = new AutoReplyRecord(OWNER, MOTHER.id(), NOW.minusSeconds(60), AWAY.version() - 1);

    assertThat(answers(FROM_MOTHER, Optional.of(AWAY), Optional.of(underOldSettings), NOW)).isTrue();
  }

  @Test
  void theWindowOpensAtItsStartInclusiveAndClosesAtItsEndExclusive() {
    Instant from = NOW;
    Instant until = NOW.plus(Duration.ofDays(14));
    AutoResponderState holiday = state(settings().activeFrom(from).activeUntil(until).build(), 1);

    assertThat(answers(FROM_MOTHER, Optional.of(holiday), Optional.empty(), from.minusNanos(1))).isFalse();
    assertThat(answers(FROM_MOTHER, Optional.of(holiday), Optional.empty(), from)).isTrue();
    assertThat(answers(FROM_MOTHER, Optional.of(holiday), Optional.empty(), until.minusNanos(1))).isTrue();
    assertThat(answers(FROM_MOTHER, Optional.of(holiday), Optional.empty(), until)).isFalse();
  }

  @Test
  void aMessageToSeveralIsAnsweredOnlyToItsSender() {
    Message toBoth = Fixtures.personal(6, FATHER, MEDIATOR, MOTHER);

    assertThat(answers(toBoth, Optional.of(AWAY), Optional.empty(), NOW)).isTrue();
  }

  @Property
  void underTheSameSettingsASenderIsAnsweredExactlyWhenAnIntervalHasPassedSinceTheLastAnswer(
      @ForAll @IntRange(min = 1, max = 365) int intervalDays,
      @ForAll @LongRange(min = -10, max = 400 * 24 * 60) long minutesSinceLastAnswer) {
    AutoResponderState state = state(settings().replyInterval(Duration.ofDays(intervalDays)).build(), 5);
    Instant now = NOW.plus(Duration.ofDays(500));
    Instant last = now.minus(Duration.ofMinutes(minutesSinceLastAnswer));
    AutoReplyRecord record = new AutoReplyRecord(OWNER, MOTHER.id(), last, 5);

    boolean answered = answers(FROM_MOTHER, Optional.of(state), Optional.of(record), now);

    assertThat(answered).isEqualTo(minutesSinceLastAnswer >= Duration.ofDays(intervalDays).toMinutes());
  }

  private static boolean answers(
      Message incoming, Optional<AutoResponderState> state, Optional<AutoReplyRecord> last, Instant now) {
    return AutoResponder.shouldAnswer(OWNER, incoming, state, last, now);
  }

  private static AutoResponderSettings.Builder settings() {
    return AutoResponderSettings.builder().enabled(true).subject("Away until Monday").body("I am on leave.");
  }

  private static AutoResponderState state(AutoResponderSettings settings, long version) {
    return new AutoResponderState(settings, version, NOW.minus(Duration.ofDays(30)));
  }
}
