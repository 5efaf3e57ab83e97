package dev.casemail.messaging.core.mailbox;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.message.MessageCopy;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MoveRuleTest {

  /** Every kind of copy a mailbox holds, with the home folder docs/rules.md gives it. */
  enum Copy {
    RECEIVED(MessageCopy.forRecipient(Fixtures.personal(1, MOTHER, FATHER), FATHER.id()), SystemFolder.INBOX),
    SENT(MessageCopy.forSender(Fixtures.personal(2, MOTHER, FATHER)), SystemFolder.SENT),
    AUTO_REPLY_RECEIVED(MessageCopy.forRecipient(Fixtures.autoReply(3, MEDIATOR, MOTHER), MOTHER.id()), SystemFolder.INBOX),
    AUTO_REPLY_SENT(MessageCopy.forSender(Fixtures.autoReply(4, MEDIATOR, MOTHER)), SystemFolder.SENT),
    ACTION_ITEM(MessageCopy.forRecipient(Fixtures.actionItem(5, MOTHER), MOTHER.id()), SystemFolder.ACTION_ITEMS),
    NOTIFICATION(MessageCopy.forRecipient(Fixtures.notification(6, MEDIATOR), MEDIATOR.id()), SystemFolder.NOTIFICATIONS);

    final MessageCopy copy;
    final SystemFolder home;

    Copy(MessageCopy copy, SystemFolder home) {
      this.copy = copy;
      this.home = home;
    }
  }

  /** Every place a move may name: each system folder, and a custom folder. */
  enum Place {
    INBOX, ACTION_ITEMS, NOTIFICATIONS, DRAFTS, SENT, ARCHIVE, ALL_MESSAGES, CUSTOM;

    Folder of(MessageCopy copy) {
      return this == CUSTOM
          ? Folder.custom(copy.owner(), FolderId.of(100), new FolderName("Court"))
          : Folder.system(copy.owner(), SystemFolder.valueOf(name()));
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void aCopyMayGoToArchiveToACustomFolderOrBackHomeAndNowhereElse(@ForAll Copy copy, @ForAll Place place) {
    boolean allowed = place == Place.ARCHIVE || place == Place.CUSTOM || place.name().equals(copy.home.name());

    assertThat(MoveRule.refusal(copy.copy, place.of(copy.copy)).isEmpty()).isEqualTo(allowed);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void whereACopySitsNowDoesNotChangeWhereItMayGo(@ForAll Copy copy, @ForAll Place place) {
    MessageCopy filed = copy.copy.in(FolderId.of(100));
    MessageCopy archived = copy.copy.in(SystemFolder.ARCHIVE.id());

    assertThat(MoveRule.refusal(filed, place.of(filed))).isEqualTo(MoveRule.refusal(copy.copy, place.of(copy.copy)));
    assertThat(MoveRule.refusal(archived, place.of(archived))).isEqualTo(MoveRule.refusal(copy.copy, place.of(copy.copy)));
  }

  @Test
  void nothingIsMovedIntoAllMessages() {
    assertThat(MoveRule.refusal(Copy.RECEIVED.copy, Place.ALL_MESSAGES.of(Copy.RECEIVED.copy)))
        .contains("nothing can be moved into All Messages");
  }

  @Test
  void noMessageIsMovedIntoDrafts() {
    assertThat(MoveRule.refusal(Copy.SENT.copy, Place.DRAFTS.of(Copy.SENT.copy)))
        .contains("messages cannot be moved into Drafts");
  }

  @Test
  void aReceivedMessageNeverGoesToSentAndTheRefusalSaysWhereItMayGo() {
    assertThat(MoveRule.refusal(Copy.RECEIVED.copy, Place.SENT.of(Copy.RECEIVED.copy)))
        .contains("a received message can go only to Archive, a custom folder or Inbox, not Sent");
  }

  @Test
  void aSentMessageNeverGoesToTheInbox() {
    assertThat(MoveRule.refusal(Copy.SENT.copy, Place.INBOX.of(Copy.SENT.copy)))
        .contains("a sent message can go only to Archive, a custom folder or Sent, not Inbox");
  }

  @Test
  void aSystemMessageNeverGoesToTheInboxNorToTheOtherSystemMessagesFolder() {
    MessageCopy actionItem = Copy.ACTION_ITEM.copy;

    assertThat(MoveRule.refusal(actionItem, Place.INBOX.of(actionItem)))
        .contains("a system message can go only to Archive, a custom folder or Action Items, not Inbox");
    assertThat(MoveRule.refusal(actionItem, Place.NOTIFICATIONS.of(actionItem))).isPresent();
  }

  @Test
  void messagesAreNeverMovedOutOfAllMessagesOrDrafts() {
    assertThat(MoveRule.sourceRefusal(Folder.system(MOTHER.id(), SystemFolder.ALL_MESSAGES)))
        .contains("nothing can be moved out of All Messages");
    assertThat(MoveRule.sourceRefusal(Folder.system(MOTHER.id(), SystemFolder.DRAFTS)))
        .contains("Drafts holds drafts, not messages");
  }

  @Test
  void messagesMayBeMovedOutOfEveryRealFolder() {
    for (Place place : Place.values()) {
      if (place != Place.ALL_MESSAGES && place != Place.DRAFTS) {
        assertThat(MoveRule.sourceRefusal(place.of(Copy.RECEIVED.copy))).as(place.name()).isEqualTo(Optional.empty());
      }
    }
  }
}
