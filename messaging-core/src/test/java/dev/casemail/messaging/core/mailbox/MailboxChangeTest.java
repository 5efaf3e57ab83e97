package dev.casemail.messaging.core.mailbox;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.RequestLimit;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.SentKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailboxChangeTest {

  static final FolderId INBOX = SystemFolder.INBOX.id();
  static final FolderId SENT = SystemFolder.SENT.id();
  static final FolderId ARCHIVE = SystemFolder.ARCHIVE.id();
  static final FolderId ALL = SystemFolder.ALL_MESSAGES.id();
  static final FolderId COURT = FolderId.of(100);

  private static final MessageCopy RECEIVED = MessageCopy.forRecipient(Fixtures.personal(1, FATHER, MOTHER), MOTHER.id());

  @Test
  void aReceivedPersonalMessageCountsUnreadInItsFolderAndInAllMessages() {
    MailboxChange change = MailboxChange.builder().place(RECEIVED).build();

    assertThat(change.placed()).containsExactly(RECEIVED);
    assertThat(change.counts()).containsExactly(
        new CountChange(MOTHER.id(), INBOX, 1, 1), new CountChange(MOTHER.id(), ALL, 1, 1));
    assertThat(change.owners()).containsExactly(MOTHER.id());
  }

  @Test
  void theSendersOwnCopyCountsInSentAndAllMessagesButNeverUnread() {
    MailboxChange change = MailboxChange.builder().place(MessageCopy.forSender(Fixtures.personal(1, FATHER, MOTHER))).build();

    assertThat(change.counts()).containsExactly(
        new CountChange(FATHER.id(), SENT, 1, 0), new CountChange(FATHER.id(), ALL, 1, 0));
  }

  @Test
  void aSystemMessageCountsInItsFolderOnly() {
    MessageCopy actionItem = MessageCopy.forRecipient(Fixtures.actionItem(2, MOTHER), MOTHER.id());

    MailboxChange change = MailboxChange.builder().place(actionItem).build();

    assertThat(change.counts()).containsExactly(new CountChange(MOTHER.id(), SystemFolder.ACTION_ITEMS.id(), 1, 1));
  }

  @Test
  void anAutoReplyCountsInAllMessagesLikeAPersonalMessage() {
    MessageCopy away = MessageCopy.forRecipient(Fixtures.autoReply(3, MEDIATOR, MOTHER), MOTHER.id());

    MailboxChange change = MailboxChange.builder().place(away).build();

    assertThat(change.counts()).contains(new CountChange(MOTHER.id(), ALL, 1, 1));
  }

  @Test
  void openingACopyMakesItReadInItsFolderAndAllMessagesAndTellsTheSender() {
    MailboxChange change = MailboxChange.builder().open(RECEIVED.in(ARCHIVE), NOW).build();

    assertThat(change.openings()).containsExactly(new MailboxChange.CopyOpened(MOTHER.id(), MessageId.of(1), NOW));
    assertThat(change.firstViews()).containsExactly(
        new MailboxChange.FirstView(FATHER.id(), MessageId.of(1), MOTHER.id(), NOW));
    assertThat(change.counts()).containsExactly(
        new CountChange(MOTHER.id(), ARCHIVE, 0, -1), new CountChange(MOTHER.id(), ALL, 0, -1));
    assertThat(change.owners()).containsExactlyInAnyOrder(MOTHER.id(), FATHER.id());
  }

  @Test
  void openingASystemMessageTellsNobody() {
    MessageCopy notification = MessageCopy.forRecipient(Fixtures.notification(4, MEDIATOR), MEDIATOR.id());

    MailboxChange change = MailboxChange.builder().open(notification, NOW).build();

    assertThat(change.firstViews()).isEmpty();
    assertThat(change.owners()).containsExactly(MEDIATOR.id());
  }

  @Test
  void aCopyIsOpenedOnlyOnce() {
    assertThatThrownBy(() -> MailboxChange.builder().open(RECEIVED.openedAt(NOW), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMoveToWhereACopyIsIsNothing() {
    assertThat(MailboxChange.builder().move(RECEIVED, INBOX).build().isEmpty()).isTrue();
  }

  @Test
  void movesAreGroupedByOwnerAndTarget() {
    MessageCopy other = MessageCopy.forRecipient(Fixtures.personal(5, FATHER, MOTHER), MOTHER.id());
    MessageCopy fathers = MessageCopy.forSender(Fixtures.personal(6, FATHER, MOTHER));

    MailboxChange change = MailboxChange.builder()
        .move(RECEIVED, ARCHIVE).move(fathers, ARCHIVE).move(other, ARCHIVE).build();

    assertThat(change.moves()).containsExactly(
        new MailboxChange.CopiesMoved(MOTHER.id(), List.of(MessageId.of(1), MessageId.of(5)), ARCHIVE),
        new MailboxChange.CopiesMoved(FATHER.id(), List.of(MessageId.of(6)), ARCHIVE));
  }

  @Test
  void aCopyMovedAwayAndBackWithinOneChangeIsMovedToWhereItEnds() {
    MessageCopy archived = RECEIVED.in(ARCHIVE);
    MessageCopy filed = RECEIVED.in(COURT);

    MailboxChange change = MailboxChange.builder()
        .move(RECEIVED, ARCHIVE).move(archived, COURT).move(filed, ARCHIVE).build();

    assertThat(change.moves()).containsExactly(new MailboxChange.CopiesMoved(MOTHER.id(), List.of(MessageId.of(1)), ARCHIVE));
    assertThat(change.counts()).containsExactlyInAnyOrder(
        new CountChange(MOTHER.id(), INBOX, -1, -1), new CountChange(MOTHER.id(), ARCHIVE, 1, 1));
  }

  @Test
  void changesCombinedMoveACopyToWhereTheLastOfThemPutsIt() {
    MailboxChange archived = MailboxChange.builder().move(RECEIVED, ARCHIVE).build();
    MailboxChange filed = MailboxChange.builder().move(RECEIVED.in(ARCHIVE), COURT).build();
    MailboxChange archivedAgain = MailboxChange.builder().move(RECEIVED.in(COURT), ARCHIVE).build();

    MailboxChange all = archived.and(filed).and(archivedAgain);

    assertThat(all.moves()).containsExactly(new MailboxChange.CopiesMoved(MOTHER.id(), List.of(MessageId.of(1)), ARCHIVE));
  }

  @Test
  void changesCombinedSumTheirCountsPerFolderAndDropWhatCancelsOut() {
    MailboxChange placed = MailboxChange.builder().place(RECEIVED).build();
    MailboxChange opened = MailboxChange.builder().open(RECEIVED, NOW).build();
    MailboxChange archived = MailboxChange.builder().move(RECEIVED.openedAt(NOW), ARCHIVE).build();

    MailboxChange all = placed.and(opened).and(archived);

    assertThat(all.counts()).containsExactlyInAnyOrder(
        new CountChange(MOTHER.id(), ALL, 1, 0), new CountChange(MOTHER.id(), ARCHIVE, 1, 0));
    assertThat(all.placed()).containsExactly(RECEIVED);
    assertThat(all.openings()).hasSize(1);
    assertThat(all.moves()).hasSize(1);
    assertThat(all.owners()).containsExactlyInAnyOrder(MOTHER.id(), FATHER.id());
  }

  @Test
  void combiningWithNothingIsTheChangeItself() {
    MailboxChange placed = MailboxChange.builder().place(RECEIVED).build();

    assertThat(placed.and(MailboxChange.NONE)).isSameAs(placed);
    assertThat(MailboxChange.NONE.and(placed)).isSameAs(placed);
    assertThat(MailboxChange.NONE.isEmpty()).isTrue();
    assertThat(MailboxChange.NONE.owners()).isEmpty();
  }

  @Test
  void aDraftCountsInDraftsUntilItIsRemoved() {
    Draft draft = Draft.create(MOTHER.id(), DraftId.of(9), DraftContent.builder().build(), NOW);

    MailboxChange saved = MailboxChange.builder().addDraft(draft).build();
    MailboxChange removed = MailboxChange.builder().removeDraft(MOTHER.id(), draft.id()).build();

    assertThat(saved.counts()).containsExactly(new CountChange(MOTHER.id(), SystemFolder.DRAFTS.id(), 1, 0));
    assertThat(removed.counts()).containsExactly(new CountChange(MOTHER.id(), SystemFolder.DRAFTS.id(), -1, 0));
    assertThat(saved.and(removed).counts()).isEmpty();
    assertThat(saved.and(removed).owners()).containsExactly(MOTHER.id());
  }

  @Test
  void everyKindOfWriteNamesTheMailboxItWritesTo() {
    ParticipantId owner = MOTHER.id();
    AccessLink link = AccessLink.request(
        Optional.empty(), MEDIATOR.id(), FATHER.id(), FATHER.id(), NOW, RequestLimit.DEFAULT, List.of());

    assertThat(MailboxChange.builder().rememberKey(new SentKey(owner, "s:k", "f", MessageId.of(1))).build().owners())
        .containsExactly(owner);
    assertThat(MailboxChange.builder().startReceipts(owner, MessageId.of(1), List.of(FATHER.id())).build().owners())
        .containsExactly(owner);
    assertThat(MailboxChange.builder().saveLink(link).build().owners())
        .containsExactlyInAnyOrder(MEDIATOR.id(), FATHER.id());
    assertThat(MailboxChange.builder()
            .reviseDraft(Draft.create(owner, DraftId.of(9), DraftContent.builder().build(), NOW), 1).build().owners())
        .containsExactly(owner);
  }
}
