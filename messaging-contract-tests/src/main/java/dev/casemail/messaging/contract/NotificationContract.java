package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.MillerScene.ANNA;
import static dev.casemail.messaging.contract.MillerScene.LEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Notifications the host posts into a participant's Notifications folder: where they land, what they
 * are, idempotency keys, bad input, and where they may be moved. Starts from the {@link MillerScene}.
 */
public interface NotificationContract extends MessagingFixture {

  @Test
  default void aNotificationLandsUnreadInTheRecipientsNotificationsAsASystemMessage() {
    World world = MillerScene.create(this);

    MessageId id = world.messaging.postNotification(notification(LEE, "Journal entry shared", "Anna shared an entry"));

    List<MessageSummary> notifications = world.list(LEE, SystemFolder.NOTIFICATIONS);
    assertThat(notifications).extracting(MessageSummary::id).containsExactly(id);
    MessageSummary listed = notifications.get(0);
    assertThat(listed.kind()).isEqualTo(MessageKind.NOTIFICATION);
    assertThat(listed.sender()).isEmpty();
    assertThat(listed.direction()).isEqualTo(Direction.RECEIVED);
    assertThat(listed.unread()).isTrue();
    assertThat(listed.subject()).isEqualTo("Journal entry shared");
    assertThat(listed.sentAt()).isEqualTo(World.START);
    assertThat(world.folder(LEE, SystemFolder.NOTIFICATIONS).total()).isEqualTo(1);
    assertThat(world.folder(LEE, SystemFolder.NOTIFICATIONS).unread()).isEqualTo(1);
    MessageView view = world.as(LEE).preview(id);
    assertThat(view.recipients()).extracting(r -> r.id()).containsExactly(LEE);
    assertThat(view.body()).isEqualTo("Anna shared an entry");
    assertThat(view.folder()).isEqualTo(SystemFolder.NOTIFICATIONS.id());
    assertThat(view.inReplyTo()).isEmpty();
    assertThat(view.receipts()).isEmpty();
  }

