package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.MillerScene.ANNA;
import static dev.casemail.messaging.contract.MillerScene.BEN;
import static dev.casemail.messaging.contract.MillerScene.CARL;
import static dev.casemail.messaging.contract.MillerScene.LEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.ReadReceipt;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Sending a personal message: where its copies land, what they hold, the shape rules of its input,
 * the access policy for every recipient, and idempotency keys.
 *
 * <p>Most tests start from the {@link MillerScene}.
 */
public interface SendingContract extends MessagingFixture {

  // ---------------------------------------------------------------- where copies land

  @Test
  default void aSentMessageLandsOnceInEachRecipientsInboxUnread() {
    World world = MillerScene.create(this);

    MessageView sent = world.send(LEE, "Hearing", "See you on Monday.", ANNA, BEN);

    for (ParticipantId recipient : List.of(ANNA, BEN)) {
      List<MessageSummary> inbox = world.list(recipient, SystemFolder.INBOX);
      assertThat(inbox).extracting(MessageSummary::id).containsExactly(sent.id());
      assertThat(inbox.get(0).unread()).isTrue();
      assertThat(inbox.get(0).direction()).isEqualTo(Direction.RECEIVED);
      assertThat(inbox.get(0).folder()).isEqualTo(SystemFolder.INBOX.id());
      assertThat(world.folder(recipient, SystemFolder.INBOX).total()).isEqualTo(1);
      assertThat(world.folder(recipient, SystemFolder.INBOX).unread()).isEqualTo(1);
      assertThat(world.list(recipient, SystemFolder.SENT)).isEmpty();
    }
  }

  @Test
  default void theSendersCopyLandsOnceInSentAndIsNeverUnread() {
    World world = MillerScene.create(this);

    MessageView sent = world.send(LEE, "Hearing", "See you on Monday.", ANNA, BEN);

    assertThat(sent.direction()).isEqualTo(Direction.SENT);
    assertThat(sent.folder()).isEqualTo(SystemFolder.SENT.id());
    assertThat(sent.openedAt()).contains(sent.sentAt());
    List<MessageSummary> sentFolder = world.list(LEE, SystemFolder.SENT);
    assertThat(sentFolder).extracting(MessageSummary::id).containsExactly(sent.id());
    assertThat(sentFolder.get(0).unread()).isFalse();
    assertThat(sentFolder.get(0).direction()).isEqualTo(Direction.SENT);
    assertThat(world.folder(LEE, SystemFolder.SENT).total()).isEqualTo(1);
    assertThat(world.folder(LEE, SystemFolder.SENT).unread()).isZero();
    assertThat(world.list(LEE, SystemFolder.INBOX)).isEmpty();
  }

  @Test
  default void everyCopyIsAPersonalMessageShowingTheSenderAndTheRecipientsInTheOrderGiven() {
    World world = MillerScene.create(this);

    MessageView sent = world.as(LEE).send(
        NewMessage.builder().addRecipients(BEN, ANNA).subject("Hearing").body("Monday").build());

    ParticipantView lee = ParticipantView.of(LEE, ParticipantRole.PRACTITIONER, "Practitioner lee");
    List<ParticipantView> recipients = List.of(
        ParticipantView.of(BEN, ParticipantRole.PARENT, "Parent ben"),
        ParticipantView.of(ANNA, ParticipantRole.PARENT, "Parent anna"));
    for (ParticipantId owner : List.of(LEE, ANNA, BEN)) {
      MessageView copy = world.as(owner).preview(sent.id());
      assertThat(copy.kind()).isEqualTo(MessageKind.PERSONAL);
      assertThat(copy.sender()).contains(lee);
      assertThat(copy.recipients()).isEqualTo(recipients);
      assertThat(copy.direction()).isEqualTo(owner.equals(LEE) ? Direction.SENT : Direction.RECEIVED);
      assertThat(copy.inReplyTo()).isEmpty();
      assertThat(copy.thread()).isEqualTo(sent.thread());
      assertThat(copy.sentAt()).isEqualTo(sent.sentAt());
    }
    MessageSummary listed = world.list(ANNA, SystemFolder.INBOX).get(0);
    assertThat(listed.kind()).isEqualTo(MessageKind.PERSONAL);
    assertThat(listed.sender()).contains(lee);
    assertThat(listed.recipients()).as("a received copy's listing repeats no recipient list").isEmpty();
    assertThat(world.list(LEE, SystemFolder.SENT).get(0).recipients()).isEqualTo(recipients);
  }

