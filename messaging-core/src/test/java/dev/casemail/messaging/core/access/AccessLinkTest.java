package dev.casemail.messaging.core.access;

import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLinkTest {

  static final ParticipantId PRACTITIONER = MEDIATOR.id();
  static final ParticipantId PARENT = MOTHER.id();
  static final ParticipantId STRANGER = ParticipantId.of("stranger");

  @Test
  void aFirstRequestByEitherSideStartsTheLinkAsRequestedByThatSide() {
    AccessLink byPractitioner = firstRequestBy(PRACTITIONER);
    AccessLink byParent = firstRequestBy(PARENT);

    assertThat(byPractitioner.status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(byPractitioner.requestedBy()).isEqualTo(PRACTITIONER);
    assertThat(byPractitioner.history()).containsExactly(event(AccessStatus.REQUESTED, PRACTITIONER, NOW));
    assertThat(byPractitioner.eventCount()).isEqualTo(1);
    assertThat(byParent.requestedBy()).isEqualTo(PARENT);
    assertThat(byParent.practitioner()).isEqualTo(PRACTITIONER);
    assertThat(byParent.parent()).isEqualTo(PARENT);
  }

  @Test
  void theAskedSideApprovesAndTheLinkRemembersWhoAsked() {
    AccessLink approved = firstRequestBy(PRACTITIONER).approve(PARENT, NOW.plusSeconds(60));

    assertThat(approved.status()).isEqualTo(AccessStatus.APPROVED);
    assertThat(approved.requestedBy()).isEqualTo(PRACTITIONER);
    assertThat(approved.lastEvent()).isEqualTo(event(AccessStatus.APPROVED, PARENT, NOW.plusSeconds(60)));
    assertThat(approved.history()).extracting(AccessEvent::status)
        .containsExactly(AccessStatus.REQUESTED, AccessStatus.APPROVED);
    assertThat(approved.eventCount()).isEqualTo(2);
  }

  @Test
  void nobodyAnswersTheirOwnRequest() {
    AccessLink requested = firstRequestBy(PARENT);

    assertThatThrownBy(() -> requested.approve(PARENT, NOW))
        .isInstanceOf(ConflictException.class).hasMessageContaining("your own request");
    assertThatThrownBy(() -> requested.block(PARENT, NOW)).isInstanceOf(ConflictException.class);
  }

  @Test
  void onlyTheSideThatAskedWithdraws() {
    AccessLink requested = firstRequestBy(PARENT);

    assertThatThrownBy(() -> requested.withdraw(PRACTITIONER, NOW))
        .isInstanceOf(ConflictException.class).hasMessageContaining("no pending request of yours");
    assertThat(requested.withdraw(PARENT, NOW).status()).isEqualTo(AccessStatus.WITHDRAWN);
  }

  @Test
  void eitherSideRemovesApprovedAccessAndTheLinkKeepsWhoHadAsked() {
    AccessLink approved = firstRequestBy(PRACTITIONER).approve(PARENT, NOW);

    assertThat(approved.remove(PRACTITIONER, NOW).status()).isEqualTo(AccessStatus.REMOVED);
    assertThat(approved.remove(PARENT, NOW).requestedBy()).isEqualTo(PRACTITIONER);
    assertThat(approved.remove(PARENT, NOW).lastEvent().actor()).isEqualTo(PARENT);
  }

  @Test
  void aBlockedRequesterIsDeniedAndTheDenialNamesTheBlocker() {
    AccessLink blocked = firstRequestBy(PRACTITIONER).block(PARENT, NOW);

    assertThatThrownBy(() -> request(blocked, PRACTITIONER, NOW.plus(Duration.ofDays(400))))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.participants()).containsExactly(PARENT));
  }

  @Test
  void theSideThatBlockedMayStillAskItself() {
    AccessLink blocked = firstRequestBy(PRACTITIONER).block(PARENT, NOW);

    AccessLink asked = request(blocked, PARENT, NOW.plusSeconds(1));

    assertThat(asked.status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(asked.requestedBy()).isEqualTo(PARENT);
    assertThat(asked.approve(PRACTITIONER, NOW.plusSeconds(2)).status()).isEqualTo(AccessStatus.APPROVED);
  }

  @Test
  void afterARefusalEitherSideMayAskAgain() {
    AccessLink refused = firstRequestBy(PRACTITIONER).refuse(PARENT, NOW);

    assertThat(request(refused, PRACTITIONER, NOW).requestedBy()).isEqualTo(PRACTITIONER);
    assertThat(request(refused, PARENT, NOW).requestedBy()).isEqualTo(PARENT);
  }

  @Test
  void aRefusedStepChangesNothing() {
    AccessLink approved = firstRequestBy(PRACTITIONER).approve(PARENT, NOW);
    AccessLink copy = new AccessLink(approved.practitioner(), approved.parent(), approved.status(),
        approved.requestedBy(), approved.history(), approved.eventCount());

    assertThatThrownBy(() -> approved.withdraw(PRACTITIONER, NOW)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> request(approved, PARENT, NOW)).isInstanceOf(ConflictException.class);

    assertThat(approved).isEqualTo(copy);
  }

  @Test
  void aRequestTooSoonAfterTheLimitIsRefusedWithWhenToTryAgain() {
    AccessLink refused = firstRequestBy(PRACTITIONER).refuse(PARENT, NOW);
    RequestLimit limit = new RequestLimit(2, Duration.ofDays(30));
    List<Instant> earlier = List.of(NOW, NOW.minus(Duration.ofDays(10)));

    assertThatThrownBy(() -> AccessLink.request(
            Optional.of(refused), PRACTITIONER, PARENT, PRACTITIONER, NOW.plusSeconds(1), limit, earlier))
        .isInstanceOfSatisfying(LimitExceededException.class,
            e -> assertThat(e.retryAfter()).contains(NOW.minus(Duration.ofDays(10)).plus(Duration.ofDays(30))));
  }

  @Test
  void aFirstRequestIsNeverLimited() {
    RequestLimit one = new RequestLimit(1, Duration.ofDays(30));

    AccessLink first = AccessLink.request(
        Optional.empty(), PRACTITIONER, PARENT, PRACTITIONER, NOW, one, List.of(NOW.minusSeconds(1)));

    assertThat(first.status()).isEqualTo(AccessStatus.REQUESTED);
  }

  @Test
  void aPendingRequestIsAConflictBeforeAnyLimitIsCounted() {
    AccessLink requested = firstRequestBy(PRACTITIONER);
    RequestLimit one = new RequestLimit(1, Duration.ofDays(30));

    assertThatThrownBy(() -> AccessLink.request(
            Optional.of(requested), PRACTITIONER, PARENT, PRACTITIONER, NOW, one, List.of(NOW)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already pending");
  }

  @Test
  void aStrangerTakesNoStepOnALinkThatIsNotTheirs() {
    AccessLink requested = firstRequestBy(PRACTITIONER);

    assertThatThrownBy(() -> requested.approve(STRANGER, NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> requested.withdraw(STRANGER, NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request(requested.refuse(PARENT, NOW), STRANGER, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLinkReadWithItsWholeHistoryKeepsOnlyTheLatestEventsAfterItsNextStep() {
    List<AccessEvent> thirty = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      AccessStatus status = i % 2 == 0 ? AccessStatus.REQUESTED : AccessStatus.REFUSED;
      thirty.add(event(status, i % 2 == 0 ? PRACTITIONER : PARENT, NOW.plusSeconds(i)));
    }
    AccessLink refused = new AccessLink(PRACTITIONER, PARENT, AccessStatus.REFUSED, PRACTITIONER, thirty, 30);

    AccessLink next = request(refused, PRACTITIONER, NOW.plusSeconds(30));

    assertThat(next.eventCount()).isEqualTo(31);
    assertThat(next.history()).hasSize(AccessLink.LATEST_EVENTS);
    assertThat(next.history().subList(0, AccessLink.LATEST_EVENTS - 1)).isEqualTo(thirty.subList(11, 30));
    assertThat(next.lastEvent()).isEqualTo(event(AccessStatus.REQUESTED, PRACTITIONER, NOW.plusSeconds(30)));
  }

  @Test
  void aLinkIsOnlyEverInTheStatusOfItsLastEventAndHasAtLeastTheEventsItHolds() {
    List<AccessEvent> requested = List.of(event(AccessStatus.REQUESTED, PRACTITIONER, NOW));

    assertThatThrownBy(() -> new AccessLink(PRACTITIONER, PARENT, AccessStatus.APPROVED, PRACTITIONER, requested, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessLink(PRACTITIONER, PARENT, AccessStatus.REQUESTED, PRACTITIONER, List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessLink(PRACTITIONER, PARENT, AccessStatus.REQUESTED, PRACTITIONER, requested, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachSideSeesTheOtherAsItsCounterpart() {
    AccessLink link = firstRequestBy(PARENT);

    assertThat(link.counterpartOf(PRACTITIONER)).isEqualTo(PARENT);
    assertThat(link.counterpartOf(PARENT)).isEqualTo(PRACTITIONER);
    assertThat(link.involves(PARENT)).isTrue();
    assertThat(link.involves(STRANGER)).isFalse();
  }

  static AccessLink firstRequestBy(ParticipantId requester) {
    return AccessLink.request(Optional.empty(), PRACTITIONER, PARENT, requester, NOW, RequestLimit.DEFAULT, List.of());
  }

  static AccessLink request(AccessLink existing, ParticipantId actor, Instant at) {
    return AccessLink.request(Optional.of(existing), PRACTITIONER, PARENT, actor, at, RequestLimit.DEFAULT, List.of());
  }

  static AccessEvent event(AccessStatus status, ParticipantId actor, Instant at) {
    return AccessEvent.builder().status(status).actor(actor).at(at).build();
  }
}