  @Test
  default void aNotificationIsNeitherInAllMessagesNorInAnybodysSentNorInTheInbox() {
    World world = MillerScene.create(this);

    world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));

    assertThat(world.list(LEE, SystemFolder.ALL_MESSAGES)).isEmpty();
    assertThat(world.folder(LEE, SystemFolder.ALL_MESSAGES).total()).isZero();
    assertThat(world.folder(LEE, SystemFolder.ALL_MESSAGES).unread()).isZero();
    assertThat(world.list(LEE, SystemFolder.INBOX)).isEmpty();
    assertThat(world.list(LEE, SystemFolder.SENT)).isEmpty();
    assertThat(world.list(ANNA, SystemFolder.SENT)).isEmpty();
    assertThat(world.list(ANNA, SystemFolder.NOTIFICATIONS)).isEmpty();
  }

  @Test
  default void openingANotificationMarksItRead() {
    World world = MillerScene.create(this);
    MessageId id = world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));
    world.clock.advance(Duration.ofMinutes(10));

    MessageView opened = world.as(LEE).open(id);

    assertThat(opened.openedAt()).contains(World.START.plus(Duration.ofMinutes(10)));
    assertThat(world.folder(LEE, SystemFolder.NOTIFICATIONS).unread()).isZero();
    assertThat(world.folder(LEE, SystemFolder.NOTIFICATIONS).total()).isEqualTo(1);
  }

  @Test
  default void aNotificationsSubjectIsTrimmedAndItsBodyKeptExactly() {
    World world = MillerScene.create(this);
    String body = "  Entry: 'Weekend'; DROP TABLE x;--\n\t😀 ";

    MessageId id = world.messaging.postNotification(notification(LEE, "  Journal entry shared \t", body));

    MessageView view = world.as(LEE).preview(id);
    assertThat(view.subject()).isEqualTo("Journal entry shared");
    assertThat(view.body()).isEqualTo(body);
  }

  @Test
  default void aNotificationMayGoToAParentAndMayHaveAnEmptyBody() {
    World world = MillerScene.create(this);

    MessageId id = world.messaging.postNotification(NewNotification.builder().recipient(ANNA).subject("Calendar").build());

    assertThat(world.list(ANNA, SystemFolder.NOTIFICATIONS)).extracting(MessageSummary::id).containsExactly(id);
    assertThat(world.as(ANNA).preview(id).body()).isEmpty();
  }

  @Test
  default void eachNotificationIsSeparateWithoutAKey() {
    World world = MillerScene.create(this);

    MessageId first = world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));
    MessageId second = world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));

    assertThat(second).isNotEqualTo(first);
    assertThat(world.list(LEE, SystemFolder.NOTIFICATIONS)).hasSize(2);
    assertThat(world.folder(LEE, SystemFolder.NOTIFICATIONS).unread()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- idempotency

  @Test
  default void theSameKeyTwicePostsOnceAndReturnsTheSameId() {
    World world = MillerScene.create(this);
    NewNotification notification = keyed(LEE, "n-1", "Journal entry shared", "x");

    MessageId first = world.messaging.postNotification(notification);
    world.clock.advance(Duration.ofMinutes(1));
    MessageId again = world.messaging.postNotification(notification);

    assertThat(again).isEqualTo(first);
    assertThat(world.list(LEE, SystemFolder.NOTIFICATIONS)).extracting(MessageSummary::id).containsExactly(first);
    assertThat(world.folder(LEE, SystemFolder.NOTIFICATIONS).unread()).isEqualTo(1);
  }

  @Test
  default void theSameKeyForADifferentNotificationIsAConflictAndPostsNothing() {
    World world = MillerScene.create(this);
    world.messaging.postNotification(keyed(LEE, "n-1", "Journal entry shared", "x"));
    Map<ParticipantId, Object> before = world.snapshot(LEE);

    assertThrows(ConflictException.class,
        () -> world.messaging.postNotification(keyed(LEE, "n-1", "Calendar changed", "x")));
    assertThrows(ConflictException.class,
        () -> world.messaging.postNotification(keyed(LEE, "n-1", "Journal entry shared", "y")));

    assertThat(world.snapshot(LEE)).isEqualTo(before);
  }

  @Test
  default void notificationKeysAreScopedToTheRecipient() {
    World world = MillerScene.create(this);

    MessageId toLee = world.messaging.postNotification(keyed(LEE, "n-1", "Journal entry shared", "x"));
    MessageId toAnna = world.messaging.postNotification(keyed(ANNA, "n-1", "Journal entry shared", "x"));

    assertThat(toAnna).isNotEqualTo(toLee);
    assertThat(world.list(LEE, SystemFolder.NOTIFICATIONS)).extracting(MessageSummary::id).containsExactly(toLee);
    assertThat(world.list(ANNA, SystemFolder.NOTIFICATIONS)).extracting(MessageSummary::id).containsExactly(toAnna);
  }

  @Test
  default void aNotificationKeyNeverMeetsTheRecipientsOwnSendKeys() {
    World world = MillerScene.create(this);
    MessageView sent = world.as(LEE).send(
        NewMessage.builder().addRecipients(ANNA).subject("Hearing").idempotencyKey("k-1").build());

    MessageId notification = world.messaging.postNotification(keyed(LEE, "k-1", "Journal entry shared", "x"));
    MessageView sentAgain = world.as(LEE).send(
        NewMessage.builder().addRecipients(ANNA).subject("Hearing").idempotencyKey("k-1").build());

    assertThat(notification).isNotEqualTo(sent.id());
    assertThat(sentAgain.id()).isEqualTo(sent.id());
    assertThat(world.list(LEE, SystemFolder.NOTIFICATIONS)).extracting(MessageSummary::id).containsExactly(notification);
    assertThat(world.list(ANNA, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(sent.id());
  }

  // ---------------------------------------------------------------- bad input

  @Test
  default void aNotificationForAnUnknownRecipientIsNotFound() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    NotFoundException notFound = assertThrows(NotFoundException.class,
        () -> world.messaging.postNotification(notification(ParticipantId.of("ghost"), "Journal", "x")));

    assertThat(notFound.kind()).isEqualTo("participant");
    assertThat(notFound.id()).isEqualTo("ghost");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aNotificationOfBadShapeIsRefusedNamingTheField() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE);

    assertThat(refusedField(() -> NewNotification.builder().subject("Journal").build())).isEqualTo("recipient");
    assertThat(refusedField(() -> NewNotification.builder().recipient(LEE).build())).isEqualTo("subject");
    assertThat(refusedField(() -> notification(LEE, "  ", "x"))).isEqualTo("subject");
    assertThat(refusedField(() -> notification(LEE, "two\nlines", "x"))).isEqualTo("subject");
    assertThat(refusedField(() -> notification(LEE, "s".repeat(InputRules.MAX_SUBJECT_LENGTH + 1), "x")))
        .isEqualTo("subject");
    assertThat(refusedField(() -> notification(LEE, "Journal", "b".repeat(InputRules.MAX_BODY_BYTES + 1))))
        .isEqualTo("body");
    assertThat(refusedField(() -> notification(LEE, "Journal", "bell\u0007"))).isEqualTo("body");
    assertThat(refusedField(() -> NewNotification.builder().recipient(LEE).subject("Journal").body(null).build()))
        .isEqualTo("body");
    assertThat(refusedField(() -> keyed(LEE, " ", "Journal", "x"))).isEqualTo("idempotencyKey");
    assertThat(refusedField(() -> keyed(LEE, "k".repeat(InputRules.MAX_IDEMPOTENCY_KEY_LENGTH + 1), "Journal", "x")))
        .isEqualTo("idempotencyKey");
    assertThat(refusedField(() -> world.messaging.postNotification(null))).isEqualTo("notification");
    assertThat(world.snapshot(LEE)).isEqualTo(before);
  }

  @Test
  default void aNotificationAtTheShapeLimitsIsAccepted() {
    World world = MillerScene.create(this);
    String subject = "s".repeat(InputRules.MAX_SUBJECT_LENGTH);
    String body = "b".repeat(InputRules.MAX_BODY_BYTES);

    MessageId id = world.messaging.postNotification(notification(LEE, subject, body));

    MessageView view = world.as(LEE).preview(id);
    assertThat(view.subject()).isEqualTo(subject);
    assertThat(view.body()).isEqualTo(body);
  }

  // ---------------------------------------------------------------- moving

  @Test
  default void aNotificationCanBeArchivedAndRestoredToNotifications() {
    World world = MillerScene.create(this);
    MessageId id = world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));

    world.as(LEE).move(MoveRequest.of(id, SystemFolder.ARCHIVE.id()));
    assertThat(world.list(LEE, SystemFolder.ARCHIVE)).extracting(MessageSummary::id).containsExactly(id);
    assertThat(world.list(LEE, SystemFolder.NOTIFICATIONS)).isEmpty();
    assertThat(world.folder(LEE, SystemFolder.ARCHIVE).unread()).isEqualTo(1);
    assertThat(world.list(LEE, SystemFolder.ALL_MESSAGES)).isEmpty();

    world.as(LEE).move(MoveRequest.of(id, SystemFolder.NOTIFICATIONS.id()));
    assertThat(world.list(LEE, SystemFolder.NOTIFICATIONS)).extracting(MessageSummary::id).containsExactly(id);
    assertThat(world.list(LEE, SystemFolder.ARCHIVE)).isEmpty();
    assertThat(world.folder(LEE, SystemFolder.NOTIFICATIONS).unread()).isEqualTo(1);
  }

  @Test
  default void aNotificationCanGoToACustomFolderAndBack() {
    World world = MillerScene.create(this);
    MessageId id = world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));
    FolderId journals = world.as(LEE).createFolder("Journals").id();

    world.as(LEE).move(MoveRequest.of(id, journals));
    assertThat(world.list(LEE, journals)).extracting(MessageSummary::id).containsExactly(id);
    assertThat(world.as(LEE).preview(id).folder()).isEqualTo(journals);
    assertThat(world.list(LEE, SystemFolder.ALL_MESSAGES)).isEmpty();

    world.as(LEE).move(MoveRequest.of(id, SystemFolder.NOTIFICATIONS.id()));
    assertThat(world.list(LEE, SystemFolder.NOTIFICATIONS)).extracting(MessageSummary::id).containsExactly(id);
    assertThat(world.list(LEE, journals)).isEmpty();
  }

  @Test
  default void aNotificationNeverGoesIntoTheInboxSentActionItemsDraftsOrAllMessages() {
    World world = MillerScene.create(this);
    MessageId id = world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));
    world.as(LEE).move(MoveRequest.of(id, SystemFolder.ARCHIVE.id()));
    Map<ParticipantId, Object> before = world.snapshot(LEE);

    for (SystemFolder target : List.of(SystemFolder.INBOX, SystemFolder.SENT, SystemFolder.ACTION_ITEMS,
        SystemFolder.DRAFTS, SystemFolder.ALL_MESSAGES)) {
      IllegalMoveException refused = assertThrows(IllegalMoveException.class,
          () -> world.as(LEE).move(MoveRequest.of(id, target.id())), "into " + target);
      assertThat(refused.offending()).containsOnlyKeys(id);
    }
    assertThat(world.snapshot(LEE)).isEqualTo(before);
  }

  @Test
  default void aBatchWithANotificationBoundForTheInboxMovesNothing() {
    World world = MillerScene.create(this);
    MessageView received = world.send(ANNA, "Question", "x", LEE);
    MessageId notification = world.messaging.postNotification(notification(LEE, "Journal entry shared", "x"));
    world.as(LEE).move(MoveRequest.of(Set.of(received.id(), notification), SystemFolder.ARCHIVE.id()));
    Map<ParticipantId, Object> before = world.snapshot(LEE);

    IllegalMoveException refused = assertThrows(IllegalMoveException.class, () -> world.as(LEE).move(
        MoveRequest.of(Set.of(received.id(), notification), SystemFolder.INBOX.id())));

    assertThat(refused.offending()).containsOnlyKeys(notification);
    assertThat(world.snapshot(LEE)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- helpers

  private static NewNotification notification(ParticipantId recipient, String subject, String body) {
    return NewNotification.builder().recipient(recipient).subject(subject).body(body).build();
  }

  private static NewNotification keyed(ParticipantId recipient, String key, String subject, String body) {
    return NewNotification.builder().recipient(recipient).subject(subject).body(body).idempotencyKey(key).build();
  }

  private static String refusedField(Executable call) {
    return assertThrows(InvalidInputException.class, call).field();
  }
}
