package dev.casemail.messaging.core.mailbox;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpeningTest {

  private static final Message MESSAGE = Fixtures.personal(1, MEDIATOR, MOTHER, FATHER);
  private static final Instant LATER = NOW.plusSeconds(3600);

  @Test
  void theFirstOpeningRecordsTheFirstViewOnTheSendersReceipt() {
    MailboxChange opened = Opening.of(MessageCopy.forRecipient(MESSAGE, MOTHER.id()), LATER);

    assertThat(opened.openings()).containsExactly(new MailboxChange.CopyOpened(MOTHER.id(), MESSAGE.id(), LATER));
    assertThat(opened.firstViews()).containsExactly(
        new MailboxChange.FirstView(MEDIATOR.id(), MESSAGE.id(), MOTHER.id(), LATER));
    assertThat(opened.counts()).containsExactlyInAnyOrder(
        new CountChange(MOTHER.id(), SystemFolder.INBOX.id(), 0, -1),
        new CountChange(MOTHER.id(), SystemFolder.ALL_MESSAGES.id(), 0, -1));
  }

  @Test
  void openingAgainChangesNothing() {
    MessageCopy opened = MessageCopy.forRecipient(MESSAGE, MOTHER.id()).openedAt(LATER);

    assertThat(Opening.of(opened, LATER.plusSeconds(60))).isSameAs(MailboxChange.NONE);
  }

  @Test
  void theSenderOpeningTheirOwnCopyChangesNothing() {
    assertThat(Opening.of(MessageCopy.forSender(MESSAGE), LATER).isEmpty()).isTrue();
  }

  @Test
  void openingAnArchivedCopyMakesItReadInArchive() {
    MessageCopy archived = MessageCopy.forRecipient(MESSAGE, FATHER.id()).in(SystemFolder.ARCHIVE.id());

    assertThat(Opening.of(archived, LATER).counts())
        .contains(new CountChange(FATHER.id(), SystemFolder.ARCHIVE.id(), 0, -1));
  }

  @Test
  void openingASystemMessageRecordsNoFirstView() {
    MailboxChange opened = Opening.of(MessageCopy.forRecipient(Fixtures.actionItem(2, MOTHER), MOTHER.id()), LATER);

    assertThat(opened.openings()).hasSize(1);
    assertThat(opened.firstViews()).isEmpty();
    assertThat(opened.counts()).containsExactly(new CountChange(MOTHER.id(), SystemFolder.ACTION_ITEMS.id(), 0, -1));
  }
}
