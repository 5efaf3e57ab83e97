package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.AccessStep.APPROVE;
import static dev.casemail.messaging.contract.AccessStep.BLOCK;
import static dev.casemail.messaging.contract.AccessStep.REFUSE;
import static dev.casemail.messaging.contract.AccessStep.REMOVE;
import static dev.casemail.messaging.contract.AccessStep.REQUEST;
import static dev.casemail.messaging.contract.AccessStep.WITHDRAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.CaseMember;
import dev.casemail.messaging.api.CaseView;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecipientGroup;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Professional access between a practitioner and a parent: its lifecycle in both directions, the
 * action items every step posts, what access allows (and never allows: the co-parent), what removing
 * it ends (new messages) and keeps (history), and the views built on it: access links, My Cases and
 * the recipient chooser.
 */
public interface AccessContract extends MessagingFixture {

  Duration MINUTE = Duration.ofMinutes(1);

  // ---------------------------------------------------------------- requesting

  @Test
  default void aPractitionersRequestIsPendingAndGoesToTheParentsActionItems() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");

    AccessLinkView link = world.as(lee).requestAccess(anna);

    assertThat(link.practitioner().id()).isEqualTo(lee);
    assertThat(link.parent().id()).isEqualTo(anna);
    assertThat(link.status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(link.requestedBy()).isEqualTo(lee);
    assertThat(link.history()).containsExactly(event(AccessStatus.REQUESTED, lee, World.START));
    assertThat(link.counterpartOf(lee).id()).isEqualTo(anna);
    assertOneActionItem(world, anna, "Practitioner lee");
    assertThat(world.list(lee, SystemFolder.ACTION_ITEMS)).isEmpty();
  }

  @Test
  default void aParentsRequestIsPendingAndGoesToThePractitionersActionItems() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");

    AccessLinkView link = world.as(anna).requestAccess(lee);

    assertThat(link.practitioner().id()).isEqualTo(lee);
    assertThat(link.parent().id()).isEqualTo(anna);
    assertThat(link.status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(link.requestedBy()).isEqualTo(anna);
    assertThat(link.history()).containsExactly(event(AccessStatus.REQUESTED, anna, World.START));
    assertOneActionItem(world, lee, "Parent anna");
    assertThat(world.list(anna, SystemFolder.ACTION_ITEMS)).isEmpty();
  }

