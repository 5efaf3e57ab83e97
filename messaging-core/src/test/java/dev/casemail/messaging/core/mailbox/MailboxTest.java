package dev.casemail.messaging.core.mailbox;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.message.MessageCopy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailboxTest {

  static final ParticipantId OWNER = MOTHER.id();
  static final FolderId COURT = FolderId.of(100);
  static final FolderId SCHOOL = FolderId.of(101);
  static final FolderId INBOX = SystemFolder.INBOX.id();
  static final FolderId ARCHIVE = SystemFolder.ARCHIVE.id();

  @Test
  void aNewMailboxOpensWithEverySystemFolderEmpty() {
    MailboxChange opened = Mailbox.open(OWNER);

    assertThat(opened.foldersAdded()).extracting(f -> f.system().orElseThrow())
        .containsExactly(SystemFolder.values());
    assertThat(opened.foldersAdded()).allSatisfy(f -> {
      assertThat(f.owner()).isEqualTo(OWNER);
      assertThat(f.counts().total()).isZero();
    });
    assertThat(opened.counts()).isEmpty();
    assertThat(opened.owners()).containsExactly(OWNER);
  }

  @Test
  void foldersReadSystemFoldersInTheirFixedOrderThenCustomFoldersByName() {
    Mailbox mailbox = mailbox(custom(SCHOOL, "school"), custom(COURT, "Court"));

    assertThat(mailbox.inReadingOrder()).extracting(f -> f.name().value()).containsExactly(
        "Inbox", "Action Items", "Notifications", "Drafts", "Sent", "Archive", "All Messages", "Court", "school");
  }

  @Test
  void creatingAFolderAddsItEmptyUnderItsTrimmedName() {
    MailboxChange change = mailbox().createFolder(COURT, "  Court papers ");

    assertThat(change.foldersAdded()).containsExactly(
        Folder.custom(OWNER, COURT, new FolderName("Court papers")));
    assertThat(change.counts()).isEmpty();
    assertThat(change.owners()).containsExactly(OWNER);
  }

  @Test
  void aFolderNameIsTakenWhateverItsCase() {
    Mailbox mailbox = mailbox(custom(COURT, "Court"));

    assertThatThrownBy(() -> mailbox.createFolder(SCHOOL, "COURT")).isInstanceOf(ConflictException.class);
  }

  @Test
  void noCustomFolderTakesASystemFoldersName() {
    assertThatThrownBy(() -> mailbox().createFolder(COURT, "inbox")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aMailboxHoldsAtMostTheCustomFoldersAllowed() {
    List<Folder> customs = IntStream.range(0, Mailbox.MAX_CUSTOM_FOLDERS - 1)
        .mapToObj(i -> custom(FolderId.of(1000 + i), "Folder " + i))
        .collect(Collectors.toList());
    Mailbox almostFull = mailbox(customs.toArray(new Folder[0]));
    customs.add(custom(FolderId.of(5000), "The last one"));
    Mailbox full = mailbox(customs.toArray(new Folder[0]));

    assertThat(almostFull.createFolder(COURT, "Court").foldersAdded()).hasSize(1);
    assertThatThrownBy(() -> full.createFolder(COURT, "Court"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("at most 500 custom folders");
  }

  @Test
  void renamingAFolderKeepsWhatItHolds() {
    Mailbox mailbox = mailbox(custom(COURT, "Court", 3, 1));

    MailboxChange change = mailbox.renameFolder(COURT, "Court 2025");

    assertThat(change.foldersRenamed()).containsExactly(
        new Folder(OWNER, COURT, Optional.empty(), new FolderName("Court 2025"), 3, 1));
    assertThat(change.counts()).isEmpty();
  }

  @Test
  void aFolderMayBeRenamedToItsOwnNameInAnotherCaseButNotToAnotherFoldersName() {
    Mailbox mailbox = mailbox(custom(COURT, "Court"), custom(SCHOOL, "School"));

    assertThat(mailbox.renameFolder(COURT, "COURT").foldersRenamed()).extracting(f -> f.name().value())
        .containsExactly("COURT");
    assertThatThrownBy(() -> mailbox.renameFolder(COURT, "school")).isInstanceOf(ConflictException.class);
  }

  @Test
  void systemFoldersAreNeverRenamedOrDeleted() {
    Mailbox mailbox = mailbox();

    assertThatThrownBy(() -> mailbox.renameFolder(ARCHIVE, "Old"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("folder"));
    assertThatThrownBy(() -> mailbox.deleteFolder(INBOX))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("cannot be deleted"));
  }

  @Test
  void anUnknownFolderIsNotFound() {
    Mailbox mailbox = mailbox();

    assertThatThrownBy(() -> mailbox.renameFolder(COURT, "Court")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> mailbox.deleteFolder(COURT)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> mailbox.folder(COURT))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("folder"));
  }

  @Test
  void deletingAFolderMovesWhatItHoldsToArchiveAndLeavesAllMessagesAsItWas() {
    Mailbox mailbox = mailbox(custom(COURT, "Court", 3, 1));

    MailboxChange change = mailbox.deleteFolder(COURT);

    assertThat(change.emptied()).containsExactly(new MailboxChange.FolderEmptied(OWNER, COURT, ARCHIVE));
    assertThat(change.foldersRemoved()).containsExactly(new MailboxChange.FolderRemoved(OWNER, COURT));
    assertThat(change.counts()).containsExactly(new CountChange(OWNER, ARCHIVE, 3, 1));
  }

  @Test
  void deletingAnEmptyFolderJustRemovesIt() {
    MailboxChange change = mailbox(custom(COURT, "Court")).deleteFolder(COURT);

    assertThat(change.emptied()).isEmpty();
    assertThat(change.foldersRemoved()).containsExactly(new MailboxChange.FolderRemoved(OWNER, COURT));
    assertThat(change.counts()).isEmpty();
    assertThat(change.owners()).containsExactly(OWNER);
  }

  @Test
  void archivingUnreadMessagesMovesThemAndTheirUnreadCountButNotAllMessages() {
    MessageCopy first = received(1);
    MessageCopy second = received(2).openedAt(NOW);

    MailboxChange change = mailbox().move(ids(1, 2), List.of(first, second), ARCHIVE, Optional.empty());

    assertThat(change.moves()).containsExactly(new MailboxChange.CopiesMoved(OWNER, List.of(id(1), id(2)), ARCHIVE));
    assertThat(change.counts()).containsExactlyInAnyOrder(
        new CountChange(OWNER, INBOX, -2, -1), new CountChange(OWNER, ARCHIVE, 2, 1));
  }

  @Test
  void movingMessagesWhereTheyAlreadyAreChangesNothing() {
    MailboxChange change = mailbox().move(ids(1), List.of(received(1)), INBOX, Optional.of(INBOX));

    assertThat(change.isEmpty()).isTrue();
  }

  @Test
  void aMoveNamingMessagesTheMailboxDoesNotHoldNamesThemAllAndMovesNothing() {
    Mailbox mailbox = mailbox();

    assertThatThrownBy(() -> mailbox.move(ids(1, 5, 2, 7), List.of(received(1), received(2)), ARCHIVE, Optional.empty()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("messages");
          assertThat(e.id()).isEqualTo("5, 7");
        });
    assertThatThrownBy(() -> mailbox.move(ids(1, 5), List.of(received(1)), ARCHIVE, Optional.empty()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("message");
          assertThat(e.id()).isEqualTo("5");
        });
  }

  @Test
  void aBatchWithMessagesThatMayNotGoThereNamesEachWithItsReasonAndMovesNothing() {
    MessageCopy sent = MessageCopy.forSender(Fixtures.personal(2, MOTHER, FATHER));
    MessageCopy actionItem = MessageCopy.forRecipient(Fixtures.actionItem(3, MOTHER), OWNER);

    assertThatThrownBy(() -> mailbox().move(ids(1, 2, 3), List.of(received(1), sent, actionItem), INBOX, Optional.empty()))
        .isInstanceOfSatisfying(IllegalMoveException.class, e -> {
          assertThat(e.offending()).containsOnlyKeys(id(2), id(3));
          assertThat(new ArrayList<>(e.offending().keySet())).containsExactly(id(2), id(3));
          assertThat(e.offending().get(id(2))).contains("a sent message");
          assertThat(e.offending().get(id(3))).contains("a system message");
        });
  }

  @Test
  void missingMessagesAreReportedBeforeRefusedOnes() {
    MessageCopy sent = MessageCopy.forSender(Fixtures.personal(2, MOTHER, FATHER));

    assertThatThrownBy(() -> mailbox().move(ids(2, 9), List.of(sent), INBOX, Optional.empty()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void nothingMovesIntoAllMessagesOrDrafts() {
    assertThatThrownBy(() -> mailbox().move(ids(1), List.of(received(1)), SystemFolder.ALL_MESSAGES.id(), Optional.empty()))
        .isInstanceOf(IllegalMoveException.class);
    assertThatThrownBy(() -> mailbox().move(ids(1), List.of(received(1)), SystemFolder.DRAFTS.id(), Optional.empty()))
        .isInstanceOf(IllegalMoveException.class);
  }

  @Test
  void nothingMovesOutOfAllMessagesEvenToWhereItMayGo() {
    assertThatThrownBy(() -> mailbox().move(
            ids(1, 2), List.of(received(1), received(2)), ARCHIVE, Optional.of(SystemFolder.ALL_MESSAGES.id())))
        .isInstanceOfSatisfying(IllegalMoveException.class, e -> {
          assertThat(e.offending()).containsOnlyKeys(id(1), id(2));
          assertThat(e.offending().get(id(1))).isEqualTo("nothing can be moved out of All Messages");
        });
  }

  @Test
  void aMessageMovedMeanwhileFromTheFolderTheCallerSawIsAConflict() {
    MessageCopy archivedMeanwhile = received(2).in(ARCHIVE);

    assertThatThrownBy(() -> mailbox(custom(COURT, "Court"))
            .move(ids(1, 2), List.of(received(1), archivedMeanwhile), COURT, Optional.of(INBOX)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("[2]").hasMessageContaining("Inbox");
  }

  @Test
  void aMoveFromTheFolderTheCallerSawMovesWhenEveryMessageIsStillThere() {
    MailboxChange change = mailbox(custom(COURT, "Court"))
        .move(ids(1, 2), List.of(received(1), received(2)), COURT, Optional.of(INBOX));

    assertThat(change.moves()).containsExactly(new MailboxChange.CopiesMoved(OWNER, List.of(id(1), id(2)), COURT));
  }

  @Test
  void aMoveToOrFromAFolderTheMailboxDoesNotHaveIsNotFound() {
    assertThatThrownBy(() -> mailbox().move(ids(1), List.of(received(1)), COURT, Optional.empty()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("folder"));
    assertThatThrownBy(() -> mailbox().move(ids(1), List.of(received(1)), ARCHIVE, Optional.of(COURT)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("folder"));
  }

  @Test
  void aMailboxHoldsOnlyItsOwnersFoldersAndCopies() {
    Folder foreign = Folder.system(FATHER.id(), SystemFolder.INBOX);
    MessageCopy fathers = MessageCopy.forRecipient(Fixtures.personal(1, MOTHER, FATHER), FATHER.id());

    assertThatThrownBy(() -> new Mailbox(OWNER, List.of(foreign))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mailbox().move(ids(1), List.of(fathers), ARCHIVE, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Mailbox mailbox(Folder... customs) {
    List<Folder> folders = new ArrayList<>();
    Arrays.stream(SystemFolder.values()).forEach(f -> folders.add(Folder.system(OWNER, f)));
    folders.addAll(Arrays.asList(customs));
    return new Mailbox(OWNER, folders);
  }

  static Folder custom(FolderId id, String name) {
    return custom(id, name, 0, 0);
  }

  static Folder custom(FolderId id, String name, long total, long unread) {
    return new Folder(OWNER, id, Optional.empty(), new FolderName(name), total, unread);
  }

  /** The owner's unread copy of message {@code id}, from the co-parent, in the Inbox. */
  static MessageCopy received(long id) {
    return MessageCopy.forRecipient(Fixtures.personal(id, FATHER, MOTHER), OWNER);
  }

  static MessageId id(long id) {
    return MessageId.of(id);
  }

  static List<MessageId> ids(long... ids) {
    return Arrays.stream(ids).mapToObj(MessageId::of).collect(Collectors.toList());
  }
}
