package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.Casework.ARCHIVE;
import static dev.casemail.messaging.contract.storage.Casework.COURT;
import static dev.casemail.messaging.contract.storage.Casework.INBOX;
import static dev.casemail.messaging.contract.storage.Casework.OLD;
import static dev.casemail.messaging.contract.storage.StorageScene.WHOLE;
import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.ids;
import static dev.casemail.messaging.contract.storage.StorageScene.personal;
import static dev.casemail.messaging.contract.storage.StorageScene.request;
import static dev.casemail.messaging.contract.storage.StorageScene.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.mailbox.Delivery;
import dev.casemail.messaging.core.mailbox.Mailbox;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.mailbox.MailboxChanges;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.contract.storage.StorageScene.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The port {@link MailboxChanges}: every part of a change is applied, with the counts it carries; what
 * the store must refuse is refused with a {@code StorageConflictException} and none of the change
 * stays; a transaction whose work fails leaves nothing, and a read-only one writes nothing.
 */
public interface MailboxChangesContract extends StorageFixture {

  // ---------------------------------------------------------------- every part is applied

  @Test
  default void aDeliveryPlacesEveryCopyStartsTheReceiptsAndCountsEachCopy() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Message message = personal(1, 1, lee, at(1), anna, ben);

    scene.deliver(message);

