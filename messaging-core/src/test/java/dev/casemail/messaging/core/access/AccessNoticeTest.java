package dev.casemail.messaging.core.access;

import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.core.participant.Participant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessNoticeTest {

  private static final AccessLink ASKED_BY_MEDIATOR = request(MEDIATOR);
  private static final AccessLink ASKED_BY_MOTHER = request(MOTHER);

  @Test
  void aPractitionersRequestGoesToTheParentWhoMustAnswerIt() {
    AccessNotice notice = AccessNotice.of(ASKED_BY_MEDIATOR, MEDIATOR);

    assertThat(notice.recipient()).isEqualTo(MOTHER.id());
    assertThat(notice.subject()).isEqualTo("Access request from Mia Mediator");
    assertThat(notice.body()).startsWith("Mia Mediator asks for professional access to your account.");
  }

  @Test
  void aParentsRequestGoesToThePractitionerWhoMustAnswerIt() {
    AccessNotice notice = AccessNotice.of(ASKED_BY_MOTHER, MOTHER);

    assertThat(notice.recipient()).isEqualTo(MEDIATOR.id());
    assertThat(notice.subject()).isEqualTo("Access request from Maria Parent");
    assertThat(notice.body()).startsWith("Maria Parent asks you to connect with their account.");
  }

  @Test
  void anApprovalGoesBackToTheSideThatAsked() {
    AccessNotice notice = AccessNotice.of(ASKED_BY_MEDIATOR.approve(MOTHER.id(), NOW), MOTHER);

    assertThat(notice.recipient()).isEqualTo(MEDIATOR.id());
    assertThat(notice.subject()).isEqualTo("Access approved by Maria Parent");
    assertThat(notice.body()).contains("You can now message each other.");
  }

  @Test
  void aRefusalGoesBackToTheSideThatAskedAndSaysItMayAskAgain() {
    AccessNotice notice = AccessNotice.of(ASKED_BY_MOTHER.refuse(MEDIATOR.id(), NOW), MEDIATOR);

    assertThat(notice.recipient()).isEqualTo(MOTHER.id());
    assertThat(notice.subject()).isEqualTo("Access request refused by Mia Mediator");
    assertThat(notice.body()).contains("You may send a new request later.");
  }

  @Test
  void aBlockGoesBackToTheSideThatAskedAndSaysNoMoreRequestsAreAccepted() {
    AccessNotice notice = AccessNotice.of(ASKED_BY_MEDIATOR.block(MOTHER.id(), NOW), MOTHER);

    assertThat(notice.recipient()).isEqualTo(MEDIATOR.id());
    assertThat(notice.subject()).isEqualTo("Access request blocked by Maria Parent");
    assertThat(notice.body()).contains("does not accept further requests from you");
  }

  @Test
  void aWithdrawalGoesToTheSideThatWasAsked() {
    AccessNotice notice = AccessNotice.of(ASKED_BY_MOTHER.withdraw(MOTHER.id(), NOW), MOTHER);

    assertThat(notice.recipient()).isEqualTo(MEDIATOR.id());
    assertThat(notice.subject()).isEqualTo("Access request withdrawn by Maria Parent");
  }

  @Test
  void aRemovalGoesToTheOtherSideWhicheverSideRemoves() {
    AccessLink approved = ASKED_BY_MEDIATOR.approve(MOTHER.id(), NOW);

    AccessNotice byTheAsker = AccessNotice.of(approved.remove(MEDIATOR.id(), NOW), MEDIATOR);
    AccessNotice byTheAsked = AccessNotice.of(approved.remove(MOTHER.id(), NOW), MOTHER);

    assertThat(byTheAsker.recipient()).isEqualTo(MOTHER.id());
    assertThat(byTheAsker.subject()).isEqualTo("Access removed by Mia Mediator");
    assertThat(byTheAsked.recipient()).isEqualTo(MEDIATOR.id());
    assertThat(byTheAsked.body()).contains("the messages you exchanged stay in both mailboxes");
  }

  private static AccessLink request(Participant by) {
    return AccessLink.request(
        Optional.empty(), MEDIATOR.id(), MOTHER.id(), by.id(), NOW, RequestLimit.DEFAULT, List.of());
  }
}