  @Test
  default void aSentMessageIsOnceInAllMessagesOfTheSenderAndOfEveryRecipient() {
    World world = MillerScene.create(this);

    MessageView sent = world.send(LEE, "Hearing", "Monday", ANNA, BEN);

    for (ParticipantId owner : List.of(LEE, ANNA, BEN)) {
      assertThat(world.list(owner, SystemFolder.ALL_MESSAGES)).extracting(MessageSummary::id)
          .containsExactly(sent.id());
      assertThat(world.folder(owner, SystemFolder.ALL_MESSAGES).total()).isEqualTo(1);
    }
    assertThat(world.folder(LEE, SystemFolder.ALL_MESSAGES).unread()).isZero();
    assertThat(world.folder(ANNA, SystemFolder.ALL_MESSAGES).unread()).isEqualTo(1);
  }

  @Test
  default void theSenderSeesEveryRecipientAsNotYetViewed() {
    World world = MillerScene.create(this);

    MessageView sent = world.send(LEE, "Hearing", "Monday", ANNA, BEN);

    assertThat(sent.receipts()).extracting(r -> r.recipient().id()).containsExactly(ANNA, BEN);
    assertThat(sent.receipts()).extracting(ReadReceipt::firstViewedAt).containsOnly(Optional.empty());
    assertThat(world.as(ANNA).preview(sent.id()).receipts()).isEmpty();
    assertThat(world.as(ANNA).preview(sent.id()).openedAt()).isEmpty();
  }

  @Test
  default void aNewMessageStartsAThreadOfItsOwn() {
    World world = MillerScene.create(this);

    MessageView first = world.send(LEE, "Hearing", "Monday", ANNA);
    MessageView second = world.send(LEE, "Hearing", "Monday", ANNA);

    assertThat(first.thread()).isNotEqualTo(second.thread());
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(world.as(ANNA).thread(first.thread(), PageRequest.first()).items())
        .extracting(MessageSummary::id).containsExactly(first.id());
  }

  @Test
  default void theSentTimeIsTheClockToTheMicrosecond() {
    World world = MillerScene.create(this);
    world.clock.set(Instant.parse("2026-02-03T10:15:30.123456789Z"));

    MessageView sent = world.send(LEE, "Hearing", "Monday", ANNA);

    assertThat(sent.sentAt()).isEqualTo(Instant.parse("2026-02-03T10:15:30.123456Z"));
    assertThat(world.as(ANNA).preview(sent.id()).sentAt()).isEqualTo(sent.sentAt());
    assertThat(world.list(ANNA, SystemFolder.INBOX).get(0).sentAt()).isEqualTo(sent.sentAt());
  }

  // ---------------------------------------------------------------- what copies hold

  @Test
  default void theSubjectIsTrimmedAndTheBodyIsKeptExactlyAsWritten() {
    World world = MillerScene.create(this);
    String body = "  Dear Anna,\r\n\n\tthe hearing moved to Monday.  \n\n  Regards\t ";

    MessageView sent = world.send(LEE, "   Hearing date \t ", body, ANNA);

    assertThat(sent.subject()).isEqualTo("Hearing date");
    assertThat(sent.body()).isEqualTo(body);
    MessageView received = world.as(ANNA).open(sent.id());
    assertThat(received.subject()).isEqualTo("Hearing date");
    assertThat(received.body()).isEqualTo(body);
  }

  @Test
  default void unicodeAndEmojiSurviveInSubjectAndBody() {
    World world = MillerScene.create(this);
    String subject = "Übergabe 🧒👧 — 週末 · Ñandú · \u05e9\u05dc\u05d5\u05dd";
    String body = "Ça va? 😀🎉\nनमस्ते\n👨‍👩‍👧‍👦 family emoji, combining e\u0301, 𝄞 clef\n\u200b zero width";

    MessageView sent = world.send(LEE, subject, body, ANNA);

    MessageView received = world.as(ANNA).open(sent.id());
    assertThat(received.subject()).isEqualTo(subject);
    assertThat(received.body()).isEqualTo(body);
    assertThat(world.list(ANNA, SystemFolder.INBOX).get(0).subject()).isEqualTo(subject);
  }

