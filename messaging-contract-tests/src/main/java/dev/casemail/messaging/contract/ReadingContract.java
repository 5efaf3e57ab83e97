package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageCursor;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ReadReceipt;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.ThreadPage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.Test;

/**
 * Reading: opening and first-viewed times, read receipts, unread counts, folder pages and their
 * cursors (keyset pagination), threads, and the All Messages view.
 *
 * <p>Every scenario uses one cast: practitioner {@code pr} with approved access to both parents
 * {@code a} and {@code b} of one family, so everyone may message everyone.
 */
public interface ReadingContract extends MessagingFixture {

  ParticipantId PR = ParticipantId.of("pr");
  ParticipantId A = ParticipantId.of("a");
  ParticipantId B = ParticipantId.of("b");

  /** Newest first by (sent time, id): the order every folder page promises. */
  Comparator<MessageSummary> NEWEST_FIRST =
      Comparator.comparing(MessageSummary::sentAt).thenComparing(MessageSummary::id).reversed();

  // ------------------------------------------------------------------------------ opening

  @Test
  default void openingRecordsTheFirstViewedTimeOnceAndNeverChangesIt() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);
    world.clock.advance(Duration.ofMinutes(5));
    Instant firstOpen = world.clock.instant();

    MessageView opened = world.as(A).open(sent.id());
    world.clock.advance(Duration.ofDays(3));
    MessageView openedAgain = world.as(A).open(sent.id());

    assertThat(opened.openedAt()).contains(firstOpen);
    assertThat(openedAgain.openedAt()).contains(firstOpen);
    assertThat(world.as(A).preview(sent.id()).openedAt()).contains(firstOpen);
    assertThat(summary(world, A, SystemFolder.INBOX, sent.id()).openedAt()).contains(firstOpen);
  }

  @Test
  default void openingReturnsTheWholeMessageAsTheRecipientHoldsIt() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.\nBring the papers.", A, B);

    MessageView opened = world.as(A).open(sent.id());

    assertThat(opened.id()).isEqualTo(sent.id());
    assertThat(opened.thread()).isEqualTo(sent.thread());
    assertThat(opened.kind()).isEqualTo(MessageKind.PERSONAL);
    assertThat(opened.direction()).isEqualTo(Direction.RECEIVED);
    assertThat(opened.sender()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(PR));
    assertThat(opened.recipients()).extracting(r -> r.id()).containsExactly(A, B);
    assertThat(opened.subject()).isEqualTo("Hearing");
    assertThat(opened.body()).isEqualTo("Monday at ten.\nBring the papers.");
    assertThat(opened.sentAt()).isEqualTo(sent.sentAt());
    assertThat(opened.inReplyTo()).isEmpty();
    assertThat(opened.folder()).isEqualTo(SystemFolder.INBOX.id());
    assertThat(opened.receipts()).isEmpty();
  }

  @Test
  default void previewingDoesNotCountAsOpening() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);

    world.clock.advance(Duration.ofMinutes(1));
    MessageView previewed = world.as(A).preview(sent.id());

    assertThat(previewed.body()).isEqualTo("Monday at ten.");
    assertThat(previewed.openedAt()).isEmpty();
    assertThat(world.folder(A, SystemFolder.INBOX).unread()).isEqualTo(1);
    assertThat(summary(world, A, SystemFolder.INBOX, sent.id()).unread()).isTrue();
    assertThat(receipt(world, PR, sent.id(), A).firstViewedAt()).isEmpty();

    world.clock.advance(Duration.ofMinutes(1));
    Instant openedAt = world.clock.instant();
    world.as(A).open(sent.id());
    assertThat(world.as(A).preview(sent.id()).openedAt()).contains(openedAt);
  }

  @Test
  default void listingFoldersThreadsAndAllMessagesDoesNotCountAsOpening() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);

    world.list(A, SystemFolder.INBOX);
    world.list(A, SystemFolder.ALL_MESSAGES);
    world.as(A).thread(sent.thread(), PageRequest.first());
    world.as(A).folders();

    assertThat(summary(world, A, SystemFolder.INBOX, sent.id()).unread()).isTrue();
    assertThat(world.folder(A, SystemFolder.INBOX).unread()).isEqualTo(1);
    assertThat(world.folder(A, SystemFolder.ALL_MESSAGES).unread()).isEqualTo(1);
    assertThat(world.as(A).thread(sent.thread(), PageRequest.first()).items())
        .singleElement()
        .satisfies(s -> assertThat(s.openedAt()).isEmpty());
  }

  @Test
  default void openingAnArchivedMessageRecordsItsFirstViewAndLowersArchivesUnreadCount() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);
    world.as(A).move(MoveRequest.of(sent.id(), SystemFolder.ARCHIVE.id()));
    assertThat(world.folder(A, SystemFolder.ARCHIVE).unread()).isEqualTo(1);

    world.clock.advance(Duration.ofHours(1));
    MessageView opened = world.as(A).open(sent.id());

    assertThat(opened.openedAt()).contains(world.clock.instant());
    assertThat(opened.folder()).isEqualTo(SystemFolder.ARCHIVE.id());
    assertThat(world.folder(A, SystemFolder.ARCHIVE).unread()).isZero();
    assertThat(world.folder(A, SystemFolder.ALL_MESSAGES).unread()).isZero();
    assertThat(receipt(world, PR, sent.id(), A).firstViewedAt()).contains(world.clock.instant());
  }

  // ------------------------------------------------------------------------------ read receipts

  @Test
  default void theSenderSeesEachRecipientsFirstViewNeverUntilTheyOpen() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A, B);

    assertThat(sent.receipts()).extracting(r -> r.recipient().id()).containsExactly(A, B);
    assertThat(sent.receipts()).allSatisfy(r -> assertThat(r.firstViewedAt()).isEmpty());

    world.clock.advance(Duration.ofMinutes(10));
    Instant aOpened = world.clock.instant();
    world.as(A).open(sent.id());

    MessageView afterA = world.as(PR).open(sent.id());
    assertThat(afterA.receipts()).extracting(r -> r.recipient().id()).containsExactly(A, B);
    assertThat(afterA.receipts().get(0).firstViewedAt()).contains(aOpened);
    assertThat(afterA.receipts().get(1).firstViewedAt()).isEmpty();

    world.clock.advance(Duration.ofHours(2));
    Instant bOpened = world.clock.instant();
    world.as(B).open(sent.id());

    MessageView afterB = world.as(PR).preview(sent.id());
    assertThat(afterB.receipts()).extracting(r -> r.firstViewedAt())
        .containsExactly(Optional.of(aOpened), Optional.of(bOpened));
  }

  @Test
  default void aReceiptKeepsTheFirstOpenWhenTheRecipientOpensAgain() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);
    world.clock.advance(Duration.ofMinutes(3));
    Instant first = world.clock.instant();
    world.as(A).open(sent.id());

    world.clock.advance(Duration.ofDays(30));
    world.as(A).open(sent.id());

    assertThat(receipt(world, PR, sent.id(), A).firstViewedAt()).contains(first);
  }

  @Test
  default void aRecipientsPreviewLeavesTheSendersReceiptAtNever() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);

    world.as(A).preview(sent.id());
    world.list(A, SystemFolder.INBOX);

    assertThat(receipt(world, PR, sent.id(), A).firstViewedAt()).isEmpty();
  }

  @Test
  default void theSenderOpeningTheirOwnMessageRecordsNoReceipt() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);

    world.clock.advance(Duration.ofMinutes(1));
    world.as(PR).open(sent.id());

    assertThat(receipt(world, PR, sent.id(), A).firstViewedAt()).isEmpty();
    assertThat(world.as(A).preview(sent.id()).openedAt()).isEmpty();
  }

  @Test
  default void receiptsStayVisibleWhenTheSenderArchivesTheSentMessage() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);
    world.as(PR).move(MoveRequest.of(sent.id(), SystemFolder.ARCHIVE.id()));

    world.clock.advance(Duration.ofMinutes(7));
    world.as(A).open(sent.id());

    MessageView archived = world.as(PR).preview(sent.id());
    assertThat(archived.folder()).isEqualTo(SystemFolder.ARCHIVE.id());
    assertThat(archived.receipts()).singleElement()
        .satisfies(r -> assertThat(r.firstViewedAt()).contains(world.clock.instant()));
  }

  @Test
  default void aReceivedCopyCarriesNoReceiptsOfOtherRecipients() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A, B);
    world.as(B).open(sent.id());

    assertThat(world.as(A).open(sent.id()).receipts()).isEmpty();
    assertThat(world.as(B).preview(sent.id()).receipts()).isEmpty();
  }

  @Test
  default void theSendersOwnCopyIsNeverUnread() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);
    world.send(PR, "Again", "Tuesday.", A, B);

    assertThat(sent.openedAt()).contains(sent.sentAt());
    assertThat(world.folder(PR, SystemFolder.SENT).total()).isEqualTo(2);
    assertThat(world.folder(PR, SystemFolder.SENT).unread()).isZero();
    assertThat(world.folder(PR, SystemFolder.ALL_MESSAGES).unread()).isZero();
    assertThat(world.list(PR, SystemFolder.SENT)).allSatisfy(s -> {
      assertThat(s.unread()).isFalse();
      assertThat(s.direction()).isEqualTo(Direction.SENT);
    });

    world.as(PR).move(MoveRequest.of(sent.id(), SystemFolder.ARCHIVE.id()));
    assertThat(world.folder(PR, SystemFolder.ARCHIVE).unread()).isZero();
  }

  // ------------------------------------------------------------------------------ unread counts

  @Test
  default void aMessageArrivingRaisesTheUnreadCountOfInboxAndAllMessages() {
    World world = castOfThree();
    FolderView inboxBefore = world.folder(A, SystemFolder.INBOX);

    world.send(PR, "One", "1", A);
    world.send(B, "Two", "2", A);

    assertThat(inboxBefore.total()).isZero();
    assertThat(world.folder(A, SystemFolder.INBOX).total()).isEqualTo(2);
    assertThat(world.folder(A, SystemFolder.INBOX).unread()).isEqualTo(2);
    assertThat(world.folder(A, SystemFolder.ALL_MESSAGES).total()).isEqualTo(2);
    assertThat(world.folder(A, SystemFolder.ALL_MESSAGES).unread()).isEqualTo(2);
  }

  @Test
  default void openingLowersTheUnreadCountOnceHoweverOftenItIsOpened() {
    World world = castOfThree();
    MessageView one = world.send(PR, "One", "1", A);
    world.send(PR, "Two", "2", A);

    world.as(A).open(one.id());
    world.as(A).open(one.id());
    world.as(A).open(one.id());

    assertThat(world.folder(A, SystemFolder.INBOX).total()).isEqualTo(2);
    assertThat(world.folder(A, SystemFolder.INBOX).unread()).isEqualTo(1);
    assertThat(world.folder(A, SystemFolder.ALL_MESSAGES).unread()).isEqualTo(1);
  }

  @Test
  default void theUnreadCountFollowsAnUnreadCopyFromFolderToFolder() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "Monday at ten.", A);
    FolderId custom = world.as(A).createFolder("Court").id();

    world.as(A).move(MoveRequest.of(sent.id(), custom));
    assertThat(counts(world, A, SystemFolder.INBOX.id())).containsExactly(0L, 0L);
    assertThat(counts(world, A, custom)).containsExactly(1L, 1L);

    world.as(A).move(MoveRequest.of(sent.id(), SystemFolder.ARCHIVE.id()));
    assertThat(counts(world, A, custom)).containsExactly(0L, 0L);
    assertThat(counts(world, A, SystemFolder.ARCHIVE.id())).containsExactly(1L, 1L);

    world.as(A).move(MoveRequest.of(sent.id(), SystemFolder.INBOX.id()));
    assertThat(counts(world, A, SystemFolder.ARCHIVE.id())).containsExactly(0L, 0L);
    assertThat(counts(world, A, SystemFolder.INBOX.id())).containsExactly(1L, 1L);
    assertThat(counts(world, A, SystemFolder.ALL_MESSAGES.id())).containsExactly(1L, 1L);
  }

  @Test
  default void movingAnOpenedCopyMovesItsTotalButNoUnread() {
    World world = castOfThree();
    MessageView opened = world.send(PR, "Opened", "1", A);
    world.send(PR, "Unopened", "2", A);
    world.as(A).open(opened.id());

    world.as(A).move(MoveRequest.of(opened.id(), SystemFolder.ARCHIVE.id()));

    assertThat(counts(world, A, SystemFolder.INBOX.id())).containsExactly(1L, 1L);
    assertThat(counts(world, A, SystemFolder.ARCHIVE.id())).containsExactly(1L, 0L);
    assertThat(counts(world, A, SystemFolder.ALL_MESSAGES.id())).containsExactly(2L, 1L);
  }

  @Test
  default void deletingACustomFolderCarriesItsUnreadCopiesToArchive() {
    World world = castOfThree();
    MessageView unread = world.send(PR, "Unread", "1", A);
    MessageView read = world.send(PR, "Read", "2", A);
    world.as(A).open(read.id());
    FolderId custom = world.as(A).createFolder("Court").id();
    world.as(A).move(MoveRequest.of(Set.of(unread.id(), read.id()), custom));

    world.as(A).deleteFolder(custom);

    assertThat(counts(world, A, SystemFolder.ARCHIVE.id())).containsExactly(2L, 1L);
    assertThat(counts(world, A, SystemFolder.ALL_MESSAGES.id())).containsExactly(2L, 1L);
  }

  @Test
  default void systemMessagesAreUnreadInTheirOwnFoldersButNeverInAllMessages() {
    World world = newWorld();
    ParticipantId pr = world.practitioner("pr");
    ParticipantId a = world.parent("a");
    world.family("f", a);
    world.as(pr).requestAccess(a);
    world.messaging.postNotification(
        NewNotification.builder().recipient(pr).subject("Journal entry shared").body("See the journal.").build());

    assertThat(counts(world, a, SystemFolder.ACTION_ITEMS.id())).containsExactly(1L, 1L);
    assertThat(counts(world, pr, SystemFolder.NOTIFICATIONS.id())).containsExactly(1L, 1L);
    assertThat(counts(world, a, SystemFolder.ALL_MESSAGES.id())).containsExactly(0L, 0L);
    assertThat(counts(world, pr, SystemFolder.ALL_MESSAGES.id())).containsExactly(0L, 0L);

    MessageSummary notice = world.list(pr, SystemFolder.NOTIFICATIONS).get(0);
    world.as(pr).open(notice.id());
    assertThat(counts(world, pr, SystemFolder.NOTIFICATIONS.id())).containsExactly(1L, 0L);
    assertThat(counts(world, pr, SystemFolder.ALL_MESSAGES.id())).containsExactly(0L, 0L);
  }

  @Test
  default void everyFolderCountEqualsARecountOfItsPages() {
    World world = castOfThree();
    List<MessageView> sent = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      world.clock.advance(Duration.ofMinutes(i % 3));
      sent.add(world.send(i % 2 == 0 ? PR : B, "Message " + i, "body " + i, A));
    }
    FolderId custom = world.as(A).createFolder("Court").id();
    world.as(A).open(sent.get(0).id());
    world.as(A).open(sent.get(4).id());
    world.as(A).move(MoveRequest.of(Set.of(sent.get(1).id(), sent.get(4).id()), custom));
    world.as(A).move(MoveRequest.of(Set.of(sent.get(2).id(), sent.get(0).id()), SystemFolder.ARCHIVE.id()));
    world.send(A, "Reply", "ok", PR);

    for (FolderView folder : world.as(A).folders()) {
      if (folder.id().equals(SystemFolder.DRAFTS.id())) {
        continue;
      }
      List<MessageSummary> listed = world.list(A, folder.id());
      assertThat(folder.total()).as(folder.name() + " total").isEqualTo(listed.size());
      assertThat(folder.unread()).as(folder.name() + " unread")
          .isEqualTo(listed.stream().filter(MessageSummary::unread).count());
    }
  }

  // ------------------------------------------------------------------------------ folder pages

  @Test
  default void aFolderPageListsNewestFirst() {
    World world = castOfThree();
    MessageView first = world.send(PR, "First", "1", A);
    world.clock.advance(Duration.ofMinutes(1));
    MessageView second = world.send(B, "Second", "2", A);
    world.clock.advance(Duration.ofSeconds(1));
    MessageView third = world.send(PR, "Third", "3", A);

    assertThat(world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first()).items())
        .extracting(MessageSummary::id)
        .containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  default void messagesSentInTheSameInstantKeepOneStableOrderOnEveryRead() {
    World world = castOfThree();
    List<MessageId> sentInOrder = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sentInOrder.add(world.send(i % 2 == 0 ? PR : B, "Same instant " + i, "", A).id());
    }
    List<MessageId> newestFirst = new ArrayList<>(sentInOrder);
    Collections.reverse(newestFirst);

    List<MessageId> once = ids(world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(200)).items());
    List<MessageId> twice = ids(world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(200)).items());

    assertThat(once).isEqualTo(twice).isEqualTo(newestFirst);
    for (int size = 1; size <= 7; size++) {
      assertThat(ids(allPages(world, A, SystemFolder.INBOX.id(), size))).as("page size " + size).isEqualTo(newestFirst);
    }
    assertThat(ids(world.list(A, SystemFolder.ALL_MESSAGES))).isEqualTo(newestFirst);
  }

  @Test
  default void aPageSizeMustBeFrom1To200() {
    World world = castOfThree();
    world.send(PR, "One", "1", A);
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    for (int size : new int[] {0, 201, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(size)))
          .as("size " + size)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("size"));
    }
    assertThat(world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1)).items()).hasSize(1);
    assertThat(world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(200)).items()).hasSize(1);
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  @Test
  default void aPageHoldsAtMostItsSizeAndTheLastPageHasNoCursor() {
    World world = castOfThree();
    for (int i = 0; i < 4; i++) {
      world.clock.advance(Duration.ofSeconds(1));
      world.send(PR, "Message " + i, "", A);
    }

    FolderPage first = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2));
    FolderPage second = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2).next(first.next().orElseThrow()));
    FolderPage whole = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(4));
    FolderPage larger = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(5));

    assertThat(first.items()).hasSize(2);
    assertThat(second.items()).hasSize(2);
    assertThat(second.next()).as("no empty page after an exact multiple").isEmpty();
    assertThat(whole.items()).hasSize(4);
    assertThat(whole.next()).isEmpty();
    assertThat(larger.next()).isEmpty();
  }

  @Test
  default void anEmptyFolderHasOneEmptyPageWithoutCursor() {
    World world = castOfThree();
    FolderId custom = world.as(A).createFolder("Empty").id();

    for (FolderId folder : List.of(SystemFolder.INBOX.id(), SystemFolder.ARCHIVE.id(), SystemFolder.ALL_MESSAGES.id(), custom)) {
      FolderPage page = world.as(A).folder(folder, PageRequest.first(1));
      assertThat(page.items()).isEmpty();
      assertThat(page.next()).isEmpty();
      assertThat(page.folder().total()).isZero();
      assertThat(page.folder().unread()).isZero();
    }
  }

  @Test
  default void cursorsContinueExactlyWithoutGapsOrDuplicatesForEveryPageSize() {
    World world = castOfThree();
    for (int i = 0; i < 7; i++) {
      world.clock.advance(Duration.ofSeconds(i % 2)); // pairs of messages share an instant
      world.send(i % 3 == 0 ? B : PR, "Message " + i, "", A);
    }
    List<MessageSummary> whole = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(200)).items();
    assertThat(whole).hasSize(7).isSortedAccordingTo(NEWEST_FIRST);

    for (int size = 1; size <= 8; size++) {
      assertThat(ids(allPages(world, A, SystemFolder.INBOX.id(), size))).as("page size " + size).isEqualTo(ids(whole));
    }
  }

  @Test
  default void messagesArrivingBetweenPageReadsDoNotShiftTheRemainingPages() {
    World world = castOfThree();
    List<MessageId> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      world.clock.advance(Duration.ofMinutes(1));
      sent.add(world.send(PR, "Message " + i, "", A).id());
    }
    FolderPage first = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2));
    assertThat(ids(first.items())).containsExactly(sent.get(4), sent.get(3));

    world.clock.advance(Duration.ofMinutes(1));
    MessageId late1 = world.send(B, "Late", "", A).id();
    MessageId late2 = world.send(PR, "Later, same instant", "", A).id();

    FolderPage second = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2).next(first.next().orElseThrow()));
    FolderPage third = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2).next(second.next().orElseThrow()));

    assertThat(ids(second.items())).containsExactly(sent.get(2), sent.get(1));
    assertThat(ids(third.items())).containsExactly(sent.get(0));
    assertThat(third.next()).isEmpty();
    // the newcomers are on a fresh first page, and the counts already include them
    assertThat(second.folder().total()).isEqualTo(7);
    assertThat(ids(world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2)).items())).containsExactly(late2, late1);
  }

  @Test
  default void aMessageArrivingInTheSameInstantAsThePageEndDoesNotShiftTheRemainingPages() {
    World world = castOfThree();
    List<MessageId> sent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sent.add(world.send(PR, "Same instant " + i, "", A).id());
    }
    FolderPage first = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2));

    MessageId newcomer = world.send(B, "Same instant, later", "", A).id();
    FolderPage second = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2).next(first.next().orElseThrow()));

    assertThat(ids(first.items())).containsExactly(sent.get(3), sent.get(2));
    assertThat(ids(second.items())).containsExactly(sent.get(1), sent.get(0));
    assertThat(second.next()).isEmpty();
    assertThat(ids(world.list(A, SystemFolder.INBOX)).get(0)).isEqualTo(newcomer);
  }

  @Test
  default void messagesMovedOutBetweenPageReadsAreSkippedAndTheRestNeitherRepeatsNorGoesMissing() {
    World world = castOfThree();
    List<MessageId> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      world.clock.advance(Duration.ofMinutes(1));
      sent.add(world.send(PR, "Message " + i, "", A).id());
    }
    FolderPage first = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2));
    assertThat(ids(first.items())).containsExactly(sent.get(5), sent.get(4));

    // the message the cursor ends on, and one not read yet, leave the Inbox
    world.as(A).move(MoveRequest.of(Set.of(sent.get(4), sent.get(2)), SystemFolder.ARCHIVE.id()));

    List<MessageSummary> rest = remainingPages(world, A, SystemFolder.INBOX.id(), 2, first.next().orElseThrow());
    assertThat(ids(rest)).containsExactly(sent.get(3), sent.get(1), sent.get(0));
  }

  @Test
  default void aMessageMovedInBetweenPageReadsAppearsOnlyIfItSortsAfterTheCursor() {
    World world = castOfThree();
    List<MessageId> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      world.clock.advance(Duration.ofMinutes(1));
      sent.add(world.send(PR, "Message " + i, "", A).id());
    }
    world.as(A).move(MoveRequest.of(Set.of(sent.get(0), sent.get(5)), SystemFolder.ARCHIVE.id()));
    FolderPage first = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2));
    assertThat(ids(first.items())).containsExactly(sent.get(4), sent.get(3));

    // restored: the oldest sorts after the cursor, the newest before it
    world.as(A).move(MoveRequest.of(Set.of(sent.get(0), sent.get(5)), SystemFolder.INBOX.id()));

    List<MessageSummary> rest = remainingPages(world, A, SystemFolder.INBOX.id(), 2, first.next().orElseThrow());
    assertThat(ids(rest)).containsExactly(sent.get(2), sent.get(1), sent.get(0));
  }

  @Test
  default void aPageCarriesItsFolderWithTotalAndUnreadCounts() {
    World world = castOfThree();
    MessageView one = world.send(PR, "One", "1", A);
    world.send(B, "Two", "2", A);
    world.send(PR, "Three", "3", A);
    world.as(A).open(one.id());

    FolderPage page = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1));

    assertThat(page.items()).hasSize(1);
    assertThat(page.folder().id()).isEqualTo(SystemFolder.INBOX.id());
    assertThat(page.folder().name()).isEqualTo("Inbox");
    assertThat(page.folder().system()).contains(SystemFolder.INBOX);
    assertThat(page.folder().total()).isEqualTo(3);
    assertThat(page.folder().unread()).isEqualTo(2);
    assertThat(page.folder()).isEqualTo(world.folder(A, SystemFolder.INBOX));

    FolderPage all = world.as(A).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1));
    assertThat(all.folder().name()).isEqualTo("All Messages");
    assertThat(all.folder().total()).isEqualTo(3);
    assertThat(all.folder().unread()).isEqualTo(2);
  }

  @Test
  default void aSummaryShowsTheMessageWithoutItsBodyButWithAOneLinePreview() {
    World world = castOfThree();
    String body = "Dear a,\n\n  the hearing   moves to Monday.\t" + "x".repeat(300);
    MessageView sent = world.send(PR, "Hearing", body, A, B);

    MessageSummary summary = world.list(A, SystemFolder.INBOX).get(0);

    assertThat(summary.id()).isEqualTo(sent.id());
    assertThat(summary.thread()).isEqualTo(sent.thread());
    assertThat(summary.kind()).isEqualTo(MessageKind.PERSONAL);
    assertThat(summary.direction()).isEqualTo(Direction.RECEIVED);
    assertThat(summary.sender()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(PR));
    assertThat(summary.recipients()).as("a received copy's listing repeats no recipient list").isEmpty();
    assertThat(world.as(A).preview(sent.id()).recipients()).extracting(r -> r.id()).containsExactly(A, B);
    assertThat(world.list(PR, SystemFolder.SENT).get(0).recipients()).extracting(r -> r.id()).containsExactly(A, B);
    assertThat(summary.subject()).isEqualTo("Hearing");
    assertThat(summary.sentAt()).isEqualTo(sent.sentAt());
    assertThat(summary.folder()).isEqualTo(SystemFolder.INBOX.id());
    assertThat(summary.preview()).startsWith("Dear a, the hearing moves to Monday. xxx").hasSize(120).doesNotContain("\n");
  }

  // ------------------------------------------------------------------------------ cursor misuse

  @Test
  default void aCursorNotIssuedByTheLibraryIsRefusedAndChangesNothing() {
    World world = castOfThree();
    for (int i = 0; i < 3; i++) {
      world.send(PR, "Message " + i, "", A);
    }
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);
    String base64Nonsense = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("1:f:1:abc:0:12".getBytes(StandardCharsets.US_ASCII));

    for (String token : List.of("garbage", "!!!", base64Nonsense, "MQ", "x".repeat(512))) {
      assertThatThrownBy(() -> world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(2).next(new PageCursor(token))))
          .as("token " + token)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
      assertThatThrownBy(() -> world.as(A).thread(world.list(A, SystemFolder.INBOX).get(0).thread(),
              PageRequest.first(2).next(new PageCursor(token))))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  @Test
  default void aBlankOrMultiLineCursorTokenIsRefusedWhenBuilt() {
    for (String token : List.of("", "   ", "abc\ndef", " abc")) {
      assertThatThrownBy(() -> new PageCursor(token))
          .as("token '" + token + "'")
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
  }

  @Test
  default void aCursorFromAnotherFolderIsRefusedAndChangesNothing() {
    World world = castOfThree();
    List<MessageId> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(world.send(PR, "Message " + i, "", A).id());
    }
    FolderId custom = world.as(A).createFolder("Court").id();
    world.as(A).move(MoveRequest.of(Set.copyOf(sent.subList(0, 2)), custom));
    for (int i = 0; i < 3; i++) {
      world.send(PR, "More " + i, "", A);
    }
    PageCursor inboxCursor = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1)).next().orElseThrow();
    PageCursor allCursor = world.as(A).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1)).next().orElseThrow();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertCursorRefused(() -> world.as(A).folder(custom, PageRequest.first(1).next(inboxCursor)));
    assertCursorRefused(() -> world.as(A).folder(SystemFolder.ARCHIVE.id(), PageRequest.first(1).next(inboxCursor)));
    assertCursorRefused(() -> world.as(A).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1).next(inboxCursor)));
    assertCursorRefused(() -> world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1).next(allCursor)));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  @Test
  default void aCursorFromAnotherParticipantsPageIsRefusedAndChangesNothing() {
    World world = castOfThree();
    for (int i = 0; i < 3; i++) {
      world.send(PR, "To both " + i, "", A, B);
    }
    PageCursor aInbox = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1)).next().orElseThrow();
    PageCursor aAll = world.as(A).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1)).next().orElseThrow();
    world.send(B, "Re", "", A);
    for (ParticipantId p : List.of(A, B)) {
      world.as(p).saveDraft(DraftContent.builder().body("one").build());
      world.as(p).saveDraft(DraftContent.builder().body("two").build());
    }
    PageCursor aDrafts = world.as(A).drafts(PageRequest.first(1)).next().orElseThrow();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertCursorRefused(() -> world.as(B).drafts(PageRequest.first(1).next(aDrafts)));
    assertCursorRefused(() -> world.as(B).folder(SystemFolder.INBOX.id(), PageRequest.first(1).next(aInbox)));
    assertCursorRefused(() -> world.as(B).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1).next(aAll)));
    assertCursorRefused(() -> world.as(PR).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1).next(aAll)));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
    // and a's own cursor still works for a
    assertThat(world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1).next(aInbox)).items()).hasSize(1);
  }

  @Test
  default void aThreadCursorFromAnotherParticipantIsRefused() {
    World world = castOfThree();
    MessageView start = world.send(PR, "Hearing", "", A, B);
    world.as(A).replyAll(Reply.to(start.id(), "ok"));
    world.as(B).replyAll(Reply.to(start.id(), "fine"));
    PageCursor aCursor = world.as(A).thread(start.thread(), PageRequest.first(1)).next().orElseThrow();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertCursorRefused(() -> world.as(B).thread(start.thread(), PageRequest.first(1).next(aCursor)));
    assertCursorRefused(() -> world.as(PR).thread(start.thread(), PageRequest.first(1).next(aCursor)));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  @Test
  default void cursorsOfThreadsFoldersAndDraftsAreNotInterchangeable() {
    World world = castOfThree();
    MessageView start = world.send(PR, "Hearing", "", A);
    world.as(A).reply(Reply.to(start.id(), "ok"));
    world.as(PR).reply(Reply.to(start.id(), "good"));
    MessageView other = world.send(PR, "Other", "", A);
    world.as(A).reply(Reply.to(other.id(), "ok"));
    world.as(A).saveDraft(DraftContent.builder().body("one").build());
    world.as(A).saveDraft(DraftContent.builder().body("two").build());

    PageCursor threadCursor = world.as(A).thread(start.thread(), PageRequest.first(1)).next().orElseThrow();
    PageCursor folderCursor = world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1)).next().orElseThrow();
    DraftPage drafts = world.as(A).drafts(PageRequest.first(1));
    PageCursor draftCursor = drafts.next().orElseThrow();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertCursorRefused(() -> world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1).next(threadCursor)));
    assertCursorRefused(() -> world.as(A).thread(start.thread(), PageRequest.first(1).next(folderCursor)));
    assertCursorRefused(() -> world.as(A).thread(other.thread(), PageRequest.first(1).next(threadCursor)));
    assertCursorRefused(() -> world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(1).next(draftCursor)));
    assertCursorRefused(() -> world.as(A).drafts(PageRequest.first(1).next(folderCursor)));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ not found

  @Test
  default void anUnknownFolderIsNotFound() {
    World world = castOfThree();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    for (long id : new long[] {8, 999, Long.MAX_VALUE}) {
      assertThatThrownBy(() -> world.as(A).folder(FolderId.of(id), PageRequest.first()))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.kind()).isEqualTo("folder");
            assertThat(e.id()).isEqualTo(Long.toString(id));
          });
    }
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  @Test
  default void anotherParticipantsCustomFolderIsNotFoundLikeAnUnknownOne() {
    World world = castOfThree();
    FolderId bFolder = world.as(B).createFolder("Private").id();
    MessageView sent = world.send(PR, "Hearing", "", B);
    world.as(B).move(MoveRequest.of(sent.id(), bFolder));
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    NotFoundException foreign = catchNotFound(() -> world.as(A).folder(bFolder, PageRequest.first()));
    NotFoundException unknown = catchNotFound(() -> world.as(A).folder(FolderId.of(bFolder.value() + 1), PageRequest.first()));

    assertThat(foreign.kind()).isEqualTo(unknown.kind()).isEqualTo("folder");
    assertThat(foreign.id()).isEqualTo(bFolder.toString());
    assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage().replace(unknown.id(), foreign.id()));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  @Test
  default void draftsAreNotReadAsAFolder() {
    World world = castOfThree();
    world.as(A).saveDraft(DraftContent.builder().body("later").build());
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertThatThrownBy(() -> world.as(A).folder(SystemFolder.DRAFTS.id(), PageRequest.first()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("folder"));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  @Test
  default void openingOrPreviewingAnotherMailboxsMessageIsNotFoundLikeANonexistentOne() {
    World world = castOfThree();
    MessageView toA = world.send(PR, "Private", "only for a", A);
    MessageView nonexistent = world.send(PR, "Probe", "", A);
    MessageId unknown = MessageId.of(nonexistent.id().value() + 1_000_000);
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    NotFoundException openForeign = catchNotFound(() -> world.as(B).open(toA.id()));
    NotFoundException openUnknown = catchNotFound(() -> world.as(B).open(unknown));
    NotFoundException previewForeign = catchNotFound(() -> world.as(B).preview(toA.id()));
    NotFoundException previewUnknown = catchNotFound(() -> world.as(B).preview(unknown));

    for (NotFoundException e : List.of(openForeign, openUnknown, previewForeign, previewUnknown)) {
      assertThat(e.kind()).isEqualTo("message");
    }
    assertThat(openForeign.id()).isEqualTo(toA.id().toString());
    assertThat(openForeign.getMessage()).isEqualTo(openUnknown.getMessage().replace(unknown.toString(), toA.id().toString()));
    assertThat(previewForeign.getMessage()).isEqualTo(openForeign.getMessage());
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
    assertThat(receipt(world, PR, toA.id(), A).firstViewedAt()).isEmpty();
  }

  @Test
  default void anUnregisteredActorReadsNothing() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "", A);
    ParticipantId stranger = ParticipantId.of("stranger");

    assertThatThrownBy(() -> world.as(stranger).open(sent.id()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("participant"));
    assertThatThrownBy(() -> world.as(stranger).folder(SystemFolder.INBOX.id(), PageRequest.first()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("participant"));
    assertThatThrownBy(() -> world.as(stranger).thread(sent.thread(), PageRequest.first()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("participant"));
    assertThat(receipt(world, PR, sent.id(), A).firstViewedAt()).isEmpty();
  }

  @Test
  default void nullArgumentsOfReadsAreInvalidInput() {
    World world = castOfThree();
    MessageView sent = world.send(PR, "Hearing", "", A);

    assertThatThrownBy(() -> world.as(A).open(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("message"));
    assertThatThrownBy(() -> world.as(A).preview(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("message"));
    assertThatThrownBy(() -> world.as(A).folder(null, PageRequest.first()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("folder"));
    assertThatThrownBy(() -> world.as(A).folder(SystemFolder.INBOX.id(), null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("page"));
    assertThatThrownBy(() -> world.as(A).thread(null, PageRequest.first()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("thread"));
    assertThatThrownBy(() -> world.as(A).thread(sent.thread(), null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("page"));
    assertThat(world.as(A).preview(sent.id()).openedAt()).isEmpty();
  }

  // ------------------------------------------------------------------------------ threads

  @Test
  default void aThreadListsTheActorsCopiesOldestFirstWhereverTheySit() {
    World world = castOfThree();
    MessageView start = world.send(PR, "Hearing", "Monday?", A);
    world.clock.advance(Duration.ofMinutes(1));
    MessageView answer = world.as(A).reply(Reply.to(start.id(), "Yes."));
    world.clock.advance(Duration.ofMinutes(1));
    MessageView thanks = world.as(PR).reply(Reply.to(answer.id(), "Thanks."));
    world.send(PR, "Unrelated", "", A);
    FolderId custom = world.as(A).createFolder("Court").id();
    world.as(A).move(MoveRequest.of(start.id(), SystemFolder.ARCHIVE.id()));
    world.as(A).move(MoveRequest.of(thanks.id(), custom));

    ThreadPage page = world.as(A).thread(start.thread(), PageRequest.first());

    assertThat(page.thread()).isEqualTo(start.thread());
    assertThat(ids(page.items())).containsExactly(start.id(), answer.id(), thanks.id());
    assertThat(page.items()).extracting(MessageSummary::folder)
        .containsExactly(SystemFolder.ARCHIVE.id(), SystemFolder.SENT.id(), custom);
    assertThat(page.items()).extracting(MessageSummary::direction)
        .containsExactly(Direction.RECEIVED, Direction.SENT, Direction.RECEIVED);
    assertThat(page.next()).isEmpty();
  }

  @Test
  default void aThreadSentInOneInstantIsStillOldestFirst() {
    World world = castOfThree();
    MessageView start = world.send(PR, "Hearing", "Monday?", A);
    MessageView answer = world.as(A).reply(Reply.to(start.id(), "Yes."));
    MessageView thanks = world.as(PR).reply(Reply.to(answer.id(), "Thanks."));

    assertThat(ids(world.as(PR).thread(start.thread(), PageRequest.first()).items()))
        .containsExactly(start.id(), answer.id(), thanks.id());
  }

  @Test
  default void aThreadPagesWithoutGapsOrDuplicates() {
    World world = castOfThree();
    MessageView start = world.send(PR, "Hearing", "Monday?", A, B);
    List<MessageId> expected = new ArrayList<>(List.of(start.id()));
    for (int i = 0; i < 5; i++) {
      world.clock.advance(Duration.ofSeconds(i % 2));
      expected.add(world.as(i % 2 == 0 ? A : B).replyAll(Reply.to(start.id(), "answer " + i)).id());
    }

    for (int size = 1; size <= 7; size++) {
      List<MessageSummary> read = new ArrayList<>();
      ThreadPage page = world.as(PR).thread(start.thread(), PageRequest.first(size));
      read.addAll(page.items());
      while (page.next().isPresent()) {
        assertThat(page.items()).hasSize(size);
        page = world.as(PR).thread(start.thread(), PageRequest.first(size).next(page.next().get()));
        read.addAll(page.items());
      }
      assertThat(ids(read)).as("page size " + size).isEqualTo(expected);
    }
  }

  @Test
  default void aThreadShowsOnlyTheCopiesTheActorHolds() {
    World world = castOfThree();
    MessageView start = world.send(PR, "Hearing", "Monday?", A, B);
    MessageView privateAnswer = world.as(A).reply(Reply.to(start.id(), "Just to you."));
    MessageView publicAnswer = world.as(B).replyAll(Reply.to(start.id(), "To everyone."));

    assertThat(ids(world.as(PR).thread(start.thread(), PageRequest.first()).items()))
        .containsExactly(start.id(), privateAnswer.id(), publicAnswer.id());
    assertThat(ids(world.as(A).thread(start.thread(), PageRequest.first()).items()))
        .containsExactly(start.id(), privateAnswer.id(), publicAnswer.id());
    assertThat(ids(world.as(B).thread(start.thread(), PageRequest.first()).items()))
        .containsExactly(start.id(), publicAnswer.id());
  }

  @Test
  default void someoneElsesThreadIsNotFoundLikeAnUnknownOne() {
    World world = castOfThree();
    MessageView between = world.send(PR, "Private", "", A);
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    NotFoundException foreign = catchNotFound(() -> world.as(B).thread(between.thread(), PageRequest.first()));
    ThreadId unknownId = ThreadId.of(between.thread().value() + 1_000_000);
    NotFoundException unknown = catchNotFound(() -> world.as(B).thread(unknownId, PageRequest.first()));

    assertThat(foreign.kind()).isEqualTo(unknown.kind()).isEqualTo("thread");
    assertThat(foreign.id()).isEqualTo(between.thread().toString());
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ All Messages

  @Test
  default void allMessagesHoldsEveryPersonalMessageReceivedOrSentWhereverItSits() {
    World world = castOfThree();
    MessageView inInbox = world.send(PR, "Stays in Inbox", "", A);
    MessageView archived = world.send(B, "Archived", "", A);
    MessageView filed = world.send(PR, "Filed", "", A);
    MessageView sent = world.send(A, "Sent by a", "", PR);
    MessageView sentArchived = world.send(A, "Sent and archived", "", B);
    FolderId custom = world.as(A).createFolder("Court").id();
    world.as(A).move(MoveRequest.of(Set.of(archived.id(), sentArchived.id()), SystemFolder.ARCHIVE.id()));
    world.as(A).move(MoveRequest.of(filed.id(), custom));

    List<MessageSummary> all = world.list(A, SystemFolder.ALL_MESSAGES);

    assertThat(ids(all)).containsExactlyInAnyOrder(inInbox.id(), archived.id(), filed.id(), sent.id(), sentArchived.id());
    assertThat(all).isSortedAccordingTo(NEWEST_FIRST);
    Map<MessageId, FolderId> where = all.stream().collect(Collectors.toMap(MessageSummary::id, MessageSummary::folder));
    assertThat(where).containsEntry(inInbox.id(), SystemFolder.INBOX.id())
        .containsEntry(archived.id(), SystemFolder.ARCHIVE.id())
        .containsEntry(filed.id(), custom)
        .containsEntry(sent.id(), SystemFolder.SENT.id())
        .containsEntry(sentArchived.id(), SystemFolder.ARCHIVE.id());
  }

  @Test
  default void allMessagesLeavesOutDraftsAndSystemMessages() {
    World world = newWorld();
    ParticipantId pr = world.practitioner("pr");
    ParticipantId a = world.parent("a");
    world.family("f", a);
    world.grant(pr, a);
    world.messaging.postNotification(NewNotification.builder().recipient(pr).subject("Journal shared").build());
    world.as(pr).saveDraft(DraftContent.builder().addRecipients(a).subject("Not yet").body("draft").build());
    MessageView personal = world.send(a, "Question", "", pr);

    assertThat(world.list(pr, SystemFolder.ACTION_ITEMS)).isNotEmpty();
    assertThat(world.list(pr, SystemFolder.NOTIFICATIONS)).hasSize(1);
    assertThat(ids(world.list(pr, SystemFolder.ALL_MESSAGES))).containsExactly(personal.id());
    assertThat(world.folder(pr, SystemFolder.ALL_MESSAGES).total()).isEqualTo(1);
    assertThat(ids(world.list(a, SystemFolder.ALL_MESSAGES))).containsExactly(personal.id());
  }

  @Test
  default void aSystemMessageFiledInACustomFolderStaysOutOfAllMessages() {
    World world = newWorld();
    ParticipantId pr = world.practitioner("pr");
    MessageId notice = world.messaging.postNotification(
        NewNotification.builder().recipient(pr).subject("Journal shared").build());
    FolderId custom = world.as(pr).createFolder("Journal").id();

    world.as(pr).move(MoveRequest.of(notice, custom));

    assertThat(ids(world.list(pr, custom))).containsExactly(notice);
    assertThat(world.list(pr, SystemFolder.ALL_MESSAGES)).isEmpty();
    assertThat(counts(world, pr, SystemFolder.ALL_MESSAGES.id())).containsExactly(0L, 0L);
  }

  @Test
  default void allMessagesIncludesAutoRepliesOnBothSides() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Away").body("Back soon.").build());

    MessageView question = world.send(A, "Question", "", PR);

    List<MessageSummary> aAll = world.list(A, SystemFolder.ALL_MESSAGES);
    List<MessageSummary> prAll = world.list(PR, SystemFolder.ALL_MESSAGES);
    assertThat(aAll).extracting(MessageSummary::kind).containsExactly(MessageKind.AUTO_REPLY, MessageKind.PERSONAL);
    assertThat(prAll).extracting(MessageSummary::kind).containsExactly(MessageKind.AUTO_REPLY, MessageKind.PERSONAL);
    assertThat(aAll.get(1).id()).isEqualTo(question.id());
    assertThat(counts(world, A, SystemFolder.ALL_MESSAGES.id())).containsExactly(2L, 1L);
    assertThat(counts(world, PR, SystemFolder.ALL_MESSAGES.id())).containsExactly(2L, 1L);
  }

  @Test
  default void movingNeverChangesAllMessagesNorItsCounts() {
    World world = castOfThree();
    List<MessageId> received = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      world.clock.advance(Duration.ofMinutes(1));
      received.add(world.send(i % 2 == 0 ? PR : B, "Message " + i, "", A).id());
    }
    MessageId sent = world.send(A, "Mine", "", PR).id();
    world.as(A).open(received.get(1));
    List<MessageSummary> before = world.list(A, SystemFolder.ALL_MESSAGES);
    List<Long> countsBefore = counts(world, A, SystemFolder.ALL_MESSAGES.id());
    FolderId custom = world.as(A).createFolder("Court").id();

    world.as(A).move(MoveRequest.of(Set.of(received.get(0), received.get(1), sent), SystemFolder.ARCHIVE.id()));
    world.as(A).move(MoveRequest.of(Set.of(received.get(2), sent), custom));
    assertSameAllMessages(world, before, countsBefore);
    world.as(A).move(MoveRequest.of(received.get(0), SystemFolder.INBOX.id()));
    world.as(A).deleteFolder(custom);
    assertSameAllMessages(world, before, countsBefore);
    world.as(A).move(MoveRequest.of(sent, SystemFolder.SENT.id()));
    assertSameAllMessages(world, before, countsBefore);
  }

  @Test
  default void allMessagesCountsEveryPersonalMessageAndTheUnreadReceivedOnes() {
    World world = castOfThree();
    MessageView one = world.send(PR, "One", "", A);
    world.send(B, "Two", "", A);
    world.send(A, "Three", "", PR, B);
    world.send(A, "Four", "", B);

    assertThat(counts(world, A, SystemFolder.ALL_MESSAGES.id())).containsExactly(4L, 2L);
    world.as(A).open(one.id());
    assertThat(counts(world, A, SystemFolder.ALL_MESSAGES.id())).containsExactly(4L, 1L);
    assertThat(world.as(A).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1)).folder().unread()).isEqualTo(1);
    assertThat(world.list(A, SystemFolder.ALL_MESSAGES).stream().filter(MessageSummary::unread).count()).isEqualTo(1);
  }

  @Test
  default void allMessagesPagesWithACursorLikeAnyFolder() {
    World world = castOfThree();
    List<MessageId> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      world.clock.advance(Duration.ofSeconds(i % 2));
      sent.add((i % 2 == 0 ? world.send(PR, "In " + i, "", A) : world.send(A, "Out " + i, "", B)).id());
    }
    world.as(A).move(MoveRequest.of(sent.get(2), SystemFolder.ARCHIVE.id()));
    Collections.reverse(sent);

    assertThat(ids(allPages(world, A, SystemFolder.ALL_MESSAGES.id(), 2))).isEqualTo(sent);
    assertThat(ids(allPages(world, A, SystemFolder.ALL_MESSAGES.id(), 1))).isEqualTo(sent);
  }

  // ------------------------------------------------------------------------------ property

  /**
   * Whatever participants send, open, preview and move, and however they delete custom folders:
   * every folder lists exactly the copies the model puts there, newest first, each with the first
   * viewed time of its first opening (a sender's copy: its sent time), All Messages holds every
   * personal message of the owner, and every count equals a recount of its pages.
   */
  @Property
  default void everyFolderAgreesWithTheModelWhateverParticipantsDo(
      @ForAll("readingChains") ActionChain<ReadingModel> chain) {
    chain.withInvariant("every folder agrees with the model", ReadingModel::check).run();
  }

  @Provide
  default Arbitrary<ActionChain<ReadingModel>> readingChains() {
    List<ParticipantId> people = List.of(PR, A, B);
    return ActionChain.<ReadingModel>startWith(() -> new ReadingModel(castOfThree(), people))
        .withAction(3, ReadingModel.sendAction(people))
        .withAction(2, ReadingModel.openAction())
        .withAction(1, ReadingModel.previewAction())
        .withAction(2, ReadingModel.moveAction())
        .withAction(1, ReadingModel.replaceCustomFolderAction(people))
        .withMaxTransformations(25);
  }

  // ------------------------------------------------------------------------------ helpers

  /** {@code pr} with approved access to parents {@code a} and {@code b}, who share a family. */
  // ------------------------------------------------------------------------------ whole listings

  @Test
  default void aFolderStreamReadsEveryMessageNewestFirstAPageAtATimeAsItIsConsumed() {
    World world = castOfThree();
    List<MessageId> sent = new ArrayList<>();
    for (int i = 0; i < InputRules.MAX_PAGE_SIZE + 15; i++) {
      world.clock.advance(Duration.ofSeconds(i % 3)); // ties on the sent time too
      sent.add(world.send(PR, "Update " + i, "Note " + i, A).id());
    }
    Collections.reverse(sent);

    assertThat(world.as(A).messagesIn(SystemFolder.INBOX.id()).map(MessageSummary::id))
        .as("every message, newest first, none twice")
        .containsExactlyElementsOf(world.list(A, SystemFolder.INBOX).stream().map(MessageSummary::id).toList())
        .containsExactlyInAnyOrderElementsOf(sent)
        .doesNotHaveDuplicates();
    assertThat(world.as(A).messagesIn(SystemFolder.INBOX.id()).limit(3).map(MessageSummary::id))
        .as("a stream cut short reads only what it needs").containsExactlyElementsOf(
            world.as(A).folder(SystemFolder.INBOX.id(), PageRequest.first(3)).items().stream().map(MessageSummary::id).toList());
    assertThat(world.as(PR).messagesIn(SystemFolder.SENT.id())).hasSize(sent.size());
    assertThat(world.as(B).messagesIn(SystemFolder.INBOX.id())).as("an empty folder").isEmpty();
  }

  @Test
  default void aFolderStreamRefusesWhatAPageRefuses() {
    World world = castOfThree();
    FolderId someoneElses = world.as(B).createFolder("Court").id();

    assertThatThrownBy(() -> world.as(A).messagesIn(someoneElses).count()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> world.as(A).messagesIn(SystemFolder.DRAFTS.id()).count())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> world.as(A).messagesIn(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> world.as(A).messagesOf(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> world.as(A).folderView(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  default void aThreadStreamAndTheDraftsStreamReadEverything() {
    World world = castOfThree();
    MessageView first = world.send(PR, "Schedule", "Weekends?", A);
    List<MessageId> thread = new ArrayList<>(List.of(first.id()));
    for (int i = 0; i < InputRules.MAX_PAGE_SIZE + 5; i++) {
      world.clock.advance(Duration.ofSeconds(1));
      thread.add((i % 2 == 0 ? world.as(A) : world.as(PR)).reply(Reply.builder().message(thread.get(thread.size() - 1))
          .body("Answer " + i).quoteOriginal(false).build()).id());
    }
    for (int i = 0; i < InputRules.MAX_PAGE_SIZE + 3; i++) {
      world.as(B).saveDraft(DraftContent.builder().body("Draft " + i).build());
    }

    assertThat(world.as(A).messagesOf(first.thread()).map(MessageSummary::id))
        .as("the whole conversation, oldest first").containsExactlyElementsOf(thread);
    assertThat(world.as(B).allDrafts()).hasSize(InputRules.MAX_PAGE_SIZE + 3)
        .extracting(draft -> draft.body()).doesNotHaveDuplicates();
    assertThatThrownBy(() -> world.as(B).messagesOf(first.thread()).count()).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void oneFoldersViewIsTheOneTheFolderListShows() {
    World world = castOfThree();
    world.send(PR, "Hearing", "Monday.", A);
    FolderId court = world.as(A).createFolder("Court").id();

    assertThat(world.as(A).folderView(SystemFolder.INBOX.id())).isEqualTo(world.folder(A, SystemFolder.INBOX));
    assertThat(world.as(A).folderView(court).name()).isEqualTo("Court");
    assertThat(world.as(A).folderView(SystemFolder.INBOX.id()).unread()).isEqualTo(1);
    assertThatThrownBy(() -> world.as(B).folderView(court)).isInstanceOf(NotFoundException.class);
  }

  private World castOfThree() {
    World world = newWorld();
    world.practitioner(PR.value());
    world.parent(A.value());
    world.parent(B.value());
    world.family("f", A, B);
    world.grant(PR, A);
    world.grant(PR, B);
    return world;
  }

  private static MessageSummary summary(World world, ParticipantId owner, SystemFolder folder, MessageId id) {
    return world.list(owner, folder).stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message " + id + " in " + folder + " of " + owner));
  }

  /** The sender's receipt of one recipient, read without opening. */
  private static ReadReceipt receipt(World world, ParticipantId sender, MessageId message, ParticipantId recipient) {
    return world.as(sender).preview(message).receipts().stream()
        .filter(r -> r.recipient().id().equals(recipient))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no receipt of " + recipient + " for " + message));
  }

  private static List<Long> counts(World world, ParticipantId owner, FolderId folder) {
    FolderView view = world.folder(owner, folder);
    return List.of(view.total(), view.unread());
  }

  private static List<MessageId> ids(List<MessageSummary> summaries) {
    return summaries.stream().map(MessageSummary::id).collect(Collectors.toList());
  }

  private static List<MessageSummary> allPages(World world, ParticipantId owner, FolderId folder, int size) {
    FolderPage page = world.as(owner).folder(folder, PageRequest.first(size));
    List<MessageSummary> read = new ArrayList<>(page.items());
    while (page.next().isPresent()) {
      assertThat(page.items()).hasSize(size);
      page = world.as(owner).folder(folder, PageRequest.first(size).next(page.next().get()));
      read.addAll(page.items());
    }
    assertThat(page.items().size()).isLessThanOrEqualTo(size);
    return read;
  }

  private static List<MessageSummary> remainingPages(
      World world, ParticipantId owner, FolderId folder, int size, PageCursor cursor) {
    List<MessageSummary> read = new ArrayList<>();
    Optional<PageCursor> next = Optional.of(cursor);
    while (next.isPresent()) {
      FolderPage page = world.as(owner).folder(folder, PageRequest.first(size).next(next.get()));
      read.addAll(page.items());
      next = page.next();
    }
    return read;
  }

  private static void assertCursorRefused(Runnable read) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  private static NotFoundException catchNotFound(Runnable call) {
    try {
      call.run();
    } catch (NotFoundException e) {
      return e;
    }
    throw new AssertionError("expected a NotFoundException");
  }

  private static void assertSameAllMessages(World world, List<MessageSummary> before, List<Long> countsBefore) {
    List<MessageSummary> now = world.list(A, SystemFolder.ALL_MESSAGES);
    assertThat(ids(now)).isEqualTo(ids(before));
    assertThat(counts(world, A, SystemFolder.ALL_MESSAGES.id())).isEqualTo(countsBefore);
    assertThat(now).extracting(MessageSummary::openedAt).isEqualTo(before.stream().map(MessageSummary::openedAt).collect(Collectors.toList()));
  }
}
