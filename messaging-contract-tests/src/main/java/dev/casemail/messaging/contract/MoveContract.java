package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ReadReceipt;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Moving messages between folders: to Archive, to custom folders and back home, never into or out of
 * All Messages or Drafts, all or nothing, and only ever in the mover's own mailbox.
 */
public interface MoveContract extends MessagingFixture {

  MessageId UNKNOWN = MessageId.of(Long.MAX_VALUE - 7);

  // ------------------------------------------------------------------------------ where a message may go

  @Test
  default void archivingAReceivedMessageTakesItFromInboxToArchive() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView message = people.send(people.practitioner, "Hearing", people.mother);

    people.move(people.mother, message.id(), SystemFolder.ARCHIVE);

    assertThat(people.ids(people.mother, SystemFolder.INBOX)).isEmpty();
    assertThat(people.ids(people.mother, SystemFolder.ARCHIVE)).containsExactly(message.id());
    assertThat(world.folder(people.mother, SystemFolder.INBOX).total()).isZero();
    assertThat(world.folder(people.mother, SystemFolder.INBOX).unread()).isZero();
    assertThat(world.folder(people.mother, SystemFolder.ARCHIVE).total()).isEqualTo(1);
    assertThat(world.folder(people.mother, SystemFolder.ARCHIVE).unread()).isEqualTo(1);
    assertThat(world.as(people.mother).preview(message.id()).folder()).isEqualTo(SystemFolder.ARCHIVE.id());
  }

  @Test
  default void archivingASentMessageKeepsItInAllMessages() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView sent = people.send(people.practitioner, "Hearing", people.mother);

    people.move(people.practitioner, sent.id(), SystemFolder.ARCHIVE);

    assertThat(people.ids(people.practitioner, SystemFolder.SENT)).isEmpty();
    assertThat(people.ids(people.practitioner, SystemFolder.ARCHIVE)).containsExactly(sent.id());
    List<MessageSummary> all = world.list(people.practitioner, SystemFolder.ALL_MESSAGES);
    assertThat(all).extracting(MessageSummary::id).containsExactly(sent.id());
    assertThat(all.get(0).folder()).isEqualTo(SystemFolder.ARCHIVE.id());
  }

  @Test
  default void aMessageMovesToACustomFolderAndIsRestoredToItsHome() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);
    MessageView sent = people.send(people.mother, "Re hearing", people.practitioner);
    FolderView court = world.as(people.mother).createFolder("Court");

    world.as(people.mother).move(MoveRequest.of(Set.of(received.id(), sent.id()), court.id()));
    assertThat(people.ids(people.mother, court.id())).containsExactlyInAnyOrder(sent.id(), received.id());
    assertThat(people.ids(people.mother, SystemFolder.INBOX)).isEmpty();
    assertThat(people.ids(people.mother, SystemFolder.SENT)).isEmpty();

    people.move(people.mother, received.id(), SystemFolder.INBOX);
    people.move(people.mother, sent.id(), SystemFolder.SENT);
    assertThat(people.ids(people.mother, SystemFolder.INBOX)).containsExactly(received.id());
    assertThat(people.ids(people.mother, SystemFolder.SENT)).containsExactly(sent.id());
    assertThat(people.ids(people.mother, court.id())).isEmpty();
  }

  @Test
  default void restoringTakesEveryKindOfMessageBackToItsOwnHome() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.practitioner;
    MessageView received = people.send(people.mother, "Received", me);
    MessageView sent = people.send(me, "Sent", people.mother);
    MessageId actionItem = people.actionItem(me);
    MessageId notification = people.notify(me, "Journal entry");
    FolderView court = world.as(me).createFolder("Court");
    Map<MessageId, SystemFolder> homes = Map.of(
        received.id(), SystemFolder.INBOX,
        sent.id(), SystemFolder.SENT,
        actionItem, SystemFolder.ACTION_ITEMS,
        notification, SystemFolder.NOTIFICATIONS);

    for (FolderId awayFrom : List.of(SystemFolder.ARCHIVE.id(), court.id())) {
      world.as(me).move(MoveRequest.of(homes.keySet(), awayFrom));
      assertThat(people.ids(me, awayFrom)).containsExactlyInAnyOrderElementsOf(homes.keySet());
      homes.forEach((message, home) -> {
        people.move(me, message, home);
        assertThat(people.folderOf(me, message)).as("home of %s", message).isEqualTo(home.id());
      });
      assertThat(people.ids(me, awayFrom)).isEmpty();
    }
    MailboxAudit.check(world, me);
  }

  @Test
  default void anAutoReplyGoesHomeToInboxForItsRecipientAndToSentForItsOwner() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    world.as(people.practitioner).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away").body("Back on Monday").build());
    MessageView question = people.send(people.mother, "Question", people.practitioner);
    MessageSummary autoReply = world.list(people.mother, SystemFolder.INBOX).stream()
        .filter(s -> s.kind() == MessageKind.AUTO_REPLY).findFirst().orElseThrow();
    assertThat(autoReply.thread()).isEqualTo(question.thread());

    people.move(people.mother, autoReply.id(), SystemFolder.ARCHIVE);
    people.move(people.practitioner, autoReply.id(), SystemFolder.ARCHIVE);
    IllegalMoveException toSent = thrown(IllegalMoveException.class,
        () -> people.move(people.mother, autoReply.id(), SystemFolder.SENT));
    IllegalMoveException toInbox = thrown(IllegalMoveException.class,
        () -> people.move(people.practitioner, autoReply.id(), SystemFolder.INBOX));
    people.move(people.mother, autoReply.id(), SystemFolder.INBOX);
    people.move(people.practitioner, autoReply.id(), SystemFolder.SENT);

    assertThat(toSent.offending()).containsOnlyKeys(autoReply.id());
    assertThat(toInbox.offending()).containsOnlyKeys(autoReply.id());
    assertThat(people.folderOf(people.mother, autoReply.id())).isEqualTo(SystemFolder.INBOX.id());
    assertThat(people.folderOf(people.practitioner, autoReply.id())).isEqualTo(SystemFolder.SENT.id());
    assertThat(people.ids(people.practitioner, SystemFolder.ALL_MESSAGES)).contains(autoReply.id());
  }

  // ------------------------------------------------------------------------------ where it may not

  @Test
  default void nothingMovesIntoAllMessages() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);
    MessageView sent = people.send(people.mother, "Answer", people.practitioner);
    people.move(people.mother, received.id(), SystemFolder.ARCHIVE);

    assertRefusedMove(world, people, people.mother, List.of(received.id(), sent.id()), SystemFolder.ALL_MESSAGES.id(),
        List.of(received.id(), sent.id()));
  }

  @Test
  default void nothingMovesIntoDrafts() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);
    MessageView sent = people.send(people.mother, "Answer", people.practitioner);

    assertRefusedMove(world, people, people.mother, List.of(received.id(), sent.id()), SystemFolder.DRAFTS.id(),
        List.of(received.id(), sent.id()));
  }

  @ParameterizedTest
  @EnumSource(value = SystemFolder.class, names = {"ALL_MESSAGES", "DRAFTS"})
  default void nothingMovesOutOfAllMessagesOrDrafts(SystemFolder source) {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);
    MessageView sent = people.send(people.mother, "Answer", people.practitioner);
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    IllegalMoveException refused = thrown(IllegalMoveException.class, () -> world.as(people.mother).move(
        MoveRequest.builder().addMessages(received.id(), sent.id()).target(SystemFolder.ARCHIVE.id())
            .expectedSource(source.id()).build()));

    assertThat(refused.offending()).containsOnlyKeys(received.id(), sent.id());
    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  @Test
  default void aReceivedMessageNeverGoesToSent() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);

    assertRefusedMove(world, people, people.mother, List.of(received.id()), SystemFolder.SENT.id(),
        List.of(received.id()));
  }

  @Test
  default void aSentMessageNeverGoesToInbox() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView sent = people.send(people.practitioner, "Hearing", people.mother);
    people.move(people.practitioner, sent.id(), SystemFolder.ARCHIVE);

    assertRefusedMove(world, people, people.practitioner, List.of(sent.id()), SystemFolder.INBOX.id(),
        List.of(sent.id()));
  }

  @ParameterizedTest
  @EnumSource(value = SystemFolder.class, names = {"ACTION_ITEMS", "NOTIFICATIONS"})
  default void aPersonalMessageNeverGoesIntoASystemMessagesFolder(SystemFolder target) {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);
    MessageView sent = people.send(people.mother, "Answer", people.father);

    assertRefusedMove(world, people, people.mother, List.of(received.id(), sent.id()), target.id(),
        List.of(received.id(), sent.id()));
  }

  @ParameterizedTest
  @EnumSource(value = SystemFolder.class, names = {"INBOX", "SENT", "NOTIFICATIONS", "DRAFTS", "ALL_MESSAGES"})
  default void anActionItemGoesOnlyToArchiveACustomFolderOrActionItems(SystemFolder target) {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageId actionItem = people.actionItem(people.mother);

    assertRefusedMove(world, people, people.mother, List.of(actionItem), target.id(), List.of(actionItem));
    FolderView court = world.as(people.mother).createFolder("Court");
    people.move(people.mother, actionItem, court.id());
    people.move(people.mother, actionItem, SystemFolder.ARCHIVE);
    people.move(people.mother, actionItem, SystemFolder.ACTION_ITEMS);
    assertThat(people.ids(people.mother, SystemFolder.ACTION_ITEMS)).containsExactly(actionItem);
  }

  @ParameterizedTest
  @EnumSource(value = SystemFolder.class, names = {"INBOX", "SENT", "ACTION_ITEMS", "DRAFTS", "ALL_MESSAGES"})
  default void aNotificationGoesOnlyToArchiveACustomFolderOrNotifications(SystemFolder target) {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageId notification = people.notify(people.practitioner, "Journal entry");

    assertRefusedMove(world, people, people.practitioner, List.of(notification), target.id(), List.of(notification));
    FolderView court = world.as(people.practitioner).createFolder("Court");
    people.move(people.practitioner, notification, court.id());
    people.move(people.practitioner, notification, SystemFolder.ARCHIVE);
    people.move(people.practitioner, notification, SystemFolder.NOTIFICATIONS);
    assertThat(people.ids(people.practitioner, SystemFolder.NOTIFICATIONS)).containsExactly(notification);
  }

  @Test
  default void aMessageOutsideItsHomeStillMayNotGoToAnotherHome() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);
    FolderView court = world.as(people.mother).createFolder("Court");
    people.move(people.mother, received.id(), court.id());

    assertRefusedMove(world, people, people.mother, List.of(received.id()), SystemFolder.SENT.id(),
        List.of(received.id()));
    assertThat(people.folderOf(people.mother, received.id())).isEqualTo(court.id());
  }

  // ------------------------------------------------------------------------------ all or nothing

  @Test
  default void aBatchWithOneIllegalMessageMovesNothingAndNamesOnlyThatOne() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    List<MessageId> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(people.send(people.practitioner, "Note " + i, people.mother).id());
    }
    MessageView sentByHer = people.send(people.mother, "Answer", people.practitioner);
    batch.add(10, sentByHer.id());

    assertRefusedMove(world, people, people.mother, batch, SystemFolder.INBOX.id(), List.of(sentByHer.id()));
    assertThat(people.ids(people.mother, SystemFolder.INBOX)).hasSize(20);
  }

  @Test
  default void aRefusedBatchNamesEveryOffendingMessageAndNoOther() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.practitioner;
    MessageView received = people.send(people.mother, "Received", me);
    MessageView sent = people.send(me, "Sent", people.father);
    MessageId actionItem = people.actionItem(me);
    MessageId notification = people.notify(me, "Journal entry");
    MessageView alreadyHome = people.send(people.father, "Also received", me);

    // into Inbox: the received ones may go (home or already there), the others may not
    assertRefusedMove(world, people, me, List.of(received.id(), sent.id(), actionItem, notification, alreadyHome.id()),
        SystemFolder.INBOX.id(), List.of(sent.id(), actionItem, notification));
  }

  @Test
  default void aBatchIsMovedTogetherWithCountsForEverySourceFolder() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.practitioner;
    MessageView readOne = people.send(people.mother, "Read", me);
    MessageView unreadOne = people.send(people.father, "Unread", me);
    MessageView sent = people.send(me, "Sent", people.father);
    MessageId notification = people.notify(me, "Journal entry");
    MessageId actionItem = people.actionItem(me);
    world.as(me).open(readOne.id());
    FolderView court = world.as(me).createFolder("Court");
    FolderView allBefore = world.folder(me, SystemFolder.ALL_MESSAGES);

    world.as(me).move(MoveRequest.of(
        Set.of(readOne.id(), unreadOne.id(), sent.id(), notification, actionItem), court.id()));

    assertCounts(world, me, court.id(), 5, 3);
    assertCounts(world, me, SystemFolder.INBOX.id(), 0, 0);
    assertCounts(world, me, SystemFolder.SENT.id(), 0, 0);
    assertCounts(world, me, SystemFolder.NOTIFICATIONS.id(), 0, 0);
    assertCounts(world, me, SystemFolder.ACTION_ITEMS.id(), 1, 1);
    assertThat(world.folder(me, SystemFolder.ALL_MESSAGES)).isEqualTo(allBefore);
    MailboxAudit.check(world, me);
  }

  // ------------------------------------------------------------------------------ ids that are not the mover's

  @Test
  default void anUnknownMessageIsNotFoundAndNothingMoves() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView received = people.send(people.practitioner, "Hearing", people.mother);
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    NotFoundException refused = thrown(NotFoundException.class, () -> world.as(people.mother).move(
        MoveRequest.of(Set.of(received.id(), UNKNOWN), SystemFolder.ARCHIVE.id())));

    assertThat(refused.id()).contains(UNKNOWN.toString()).doesNotContain(received.id().toString());
    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  @Test
  default void anotherMailboxsMessageIsNotFoundExactlyLikeAnUnknownOne() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView betweenOthers = people.send(people.practitioner, "Private", people.mother);
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    NotFoundException foreign = thrown(NotFoundException.class, () -> people.move(people.father, betweenOthers.id(),
        SystemFolder.ARCHIVE));
    NotFoundException unknown = thrown(NotFoundException.class, () -> people.move(people.father, UNKNOWN,
        SystemFolder.ARCHIVE));
    // even a move that would be illegal for the owner says only "not found"
    NotFoundException foreignIllegal = thrown(NotFoundException.class, () -> people.move(people.father,
        betweenOthers.id(), SystemFolder.ALL_MESSAGES));

    assertThat(foreign.kind()).isEqualTo(unknown.kind());
    assertThat(foreign.id()).isEqualTo(betweenOthers.id().toString());
    assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage().replace(UNKNOWN.toString(),
        betweenOthers.id().toString()));
    assertThat(foreignIllegal.id()).isEqualTo(betweenOthers.id().toString());
    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  @Test
  default void aBatchWithOneForeignMessageMovesNothing() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView mine = people.send(people.practitioner, "For you", people.father);
    MessageView notMine = people.send(people.practitioner, "Not for you", people.mother);
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    NotFoundException refused = thrown(NotFoundException.class, () -> world.as(people.father).move(
        MoveRequest.of(Set.of(mine.id(), notMine.id()), SystemFolder.ARCHIVE.id())));

    assertThat(refused.id()).isEqualTo(notMine.id().toString());
    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  @Test
  default void aMoveIntoAnotherParticipantsFolderIsNotFound() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView message = people.send(people.practitioner, "Hearing", people.mother, people.father);
    FolderView his = world.as(people.father).createFolder("Court");
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    NotFoundException refused = thrown(NotFoundException.class, () -> people.move(people.mother, message.id(),
        his.id()));

    assertThat(refused.kind()).isEqualTo("folder");
    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ expected source

  @Test
  default void aMoveFromTheExpectedSourceMovesTheMessages() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView first = people.send(people.practitioner, "First", people.mother);
    MessageView second = people.send(people.father, "Second", people.mother);

    world.as(people.mother).move(MoveRequest.builder().addMessages(first.id(), second.id())
        .target(SystemFolder.ARCHIVE.id()).expectedSource(SystemFolder.INBOX.id()).build());

    assertThat(people.ids(people.mother, SystemFolder.ARCHIVE)).containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  default void aMessageMovedMeanwhileByAnotherDeviceIsAConflictAndTheBatchStays() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView first = people.send(people.practitioner, "First", people.mother);
    MessageView second = people.send(people.father, "Second", people.mother);
    FolderView court = world.as(people.mother).createFolder("Court");
    // another device archived the second message after the screen showed the Inbox
    people.move(people.mother, second.id(), SystemFolder.ARCHIVE);
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    ConflictException refused = thrown(ConflictException.class, () -> world.as(people.mother).move(
        MoveRequest.builder().addMessages(first.id(), second.id()).target(court.id())
            .expectedSource(SystemFolder.INBOX.id()).build()));

    assertThat(refused.getMessage()).contains(second.id().toString());
    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  @Test
  default void anExpectedSourceOfAnotherParticipantIsNotFound() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView message = people.send(people.practitioner, "Hearing", people.mother, people.father);
    FolderView his = world.as(people.father).createFolder("Court");
    people.move(people.father, message.id(), his.id());
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    NotFoundException refused = thrown(NotFoundException.class, () -> world.as(people.mother).move(
        MoveRequest.builder().addMessages(message.id()).target(SystemFolder.ARCHIVE.id())
            .expectedSource(his.id()).build()));

    assertThat(refused.kind()).isEqualTo("folder");
    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ no-ops and limits

  @Test
  default void movingAMessageToTheFolderItIsInChangesNothing() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView inInbox = people.send(people.practitioner, "Stays home", people.mother);
    MessageView archived = people.send(people.practitioner, "Archived", people.mother);
    MessageView sent = people.send(people.mother, "Mine", people.father);
    people.move(people.mother, archived.id(), SystemFolder.ARCHIVE);
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    people.move(people.mother, inInbox.id(), SystemFolder.INBOX);
    people.move(people.mother, archived.id(), SystemFolder.ARCHIVE);
    people.move(people.mother, sent.id(), SystemFolder.SENT);
    world.as(people.mother).move(MoveRequest.builder().addMessages(archived.id()).target(SystemFolder.ARCHIVE.id())
        .expectedSource(SystemFolder.ARCHIVE.id()).build());

    assertThat(world.snapshot(people.everyone())).isEqualTo(before);
  }

  @Test
  default void aBatchPartlyInTheTargetAlreadyMovesTheRestWithRightCounts() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView archived = people.send(people.practitioner, "Archived", people.mother);
    MessageView inInbox = people.send(people.practitioner, "In Inbox", people.mother);
    people.move(people.mother, archived.id(), SystemFolder.ARCHIVE);

    world.as(people.mother).move(MoveRequest.of(Set.of(archived.id(), inInbox.id()), SystemFolder.ARCHIVE.id()));

    assertThat(people.ids(people.mother, SystemFolder.ARCHIVE)).containsExactlyInAnyOrder(inInbox.id(), archived.id());
    assertCounts(world, people.mother, SystemFolder.ARCHIVE.id(), 2, 2);
    assertCounts(world, people.mother, SystemFolder.INBOX.id(), 0, 0);
  }

  @Test
  default void aMoveOfNoMessageOrOfMoreThanTheBatchLimitIsInvalidInput() {
    Set<MessageId> tooMany = LongStream.rangeClosed(1, InputRules.MAX_MOVE_BATCH + 1).mapToObj(MessageId::of)
        .collect(Collectors.toCollection(LinkedHashSet::new));

    InvalidInputException none = thrown(InvalidInputException.class,
        () -> MoveRequest.of(Set.of(), SystemFolder.ARCHIVE.id()));
    InvalidInputException over = thrown(InvalidInputException.class,
        () -> MoveRequest.of(tooMany, SystemFolder.ARCHIVE.id()));
    InvalidInputException noTarget = thrown(InvalidInputException.class,
        () -> MoveRequest.builder().addMessages(UNKNOWN).build());

    assertThat(none.field()).isEqualTo("messages");
    assertThat(over.field()).isEqualTo("messages");
    assertThat(noTarget.field()).isEqualTo("target");
  }

  @Test
  default void aBatchOfExactlyTheLimitIsAcceptedAsInput() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView mine = people.send(people.practitioner, "Hearing", people.mother);
    Set<MessageId> batch = new LinkedHashSet<>();
    batch.add(mine.id());
    LongStream.range(0, InputRules.MAX_MOVE_BATCH - 1).mapToObj(i -> MessageId.of(Long.MAX_VALUE - 100 - i))
        .forEach(batch::add);
    Map<ParticipantId, Object> before = world.snapshot(people.mother);

    // the size is fine, so the move gets as far as looking the messages up
    NotFoundException refused = thrown(NotFoundException.class,
        () -> world.as(people.mother).move(MoveRequest.of(batch, SystemFolder.ARCHIVE.id())));

    assertThat(refused.id()).doesNotContain(mine.id().toString());
    assertThat(world.snapshot(people.mother)).isEqualTo(before);
  }

  @Test
  default void aMissingMoveRequestIsInvalidInput() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    InvalidInputException refused = thrown(InvalidInputException.class, () -> world.as(parent).move(null));

    assertThat(refused.field()).isEqualTo("request");
  }

  @Test
  default void aMoveToAnUnknownFolderIsNotFound() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView message = people.send(people.practitioner, "Hearing", people.mother);
    Map<ParticipantId, Object> before = world.snapshot(people.mother);

    NotFoundException refused = thrown(NotFoundException.class,
        () -> people.move(people.mother, message.id(), FolderId.of(Long.MAX_VALUE - 1)));

    assertThat(refused.kind()).isEqualTo("folder");
    assertThat(world.snapshot(people.mother)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ what a move does not touch

  @Test
  default void countsFollowMovesOfReadAndUnreadMessages() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.mother;
    List<MessageId> received = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      received.add(people.send(i % 2 == 0 ? people.practitioner : people.father, "Note " + i, me).id());
    }
    world.as(me).open(received.get(0));
    world.as(me).open(received.get(1));
    FolderView court = world.as(me).createFolder("Court");

    people.move(me, received.get(0), court.id());
    people.move(me, received.get(2), court.id());
    assertCounts(world, me, SystemFolder.INBOX.id(), 2, 1);
    assertCounts(world, me, court.id(), 2, 1);

    people.move(me, received.get(2), SystemFolder.ARCHIVE);
    assertCounts(world, me, court.id(), 1, 0);
    assertCounts(world, me, SystemFolder.ARCHIVE.id(), 1, 1);

    world.as(me).open(received.get(2));
    assertCounts(world, me, SystemFolder.ARCHIVE.id(), 1, 0);
    assertCounts(world, me, SystemFolder.ALL_MESSAGES.id(), 4, 1);
    MailboxAudit.check(world, me);
  }

  @Test
  default void movingAMessageDoesNotOpenIt() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView sent = people.send(people.practitioner, "Hearing", people.mother);

    people.move(people.mother, sent.id(), SystemFolder.ARCHIVE);
    people.move(people.mother, sent.id(), SystemFolder.INBOX);

    assertThat(world.as(people.mother).preview(sent.id()).openedAt()).isEmpty();
    assertThat(world.as(people.practitioner).preview(sent.id()).receipts())
        .singleElement().extracting(ReadReceipt::firstViewedAt).isEqualTo(Optional.empty());
  }

  @Test
  default void allMessagesIsUnchangedByAnyMove() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.mother;
    MessageView received = people.send(people.practitioner, "Received", me);
    world.clock.advance(Duration.ofMinutes(1));
    MessageView sent = people.send(me, "Sent", people.father);
    world.clock.advance(Duration.ofMinutes(1));
    MessageView unread = people.send(people.father, "Unread", me);
    world.as(me).open(received.id());
    MessageId actionItem = people.actionItem(me);
    FolderView court = world.as(me).createFolder("Court");
    List<MessageId> before = people.ids(me, SystemFolder.ALL_MESSAGES);
    FolderView countsBefore = world.folder(me, SystemFolder.ALL_MESSAGES);

    world.as(me).move(MoveRequest.of(Set.of(received.id(), sent.id(), actionItem), court.id()));
    people.move(me, unread.id(), SystemFolder.ARCHIVE);
    people.move(me, sent.id(), SystemFolder.ARCHIVE);
    people.move(me, received.id(), SystemFolder.INBOX);
    world.as(me).deleteFolder(court.id());

    assertThat(before).containsExactly(unread.id(), sent.id(), received.id());
    assertThat(people.ids(me, SystemFolder.ALL_MESSAGES)).isEqualTo(before);
    assertThat(world.folder(me, SystemFolder.ALL_MESSAGES)).isEqualTo(countsBefore);
  }

  @Test
  default void movingOneParticipantsCopyNeverMovesAnothers() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView message = people.send(people.practitioner, "To both", people.mother, people.father);
    Map<ParticipantId, Object> others = world.snapshot(people.practitioner, people.father);

    people.move(people.mother, message.id(), SystemFolder.ARCHIVE);
    FolderView court = world.as(people.mother).createFolder("Court");
    people.move(people.mother, message.id(), court.id());

    assertThat(people.folderOf(people.mother, message.id())).isEqualTo(court.id());
    assertThat(people.folderOf(people.father, message.id())).isEqualTo(SystemFolder.INBOX.id());
    assertThat(people.folderOf(people.practitioner, message.id())).isEqualTo(SystemFolder.SENT.id());
    assertThat(world.snapshot(people.practitioner, people.father)).isEqualTo(others);
  }

  @Test
  default void aMovedMessageIsUnchangedExceptForItsFolder() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView sent = people.send(people.practitioner, "Hearing", people.mother);
    MessageView before = world.as(people.mother).preview(sent.id());

    people.move(people.mother, sent.id(), SystemFolder.ARCHIVE);
    MessageView after = world.as(people.mother).preview(sent.id());

    assertThat(after.folder()).isEqualTo(SystemFolder.ARCHIVE.id());
    assertThat(after).usingRecursiveComparison().ignoringFields("folder").isEqualTo(before);
    assertThat(after.direction()).isEqualTo(Direction.RECEIVED);
  }

  // ------------------------------------------------------------------------------ helpers

  private static void assertRefusedMove(World world, CaseOfThree people, ParticipantId owner, List<MessageId> batch,
      FolderId target, List<MessageId> offending) {
    Map<ParticipantId, Object> before = world.snapshot(people.everyone());

    IllegalMoveException refused = thrown(IllegalMoveException.class,
        () -> world.as(owner).move(MoveRequest.of(new LinkedHashSet<>(batch), target)));

    assertThat(refused.offending()).as("offending ids").containsOnlyKeys(offending);
    assertThat(refused.offending().values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(world.snapshot(people.everyone())).as("nothing changed").isEqualTo(before);
  }

  private static void assertCounts(World world, ParticipantId owner, FolderId folder, long total, long unread) {
    FolderView view = world.folder(owner, folder);
    assertThat(view.total()).as("total of %s", view.name()).isEqualTo(total);
    assertThat(view.unread()).as("unread of %s", view.name()).isEqualTo(unread);
  }
}
