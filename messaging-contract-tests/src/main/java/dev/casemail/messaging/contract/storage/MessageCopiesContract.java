package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.WHOLE;
import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.autoReply;
import static dev.casemail.messaging.contract.storage.StorageScene.ids;
import static dev.casemail.messaging.contract.storage.StorageScene.personal;
import static dev.casemail.messaging.contract.storage.StorageScene.system;
import static dev.casemail.messaging.contract.storage.StorageScene.walk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.ListedCopy;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The port {@link MessageCopies}: each owner reads only their own copies; the listings come in their
 * documented order, ties on time broken by id, each page at most {@code limit} copies strictly after
 * the key it continues from.
 */
public interface MessageCopiesContract extends StorageFixture {

  @Test
  default void aPlacedCopyIsFoundAsPlacedInEveryMailboxOfTheMessage() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Message message = new Message(
        MessageId.of(42), ThreadId.of(40), MessageKind.PERSONAL, Optional.of(lee), List.of(ben, anna),
        "Hearing on Monday — 10:00 ✓", "Dear Anna, dear Ben,\r\n\tsee you there 😀\n\n> quoted\n", at(1),
        Optional.of(MessageId.of(7)));

    scene.deliver(message);

    assertThat(scene.committed().copies().find(lee.id(), message.id()))
        .contains(MessageCopy.forSender(message));
    assertThat(scene.committed().copies().find(anna.id(), message.id()))
        .contains(MessageCopy.forRecipient(message, anna.id()));
    assertThat(scene.committed().copies().find(ben.id(), message.id()))
        .contains(MessageCopy.forRecipient(message, ben.id()));
  }

  @Test
  default void aListingShowsTheSubjectAPreviewAndOnlyTheSendersCopyListsTheRecipients() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Message message = scene.deliver(new Message(MessageId.of(7), ThreadId.of(7), MessageKind.PERSONAL,
        Optional.of(lee), List.of(anna, ben), "Hearing", "Dear both,\n\n  the hearing   moves." + "x".repeat(300),
        at(1), Optional.empty()));

    ListedCopy sent = scene.committed().copies()
        .inFolder(lee.id(), SystemFolder.SENT.id(), Optional.empty(), WHOLE).get(0);
    ListedCopy received = scene.committed().copies()
        .inFolder(anna.id(), SystemFolder.INBOX.id(), Optional.empty(), WHOLE).get(0);

    assertThat(sent).isEqualTo(ListedCopy.of(MessageCopy.forSender(message)));
    assertThat(sent.recipients()).containsExactly(anna, ben);
    assertThat(received).isEqualTo(ListedCopy.of(MessageCopy.forRecipient(message, anna.id())));
    assertThat(received.recipients()).isEmpty();
    assertThat(received.subject()).isEqualTo("Hearing");
    assertThat(received.preview()).startsWith("Dear both, the hearing moves.xxx").hasSize(ListedCopy.PREVIEW_LENGTH);
  }

  @Test
  default void aSystemMessageIsFoundWithoutASenderInItsHomeFolder() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Message notification = scene.deliver(system(MessageKind.NOTIFICATION, 5, at(1), anna));
    Message actionItem = scene.deliver(system(MessageKind.ACTION_ITEM, 6, at(2), anna));

    assertThat(scene.committed().copies().find(anna.id(), notification.id()))
        .contains(MessageCopy.forRecipient(notification, anna.id()));
    assertThat(scene.committed().copies().inFolder(anna.id(), SystemFolder.NOTIFICATIONS.id(), Optional.empty(), WHOLE))
        .containsExactly(ListedCopy.of(MessageCopy.forRecipient(notification, anna.id())));
    assertThat(scene.committed().copies().inFolder(anna.id(), SystemFolder.ACTION_ITEMS.id(), Optional.empty(), WHOLE))
        .containsExactly(ListedCopy.of(MessageCopy.forRecipient(actionItem, anna.id())));
  }

  @Test
  default void anotherOwnersCopyIsNeverReturned() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Message toAnna = scene.deliver(personal(1, 1, lee, at(1), anna));
    Message toBen = scene.deliver(personal(2, 2, lee, at(2), ben));

    assertThat(scene.committed().copies().find(anna.id(), toBen.id())).isEmpty();
    assertThat(scene.committed().copies().findAll(anna.id(), List.of(toAnna.id(), toBen.id())))
        .containsExactly(MessageCopy.forRecipient(toAnna, anna.id()));
    assertThat(ids(scene.committed().copies().inFolder(anna.id(), SystemFolder.INBOX.id(), Optional.empty(), WHOLE)))
        .containsExactly(1L);
    assertThat(ids(scene.committed().copies().inAllMessages(anna.id(), Optional.empty(), WHOLE)))
        .containsExactly(1L);
    assertThat(scene.committed().copies().inThread(anna.id(), toBen.thread(), Optional.empty(), WHOLE))
        .isEmpty();
  }

  @Test
  default void unknownIdsAreAbsentAndKnownOnesFoundOnce() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message message = scene.deliver(personal(1, 1, lee, at(1), anna));
    MessageId unknown = MessageId.of(999);

    assertThat(scene.committed().copies().find(anna.id(), unknown)).isEmpty();
    assertThat(scene.committed().copies().find(ParticipantId.of("ghost"), message.id())).isEmpty();
    assertThat(scene.committed().copies().findAll(anna.id(), List.of(unknown, message.id(), message.id())))
        .containsExactly(MessageCopy.forRecipient(message, anna.id()));
    assertThat(scene.committed().copies().findAll(anna.id(), List.of(unknown))).isEmpty();
    assertThat(scene.committed().copies().findAll(anna.id(), List.of())).isEmpty();
  }

  @Test
  default void findAllReturnsEveryCopyAsked() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message first = scene.deliver(personal(3, 3, lee, at(1), anna));
    Message second = scene.deliver(personal(Long.MAX_VALUE, 1, lee, at(2), anna));
    Message third = scene.deliver(personal(1, 2, anna, at(3), lee));

    assertThat(scene.committed().copies().findAll(anna.id(), List.of(second.id(), third.id(), first.id())))
        .containsExactlyInAnyOrder(
            MessageCopy.forRecipient(first, anna.id()),
            MessageCopy.forRecipient(second, anna.id()),
            MessageCopy.forSender(third));
  }

  @Test
  default void emptyListingsAreEmpty() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    scene.deliver(personal(1, 1, lee, at(1), anna));

    for (ParticipantId owner : List.of(lee.id(), ParticipantId.of("ghost"))) {
      assertThat(scene.committed().copies().inFolder(owner, SystemFolder.INBOX.id(), Optional.empty(), WHOLE))
          .isEmpty();
      assertThat(scene.committed().copies().inFolder(owner, FolderId.of(1000), Optional.empty(), WHOLE))
          .isEmpty();
      assertThat(scene.committed().copies().inThread(owner, ThreadId.of(2), Optional.empty(), WHOLE))
          .isEmpty();
    }
    assertThat(scene.committed().copies().inAllMessages(ParticipantId.of("ghost"), Optional.empty(), WHOLE))
        .isEmpty();
    assertThat(scene.committed().copies().inAllMessages(anna.id(), Optional.of(new PageKey(at(1), 1)), WHOLE))
        .isEmpty();
  }

  @Test
  default void aFolderIsListedNewestFirstWithEqualInstantsByTheLargerIdFirst() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    scene.deliver(personal(1, 1, lee, at(5), anna));
    scene.deliver(personal(Long.MAX_VALUE, 2, lee, at(5), anna));
    scene.deliver(personal(100, 3, lee, at(5), anna));
    scene.deliver(personal(7, 4, lee, at(1), anna));
    scene.deliver(personal(8, 5, lee, at(9), anna));
    List<Long> newestFirst = List.of(8L, Long.MAX_VALUE, 100L, 1L, 7L);

    assertThat(ids(scene.committed().copies().inFolder(anna.id(), SystemFolder.INBOX.id(), Optional.empty(), WHOLE)))
        .isEqualTo(newestFirst);
    assertThat(ids(scene.committed().copies().inFolder(lee.id(), SystemFolder.SENT.id(), Optional.empty(), WHOLE)))
        .isEqualTo(newestFirst);
    for (int limit = 1; limit <= newestFirst.size() + 1; limit++) {
      assertThat(ids(walk(limit, MessageCopiesContract::key,
              (after, max) -> scene.committed().copies().inFolder(anna.id(), SystemFolder.INBOX.id(), after, max))))
          .as("the pages of at most %d", limit)
          .isEqualTo(newestFirst);
    }
  }

  @Test
  default void aFolderPageContinuesStrictlyAfterItsKeyWhereverTheKeyFalls() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    scene.deliver(personal(1, 1, lee, at(5), anna));
    scene.deliver(personal(Long.MAX_VALUE, 2, lee, at(5), anna));
    scene.deliver(personal(100, 3, lee, at(5), anna));
    scene.deliver(personal(7, 4, lee, at(1), anna));
    scene.deliver(personal(8, 5, lee, at(9), anna));

    assertThat(folderAfter(scene, anna, at(5), Long.MAX_VALUE, WHOLE)).containsExactly(100L, 1L, 7L);
    assertThat(folderAfter(scene, anna, at(5), 100, WHOLE)).containsExactly(1L, 7L);
    assertThat(folderAfter(scene, anna, at(5), 50, WHOLE)).containsExactly(1L, 7L);
    assertThat(folderAfter(scene, anna, at(5), 1, WHOLE)).containsExactly(7L);
    assertThat(folderAfter(scene, anna, at(5), 0, WHOLE)).containsExactly(7L);
    assertThat(folderAfter(scene, anna, at(5), Long.MIN_VALUE, WHOLE)).containsExactly(7L);
    assertThat(folderAfter(scene, anna, at(9), Long.MAX_VALUE, WHOLE))
        .containsExactly(8L, Long.MAX_VALUE, 100L, 1L, 7L);
    assertThat(folderAfter(scene, anna, at(9), 8, WHOLE)).containsExactly(Long.MAX_VALUE, 100L, 1L, 7L);
    assertThat(folderAfter(scene, anna, at(1), 7, WHOLE)).isEmpty();
    assertThat(folderAfter(scene, anna, at(0), Long.MAX_VALUE, WHOLE)).isEmpty();
    assertThat(folderAfter(scene, anna, at(9), 8, 2)).containsExactly(Long.MAX_VALUE, 100L);
    assertThat(folderAfter(scene, anna, at(5), 100, 2)).containsExactly(1L, 7L);
    assertThat(folderAfter(scene, anna, at(5), 1, 1)).containsExactly(7L);
  }

  @Test
  default void allMessagesHoldPersonalMessagesAndAutoRepliesWhereverTheySitNewestFirst() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message received = scene.deliver(personal(10, 10, lee, at(1), anna));
    Message sent = scene.deliver(personal(20, 20, anna, at(2), lee));
    Message archived = scene.deliver(personal(30, 30, lee, at(2), anna));
    scene.apply(MailboxChange.builder().move(scene.copy(anna, archived), SystemFolder.ARCHIVE.id()).build());
    scene.deliver(autoReply(40, 20, lee, at(3), sent.id(), anna));
    scene.deliver(system(MessageKind.NOTIFICATION, 50, at(4), anna));
    scene.deliver(system(MessageKind.ACTION_ITEM, 60, at(5), anna));
    List<Long> newestFirst = List.of(40L, 30L, 20L, 10L);

    assertThat(ids(scene.committed().copies().inAllMessages(anna.id(), Optional.empty(), WHOLE)))
        .isEqualTo(newestFirst);
    for (int limit = 1; limit <= newestFirst.size() + 1; limit++) {
      assertThat(ids(walk(limit, MessageCopiesContract::key,
              (after, max) -> scene.committed().copies().inAllMessages(anna.id(), after, max))))
          .as("the pages of at most %d", limit)
          .isEqualTo(newestFirst);
    }
    assertThat(ids(scene.committed().copies().inAllMessages(
            anna.id(), Optional.of(new PageKey(at(2), 30)), WHOLE)))
        .containsExactly(20L, 10L);
    assertThat(ids(scene.committed().copies().inAllMessages(
            anna.id(), Optional.of(new PageKey(at(2), Long.MIN_VALUE)), WHOLE)))
        .containsExactly(10L);
    assertThat(scene.committed().copies().inAllMessages(anna.id(), Optional.of(received.key()), WHOLE))
        .isEmpty();
  }

  @Test
  default void aThreadIsListedOldestFirstWhereverItsCopiesSit() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    long thread = Long.MAX_VALUE;
    Message first = scene.deliver(personal(10, thread, lee, at(1), anna));
    scene.apply(MailboxChange.builder().move(scene.copy(anna, first), SystemFolder.ARCHIVE.id()).build());
    scene.deliver(StorageScene.reply(Long.MAX_VALUE, thread, lee, at(2), first.id(), anna));
    scene.deliver(personal(20, thread, anna, at(2), lee));
    scene.deliver(personal(15, thread - 1, lee, at(1), anna));
    scene.deliver(personal(16, 1, lee, at(1), anna));
    List<Long> oldestFirst = List.of(10L, 20L, Long.MAX_VALUE);

    assertThat(ids(scene.committed().copies().inThread(anna.id(), ThreadId.of(thread), Optional.empty(), WHOLE)))
        .isEqualTo(oldestFirst);
    for (int limit = 1; limit <= oldestFirst.size() + 1; limit++) {
      assertThat(ids(walk(limit, MessageCopiesContract::key,
              (after, max) -> scene.committed().copies().inThread(anna.id(), ThreadId.of(thread), after, max))))
          .as("the pages of at most %d", limit)
          .isEqualTo(oldestFirst);
    }
    assertThat(threadAfter(scene, anna, thread, at(2), Long.MAX_VALUE)).isEmpty();
    assertThat(threadAfter(scene, anna, thread, at(2), 20)).containsExactly(Long.MAX_VALUE);
    assertThat(threadAfter(scene, anna, thread, at(2), 0)).containsExactly(20L, Long.MAX_VALUE);
    assertThat(threadAfter(scene, anna, thread, at(1), Long.MAX_VALUE)).containsExactly(20L, Long.MAX_VALUE);
    assertThat(threadAfter(scene, anna, thread, at(0), Long.MIN_VALUE)).isEqualTo(oldestFirst);
    assertThat(ids(scene.committed().copies().inThread(anna.id(), ThreadId.of(thread - 1), Optional.empty(), WHOLE)))
        .containsExactly(15L);
    assertThat(ids(scene.committed().copies().inThread(anna.id(), ThreadId.of(1), Optional.empty(), WHOLE)))
        .containsExactly(16L);
  }

  /** The core keeps every time within the years 1 to 9999 (UTC), to the microsecond; a store holds them all. */
  @Test
  default void theEarliestAndTheLatestInstantsReadBackExactlyAndInOrder() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Instant earliest = Instant.parse("0001-01-01T00:00:00Z");
    Instant latest = Instant.parse("9999-12-31T23:59:59.999999Z");
    Message old = scene.deliver(personal(1, 1, lee, earliest, anna));
    Message late = scene.deliver(personal(2, 1, lee, latest, anna));

    scene.open(anna, old, latest);

    assertThat(scene.copy(anna, old)).isEqualTo(MessageCopy.forRecipient(old, anna.id()).openedAt(latest));
    assertThat(scene.copy(lee, late)).isEqualTo(MessageCopy.forSender(late));
    assertThat(scene.committed().receipts().of(lee.id(), old.id())).extracting(r -> r.firstViewedAt())
        .containsExactly(Optional.of(latest));
    assertThat(ids(scene.committed().copies().inFolder(anna.id(), SystemFolder.INBOX.id(), Optional.empty(), WHOLE)))
        .containsExactly(2L, 1L);
    assertThat(folderAfter(scene, anna, latest, Long.MAX_VALUE, WHOLE)).containsExactly(2L, 1L);
    assertThat(folderAfter(scene, anna, earliest, 1, WHOLE)).isEmpty();
    assertThat(threadAfter(scene, anna, 1, earliest, 0)).containsExactly(1L, 2L);
    assertThat(threadAfter(scene, anna, 1, latest, 2)).isEmpty();
  }

  private static PageKey key(ListedCopy copy) {
    return copy.key();
  }

  private static List<Long> folderAfter(StorageScene scene, Participant owner, Instant at, long id, int limit) {
    return ids(scene.committed().copies()
        .inFolder(owner.id(), SystemFolder.INBOX.id(), Optional.of(new PageKey(at, id)), limit));
  }

  private static List<Long> threadAfter(StorageScene scene, Participant owner, long thread, Instant at, long id) {
    return ids(scene.committed().copies().inThread(
        owner.id(), ThreadId.of(thread), Optional.of(new PageKey(at, id)), WHOLE));
  }
}