  @Test
  default void aPendingRequestDoesNotYetAllowMessaging() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);

    ParticipantId[] everyone = {lee, anna};
    assertDenied(world, everyone, () -> world.send(lee, "Hello", "", anna), anna);
    assertDenied(world, everyone, () -> world.send(anna, "Hello", "", lee), lee);
    assertThat(world.as(lee).recipients()).isEmpty();
  }

  @Test
  default void theTimeOfAStepIsTheClockTruncatedToMicroseconds() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.clock.set(Instant.parse("2026-02-03T04:05:06.123456789Z"));

    AccessLinkView link = world.as(lee).requestAccess(anna);

    Instant expected = Instant.parse("2026-02-03T04:05:06.123456Z");
    assertThat(link.history()).extracting(AccessEvent::at).containsExactly(expected);
    assertThat(world.as(anna).accessLinks()).singleElement()
        .satisfies(l -> assertThat(l.history()).extracting(AccessEvent::at).containsExactly(expected));
  }

  // ---------------------------------------------------------------- answering, both directions

  @Test
  default void theParentApprovesAPractitionersRequestAndThePractitionerIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.clock.advance(MINUTE);

    AccessLinkView link = world.as(anna).approveAccess(lee);

    assertThat(link.status()).isEqualTo(AccessStatus.APPROVED);
    assertThat(link.requestedBy()).isEqualTo(lee);
    assertThat(link.history()).containsExactly(
        event(AccessStatus.REQUESTED, lee, World.START),
        event(AccessStatus.APPROVED, anna, World.START.plus(MINUTE)));
    assertOneActionItem(world, lee, "Parent anna");
    assertThat(world.list(anna, SystemFolder.ACTION_ITEMS)).hasSize(1);
    assertThat(world.send(lee, "Hearing", "Monday", anna).recipients()).extracting(ParticipantView::id)
        .containsExactly(anna);
    assertThat(world.send(anna, "Re hearing", "Fine", lee).recipients()).extracting(ParticipantView::id)
        .containsExactly(lee);
  }

  @Test
  default void thePractitionerApprovesAParentsRequestAndTheParentIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(anna).requestAccess(lee);
    world.clock.advance(MINUTE);

    AccessLinkView link = world.as(lee).approveAccess(anna);

    assertThat(link.status()).isEqualTo(AccessStatus.APPROVED);
    assertThat(link.requestedBy()).isEqualTo(anna);
    assertThat(link.history()).containsExactly(
        event(AccessStatus.REQUESTED, anna, World.START),
        event(AccessStatus.APPROVED, lee, World.START.plus(MINUTE)));
    assertOneActionItem(world, anna, "Practitioner lee");
    assertThat(world.send(anna, "Question", "About Monday", lee).recipients()).extracting(ParticipantView::id)
        .containsExactly(lee);
  }

  @Test
  default void theParentRefusesAPractitionersRequestAndThePractitionerIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.clock.advance(MINUTE);

    AccessLinkView link = world.as(anna).refuseAccess(lee);

    assertThat(link.status()).isEqualTo(AccessStatus.REFUSED);
    assertThat(link.history()).containsExactly(
        event(AccessStatus.REQUESTED, lee, World.START),
        event(AccessStatus.REFUSED, anna, World.START.plus(MINUTE)));
    assertOneActionItem(world, lee, "Parent anna");
    ParticipantId[] everyone = {lee, anna};
    assertDenied(world, everyone, () -> world.send(lee, "Hello", "", anna), anna);
  }

  @Test
  default void thePractitionerRefusesAParentsRequestAndTheParentIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(anna).requestAccess(lee);

    AccessLinkView link = world.as(lee).refuseAccess(anna);

    assertThat(link.status()).isEqualTo(AccessStatus.REFUSED);
    assertThat(link.history()).extracting(AccessEvent::status, AccessEvent::actor)
        .containsExactly(tuple(AccessStatus.REQUESTED, anna), tuple(AccessStatus.REFUSED, lee));
    assertOneActionItem(world, anna, "Practitioner lee");
    ParticipantId[] everyone = {lee, anna};
    assertDenied(world, everyone, () -> world.send(anna, "Hello", "", lee), lee);
  }

  @Test
  default void theParentBlocksAPractitionerWhoMayThenNotAskAgain() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);

    AccessLinkView link = world.as(anna).blockAccess(lee);

    assertThat(link.status()).isEqualTo(AccessStatus.BLOCKED);
    assertThat(link.history()).extracting(AccessEvent::status, AccessEvent::actor)
        .containsExactly(tuple(AccessStatus.REQUESTED, lee), tuple(AccessStatus.BLOCKED, anna));
    assertOneActionItem(world, lee, "Parent anna");
    AccessDeniedException denied = assertRefused(world, AccessDeniedException.class,
        () -> world.as(lee).requestAccess(anna), lee, anna);
    assertThat(denied.participants()).containsExactly(anna);
    ParticipantId[] everyone = {lee, anna};
    assertDenied(world, everyone, () -> world.send(lee, "Please", "", anna), anna);
  }

  @Test
  default void thePractitionerBlocksAParentWhoMayThenNotAskAgain() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(anna).requestAccess(lee);

    AccessLinkView link = world.as(lee).blockAccess(anna);

    assertThat(link.status()).isEqualTo(AccessStatus.BLOCKED);
    assertOneActionItem(world, anna, "Practitioner lee");
    AccessDeniedException denied = assertRefused(world, AccessDeniedException.class,
        () -> world.as(anna).requestAccess(lee), lee, anna);
    assertThat(denied.participants()).containsExactly(lee);
  }

  @Test
  default void theSideThatBlockedMayStillAskAndTheBlockedSideMayApprove() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.as(anna).blockAccess(lee);

    AccessLinkView asked = world.as(anna).requestAccess(lee);
    AccessLinkView approved = world.as(lee).approveAccess(anna);

    assertThat(asked.status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(asked.requestedBy()).isEqualTo(anna);
    assertThat(approved.status()).isEqualTo(AccessStatus.APPROVED);
    assertThat(approved.history()).extracting(AccessEvent::status, AccessEvent::actor).containsExactly(
        tuple(AccessStatus.REQUESTED, lee),
        tuple(AccessStatus.BLOCKED, anna),
        tuple(AccessStatus.REQUESTED, anna),
        tuple(AccessStatus.APPROVED, lee));
    assertThat(world.send(lee, "Thanks", "", anna).recipients()).hasSize(1);
  }

  // ---------------------------------------------------------------- withdrawing and removing

  @Test
  default void theRequesterWithdrawsAndTheOtherSideIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.clock.advance(MINUTE);

    AccessLinkView link = world.as(lee).withdrawAccessRequest(anna);

    assertThat(link.status()).isEqualTo(AccessStatus.WITHDRAWN);
    assertThat(link.history()).containsExactly(
        event(AccessStatus.REQUESTED, lee, World.START),
        event(AccessStatus.WITHDRAWN, lee, World.START.plus(MINUTE)));
    List<MessageSummary> items = world.list(anna, SystemFolder.ACTION_ITEMS);
    assertThat(items).hasSize(2).allSatisfy(item -> assertThat(item.kind()).isEqualTo(MessageKind.ACTION_ITEM));
    assertThat(items.get(0).subject()).contains("Practitioner lee");
    assertThat(world.folder(anna, SystemFolder.ACTION_ITEMS).unread()).isEqualTo(2);
    assertThat(world.list(lee, SystemFolder.ACTION_ITEMS)).isEmpty();
  }

  @Test
  default void aParentWithdrawsTheirOwnRequestAndThePractitionerIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(anna).requestAccess(lee);

    AccessLinkView link = world.as(anna).withdrawAccessRequest(lee);

    assertThat(link.status()).isEqualTo(AccessStatus.WITHDRAWN);
    assertThat(world.folder(lee, SystemFolder.ACTION_ITEMS).total()).isEqualTo(2);
    assertThat(world.folder(anna, SystemFolder.ACTION_ITEMS).total()).isZero();
  }

  @Test
  default void onlyTheRequesterMayWithdraw() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);

    assertRefused(world, ConflictException.class, () -> world.as(anna).withdrawAccessRequest(lee), lee, anna);

    assertThat(world.as(lee).accessLinks()).singleElement()
        .satisfies(link -> assertThat(link.status()).isEqualTo(AccessStatus.REQUESTED));
  }

  @Test
  default void thePractitionerRemovesApprovedAccessAndTheParentIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    world.clock.advance(MINUTE);

    AccessLinkView link = world.as(lee).removeAccess(anna);

    assertThat(link.status()).isEqualTo(AccessStatus.REMOVED);
    assertThat(link.history()).extracting(AccessEvent::status, AccessEvent::actor).containsExactly(
        tuple(AccessStatus.REQUESTED, lee), tuple(AccessStatus.APPROVED, anna), tuple(AccessStatus.REMOVED, lee));
    assertThat(link.history().get(2).at()).isEqualTo(World.START.plus(MINUTE));
    assertThat(world.folder(anna, SystemFolder.ACTION_ITEMS).total()).isEqualTo(2);
    assertThat(world.list(anna, SystemFolder.ACTION_ITEMS).get(0).subject()).contains("Practitioner lee");
    assertThat(world.folder(lee, SystemFolder.ACTION_ITEMS).total()).isEqualTo(1);
  }

  @Test
  default void theParentRemovesApprovedAccessAndThePractitionerIsTold() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);

    AccessLinkView link = world.as(anna).removeAccess(lee);

    assertThat(link.status()).isEqualTo(AccessStatus.REMOVED);
    assertThat(link.history()).last().isEqualTo(event(AccessStatus.REMOVED, anna, World.START));
    assertThat(world.folder(lee, SystemFolder.ACTION_ITEMS).total()).isEqualTo(2);
    assertThat(world.list(lee, SystemFolder.ACTION_ITEMS).get(0).subject()).contains("Parent anna");
    assertThat(world.folder(anna, SystemFolder.ACTION_ITEMS).total()).isEqualTo(1);
    ParticipantId[] everyone = {lee, anna};
    assertDenied(world, everyone, () -> world.send(lee, "Hello", "", anna), anna);
  }

  // ---------------------------------------------------------------- asking again, history

  @Test
  default void eitherSideMayAskAgainAfterARefusalAndTheHistoryKeepsEveryStep() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.clock.advance(MINUTE);
    world.as(anna).refuseAccess(lee);
    world.clock.advance(MINUTE);
    world.as(lee).requestAccess(anna);
    world.clock.advance(MINUTE);
    world.as(anna).refuseAccess(lee);
    world.clock.advance(MINUTE);

    AccessLinkView link = world.as(anna).requestAccess(lee);

    assertThat(link.status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(link.requestedBy()).isEqualTo(anna);
    assertThat(link.history()).containsExactly(
        event(AccessStatus.REQUESTED, lee, World.START),
        event(AccessStatus.REFUSED, anna, World.START.plus(MINUTE)),
        event(AccessStatus.REQUESTED, lee, World.START.plus(MINUTE.multipliedBy(2))),
        event(AccessStatus.REFUSED, anna, World.START.plus(MINUTE.multipliedBy(3))),
        event(AccessStatus.REQUESTED, anna, World.START.plus(MINUTE.multipliedBy(4))));
    assertThat(world.as(lee).accessLinks()).containsExactly(link);
    assertThat(world.as(anna).accessLinks()).containsExactly(link);
  }

  @Test
  default void eitherSideMayAskAgainAfterAWithdrawal() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.as(lee).withdrawAccessRequest(anna);
    world.as(lee).requestAccess(anna);
    world.as(lee).withdrawAccessRequest(anna);

    AccessLinkView link = world.as(anna).requestAccess(lee);
    AccessLinkView approved = world.as(lee).approveAccess(anna);

    assertThat(link.requestedBy()).isEqualTo(anna);
    assertThat(approved.history()).extracting(AccessEvent::status).containsExactly(
        AccessStatus.REQUESTED, AccessStatus.WITHDRAWN, AccessStatus.REQUESTED, AccessStatus.WITHDRAWN,
        AccessStatus.REQUESTED, AccessStatus.APPROVED);
    assertThat(world.send(anna, "Hello", "", lee).recipients()).hasSize(1);
  }

  @Test
  default void eitherSideMayAskAgainAfterARemovalAndMessagingResumesWithTheOldHistoryKept() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageView before = world.send(lee, "Before", "first", anna);
    world.as(anna).removeAccess(lee);

    world.as(anna).requestAccess(lee);
    AccessLinkView link = world.as(lee).approveAccess(anna);
    MessageView after = world.send(lee, "After", "second", anna);

    assertThat(link.history()).extracting(AccessEvent::status, AccessEvent::actor).containsExactly(
        tuple(AccessStatus.REQUESTED, lee), tuple(AccessStatus.APPROVED, anna), tuple(AccessStatus.REMOVED, anna),
        tuple(AccessStatus.REQUESTED, anna), tuple(AccessStatus.APPROVED, lee));
    assertThat(ids(world.list(anna, SystemFolder.ALL_MESSAGES))).containsExactlyInAnyOrder(before.id(), after.id());
    assertThat(ids(world.list(lee, SystemFolder.SENT))).containsExactlyInAnyOrder(before.id(), after.id());
  }

  // ---------------------------------------------------------------- every other step is refused

  @Test
  default void whileARequestIsPendingNoOtherStepIsAllowed() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);

    for (AccessStep step : List.of(REQUEST, APPROVE, REFUSE, BLOCK, REMOVE)) {
      assertRefused(world, ConflictException.class, () -> step.take(world.as(lee), anna), lee, anna);
    }
    for (AccessStep step : List.of(REQUEST, WITHDRAW, REMOVE)) {
      assertRefused(world, ConflictException.class, () -> step.take(world.as(anna), lee), lee, anna);
    }
    assertStatus(world, lee, anna, AccessStatus.REQUESTED);
  }

  @Test
  default void whileAccessIsApprovedOnlyRemovalIsAllowed() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);

    for (AccessStep step : List.of(REQUEST, APPROVE, REFUSE, BLOCK, WITHDRAW)) {
      assertRefused(world, ConflictException.class, () -> step.take(world.as(lee), anna), lee, anna);
      assertRefused(world, ConflictException.class, () -> step.take(world.as(anna), lee), lee, anna);
    }
    assertStatus(world, lee, anna, AccessStatus.APPROVED);
  }

  @Test
  default void afterARefusalOnlyANewRequestIsAllowed() {
    assertOnlyANewRequestIsAllowedAfter(AccessStatus.REFUSED, (world, sides) -> {
      world.as(sides.get(0)).requestAccess(sides.get(1));
      world.as(sides.get(1)).refuseAccess(sides.get(0));
    });
  }

  @Test
  default void afterAWithdrawalOnlyANewRequestIsAllowed() {
    assertOnlyANewRequestIsAllowedAfter(AccessStatus.WITHDRAWN, (world, sides) -> {
      world.as(sides.get(1)).requestAccess(sides.get(0));
      world.as(sides.get(1)).withdrawAccessRequest(sides.get(0));
    });
  }

  @Test
  default void afterARemovalOnlyANewRequestIsAllowed() {
    assertOnlyANewRequestIsAllowedAfter(AccessStatus.REMOVED, (world, sides) -> {
      world.grant(sides.get(0), sides.get(1));
      world.as(sides.get(1)).removeAccess(sides.get(0));
    });
  }

  @Test
  default void afterABlockOnlyTheSideThatBlockedMayAct() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.as(anna).blockAccess(lee);

    assertRefused(world, AccessDeniedException.class, () -> world.as(lee).requestAccess(anna), lee, anna);
    for (AccessStep step : List.of(APPROVE, REFUSE, BLOCK, WITHDRAW, REMOVE)) {
      assertRefused(world, ConflictException.class, () -> step.take(world.as(lee), anna), lee, anna);
      assertRefused(world, ConflictException.class, () -> step.take(world.as(anna), lee), lee, anna);
    }
    assertStatus(world, lee, anna, AccessStatus.BLOCKED);
  }

  @Test
  default void answeringWithdrawingOrRemovingWithoutAnyLinkIsNotFound() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");

    for (AccessStep step : List.of(APPROVE, REFUSE, BLOCK, WITHDRAW, REMOVE)) {
      NotFoundException byPractitioner =
          assertRefused(world, NotFoundException.class, () -> step.take(world.as(lee), anna), lee, anna);
      NotFoundException byParent =
          assertRefused(world, NotFoundException.class, () -> step.take(world.as(anna), lee), lee, anna);
      assertThat(byPractitioner.id()).isEqualTo("anna");
      assertThat(byParent.id()).isEqualTo("lee");
    }
    assertThat(world.as(lee).accessLinks()).isEmpty();
    assertThat(world.as(anna).accessLinks()).isEmpty();
  }

  @Test
  default void accessLinksOnlyJoinAPractitionerAndAParent() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId kim = world.practitioner("kim");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");

    // a counterpart of the actor's own role is refused exactly like one who is not registered
    assertNotFoundRefused(world, "parent", "kim", () -> world.as(lee).requestAccess(kim), lee, kim, anna, ben);
    assertNotFoundRefused(world, "practitioner", "ben", () -> world.as(anna).requestAccess(ben), lee, kim, anna, ben);
    for (AccessStep step : List.of(APPROVE, REFUSE, BLOCK, WITHDRAW, REMOVE)) {
      assertNotFoundRefused(world, "access link with", "kim", () -> step.take(world.as(lee), kim), lee, kim, anna, ben);
      assertNotFoundRefused(world, "access link with", "ben", () -> step.take(world.as(anna), ben), lee, kim, anna, ben);
      assertNotFoundRefused(world, "access link with", "lee", () -> step.take(world.as(lee), lee), lee, kim, anna, ben);
      assertNotFoundRefused(world, "access link with", "anna", () -> step.take(world.as(anna), anna), lee, kim, anna, ben);
    }
    assertInvalidRefused(world, "counterpart", () -> world.as(lee).requestAccess(lee), lee, kim, anna, ben);
    assertInvalidRefused(world, "counterpart", () -> world.as(anna).requestAccess(anna), lee, kim, anna, ben);
    assertThat(world.as(lee).accessLinks()).isEmpty();
  }

  @Test
  default void anUnknownIdARoleMismatchAndNoLinkAreRefusedAlike() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId kim = world.practitioner("kim");
    ParticipantId anna = world.parent("anna");
    ParticipantId ghost = ParticipantId.of("ghost");

    for (AccessStep step : List.of(APPROVE, REFUSE, BLOCK, WITHDRAW, REMOVE)) {
      List<String> messages = new ArrayList<>();
      for (ParticipantId probe : List.of(anna, kim, ghost)) {
        NotFoundException e = assertRefused(world, NotFoundException.class, () -> step.take(world.as(lee), probe), lee, anna);
        assertThat(e.kind()).isEqualTo("access link with");
        assertThat(e.id()).isEqualTo(probe.value());
        messages.add(e.getMessage().replace(probe.value(), "<id>"));
      }
      assertThat(messages).as("one message shape for a parent without a link, a practitioner and an unknown id")
          .containsOnly(messages.get(0));
    }
    List<String> requests = new ArrayList<>();
    for (ParticipantId probe : List.of(kim, ghost)) {
      NotFoundException e = assertRefused(world, NotFoundException.class, () -> world.as(lee).requestAccess(probe), lee, anna);
      assertThat(e.kind()).isEqualTo("parent");
      requests.add(e.getMessage().replace(probe.value(), "<id>"));
    }
    assertThat(requests).containsOnly(requests.get(0));
  }

  @Test
  default void aMissingCounterpartIsInvalidInputNamingTheArgument() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");

    assertInvalidRefused(world, "counterpart", () -> world.as(lee).requestAccess(null), lee, anna);
    assertInvalidRefused(world, "requester", () -> world.as(lee).approveAccess(null), lee, anna);
    assertInvalidRefused(world, "requester", () -> world.as(lee).refuseAccess(null), lee, anna);
    assertInvalidRefused(world, "requester", () -> world.as(lee).blockAccess(null), lee, anna);
    assertInvalidRefused(world, "counterpart", () -> world.as(lee).withdrawAccessRequest(null), lee, anna);
    assertInvalidRefused(world, "counterpart", () -> world.as(lee).removeAccess(null), lee, anna);
  }

  // ---------------------------------------------------------------- unknown participants

  @Test
  default void actingOnAParticipantWhoDoesNotExistIsNotFound() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ghost = ParticipantId.of("ghost");

    for (AccessStep step : AccessStep.values()) {
      for (ParticipantId actor : List.of(lee, anna)) {
        NotFoundException e =
            assertRefused(world, NotFoundException.class, () -> step.take(world.as(actor), ghost), lee, anna);
        String kind = step != REQUEST ? "access link with" : actor.equals(lee) ? "parent" : "practitioner";
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.id()).isEqualTo("ghost");
      }
    }
  }

  @Test
  default void anUnregisteredActorIsNotFoundWhateverTheyDo() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.family("f", anna);
    world.grant(lee, anna);
    ParticipantId ghost = ParticipantId.of("ghost");
    var asGhost = world.messaging.actingAs(ghost);
    Map<ParticipantId, Object> before = world.snapshot(lee, anna);

    List<ThrowingCallable> calls = List.of(
        asGhost::me,
        asGhost::accessLinks,
        asGhost::cases,
        asGhost::recipients,
        asGhost::folders,
        asGhost::autoResponder,
        () -> asGhost.folder(SystemFolder.INBOX.id(), PageRequest.first()),
        () -> asGhost.drafts(PageRequest.first()),
        () -> asGhost.send(NewMessage.builder().addRecipients(anna).subject("Hi").build()),
        () -> asGhost.requestAccess(anna),
        () -> asGhost.requestAccess(lee),
        () -> asGhost.approveAccess(lee),
        () -> asGhost.refuseAccess(anna),
        () -> asGhost.blockAccess(anna),
        () -> asGhost.withdrawAccessRequest(lee),
        () -> asGhost.removeAccess(anna));
    for (ThrowingCallable call : calls) {
      NotFoundException e = catchThrowableOfType(NotFoundException.class, call);
      assertThat(e).as("the call refused as not found").isNotNull();
      assertThat(e.kind()).isEqualTo("participant");
      assertThat(e.id()).isEqualTo("ghost");
    }
    assertThat(world.snapshot(lee, anna)).isEqualTo(before);
    assertThat(asGhost.participant()).isEqualTo(ghost);
  }

  @Test
  default void sendingToAParticipantWhoDoesNotExistIsDeniedWithoutTellingWhetherTheyExist() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.grant(lee, anna);

    ParticipantId[] everyone = {lee, anna, ben};
    assertDenied(world, everyone, () -> world.send(lee, "Hi", "", anna, ParticipantId.of("ghost"), ben),
        ParticipantId.of("ghost"), ben);
  }

  // ---------------------------------------------------------------- access never reaches the co-parent

  @Test
  default void accessToOneParentNeverReachesTheCoParent() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("f", anna, ben);
    world.grant(lee, anna);

    ParticipantId[] everyone = {lee, anna, ben};
    assertDenied(world, everyone, () -> world.send(lee, "Hi", "", ben), ben);
    assertDenied(world, everyone, () -> world.send(lee, "Hi", "", anna, ben), ben);
    assertDenied(world, everyone, () -> world.send(ben, "Hi", "", lee), lee);
    assertDenied(world, everyone, () -> world.send(ben, "Hi", "", anna, lee), lee);
    assertThat(world.as(ben).accessLinks()).isEmpty();
    assertThat(world.list(ben, SystemFolder.ACTION_ITEMS)).isEmpty();
    assertThat(recipientIds(world, lee)).containsExactly(anna);
    assertThat(recipientIds(world, ben)).containsExactly(anna);
  }

  @Test
  default void replyingToAllCannotReachACoParentWithoutAccess() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("f", anna, ben);
    world.grant(lee, anna);
    MessageView question = world.send(anna, "Schedule", "Can we all meet?", lee, ben);

    ParticipantId[] everyone = {lee, anna, ben};
    assertDenied(world, everyone, () -> world.as(lee).replyAll(Reply.to(question.id(), "Only with Anna")), ben);
    MessageView reply = world.as(lee).reply(Reply.to(question.id(), "Only with Anna"));

    assertThat(reply.recipients()).extracting(ParticipantView::id).containsExactly(anna);
    assertThat(world.list(ben, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(question.id());
  }

  @Test
  default void aPractitionerConnectedToOneParentMayAskTheOtherParent() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    FamilyId family = world.family("f", anna, ben);
    world.grant(lee, anna);

    assertThat(world.as(lee).cases()).singleElement().satisfies(c -> {
      assertThat(c.family()).isEqualTo(family);
      assertThat(c.members()).extracting(m -> m.parent().id(), CaseMember::access).containsExactly(
          tuple(anna, Optional.of(AccessStatus.APPROVED)), tuple(ben, Optional.empty()));
    });
    AccessLinkView link = world.as(lee).requestAccess(ben);
    world.as(ben).approveAccess(lee);

    assertThat(link.status()).isEqualTo(AccessStatus.REQUESTED);
    assertOneActionItemFirst(world, ben, "Practitioner lee");
    assertThat(world.send(lee, "Both of you", "Meeting", anna, ben).recipients()).extracting(ParticipantView::id)
        .containsExactly(anna, ben);
    assertThat(world.as(lee).accessLinks()).extracting(l -> l.parent().id(), AccessLinkView::status)
        .containsExactly(tuple(anna, AccessStatus.APPROVED), tuple(ben, AccessStatus.APPROVED));
  }

  @Test
  default void parentsWhoShareAFamilyMayMessageEachOtherButNobodyElse() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carla = world.parent("carla");
    ParticipantId lee = world.practitioner("lee");
    ParticipantId kim = world.practitioner("kim");
    world.family("f", anna, ben);
    world.family("g", carla);
    world.grant(lee, anna);
    world.grant(kim, anna);

    assertThat(world.send(anna, "Pick-up", "", ben).recipients()).extracting(ParticipantView::id).containsExactly(ben);
    assertThat(world.send(ben, "Re", "", anna).recipients()).extracting(ParticipantView::id).containsExactly(anna);
    ParticipantId[] everyone = {anna, ben, carla, lee, kim};
    assertDenied(world, everyone, () -> world.send(anna, "Hi", "", carla), carla);
    assertDenied(world, everyone, () -> world.send(carla, "Hi", "", anna, ben), anna, ben);
    assertDenied(world, everyone, () -> world.send(lee, "Colleague", "", kim), kim);
  }

  // ---------------------------------------------------------------- removal ends messaging, keeps history

  @Test
  default void removingAccessEndsNewMessagesAndRepliesButKeepsTheHistoryInBothMailboxes() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageView question = world.send(lee, "Hearing", "Are you available Monday?", anna);
    MessageView answer = world.as(anna).reply(Reply.to(question.id(), "Yes"));
    world.as(lee).removeAccess(anna);

    ParticipantId[] everyone = {lee, anna};
    assertDenied(world, everyone, () -> world.send(lee, "Again", "", anna), anna);
    assertDenied(world, everyone, () -> world.send(anna, "Again", "", lee), lee);
    assertDenied(world, everyone, () -> world.as(anna).reply(Reply.to(question.id(), "More")), lee);
    assertDenied(world, everyone, () -> world.as(lee).reply(Reply.to(answer.id(), "More")), anna);
    assertDenied(world, everyone, () -> world.as(lee).replyAll(Reply.to(answer.id(), "More")), anna);

    assertThat(ids(world.list(anna, SystemFolder.INBOX))).containsExactly(question.id());
    assertThat(ids(world.list(anna, SystemFolder.SENT))).containsExactly(answer.id());
    assertThat(ids(world.list(anna, SystemFolder.ALL_MESSAGES))).containsExactly(answer.id(), question.id());
    assertThat(ids(world.list(lee, SystemFolder.INBOX))).containsExactly(answer.id());
    assertThat(ids(world.list(lee, SystemFolder.SENT))).containsExactly(question.id());
    assertThat(ids(world.list(lee, SystemFolder.ALL_MESSAGES))).containsExactly(answer.id(), question.id());
    assertThat(world.as(anna).open(question.id()).body()).isEqualTo("Are you available Monday?");
    assertThat(world.as(lee).open(answer.id()).body()).startsWith("Yes");
    assertThat(world.as(lee).thread(question.thread(), PageRequest.first()).items()).extracting(MessageSummary::id)
        .containsExactly(question.id(), answer.id());
    assertThat(world.folder(anna, SystemFolder.INBOX).unread()).isZero();
  }

  @Test
  default void removingAccessToOneParentLeavesTheAccessToTheCoParent() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("f", anna, ben);
    world.grant(lee, anna);
    world.grant(lee, ben);

    world.as(anna).removeAccess(lee);

    ParticipantId[] everyone = {lee, anna, ben};
    assertDenied(world, everyone, () -> world.send(lee, "Both", "", anna, ben), anna);
    assertThat(world.send(lee, "Ben only", "", ben).recipients()).extracting(ParticipantView::id).containsExactly(ben);
    assertThat(recipientIds(world, lee)).containsExactly(ben);
  }

  // ---------------------------------------------------------------- access links, cases, chooser

  @Test
  default void bothSidesSeeTheSameLinkAndEachListsItsLinksByCounterpartName() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId zoe = world.parent("zoe");
    ParticipantId adam = world.parent("adam");
    ParticipantId mia = world.parent("mia");
    world.as(lee).requestAccess(zoe);
    world.as(adam).requestAccess(lee);
    world.as(lee).requestAccess(mia);
    world.as(mia).blockAccess(lee);

    List<AccessLinkView> links = world.as(lee).accessLinks();

    assertThat(links).extracting(l -> l.parent().id(), AccessLinkView::status, AccessLinkView::requestedBy)
        .containsExactly(
            tuple(adam, AccessStatus.REQUESTED, adam),
            tuple(mia, AccessStatus.BLOCKED, lee),
            tuple(zoe, AccessStatus.REQUESTED, lee));
    assertThat(world.as(zoe).accessLinks()).containsExactly(links.get(2));
    assertThat(world.as(adam).accessLinks()).containsExactly(links.get(0));
    assertThat(world.as(mia).accessLinks()).containsExactly(links.get(1));
    assertThat(links.get(0).counterpartOf(lee).id()).isEqualTo(adam);
    assertThat(links.get(0).counterpartOf(adam).id()).isEqualTo(lee);
  }

  @Test
  default void aParentSeesTheirLinksWithEveryPractitionerOrderedByName() {
    World world = newWorld();
    ParticipantId zed = world.practitioner("zed");
    ParticipantId ada = world.practitioner("ada");
    ParticipantId anna = world.parent("anna");
    world.grant(zed, anna);
    world.as(anna).requestAccess(ada);

    assertThat(world.as(anna).accessLinks())
        .extracting(l -> l.practitioner().id(), AccessLinkView::status)
        .containsExactly(tuple(ada, AccessStatus.REQUESTED), tuple(zed, AccessStatus.APPROVED));
  }

  @Test
  default void myCasesOfAPractitionerListsTheFamiliesOfEveryParentTheyHaveALinkWith() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carla = world.parent("carla");
    ParticipantId dan = world.parent("dan");
    FamilyId smith = world.family("smith", anna, ben);
    FamilyId jones = world.family("jones", carla);
    world.family("other", dan);
    world.grant(lee, anna);
    world.as(carla).requestAccess(lee);
    world.as(lee).refuseAccess(carla);

    List<CaseView> cases = world.as(lee).cases();

    assertThat(cases).extracting(CaseView::family, CaseView::name)
        .containsExactly(tuple(jones, "Family jones"), tuple(smith, "Family smith"));
    assertThat(cases.get(0).members()).extracting(m -> m.parent().id(), CaseMember::access)
        .containsExactly(tuple(carla, Optional.of(AccessStatus.REFUSED)));
    assertThat(cases.get(1).members()).extracting(m -> m.parent().id(), CaseMember::access)
        .containsExactly(tuple(anna, Optional.of(AccessStatus.APPROVED)), tuple(ben, Optional.empty()));
    assertThat(world.as(world.practitioner("kim")).cases()).isEmpty();
  }

  @Test
  default void myCasesOfAParentListsTheirOwnFamiliesWithoutAccessStatus() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carla = world.parent("carla");
    FamilyId zeta = world.family("zeta", anna, ben);
    FamilyId alpha = world.family("alpha", carla, anna);
    world.grant(lee, anna);

    List<CaseView> cases = world.as(anna).cases();

    assertThat(cases).extracting(CaseView::family).containsExactly(alpha, zeta);
    assertThat(cases.get(0).members()).extracting(m -> m.parent().id()).containsExactly(anna, carla);
    assertThat(cases.get(1).members()).extracting(m -> m.parent().id()).containsExactly(anna, ben);
    assertThat(cases).flatExtracting(CaseView::members).allSatisfy(m -> assertThat(m.access()).isEmpty());
    assertThat(world.as(ben).cases()).extracting(CaseView::family).containsExactly(zeta);
  }

  @Test
  default void theChooserOfAPractitionerGroupsExactlyTheApprovedParentsByFamily() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId kim = world.practitioner("kim");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carla = world.parent("carla");
    ParticipantId dan = world.parent("dan");
    ParticipantId erin = world.parent("erin");
    ParticipantId loner = world.parent("loner");
    FamilyId smith = world.family("smith", anna, ben);
    FamilyId jones = world.family("jones", carla, dan);
    FamilyId brown = world.family("brown", erin, anna);
    world.grant(lee, anna);
    world.grant(lee, dan);
    world.grant(lee, loner);
    world.grant(kim, ben);
    world.as(lee).requestAccess(ben);
    world.grant(lee, carla);
    world.as(carla).removeAccess(lee);
    world.as(erin).requestAccess(lee);

    List<RecipientGroup> groups = world.as(lee).recipients();

    assertThat(groups).hasSize(4);
    assertThat(groups.subList(0, 3)).extracting(RecipientGroup::family, RecipientGroup::label).containsExactly(
        tuple(Optional.of(brown), "Family brown"),
        tuple(Optional.of(jones), "Family jones"),
        tuple(Optional.of(smith), "Family smith"));
    assertThat(ids(groups.get(0))).containsExactly(anna);
    assertThat(ids(groups.get(1))).containsExactly(dan);
    assertThat(ids(groups.get(2))).containsExactly(anna);
    assertThat(groups.get(3).family()).isEmpty();
    assertThat(ids(groups.get(3))).containsExactly(loner);
    assertThat(recipientIds(world, kim)).containsExactly(ben);
  }

  @Test
  default void theChooserOfAParentListsCoParentsByFamilyAndApprovedPractitionersApart() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId kim = world.practitioner("kim");
    ParticipantId ada = world.practitioner("ada");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carla = world.parent("carla");
    ParticipantId dan = world.parent("dan");
    FamilyId smith = world.family("smith", anna, ben);
    FamilyId jones = world.family("jones", carla, anna);
    world.family("other", ben, dan);
    world.grant(lee, anna);
    world.grant(kim, anna);
    world.as(ada).requestAccess(anna);
    world.grant(lee, ben);

    List<RecipientGroup> groups = world.as(anna).recipients();

    assertThat(groups).extracting(RecipientGroup::family).containsExactly(
        Optional.of(jones), Optional.of(smith), Optional.empty());
    assertThat(groups.get(0).label()).isEqualTo("Family jones");
    assertThat(ids(groups.get(0))).containsExactly(carla);
    assertThat(groups.get(1).label()).isEqualTo("Family smith");
    assertThat(ids(groups.get(1))).containsExactly(ben);
    assertThat(ids(groups.get(2))).containsExactly(kim, lee);
    assertThat(recipientIds(world, dan)).containsExactly(ben);
  }

  @Test
  default void theChooserListsExactlyWhomSendingAllows() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carla = world.parent("carla");
    world.family("f", anna, ben);
    world.grant(lee, anna);
    world.grant(lee, carla);
    world.as(carla).removeAccess(lee);
    ParticipantId[] everyone = {lee, anna, ben, carla};

    for (ParticipantId sender : everyone) {
      List<ParticipantId> listed = recipientIds(world, sender);
      for (ParticipantId recipient : everyone) {
        if (recipient.equals(sender)) {
          continue;
        }
        if (listed.contains(recipient)) {
          assertThat(world.send(sender, "Hi", "", recipient).recipients()).hasSize(1);
        } else {
          assertDenied(world, everyone, () -> world.send(sender, "Hi", "", recipient), recipient);
        }
      }
    }
    assertThat(recipientIds(world, lee)).containsExactly(anna);
  }

  @Test
  default void actionItemsAreSystemMessagesOutsideAllMessagesThatCountAsUnreadUntilOpened() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.as(anna).refuseAccess(lee);
    world.as(lee).requestAccess(anna);
    world.as(anna).approveAccess(lee);
    world.as(anna).removeAccess(lee);

    List<MessageSummary> annas = world.list(anna, SystemFolder.ACTION_ITEMS);
    List<MessageSummary> lees = world.list(lee, SystemFolder.ACTION_ITEMS);

    assertThat(annas).hasSize(2);
    assertThat(lees).hasSize(3);
    for (MessageSummary item : concat(annas, lees)) {
      assertThat(item.kind()).isEqualTo(MessageKind.ACTION_ITEM);
      assertThat(item.sender()).isEmpty();
      assertThat(item.folder()).isEqualTo(SystemFolder.ACTION_ITEMS.id());
      assertThat(item.recipients()).as("a received copy lists no recipients").isEmpty();
    }
    assertThat(annas).allSatisfy(i -> assertThat(world.as(anna).preview(i.id()).recipients())
        .extracting(r -> r.id()).containsExactly(anna));
    assertThat(lees).allSatisfy(i -> assertThat(world.as(lee).preview(i.id()).recipients())
        .extracting(r -> r.id()).containsExactly(lee));
    assertThat(world.list(anna, SystemFolder.ALL_MESSAGES)).isEmpty();
    assertThat(world.list(lee, SystemFolder.INBOX)).isEmpty();
    assertThat(world.folder(lee, SystemFolder.ACTION_ITEMS).unread()).isEqualTo(3);

    world.as(lee).open(lees.get(0).id());

    assertThat(world.folder(lee, SystemFolder.ACTION_ITEMS).unread()).isEqualTo(2);
    assertThat(world.folder(lee, SystemFolder.ACTION_ITEMS).total()).isEqualTo(3);
  }

  @Test
  default void aSystemActionItemCannotBeAnswered() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageSummary item = world.list(anna, SystemFolder.ACTION_ITEMS).get(0);
    Map<ParticipantId, Object> before = world.snapshot(lee, anna);

    assertThatThrownBy(() -> world.as(anna).reply(Reply.to(item.id(), "Thanks")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(world.snapshot(lee, anna)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- helpers

  /** Builds a link to {@code status} between a practitioner and a parent, then tries every other step. */
  private void assertOnlyANewRequestIsAllowedAfter(
      AccessStatus status, BiConsumer<World, List<ParticipantId>> setUp) {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    setUp.accept(world, List.of(lee, anna));
    assertStatus(world, lee, anna, status);

    for (AccessStep step : List.of(APPROVE, REFUSE, BLOCK, WITHDRAW, REMOVE)) {
      assertRefused(world, ConflictException.class, () -> step.take(world.as(lee), anna), lee, anna);
      assertRefused(world, ConflictException.class, () -> step.take(world.as(anna), lee), lee, anna);
    }
    assertStatus(world, lee, anna, status);
    assertThat(world.as(lee).requestAccess(anna).status()).isEqualTo(AccessStatus.REQUESTED);
  }

  private static void assertStatus(World world, ParticipantId practitioner, ParticipantId parent, AccessStatus status) {
    Consumer<AccessLinkView> hasStatus = link -> {
      assertThat(link.practitioner().id()).isEqualTo(practitioner);
      assertThat(link.parent().id()).isEqualTo(parent);
      assertThat(link.status()).isEqualTo(status);
      assertThat(link.history()).last().extracting(AccessEvent::status).isEqualTo(status);
    };
    assertThat(world.as(practitioner).accessLinks()).singleElement().satisfies(hasStatus);
    assertThat(world.as(parent).accessLinks()).singleElement().satisfies(hasStatus);
  }

  /**
   * Asserts that the call fails with {@code type} and that nothing the participants can see changed.
   *
   * @return the exception
   */
  private static <E extends MessagingException> E assertRefused(
      World world, Class<E> type, ThrowingCallable call, ParticipantId... participants) {
    Map<ParticipantId, Object> before = world.snapshot(participants);
    E e = catchThrowableOfType(type, call);
    assertThat(e).as("the call is refused with a " + type.getSimpleName()).isNotNull();
    assertThat(world.snapshot(participants)).isEqualTo(before);
    return e;
  }

  private static void assertNotFoundRefused(
      World world, String kind, String id, ThrowingCallable call, ParticipantId... participants) {
    NotFoundException e = assertRefused(world, NotFoundException.class, call, participants);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.id()).isEqualTo(id);
  }

  private static void assertInvalidRefused(
      World world, String field, ThrowingCallable call, ParticipantId... participants) {
    InvalidInputException e = assertRefused(world, InvalidInputException.class, call, participants);
    assertThat(e.field()).isEqualTo(field);
  }

  /** Asserts that a send is denied naming exactly {@code denied}, and that nobody saw any change. */
  private static void assertDenied(
      World world, ParticipantId[] everyone, ThrowingCallable send, ParticipantId... denied) {
    AccessDeniedException e = assertRefused(world, AccessDeniedException.class, send, everyone);
    assertThat(e.participants()).containsExactlyInAnyOrder(denied);
  }

  /** Asserts that the owner holds exactly one action item, unread, mentioning {@code from}. */
  private static void assertOneActionItem(World world, ParticipantId owner, String from) {
    assertThat(world.folder(owner, SystemFolder.ACTION_ITEMS).total()).isEqualTo(1);
    assertOneActionItemFirst(world, owner, from);
  }

  /** Asserts that the owner's newest action item is unread, mentions {@code from} and is addressed to them. */
  private static void assertOneActionItemFirst(World world, ParticipantId owner, String from) {
    MessageSummary item = world.list(owner, SystemFolder.ACTION_ITEMS).get(0);
    assertThat(item.kind()).isEqualTo(MessageKind.ACTION_ITEM);
    assertThat(item.sender()).isEmpty();
    assertThat(item.recipients()).as("a received copy lists no recipients").isEmpty();
    assertThat(world.as(owner).preview(item.id()).recipients()).extracting(ParticipantView::id).containsExactly(owner);
    assertThat(item.subject()).contains(from);
    assertThat(item.unread()).isTrue();
    assertThat(world.folder(owner, SystemFolder.ACTION_ITEMS).unread()).isGreaterThanOrEqualTo(1);
    assertThat(world.list(owner, SystemFolder.ALL_MESSAGES)).extracting(MessageSummary::id).doesNotContain(item.id());
  }

  private static AccessEvent event(AccessStatus status, ParticipantId actor, Instant at) {
    return AccessEvent.builder().status(status).actor(actor).at(at).build();
  }

  private static List<MessageId> ids(List<MessageSummary> summaries) {
    return summaries.stream().map(MessageSummary::id).collect(Collectors.toList());
  }

  private static List<ParticipantId> ids(RecipientGroup group) {
    return group.recipients().stream().map(ParticipantView::id).collect(Collectors.toList());
  }

  /** Everyone the chooser lists for {@code actor}, in chooser order, once each. */
  private static List<ParticipantId> recipientIds(World world, ParticipantId actor) {
    return world.as(actor).recipients().stream()
        .flatMap(g -> g.recipients().stream())
        .map(ParticipantView::id)
        .distinct()
        .collect(Collectors.toList());
  }

  private static List<MessageSummary> concat(List<MessageSummary> a, List<MessageSummary> b) {
    List<MessageSummary> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