    assertThat(scene.copy(lee, message)).isEqualTo(MessageCopy.forSender(message));
    assertThat(scene.copy(anna, message)).isEqualTo(MessageCopy.forRecipient(message, anna.id()));
    assertThat(scene.copy(ben, message)).isEqualTo(MessageCopy.forRecipient(message, ben.id()));
    assertThat(scene.committed().receipts().of(lee.id(), message.id()))
        .containsExactly(new Receipt(anna.id(), Optional.empty()), new Receipt(ben.id(), Optional.empty()));
    assertThat(counts(scene, lee, SystemFolder.SENT.id())).isEqualTo(new FolderCounts(1, 0));
    assertThat(counts(scene, lee, SystemFolder.ALL_MESSAGES.id())).isEqualTo(new FolderCounts(1, 0));
    assertThat(counts(scene, anna, INBOX)).isEqualTo(new FolderCounts(1, 1));
    assertThat(counts(scene, anna, SystemFolder.ALL_MESSAGES.id())).isEqualTo(new FolderCounts(1, 1));
    List.of(lee, anna, ben).forEach(scene::assertCountsMatchARecount);
  }

  @Test
  default void aMoveRelocatesTheCopiesAndTheirCountsAndLeavesAllMessagesAlone() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message first = scene.deliver(personal(1, 1, lee, at(1), anna));
    Message second = scene.deliver(personal(2, 2, lee, at(2), anna));
    Message third = scene.deliver(personal(3, 3, lee, at(3), anna));
    scene.open(anna, second, at(4));
    scene.apply(MailboxChange.builder().addFolder(Folder.custom(anna.id(), COURT, FolderName.custom("Court"))).build());

    scene.apply(MailboxChange.builder()
        .move(scene.copy(anna, first), ARCHIVE)
        .move(scene.copy(anna, second), ARCHIVE)
        .move(scene.copy(anna, third), COURT)
        .build());

    assertThat(scene.committed().copies().inFolder(anna.id(), INBOX, Optional.empty(), WHOLE)).isEmpty();
    assertThat(ids(scene.committed().copies().inFolder(anna.id(), ARCHIVE, Optional.empty(), WHOLE)))
        .containsExactly(2L, 1L);
    assertThat(ids(scene.committed().copies().inFolder(anna.id(), COURT, Optional.empty(), WHOLE)))
        .containsExactly(3L);
    assertThat(scene.copy(anna, second))
        .isEqualTo(MessageCopy.forRecipient(second, anna.id()).in(ARCHIVE).openedAt(at(4)));
    assertThat(counts(scene, anna, INBOX)).isEqualTo(new FolderCounts(0, 0));
    assertThat(counts(scene, anna, ARCHIVE)).isEqualTo(new FolderCounts(2, 1));
    assertThat(counts(scene, anna, COURT)).isEqualTo(new FolderCounts(1, 1));
    assertThat(counts(scene, anna, SystemFolder.ALL_MESSAGES.id())).isEqualTo(new FolderCounts(3, 2));
    assertThat(ids(scene.committed().copies().inFolder(lee.id(), SystemFolder.SENT.id(), Optional.empty(), WHOLE)))
        .containsExactly(3L, 2L, 1L);
    List.of(lee, anna).forEach(scene::assertCountsMatchARecount);
  }

  @Test
  default void removingAFolderMovesWhatItHoldsIntoTheTargetFirstThenRemovesIt() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message first = scene.deliver(personal(1, 1, lee, at(1), anna));
    Message second = scene.deliver(personal(2, 2, lee, at(2), anna));
    scene.apply(MailboxChange.builder().addFolder(Folder.custom(anna.id(), COURT, FolderName.custom("Court"))).build());
    scene.apply(MailboxChange.builder()
        .move(scene.copy(anna, first), COURT)
        .move(scene.copy(anna, second), COURT)
        .build());
    scene.open(anna, first, at(3));
    Folder court = scene.folder(anna, COURT);
    assertThat(court.counts()).isEqualTo(new FolderCounts(2, 1));

    scene.apply(MailboxChange.builder().removeFolderInto(court, ARCHIVE).build());

    assertThat(scene.committed().folders().find(anna.id(), COURT)).isEmpty();
    assertThat(scene.committed().folders().of(anna.id())).extracting(Folder::id).doesNotContain(COURT);
    assertThat(scene.committed().copies().inFolder(anna.id(), COURT, Optional.empty(), WHOLE)).isEmpty();
    assertThat(ids(scene.committed().copies().inFolder(anna.id(), ARCHIVE, Optional.empty(), WHOLE)))
        .containsExactly(2L, 1L);
    assertThat(scene.copy(anna, first).folder()).isEqualTo(ARCHIVE);
    assertThat(scene.copy(anna, second).folder()).isEqualTo(ARCHIVE);
    assertThat(counts(scene, anna, ARCHIVE)).isEqualTo(new FolderCounts(2, 1));
    assertThat(counts(scene, anna, SystemFolder.ALL_MESSAGES.id())).isEqualTo(new FolderCounts(2, 1));
    scene.assertCountsMatchARecount(anna);

    Folder again = Folder.custom(anna.id(), FolderId.of(1001), FolderName.custom("court"));
    scene.apply(MailboxChange.builder().addFolder(again).build());
    assertThat(scene.committed().folders().find(anna.id(), again.id())).contains(again);
  }

  @Test
  default void removingAnEmptyFolderRemovesOnlyIt() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Folder court = Folder.custom(anna.id(), COURT, FolderName.custom("Court"));
    scene.apply(MailboxChange.builder().addFolder(court).build());

    scene.apply(MailboxChange.builder().removeFolderInto(court, ARCHIVE).build());

    assertThat(scene.committed().folders().find(anna.id(), COURT)).isEmpty();
    assertThat(scene.committed().folders().of(anna.id())).extracting(Folder::id)
        .containsExactlyInAnyOrderElementsOf(
            List.of(SystemFolder.values()).stream().map(SystemFolder::id).collect(Collectors.toList()));
    scene.assertCountsMatchARecount(anna);
  }

  @Test
  default void openingRecordsTheFirstViewOnTheCopyAndOnTheSendersReceiptWhereverTheCopySits() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Message message = scene.deliver(personal(1, 1, lee, at(1), anna, ben));
    scene.apply(MailboxChange.builder().move(scene.copy(anna, message), ARCHIVE).build());

    scene.open(anna, message, at(7));

    assertThat(scene.copy(anna, message))
        .isEqualTo(MessageCopy.forRecipient(message, anna.id()).in(ARCHIVE).openedAt(at(7)));
    assertThat(scene.copy(ben, message)).isEqualTo(MessageCopy.forRecipient(message, ben.id()));
    assertThat(scene.committed().receipts().of(lee.id(), message.id()))
        .containsExactly(new Receipt(anna.id(), Optional.of(at(7))), new Receipt(ben.id(), Optional.empty()));
    assertThat(counts(scene, anna, ARCHIVE)).isEqualTo(new FolderCounts(1, 0));
    assertThat(counts(scene, anna, SystemFolder.ALL_MESSAGES.id())).isEqualTo(new FolderCounts(1, 0));
    assertThat(counts(scene, ben, INBOX)).isEqualTo(new FolderCounts(1, 1));
    List.of(lee, anna, ben).forEach(scene::assertCountsMatchARecount);
  }

  @Test
  default void openingASystemMessageCountsItReadInItsFolderOnly() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Message notification = scene.deliver(system(MessageKind.NOTIFICATION, 1, at(1), anna));
    assertThat(counts(scene, anna, SystemFolder.NOTIFICATIONS.id())).isEqualTo(new FolderCounts(1, 1));

    scene.open(anna, notification, at(2));

    assertThat(scene.copy(anna, notification).openedAt()).contains(at(2));
    assertThat(counts(scene, anna, SystemFolder.NOTIFICATIONS.id())).isEqualTo(new FolderCounts(1, 0));
    assertThat(counts(scene, anna, SystemFolder.ALL_MESSAGES.id())).isEqualTo(new FolderCounts(0, 0));
    scene.assertCountsMatchARecount(anna);
  }

  @Test
  default void customFoldersAreAddedRenamedAndRemovedKeepingWhatTheyHold() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message message = scene.deliver(personal(1, 1, lee, at(1), anna));
    scene.apply(MailboxChange.builder().addFolder(Folder.custom(anna.id(), COURT, FolderName.custom("Court"))).build());
    scene.apply(MailboxChange.builder().move(scene.copy(anna, message), COURT).build());

    scene.apply(rename(scene.folder(anna, COURT), "Hearings"));
    assertThat(scene.folder(anna, COURT))
        .isEqualTo(new Folder(anna.id(), COURT, Optional.empty(), FolderName.custom("Hearings"), 1, 1));

    scene.apply(rename(scene.folder(anna, COURT), "HEARINGS"));
    assertThat(scene.folder(anna, COURT).name()).isEqualTo(FolderName.custom("HEARINGS"));

    Folder court = Folder.custom(anna.id(), OLD, FolderName.custom("Court"));
    scene.apply(MailboxChange.builder().addFolder(court).build());
    assertThat(scene.committed().folders().find(anna.id(), OLD)).contains(court);

    scene.apply(MailboxChange.builder().removeFolderInto(scene.folder(anna, COURT), ARCHIVE).build());
    assertThat(scene.committed().folders().find(anna.id(), COURT)).isEmpty();
    assertThat(scene.copy(anna, message).folder()).isEqualTo(ARCHIVE);
    assertThat(scene.committed().folders().of(anna.id())).extracting(f -> f.name().value())
        .containsExactlyInAnyOrder(
            "Inbox", "Action Items", "Notifications", "Drafts", "Sent", "Archive", "All Messages", "Court");
    scene.assertCountsMatchARecount(anna);
  }

  @Test
  default void draftsAreAddedRevisedAndRemovedAndCountInDrafts() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Draft first = Draft.create(lee.id(), DraftId.of(1), DraftContent.builder().body("one").build(), at(1));
    Draft second = Draft.create(lee.id(), DraftId.of(2), DraftContent.builder().body("two").build(), at(2));

    scene.apply(MailboxChange.builder().addDraft(first).addDraft(second).build());
    assertThat(counts(scene, lee, SystemFolder.DRAFTS.id())).isEqualTo(new FolderCounts(2, 0));

    Draft revised = first.revised(DraftContent.builder().body("one, again").build(), at(3));
    scene.apply(MailboxChange.builder().reviseDraft(revised, first.version()).build());
    assertThat(scene.committed().drafts().find(lee.id(), first.id())).contains(revised);
    assertThat(counts(scene, lee, SystemFolder.DRAFTS.id())).isEqualTo(new FolderCounts(2, 0));

    scene.apply(MailboxChange.builder().removeDraft(lee.id(), second.id()).build());
    assertThat(scene.committed().drafts().find(lee.id(), second.id())).isEmpty();
    assertThat(scene.committed().drafts().page(lee.id(), Optional.empty(), WHOLE)).containsExactly(revised);
    assertThat(counts(scene, lee, SystemFolder.DRAFTS.id())).isEqualTo(new FolderCounts(1, 0));
    scene.assertCountsMatchARecount(lee);
  }

  @Test
  default void keysAutoRepliesAndAutoResponderSettingsAreStoredWithTheDeliveryTheyCameWith() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message message = personal(1, 1, lee, at(1), anna);
    SentKey key = new SentKey(lee.id(), "send:k1", "f1", message.id());
    AutoReplyRecord reply = new AutoReplyRecord(anna.id(), lee.id(), at(1), 3);
    AutoResponderState settings = new AutoResponderState(Casework.away("Anna"), 3, at(1));

    scene.apply(Delivery.of(message).and(MailboxChange.builder()
        .rememberKey(key)
        .recordAutoReply(reply)
        .saveAutoResponder(anna.id(), settings)
        .build()));

    assertThat(scene.copy(anna, message)).isEqualTo(MessageCopy.forRecipient(message, anna.id()));
    assertThat(scene.committed().sentKeys().find(lee.id(), key.key())).contains(key);
    assertThat(scene.committed().autoResponders().lastReplies(List.of(anna.id()), lee.id()))
        .isEqualTo(Map.of(anna.id(), reply));
    assertThat(scene.committed().autoResponders().find(anna.id())).contains(settings);
  }

  @Test
  default void anAccessLinkIsSavedUnderBothSidesWithTheActionItemItPosts() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    AccessLink requested = request(Optional.empty(), lee, anna, lee, at(1));
    Message actionItem = system(MessageKind.ACTION_ITEM, 1, at(1), anna);

    scene.apply(MailboxChange.builder().saveLink(requested).build().and(Delivery.of(actionItem)));

    assertThat(scene.committed().accessLinks().find(lee.id(), anna.id())).contains(requested);
    assertThat(scene.committed().accessLinks().of(lee.id())).containsExactly(requested);
    assertThat(scene.committed().accessLinks().of(anna.id())).containsExactly(requested);
    assertThat(scene.committed().accessLinks().statusesOf(lee.id()))
        .isEqualTo(Map.of(anna.id(), AccessStatus.REQUESTED));
    assertThat(scene.committed().accessLinks().statusesOf(anna.id()))
        .isEqualTo(Map.of(lee.id(), AccessStatus.REQUESTED));
    assertThat(ids(scene.committed().copies()
            .inFolder(anna.id(), SystemFolder.ACTION_ITEMS.id(), Optional.empty(), WHOLE)))
        .containsExactly(1L);
    assertThat(counts(scene, anna, SystemFolder.ACTION_ITEMS.id())).isEqualTo(new FolderCounts(1, 1));
  }

  @Test
  default void aChangeWithAWriteOfEveryKindIsAppliedWhole() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);

    scene.apply(work.everyKindOfWrite());

    assertEveryKindOfWriteApplied(scene, work);
    List.of(work.lee, work.anna, work.ben).forEach(scene::assertCountsMatchARecount);
  }

  // ---------------------------------------------------------------- what a store refuses

  @Test
  default void aCopyOfAMessageTheMailboxAlreadyHoldsIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    MessageCopy freshForAnna = MessageCopy.forRecipient(work.fresh(), work.anna.id());

    scene.assertRefused(Delivery.of(work.first));
    scene.assertRefused(MailboxChange.builder().place(MessageCopy.forRecipient(work.first, work.anna.id())).build());
    scene.assertRefused(MailboxChange.builder().place(freshForAnna).place(freshForAnna).build());
    scene.assertRefused(work.everyKindOfWrite().and(Delivery.of(work.second)));
  }

  @Test
  default void aCopyThatStartsAThreadTheMailboxAlreadyHoldsIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    long thread = work.first.thread().value();
    // message 901 claims thread 1 as a thread of its own: in Anna's and Lee's mailboxes it is taken
    Message claiming = personal(901, 901, work.ben, at(60), work.anna);
    Message sameThread = new Message(claiming.id(), work.first.thread(), claiming.kind(), claiming.sender(),
        claiming.recipients(), claiming.subject(), claiming.body(), claiming.sentAt(), Optional.empty());

    scene.assertRefused(Delivery.of(sameThread));
    scene.assertRefused(work.everyKindOfWrite().and(Delivery.of(sameThread)));
    // a reply joins the thread, and a thread id no mailbox of the message holds may start anywhere
    scene.apply(Delivery.of(personal(902, thread, work.ben, at(61), work.anna)));
    Participant kim = scene.practitioner("kim");
    scene.apply(Delivery.of(new Message(MessageId.of(903), ThreadId.of(Long.MAX_VALUE), claiming.kind(),
        Optional.of(kim), List.of(work.ben), "New", "", at(62), Optional.empty())));
    assertThat(scene.committed().copies().inThread(work.anna.id(), work.first.thread(), Optional.empty(), 10))
        .extracting(copy -> copy.id().value()).containsExactly(1L, 2L, 902L);
  }

  @Test
  default void aFolderIdTheMailboxHasIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);

    scene.assertRefused(addFolder(Folder.custom(work.anna.id(), COURT, FolderName.custom("Elsewhere"))));
    scene.assertRefused(addFolder(Folder.system(work.anna.id(), SystemFolder.INBOX)));
    scene.assertRefused(work.everyKindOfWrite()
        .and(addFolder(Folder.custom(work.anna.id(), COURT, FolderName.custom("Else")))));
  }

  @Test
  default void aFolderNameTheMailboxHasIsRefusedWhateverItsCaseOrForm() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    FolderId free = FolderId.of(3000);

    scene.assertRefused(addFolder(Folder.custom(work.anna.id(), free, FolderName.custom("COURT"))));
    scene.assertRefused(addFolder(Folder.custom(work.anna.id(), free, FolderName.custom("ｃｏｕｒｔ"))));
    scene.assertRefused(addFolder(Folder.custom(work.anna.id(), free, new FolderName("inbox"))));
    scene.assertRefused(MailboxChange.builder()
        .renameFolder(scene.folder(work.anna, OLD).renamed(FolderName.custom("court")))
        .build());
    scene.assertRefused(work.everyKindOfWrite()
        .and(addFolder(Folder.custom(work.anna.id(), free, FolderName.custom("Court 2024")))));
  }

  @Test
  default void aDraftIdTakenIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);

    scene.assertRefused(MailboxChange.builder()
        .addDraft(Draft.create(work.lee.id(), work.draft.id(), DraftContent.builder().body("other").build(), at(9)))
        .build());
    scene.assertRefused(work.everyKindOfWrite().and(MailboxChange.builder()
        .addDraft(Draft.create(work.lee.id(), DraftId.of(501), DraftContent.builder().body("twice").build(), at(9)))
        .build()));
  }

  @Test
  default void aRevisionOfADraftAtAnotherVersionOrOfOneThatIsGoneIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    Draft draft = work.draft;
    Draft gone = Draft.create(work.lee.id(), DraftId.of(999), DraftContent.builder().build(), at(1));

    scene.assertRefused(revise(draft.revised(DraftContent.builder().body("b").build(), at(9)), draft.version() + 1));
    scene.assertRefused(revise(gone.revised(DraftContent.builder().body("b").build(), at(9)), gone.version()));
    scene.assertRefused(work.everyKindOfWrite().and(revise(gone.revised(DraftContent.builder().build(), at(9)), 1)));
    Draft revised = draft.revised(DraftContent.builder().body("first revision").build(), at(9));
    scene.apply(revise(revised, draft.version()));
    scene.assertRefused(
        revise(draft.revised(DraftContent.builder().body("lost update").build(), at(10)), draft.version()));
    assertThat(scene.committed().drafts().find(work.lee.id(), draft.id())).contains(revised);
  }

  @Test
  default void anIdempotencyKeyTakenIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    SentKey again = new SentKey(work.lee.id(), work.key.key(), "another fingerprint", work.second.id());
    SentKey twice = new SentKey(work.lee.id(), "send:k9", "f9", work.first.id());

    scene.assertRefused(MailboxChange.builder().rememberKey(again).build());
    scene.assertRefused(MailboxChange.builder().rememberKey(twice).rememberKey(twice).build());
    scene.assertRefused(work.everyKindOfWrite().and(MailboxChange.builder()
        .rememberKey(new SentKey(work.lee.id(), "send:k1", "again", work.first.id()))
        .build()));
    assertThat(scene.committed().sentKeys().find(work.lee.id(), work.key.key())).contains(work.key);
  }

  @Test
  default void aCopyOpenedTwiceIsRefusedAndKeepsItsFirstView() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    MessageCopy unread = scene.copy(work.anna, work.first);
    MessageCopy bensUnread = scene.copy(work.ben, work.first);
    scene.open(work.anna, work.first, at(7));

    scene.assertRefused(MailboxChange.builder().open(unread, at(8)).build());
    scene.assertRefused(MailboxChange.builder().open(bensUnread, at(8)).build().and(
        MailboxChange.builder().open(bensUnread, at(9)).build()));
    scene.assertRefused(work.everyKindOfWrite().and(MailboxChange.builder().open(unread, at(8)).build()));
    assertThat(scene.copy(work.anna, work.first).openedAt()).contains(at(7));
    assertThat(scene.committed().receipts().of(work.lee.id(), work.first.id()))
        .containsExactly(new Receipt(work.anna.id(), Optional.of(at(7))), new Receipt(work.ben.id(), Optional.empty()));
  }

  @Test
  default void anAccessLinkSavedWithAStaleEventCountIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    AccessLink asFirstRead = request(Optional.empty(), work.lee, work.anna, work.lee, at(5));
    AccessLink removed = work.link.remove(work.lee.id(), at(8));

    scene.assertRefused(saveLink(asFirstRead.refuse(work.anna.id(), at(8))));
    scene.assertRefused(saveLink(request(Optional.empty(), work.lee, work.anna, work.anna, at(8))));
    scene.assertRefused(saveLink(request(Optional.of(removed), work.lee, work.anna, work.lee, at(9))));
    scene.assertRefused(work.everyKindOfWrite().and(saveLink(removed)));
    assertThat(scene.committed().accessLinks().withHistory(work.lee.id(), work.anna.id())).contains(work.link);
  }

  @Test
  default void aChangeToAFolderOrDraftThatIsGoneIsRefused() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    Folder ghost = Folder.custom(work.anna.id(), FolderId.of(4000), FolderName.custom("Ghost"));

    scene.assertRefused(MailboxChange.builder().renameFolder(ghost.renamed(FolderName.custom("Ghost 2"))).build());
    scene.assertRefused(MailboxChange.builder().removeFolderInto(ghost, ARCHIVE).build());
    scene.assertRefused(MailboxChange.builder().move(scene.copy(work.anna, work.first), ghost.id()).build());
    scene.assertRefused(MailboxChange.builder().removeDraft(work.lee.id(), DraftId.of(999)).build());
    scene.assertRefused(work.everyKindOfWrite()
        .and(MailboxChange.builder().removeDraft(work.lee.id(), DraftId.of(999)).build()));
  }

  // ---------------------------------------------------------------- failures leave nothing

  @Test
  default void aWriteWhoseWorkThrowsAfterApplyingLeavesNothingBehind() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    MailboxChange change = work.everyKindOfWrite();
    Participant carl = new Participant(ParticipantId.of("carl"), ParticipantRole.PARENT, "Carl");
    Family family = new Family(FamilyId.of("carlsen"), "The Carlsens", Set.of(carl.id(), work.anna.id()));
    scene.track(change);
    scene.mention(carl.id());
    scene.mention(family.id());
    Snapshot before = scene.snapshot();
    IllegalStateException failure = new IllegalStateException("the work fails after applying its change");
    Set<ParticipantId> owners = new HashSet<>(change.owners());
    owners.add(carl.id());

    assertThatThrownBy(() -> scene.write(store -> {
      store.locks().lock(owners);
      store.participants().insert(carl);
      store.changes().apply(Mailbox.open(carl.id()));
      store.families().insert(family);
      store.changes().apply(change);
      assertThat(store.copies().find(work.anna.id(), work.fresh().id())).as("the work sees its own writes").isPresent();
      throw failure;
    })).isSameAs(failure);

    assertThat(scene.snapshot()).isEqualTo(before);
    List.of(work.lee, work.anna, work.ben).forEach(scene::assertCountsMatchARecount);
    scene.apply(work.everyKindOfWrite());
    assertEveryKindOfWriteApplied(scene, work);
  }

  @Test
  default void aReadOnlyTransactionRefusesToApplyAChangeAndWritesNone() {
    StorageScene scene = StorageScene.on(newStorage());
    Casework work = Casework.on(scene);
    List<MailboxChange> parts = work.partsOfEveryKind();
    parts.forEach(scene::track);
    Snapshot before = scene.snapshot();

    for (MailboxChange part : parts) {
      assertThatThrownBy(() -> scene.read(store -> {
        store.changes().apply(part);
        return null;
      })).as("applying %s in a read-only transaction", part).isInstanceOf(RuntimeException.class);
      assertThat(scene.snapshot()).as("what the store holds after the read-only transaction tried %s", part)
          .isEqualTo(before);
    }

    scene.apply(work.everyKindOfWrite());
    assertEveryKindOfWriteApplied(scene, work);
  }

  private static void assertEveryKindOfWriteApplied(StorageScene scene, Casework work) {
    Participant lee = work.lee;
    Participant anna = work.anna;
    Participant ben = work.ben;
    Message fresh = work.fresh();
    assertThat(scene.copy(lee, fresh)).isEqualTo(MessageCopy.forSender(fresh));
    assertThat(scene.copy(anna, fresh)).isEqualTo(MessageCopy.forRecipient(fresh, anna.id()));
    assertThat(scene.copy(ben, fresh)).isEqualTo(MessageCopy.forRecipient(fresh, ben.id()));
    assertThat(scene.committed().receipts().of(lee.id(), fresh.id()))
        .containsExactly(new Receipt(anna.id(), Optional.empty()), new Receipt(ben.id(), Optional.empty()));
    assertThat(scene.copy(anna, work.first).folder()).isEqualTo(COURT);
    assertThat(scene.copy(ben, work.first).openedAt()).contains(at(51));
    assertThat(scene.committed().receipts().of(lee.id(), work.first.id()))
        .containsExactly(new Receipt(anna.id(), Optional.empty()), new Receipt(ben.id(), Optional.of(at(51))));
    assertThat(scene.committed().folders().find(anna.id(), OLD)).isEmpty();
    assertThat(scene.copy(anna, work.second).folder()).isEqualTo(ARCHIVE);
    assertThat(scene.folder(anna, COURT))
        .isEqualTo(new Folder(anna.id(), COURT, Optional.empty(), FolderName.custom("Court 2024"), 1, 1));
    assertThat(counts(scene, anna, ARCHIVE)).isEqualTo(new FolderCounts(1, 0));
    assertThat(counts(scene, anna, INBOX)).isEqualTo(new FolderCounts(1, 1));
    assertThat(counts(scene, anna, SystemFolder.ALL_MESSAGES.id())).isEqualTo(new FolderCounts(3, 2));
    assertThat(scene.folder(ben, FolderId.of(2000)).name()).isEqualTo(FolderName.custom("School"));
    assertThat(scene.committed().drafts().page(lee.id(), Optional.empty(), WHOLE))
        .extracting(d -> d.id().value() + " v" + d.version())
        .containsExactly("500 v2", "501 v1");
    assertThat(counts(scene, lee, SystemFolder.DRAFTS.id())).isEqualTo(new FolderCounts(2, 0));
    assertThat(scene.committed().sentKeys().find(lee.id(), "send:k1"))
        .contains(new SentKey(lee.id(), "send:k1", "f1", fresh.id()));
    assertThat(scene.committed().autoResponders().lastReplies(List.of(ben.id()), lee.id()))
        .isEqualTo(Map.of(ben.id(), new AutoReplyRecord(ben.id(), lee.id(), at(54), 1)));
    assertThat(scene.committed().autoResponders().find(anna.id()))
        .contains(new AutoResponderState(Casework.away("Anna"), 1, at(54)));
    AccessLink removed = work.link.remove(anna.id(), at(55));
    assertThat(scene.committed().accessLinks().find(lee.id(), anna.id())).contains(removed);
    assertThat(scene.committed().accessLinks().statusesOf(lee.id())).isEqualTo(Map.of(anna.id(), AccessStatus.REMOVED));
    assertThat(scene.committed().accessLinks().statusesOf(anna.id())).isEqualTo(Map.of(lee.id(), AccessStatus.REMOVED));
  }

  private static FolderCounts counts(StorageScene scene, Participant owner, FolderId folder) {
    return scene.folder(owner, folder).counts();
  }

  private static MailboxChange addFolder(Folder folder) {
    return MailboxChange.builder().addFolder(folder).build();
  }

  private static MailboxChange rename(Folder folder, String name) {
    return MailboxChange.builder().renameFolder(folder.renamed(FolderName.custom(name))).build();
  }

  private static MailboxChange revise(Draft revised, long expectedVersion) {
    return MailboxChange.builder().reviseDraft(revised, expectedVersion).build();
  }

  private static MailboxChange saveLink(AccessLink link) {
    return MailboxChange.builder().saveLink(link).build();
  }
}
