package dev.casemail.messaging.core.mailbox;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTest {

  @Test
  void aMessageLandsOnceInTheSendersSentAndOnceInEachRecipientsInbox() {
    Message message = Fixtures.personal(1, MEDIATOR, MOTHER, FATHER);

    MailboxChange delivered = Delivery.of(message);

    assertThat(delivered.placed()).containsExactly(
        new MessageCopy(MEDIATOR.id(), message, SystemFolder.SENT.id(), Optional.of(NOW)),
        new MessageCopy(MOTHER.id(), message, SystemFolder.INBOX.id(), Optional.empty()),
        new MessageCopy(FATHER.id(), message, SystemFolder.INBOX.id(), Optional.empty()));
    assertThat(delivered.owners()).containsExactlyInAnyOrder(MEDIATOR.id(), MOTHER.id(), FATHER.id());
  }

  @Test
  void theSenderStartsWithEveryRecipientNeverViewedInTheirOrder() {
    Message message = Fixtures.personal(1, MEDIATOR, MOTHER, FATHER);

    assertThat(Delivery.of(message).receipts()).containsExactly(
        new MailboxChange.ReceiptsStarted(MEDIATOR.id(), message.id(), List.of(MOTHER.id(), FATHER.id())));
  }

  @Test
  void aDeliveryCountsEveryCopyInItsFolderAndInAllMessages() {
    MailboxChange delivered = Delivery.of(Fixtures.personal(1, MEDIATOR, MOTHER));

    assertThat(delivered.counts()).containsExactlyInAnyOrder(
        new CountChange(MEDIATOR.id(), SystemFolder.SENT.id(), 1, 0),
        new CountChange(MEDIATOR.id(), SystemFolder.ALL_MESSAGES.id(), 1, 0),
        new CountChange(MOTHER.id(), SystemFolder.INBOX.id(), 1, 1),
        new CountChange(MOTHER.id(), SystemFolder.ALL_MESSAGES.id(), 1, 1));
  }

  @Test
  void anAutoReplyLandsInTheSendersInboxAndTheAwayOwnersSent() {
    MailboxChange delivered = Delivery.of(Fixtures.autoReply(2, MEDIATOR, MOTHER));

    assertThat(delivered.placed()).extracting(MessageCopy::owner, MessageCopy::folder).containsExactly(
        tuple(MEDIATOR.id(), SystemFolder.SENT.id()),
        tuple(MOTHER.id(), SystemFolder.INBOX.id()));
  }

  @Test
  void aSystemMessageLandsOnlyWithItsRecipientAndStartsNoReceipts() {
    Message actionItem = Fixtures.actionItem(3, MOTHER);

    MailboxChange delivered = Delivery.of(actionItem);

    assertThat(delivered.placed()).containsExactly(MessageCopy.forRecipient(actionItem, MOTHER.id()));
    assertThat(delivered.placed().get(0).folder()).isEqualTo(SystemFolder.ACTION_ITEMS.id());
    assertThat(delivered.receipts()).isEmpty();
    assertThat(delivered.counts()).containsExactly(new CountChange(MOTHER.id(), SystemFolder.ACTION_ITEMS.id(), 1, 1));
  }

  @Test
  void theMailboxesOfAMessageAreTheSendersThenEachRecipients() {
    assertThat(Delivery.mailboxesOf(Fixtures.personal(1, MEDIATOR, MOTHER, FATHER)))
        .containsExactly(MEDIATOR.id(), MOTHER.id(), FATHER.id());
    assertThat(Delivery.mailboxesOf(Fixtures.notification(2, MEDIATOR))).containsExactly(MEDIATOR.id());
  }
}
