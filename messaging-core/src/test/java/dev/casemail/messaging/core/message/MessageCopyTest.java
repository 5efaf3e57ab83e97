package dev.casemail.messaging.core.message;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageCopyTest {

  private static final Message PERSONAL = Fixtures.personal(1, MOTHER, FATHER, MEDIATOR);

  @Test
  void theSendersCopyLandsInSentAlreadyOpened() {
    MessageCopy copy = MessageCopy.forSender(PERSONAL);

    assertThat(copy.owner()).isEqualTo(MOTHER.id());
    assertThat(copy.folder()).isEqualTo(SystemFolder.SENT.id());
    assertThat(copy.openedAt()).contains(NOW);
    assertThat(copy.isUnread()).isFalse();
    assertThat(copy.direction()).isEqualTo(Direction.SENT);
    assertThat(copy.homeFolder()).isEqualTo(SystemFolder.SENT);
  }

  @Test
  void aRecipientsCopyOfAPersonalMessageLandsInTheInboxUnread() {
    MessageCopy copy = MessageCopy.forRecipient(PERSONAL, MEDIATOR.id());

    assertThat(copy.owner()).isEqualTo(MEDIATOR.id());
    assertThat(copy.folder()).isEqualTo(SystemFolder.INBOX.id());
    assertThat(copy.isUnread()).isTrue();
    assertThat(copy.direction()).isEqualTo(Direction.RECEIVED);
    assertThat(copy.homeFolder()).isEqualTo(SystemFolder.INBOX);
  }

  @Test
  void anAutoReplyIsHomeInTheSendersSentAndTheRecipientsInbox() {
    Message away = Fixtures.autoReply(2, MEDIATOR, MOTHER);

    assertThat(MessageCopy.forSender(away).homeFolder()).isEqualTo(SystemFolder.SENT);
    assertThat(MessageCopy.forRecipient(away, MOTHER.id()).homeFolder()).isEqualTo(SystemFolder.INBOX);
    assertThat(MessageCopy.forRecipient(away, MOTHER.id()).folder()).isEqualTo(SystemFolder.INBOX.id());
  }

  @Test
  void anActionItemLandsInActionItemsAndANotificationInNotifications() {
    MessageCopy actionItem = MessageCopy.forRecipient(Fixtures.actionItem(3, MOTHER), MOTHER.id());
    MessageCopy notification = MessageCopy.forRecipient(Fixtures.notification(4, MEDIATOR), MEDIATOR.id());

    assertThat(actionItem.folder()).isEqualTo(SystemFolder.ACTION_ITEMS.id());
    assertThat(actionItem.homeFolder()).isEqualTo(SystemFolder.ACTION_ITEMS);
    assertThat(actionItem.direction()).isEqualTo(Direction.RECEIVED);
    assertThat(notification.folder()).isEqualTo(SystemFolder.NOTIFICATIONS.id());
    assertThat(notification.homeFolder()).isEqualTo(SystemFolder.NOTIFICATIONS);
  }

  @Test
  void aCopyKeepsItsHomeWhereverItIsFiled() {
    MessageCopy archived = MessageCopy.forRecipient(PERSONAL, FATHER.id()).in(SystemFolder.ARCHIVE.id());
    MessageCopy filed = MessageCopy.forSender(PERSONAL).in(FolderId.of(100));

    assertThat(archived.folder()).isEqualTo(SystemFolder.ARCHIVE.id());
    assertThat(archived.homeFolder()).isEqualTo(SystemFolder.INBOX);
    assertThat(filed.homeFolder()).isEqualTo(SystemFolder.SENT);
  }

  @Test
  void personalMessagesAndAutoRepliesShowInAllMessagesAndSystemMessagesDoNot() {
    assertThat(MessageCopy.forSender(PERSONAL).inAllMessages()).isTrue();
    assertThat(MessageCopy.forRecipient(Fixtures.autoReply(2, MEDIATOR, MOTHER), MOTHER.id()).inAllMessages()).isTrue();
    assertThat(MessageCopy.forRecipient(Fixtures.actionItem(3, MOTHER), MOTHER.id()).inAllMessages()).isFalse();
    assertThat(MessageCopy.forRecipient(Fixtures.notification(4, MOTHER), MOTHER.id()).inAllMessages()).isFalse();
  }

  @Test
  void openingACopyKeepsWhereItIsAndMovingItKeepsWhenItWasOpened() {
    MessageCopy received = MessageCopy.forRecipient(PERSONAL, FATHER.id());

    MessageCopy opened = received.openedAt(NOW.plusSeconds(5)).in(SystemFolder.ARCHIVE.id());

    assertThat(opened).isEqualTo(new MessageCopy(
        FATHER.id(), PERSONAL, SystemFolder.ARCHIVE.id(), Optional.of(NOW.plusSeconds(5))));
    assertThat(received.isUnread()).isTrue();
  }
}