  @Test
  default void sqlMetacharactersRoundTripUnchanged() {
    World world = MillerScene.create(this);
    String subject = "'; DROP TABLE messages;-- \" % _ \\ ` ?";
    String body = "'; DROP TABLE messages;--\nRobert'); DELETE FROM copies WHERE '1'='1\n%_\\x00 $1 :name ?";

    MessageView sent = world.send(LEE, subject, body, ANNA);

    MessageView received = world.as(ANNA).open(sent.id());
    assertThat(received.subject()).isEqualTo(subject);
    assertThat(received.body()).isEqualTo(body);
    assertThat(world.list(LEE, SystemFolder.SENT)).extracting(MessageSummary::subject).containsExactly(subject);
  }

  @Test
  default void aMessageMayHaveAnEmptyBody() {
    World world = MillerScene.create(this);

    MessageView sent = world.as(LEE).send(NewMessage.builder().addRecipients(ANNA).subject("Call me").build());

    assertThat(sent.body()).isEmpty();
    assertThat(world.as(ANNA).open(sent.id()).body()).isEmpty();
  }

  /**
   * Any text is either accepted and kept (the subject trimmed, the body exactly) or refused with an
   * {@link InvalidInputException} naming the field: never another exception, never a changed text.
   */
  @Property
  default void anySubjectAndBodyIsEitherKeptOrRefusedNamingTheField(
      @ForAll("sendingTexts") String subject, @ForAll("sendingTexts") String body) {
    Statistics.label("outcome").coverage(coverage -> coverage.check("sent").percentage(p -> p > 10));
    NewMessage message;
    try {
      message = NewMessage.builder().addRecipients(ANNA).subject(subject).body(body).build();
    } catch (InvalidInputException e) {
      assertThat(e.field()).isIn("subject", "body");
      Statistics.label("outcome").collect("refused");
      return;
    }
    Statistics.label("outcome").collect("sent");
    World world = MillerScene.create(this);
    MessageView sent = world.as(LEE).send(message);
    MessageView received = world.as(ANNA).preview(sent.id());
    assertThat(received.subject()).isEqualTo(subject.strip());
    assertThat(received.body()).isEqualTo(body);
  }

  /** Mostly valid text, with now and then a control character, a lone surrogate or padding. */
  @Provide
  default Arbitrary<String> sendingTexts() {
    Arbitrary<String> letters = Arbitraries.strings().withCharRange(' ', '~').withChars("äß€中")
        .ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> valid = Arbitraries.of("😀", "👨‍👩‍👧", "e\u0301", "  ", "\u2028", "'; DROP TABLE messages;--");
    // line breaks and tabs: fine in a body, refused in a subject
    Arbitrary<String> breaks = Arbitraries.of("\t", "\n", "\r\n", "\r");
    Arbitrary<String> invalid = Arbitraries.of("\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\ud83d", "\ude00");
    return Arbitraries.frequencyOf(
            List.of(Tuple.of(12, letters), Tuple.of(4, valid), Tuple.of(1, breaks), Tuple.of(1, invalid)))
        .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
  }

  // ---------------------------------------------------------------- recipients

  @Test
  default void sendingToOneselfIsRefusedNamingTheRecipientsAndChangesNothing() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN);

    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> world.send(LEE, "Me", "x", LEE));
    InvalidInputException amongOthers =
        assertThrows(InvalidInputException.class, () -> world.send(LEE, "Us", "x", ANNA, LEE, BEN));

    assertThat(refused.field()).isEqualTo("recipients");
    assertThat(amongOthers.field()).isEqualTo("recipients");
    assertThat(world.snapshot(LEE, ANNA, BEN)).isEqualTo(before);
  }

  @Test
  default void aMessageWithoutRecipientsIsRefusedNamingTheRecipients() {
    InvalidInputException refused = assertThrows(
        InvalidInputException.class, () -> NewMessage.builder().subject("Hearing").body("x").build());

    assertThat(refused.field()).isEqualTo("recipients");
  }

  @Test
  default void aNullRecipientIsRefusedNamingTheRecipients() {
    InvalidInputException refused = assertThrows(
        InvalidInputException.class,
        () -> NewMessage.builder().recipients(Arrays.asList(ANNA, null)).subject("Hearing").build());

    assertThat(refused.field()).isEqualTo("recipients");
  }

  @Test
  default void aMessageMayHaveFiftyRecipients() {
    World world = newWorld();
    world.practitioner("lee");
    List<ParticipantId> parents = new ArrayList<>();
    for (int i = 0; i < InputRules.MAX_RECIPIENTS; i++) {
      ParticipantId parent = world.parent("parent" + i);
      world.grant(LEE, parent);
      parents.add(parent);
    }

    MessageView sent = world.as(LEE).send(
        NewMessage.builder().recipients(parents).subject("Court closed on Friday").build());

    assertThat(sent.recipients()).extracting(ParticipantView::id).containsExactlyElementsOf(parents);
    assertThat(world.list(parents.get(0), SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(sent.id());
    assertThat(world.list(parents.get(49), SystemFolder.INBOX)).extracting(MessageSummary::id)
        .containsExactly(sent.id());
    assertThat(world.folder(LEE, SystemFolder.SENT).total()).isEqualTo(1);
  }

  @Test
  default void fiftyOneRecipientsAreRefusedNamingTheRecipients() {
    List<ParticipantId> recipients = new ArrayList<>();
    for (int i = 0; i <= InputRules.MAX_RECIPIENTS; i++) {
      recipients.add(ParticipantId.of("parent" + i));
    }

    InvalidInputException refused = assertThrows(
        InvalidInputException.class, () -> NewMessage.builder().recipients(recipients).subject("Hearing").build());

    assertThat(refused.field()).isEqualTo("recipients");
  }

  @Test
  default void aRecipientListedTwiceReceivesOneCopy() {
    World world = MillerScene.create(this);

    MessageView sent = world.as(LEE).send(
        NewMessage.builder().recipients(List.of(ANNA, BEN, ANNA)).subject("Hearing").build());

    assertThat(sent.recipients()).extracting(ParticipantView::id).containsExactly(ANNA, BEN);
    assertThat(world.list(ANNA, SystemFolder.INBOX)).hasSize(1);
    assertThat(world.folder(ANNA, SystemFolder.INBOX).unread()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- subject and body shape

  @Test
  default void aSubjectOfTheMaximumLengthIsAcceptedAndOneCharacterMoreIsRefused() {
    World world = MillerScene.create(this);
    String longest = "s".repeat(InputRules.MAX_SUBJECT_LENGTH);

    MessageView sent = world.send(LEE, "  " + longest + "  ", "x", ANNA);
    assertThat(sent.subject()).isEqualTo(longest);

    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> world.send(LEE, longest + "s", "x", ANNA));
    assertThat(refused.field()).isEqualTo("subject");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aSubjectsLengthCountsCharactersNotCodeUnits() {
    World world = MillerScene.create(this);
    String emojis = "😀".repeat(InputRules.MAX_SUBJECT_LENGTH);

    MessageView sent = world.send(LEE, emojis, "x", ANNA);

    assertThat(world.as(ANNA).preview(sent.id()).subject()).isEqualTo(emojis);
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> world.send(LEE, emojis + "😀", "x", ANNA));
    assertThat(refused.field()).isEqualTo("subject");
  }

  @Test
  default void aBlankOrMissingSubjectIsRefusedNamingTheSubject() {
    for (String subject : Arrays.asList("", "   ", " \t ", null)) {
      InvalidInputException refused = assertThrows(
          InvalidInputException.class,
          () -> NewMessage.builder().addRecipients(ANNA).subject(subject).body("x").build(),
          "subject " + subject);
      assertThat(refused.field()).isEqualTo("subject");
    }
  }

  @Test
  default void aSubjectWithAControlCharacterIsRefusedNamingTheSubject() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    for (String control : List.of("\n", "\r", "\t", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\ud83d")) {
      InvalidInputException refused = assertThrows(
          InvalidInputException.class,
          () -> world.send(LEE, "Hearing" + control + "date", "x", ANNA),
          "control character U+" + Integer.toHexString(control.charAt(0)));
      assertThat(refused.field()).isEqualTo("subject");
    }
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aBodyMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
    World world = MillerScene.create(this);
    String allowed = "a\tb\nc\r\nd\re";
    assertThat(world.as(ANNA).preview(world.send(LEE, "Breaks", allowed, ANNA).id()).body()).isEqualTo(allowed);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    for (String control : List.of("\u0000", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\ud83d", "\ude00")) {
      InvalidInputException refused = assertThrows(
          InvalidInputException.class,
          () -> world.send(LEE, "Hearing", "line" + control + "line", ANNA),
          "control character U+" + Integer.toHexString(control.charAt(0)));
      assertThat(refused.field()).isEqualTo("body");
    }
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aBodyOfExactlyTheMaximumSizeIsAcceptedAndOneByteMoreIsRefused() {
    World world = MillerScene.create(this);
    String largest = "b".repeat(InputRules.MAX_BODY_BYTES);

    MessageView sent = world.send(LEE, "Long", largest, ANNA);
    assertThat(world.as(ANNA).open(sent.id()).body()).isEqualTo(largest);

    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> world.send(LEE, "Long", largest + "b", ANNA));
    assertThat(refused.field()).isEqualTo("body");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aBodysSizeIsMeasuredInBytesOfUtf8() {
    World world = MillerScene.create(this);
    // four bytes each: exactly the limit
    String emojis = "😀".repeat(InputRules.MAX_BODY_BYTES / 4);
    // three bytes each, one byte more than the limit
    String euros = "€".repeat(InputRules.MAX_BODY_BYTES / 3) + "ab";

    MessageView sent = world.send(LEE, "Emojis", emojis, ANNA);
    assertThat(world.as(ANNA).open(sent.id()).body()).isEqualTo(emojis);

    assertThat(assertThrows(InvalidInputException.class, () -> world.send(LEE, "Emojis", emojis + "x", ANNA)).field())
        .isEqualTo("body");
    assertThat(assertThrows(InvalidInputException.class, () -> world.send(LEE, "Euros", euros, ANNA)).field())
        .isEqualTo("body");
    assertThat(world.list(ANNA, SystemFolder.INBOX)).hasSize(1);
  }

  @Test
  default void aNullBodyOrMessageIsRefusedAsInvalidInput() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    InvalidInputException nullBody = assertThrows(
        InvalidInputException.class,
        () -> NewMessage.builder().addRecipients(ANNA).subject("Hearing").body(null).build());
    InvalidInputException nullMessage = assertThrows(InvalidInputException.class, () -> world.as(LEE).send(null));

    assertThat(nullBody.field()).isEqualTo("body");
    assertThat(nullMessage.field()).isEqualTo("message");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- the access policy

  @Test
  default void aRecipientTheSenderMayNotMessageMeansNothingIsSentAndOnlyTheyAreNamed() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN, CARL);

    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> world.send(LEE, "Hearing", "x", ANNA, CARL, BEN));

    assertThat(denied.participants()).containsExactly(CARL);
    assertThat(world.snapshot(LEE, ANNA, BEN, CARL)).isEqualTo(before);
  }

  @Test
  default void everyRefusedRecipientIsNamedInTheOrderGiven() {
    World world = MillerScene.create(this);
    ParticipantId dora = world.parent("dora");
    ParticipantId kim = world.practitioner("kim");
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, CARL, dora, kim);

    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> world.send(LEE, "Hearing", "x", kim, ANNA, dora, CARL));

    assertThat(denied.participants()).containsExactly(kim, dora, CARL);
    assertThat(world.snapshot(LEE, ANNA, CARL, dora, kim)).isEqualTo(before);
  }

  @Test
  default void anUnknownRecipientIsRefusedLikeADisallowedOneSoNoRefusalRevealsWhoIsRegistered() {
    World world = MillerScene.create(this);
    ParticipantId ghost = ParticipantId.of("ghost");
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    AccessDeniedException unknown =
        assertThrows(AccessDeniedException.class, () -> world.send(LEE, "Hearing", "x", ANNA, ghost));
    AccessDeniedException both =
        assertThrows(AccessDeniedException.class, () -> world.send(LEE, "Hearing", "x", ghost, CARL));

    assertThat(unknown.participants()).containsExactly(ghost);
    assertThat(both.participants()).containsExactly(ghost, CARL);
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void sendingToTheCoParentOfAParentWithAccessIsRefused() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("miller", anna, ben);
    world.grant(lee, anna);
    Map<ParticipantId, Object> before = world.snapshot(lee, anna, ben);

    AccessDeniedException toCoParent = assertThrows(AccessDeniedException.class, () -> world.send(lee, "Hi", "x", ben));
    AccessDeniedException fromCoParent =
        assertThrows(AccessDeniedException.class, () -> world.send(ben, "Hi", "x", lee));

    assertThat(toCoParent.participants()).containsExactly(ben);
    assertThat(fromCoParent.participants()).containsExactly(lee);
    assertThat(world.snapshot(lee, anna, ben)).isEqualTo(before);
    assertThat(world.send(anna, "Hi", "x", lee).recipients()).extracting(ParticipantView::id).containsExactly(lee);
  }

  @Test
  default void parentsMayMessageEachOtherOnlyWhenTheyShareAFamily() {
    World world = MillerScene.create(this);

    MessageView toCoParent = world.send(ANNA, "Pick-up", "Friday at five", BEN);
    AccessDeniedException toStranger =
        assertThrows(AccessDeniedException.class, () -> world.send(ANNA, "Pick-up", "x", CARL));

    assertThat(world.list(BEN, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(toCoParent.id());
    assertThat(toStranger.participants()).containsExactly(CARL);
    assertThat(world.list(CARL, SystemFolder.INBOX)).isEmpty();
  }

  @Test
  default void twoPractitionersMayNotMessageEachOther() {
    World world = MillerScene.create(this);
    ParticipantId kim = world.practitioner("kim");
    Map<ParticipantId, Object> before = world.snapshot(LEE, kim);

    AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> world.send(LEE, "Hi", "x", kim));

    assertThat(denied.participants()).containsExactly(kim);
    assertThat(world.snapshot(LEE, kim)).isEqualTo(before);
  }

  @Test
  default void aPendingOrRefusedRequestDoesNotAllowMessaging() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.as(lee).requestAccess(anna);
    world.as(lee).requestAccess(ben);
    world.as(ben).refuseAccess(lee);
    Map<ParticipantId, Object> before = world.snapshot(lee, anna, ben);

    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> world.send(lee, "Hi", "x", anna, ben));
    AccessDeniedException back = assertThrows(AccessDeniedException.class, () -> world.send(anna, "Hi", "x", lee));

    assertThat(denied.participants()).containsExactly(anna, ben);
    assertThat(back.participants()).containsExactly(lee);
    assertThat(world.snapshot(lee, anna, ben)).isEqualTo(before);
  }

  @Test
  default void accessAskedForByTheParentAllowsMessagingBothWaysOnceApproved() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(anna).requestAccess(lee);
    assertThrows(AccessDeniedException.class, () -> world.send(anna, "Hello", "x", lee));

    world.as(lee).approveAccess(anna);

    MessageView fromAnna = world.send(anna, "Hello", "x", lee);
    MessageView fromLee = world.send(lee, "Welcome", "x", anna);
    assertThat(world.list(lee, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(fromAnna.id());
    assertThat(world.list(anna, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(fromLee.id());
  }

  @Test
  default void aWithdrawnOrBlockedRequestDoesNotAllowMessaging() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.as(lee).requestAccess(anna);
    world.as(lee).withdrawAccessRequest(anna);
    world.as(lee).requestAccess(ben);
    world.as(ben).blockAccess(lee);
    Map<ParticipantId, Object> before = world.snapshot(lee, anna, ben);

    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> world.send(lee, "Hi", "x", anna, ben));
    AccessDeniedException fromBen = assertThrows(AccessDeniedException.class, () -> world.send(ben, "Hi", "x", lee));

    assertThat(denied.participants()).containsExactly(anna, ben);
    assertThat(fromBen.participants()).containsExactly(lee);
    assertThat(world.snapshot(lee, anna, ben)).isEqualTo(before);
  }

  @Test
  default void removingAccessStopsNewMessagesInBothDirectionsAndKeepsTheHistory() {
    World world = MillerScene.create(this);
    MessageView before = world.send(LEE, "Hearing", "Monday", ANNA);
    MessageView answer = world.send(ANNA, "Re: Hearing", "Thanks", LEE);
    world.as(ANNA).removeAccess(LEE);
    Map<ParticipantId, Object> snapshot = world.snapshot(LEE, ANNA);

    AccessDeniedException fromLee = assertThrows(AccessDeniedException.class, () -> world.send(LEE, "Hi", "x", ANNA));
    AccessDeniedException fromAnna = assertThrows(AccessDeniedException.class, () -> world.send(ANNA, "Hi", "x", LEE));

    assertThat(fromLee.participants()).containsExactly(ANNA);
    assertThat(fromAnna.participants()).containsExactly(LEE);
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(snapshot);
    assertThat(world.list(LEE, SystemFolder.ALL_MESSAGES)).extracting(MessageSummary::id)
        .containsExactlyInAnyOrder(before.id(), answer.id());
    assertThat(world.list(ANNA, SystemFolder.ALL_MESSAGES)).extracting(MessageSummary::id)
        .containsExactlyInAnyOrder(before.id(), answer.id());
  }

  @Test
  default void anUnregisteredSenderIsNotFound() {
    World world = MillerScene.create(this);
    ParticipantId ghost = ParticipantId.of("ghost");
    Map<ParticipantId, Object> before = world.snapshot(ANNA);

    NotFoundException notFound = assertThrows(NotFoundException.class, () -> world.send(ghost, "Hi", "x", ANNA));

    assertThat(notFound.kind()).isEqualTo("participant");
    assertThat(notFound.id()).isEqualTo("ghost");
    assertThat(world.snapshot(ANNA)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- idempotency keys

  @Test
  default void theSameIdempotencyKeyTwiceSendsOnceAndReturnsTheSameMessage() {
    World world = MillerScene.create(this);
    NewMessage message = keyed("k-1", "Hearing", "Monday", ANNA, BEN);

    MessageView first = world.as(LEE).send(message);
    world.clock.advance(Duration.ofMinutes(5));
    MessageView again = world.as(LEE).send(message);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.sentAt()).isEqualTo(first.sentAt());
    assertThat(again).isEqualTo(first);
    assertThat(world.list(LEE, SystemFolder.SENT)).hasSize(1);
    assertThat(world.list(ANNA, SystemFolder.INBOX)).hasSize(1);
    assertThat(world.list(BEN, SystemFolder.INBOX)).hasSize(1);
  }

  @Test
  default void aRetryAfterTheFirstCopyWasArchivedStillReturnsTheFirstMessage() {
    World world = MillerScene.create(this);
    MessageView first = world.as(LEE).send(keyed("k-1", "Hearing", "Monday", ANNA));
    world.as(LEE).move(MoveRequest.of(first.id(), SystemFolder.ARCHIVE.id()));
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    MessageView again = world.as(LEE).send(keyed("k-1", "Hearing", "Monday", ANNA));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void theSameKeyWithDifferentContentIsAConflictAndSendsNothing() {
    World world = MillerScene.create(this);
    world.as(LEE).send(keyed("k-1", "Hearing", "Monday", ANNA));
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN);

    assertThrows(ConflictException.class, () -> world.as(LEE).send(keyed("k-1", "Hearing moved", "Monday", ANNA)));
    assertThrows(ConflictException.class, () -> world.as(LEE).send(keyed("k-1", "Hearing", "Tuesday", ANNA)));
    assertThrows(ConflictException.class, () -> world.as(LEE).send(keyed("k-1", "Hearing", "Monday", ANNA, BEN)));
    assertThrows(ConflictException.class, () -> world.as(LEE).send(keyed("k-1", "Hearing", "Monday", BEN)));

    assertThat(world.snapshot(LEE, ANNA, BEN)).isEqualTo(before);
  }

  @Test
  default void theSameKeyForOtherRecipientsIsAConflictEvenWhenTheirIdsReadAlike() {
    World world = MillerScene.create(this);
    ParticipantId lookalike = world.parent("anna,ben"); // ids hold no whitespace, so not "anna, ben"
    world.grant(LEE, lookalike);
    MessageView first = world.as(LEE).send(keyed("k-1", "Hearing", "Monday", ANNA, BEN));
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN, lookalike);

    assertThrows(ConflictException.class, () -> world.as(LEE).send(keyed("k-1", "Hearing", "Monday", lookalike)));

    assertThat(world.snapshot(LEE, ANNA, BEN, lookalike)).isEqualTo(before);
    assertThat(world.as(LEE).send(keyed("k-1", "Hearing", "Monday", ANNA, BEN)).id()).isEqualTo(first.id());
  }

  @Test
  default void idempotencyKeysBelongToTheirSender() {
    World world = MillerScene.create(this);

    MessageView fromLee = world.as(LEE).send(keyed("k-1", "Hearing", "Monday", ANNA));
    MessageView fromBen = world.as(BEN).send(keyed("k-1", "Hearing", "Monday", ANNA));
    MessageView fromBenOther = world.as(BEN).send(keyed("k-2", "Hearing", "Monday", ANNA));

    assertThat(fromBen.id()).isNotEqualTo(fromLee.id());
    assertThat(fromBenOther.id()).isNotEqualTo(fromBen.id());
    assertThat(world.list(ANNA, SystemFolder.INBOX)).extracting(MessageSummary::id)
        .containsExactlyInAnyOrder(fromLee.id(), fromBen.id(), fromBenOther.id());
  }

  @Test
  default void aKeyWhoseSendWasDeniedIsStillFreeOnceAccessIsGranted() {
    World world = MillerScene.create(this);
    NewMessage message = keyed("k-1", "Hearing", "Monday", CARL);
    assertThrows(AccessDeniedException.class, () -> world.as(LEE).send(message));

    world.grant(LEE, CARL);
    MessageView sent = world.as(LEE).send(message);

    assertThat(world.list(CARL, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(sent.id());
  }

  @Test
  default void withoutAKeyTheSameMessageTwiceIsSentTwice() {
    World world = MillerScene.create(this);
    NewMessage message = NewMessage.builder().addRecipients(ANNA).subject("Hearing").body("Monday")
        .idempotencyKey((String) null).build();

    MessageView first = world.as(LEE).send(message);
    MessageView second = world.as(LEE).send(message);

    assertThat(message.idempotencyKey()).isEmpty();
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(world.list(ANNA, SystemFolder.INBOX)).hasSize(2);
  }

  @Test
  default void aBlankPaddedOrOversizeKeyIsRefusedNamingTheKey() {
    String longest = "k".repeat(InputRules.MAX_IDEMPOTENCY_KEY_LENGTH);
    assertThat(keyed(longest, "Hearing", "x", ANNA).idempotencyKey()).contains(longest);

    for (String key : List.of("", "   ", " k-1", "k-1 ", "k\n1", longest + "k")) {
      InvalidInputException refused = assertThrows(
          InvalidInputException.class, () -> keyed(key, "Hearing", "x", ANNA), "key [" + key + "]");
      assertThat(refused.field()).isEqualTo("idempotencyKey");
    }
  }

  @Test
  default void aKeyOfTheMaximumLengthWorksLikeAnyOther() {
    World world = MillerScene.create(this);
    String longest = "😀".repeat(InputRules.MAX_IDEMPOTENCY_KEY_LENGTH);

    MessageView first = world.as(LEE).send(keyed(longest, "Hearing", "x", ANNA));
    MessageView again = world.as(LEE).send(keyed(longest, "Hearing", "x", ANNA));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(world.list(ANNA, SystemFolder.INBOX)).hasSize(1);
  }

  private static NewMessage keyed(String key, String subject, String body, ParticipantId... to) {
    return NewMessage.builder().recipients(List.of(to)).subject(subject).body(body).idempotencyKey(key).build();
  }
}
