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
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Reply and Reply All: who receives them, their subject, thread and quote, and the rules they share
 * with sending (access policy, idempotency keys, typed errors). Starts from the {@link MillerScene}.
 */
public interface ReplyContract extends MessagingFixture {

  // ---------------------------------------------------------------- who receives a reply

  @Test
  default void aReplyGoesToTheOriginalSenderOnly() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday at ten", ANNA, BEN);

    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "I will be there"));

    assertThat(reply.recipients()).extracting(ParticipantView::id).containsExactly(LEE);
    assertThat(reply.sender().map(ParticipantView::id)).contains(ANNA);
    assertThat(reply.kind()).isEqualTo(MessageKind.PERSONAL);
    assertThat(reply.direction()).isEqualTo(Direction.SENT);
    assertThat(world.list(LEE, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(reply.id());
    assertThat(world.list(ANNA, SystemFolder.SENT)).extracting(MessageSummary::id).containsExactly(reply.id());
    assertThat(world.list(BEN, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(original.id());
  }

  @Test
  default void replyAllGoesToTheSenderAndEveryOtherRecipientButNotTheReplier() {
    World world = MillerScene.create(this);
    MessageView original = world.send(ANNA, "Holidays", "Who takes the kids?", BEN, LEE);

    MessageView reply = world.as(LEE).replyAll(Reply.to(original.id(), "Let us meet"));

    assertThat(reply.recipients()).extracting(ParticipantView::id).containsExactly(ANNA, BEN);
    assertThat(world.list(ANNA, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(reply.id());
    assertThat(world.list(BEN, SystemFolder.INBOX)).extracting(MessageSummary::id)
        .containsExactlyInAnyOrder(original.id(), reply.id());
    assertThat(world.list(LEE, SystemFolder.SENT)).extracting(MessageSummary::id).containsExactly(reply.id());
    assertThat(world.list(LEE, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(original.id());
  }

  @Test
  default void replyAllToAMessageWithOneRecipientGoesToTheSenderOnly() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);

    MessageView reply = world.as(ANNA).replyAll(Reply.to(original.id(), "Fine"));

    assertThat(reply.recipients()).extracting(ParticipantView::id).containsExactly(LEE);
  }

  @Test
  default void replyingToOnesOwnSentMessageGoesToItsRecipients() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA, BEN);

    MessageView reply = world.as(LEE).reply(Reply.to(original.id(), "Correction: Tuesday"));
    MessageView replyAll = world.as(LEE).replyAll(Reply.to(original.id(), "And bring the forms"));

    assertThat(reply.recipients()).extracting(ParticipantView::id).containsExactly(ANNA, BEN);
    assertThat(replyAll.recipients()).extracting(ParticipantView::id).containsExactly(ANNA, BEN);
    assertThat(world.list(LEE, SystemFolder.INBOX)).isEmpty();
    assertThat(world.list(LEE, SystemFolder.SENT)).hasSize(3);
    assertThat(world.list(ANNA, SystemFolder.INBOX)).extracting(MessageSummary::id)
        .containsExactlyInAnyOrder(original.id(), reply.id(), replyAll.id());
  }

  @Test
  default void aReplyArrivesUnreadAndTheRepliersCopyIsInSent() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);
    world.as(LEE).open(original.id());

    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "Thanks"));

    assertThat(world.folder(LEE, SystemFolder.INBOX).unread()).isEqualTo(1);
    assertThat(world.as(LEE).preview(reply.id()).openedAt()).isEmpty();
    assertThat(reply.folder()).isEqualTo(SystemFolder.SENT.id());
    assertThat(reply.openedAt()).contains(reply.sentAt());
    assertThat(world.folder(ANNA, SystemFolder.SENT).unread()).isZero();
  }

  @Test
  default void aMessageCanBeAnsweredWhereverItsCopyNowSits() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);
    world.as(ANNA).move(MoveRequest.of(original.id(), SystemFolder.ARCHIVE.id()));

    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "Thanks"));

    assertThat(reply.inReplyTo()).contains(original.id());
    assertThat(world.list(LEE, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(reply.id());
  }

  // ---------------------------------------------------------------- subject

  @Test
  default void theReplySubjectGetsOneRePrefix() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing on Monday", "x", ANNA);

    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "ok"));

    assertThat(reply.subject()).isEqualTo("Re: Hearing on Monday");
    assertThat(world.as(LEE).preview(reply.id()).subject()).isEqualTo("Re: Hearing on Monday");
  }

  @Test
  default void aReplyToAReplyNeverDoublesThePrefix() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "x", ANNA);

    MessageView first = world.as(ANNA).reply(Reply.to(original.id(), "1"));
    MessageView second = world.as(LEE).reply(Reply.to(first.id(), "2"));
    MessageView third = world.as(ANNA).replyAll(Reply.to(second.id(), "3"));

    assertThat(List.of(first, second, third)).extracting(MessageView::subject).containsOnly("Re: Hearing");
  }

  @Test
  default void existingRePrefixesInAnyCaseCollapseIntoOne() {
    World world = MillerScene.create(this);
    Map<String, String> expected = Map.of(
        "RE: Hearing", "Re: Hearing",
        "re:Hearing", "Re: Hearing",
        "Re: re: RE:  Hearing", "Re: Hearing",
        "rE : Hearing", "Re: Hearing",
        "Re:", "Re:");

    for (Map.Entry<String, String> subject : expected.entrySet()) {
      MessageView original = world.send(LEE, subject.getKey(), "x", ANNA);
      MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "ok"));
      assertThat(reply.subject()).as("reply to [%s]", subject.getKey()).isEqualTo(subject.getValue());
    }
  }

  @Test
  default void onlyARePrefixCollapsesNotAWordStartingWithRe() {
    World world = MillerScene.create(this);

    for (String subject : List.of("Regarding the hearing", "Report", "Fwd: Re: Hearing", "Hearing (re: custody)")) {
      MessageView original = world.send(LEE, subject, "x", ANNA);
      MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "ok"));
      assertThat(reply.subject()).isEqualTo("Re: " + subject);
    }
  }

  @Test
  default void aReplyToASubjectOfTheMaximumLengthStaysWithinTheLimit() {
    World world = MillerScene.create(this);
    String longest = "s".repeat(InputRules.MAX_SUBJECT_LENGTH);
    MessageView original = world.send(LEE, longest, "x", ANNA);

    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "ok"));

    assertThat(reply.subject()).startsWith("Re: s").doesNotStartWith("Re: Re:");
    assertThat(reply.subject().codePointCount(0, reply.subject().length())).isEqualTo(InputRules.MAX_SUBJECT_LENGTH);
  }

  /** Whatever the original subject, a reply's subject has exactly one leading "Re: " and fits the limit. */
  @Property
  default void aReplySubjectAlwaysHasExactlyOneRePrefix(@ForAll("replySubjects") String subject) {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, subject, "x", ANNA);

    String replySubject = world.as(ANNA).reply(Reply.to(original.id(), "ok")).subject();

    assertThat(replySubject).startsWith("Re:");
    assertThat(replySubject.substring(3).strip()).doesNotStartWithIgnoringCase("re:");
    assertThat(replySubject.codePointCount(0, replySubject.length())).isLessThanOrEqualTo(InputRules.MAX_SUBJECT_LENGTH);
  }

  /** Subjects made of prefixes in any case and spacing, words starting with "re", and long text. */
  @Provide
  default Arbitrary<String> replySubjects() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("Re:", "RE:", "re: ", " rE :", "Re", "Regarding", "Fwd:", "re", ":", "😀", " "),
        Arbitraries.strings().withCharRange('a', 'z').withChars(" é").ofMinLength(1).ofMaxLength(80));
    return piece.list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts))
        .map(s -> s.codePointCount(0, s.length()) > InputRules.MAX_SUBJECT_LENGTH
            ? s.substring(0, s.offsetByCodePoints(0, InputRules.MAX_SUBJECT_LENGTH))
            : s)
        .filter(s -> !s.isBlank());
  }

  // ---------------------------------------------------------------- thread and quote

  @Test
  default void aReplyJoinsTheThreadWhichListsOldestFirstOnEverySide() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA, BEN);
    world.clock.advance(Duration.ofMinutes(1));
    MessageView fromAnna = world.as(ANNA).replyAll(Reply.to(original.id(), "Fine"));
    world.clock.advance(Duration.ofMinutes(1));
    MessageView fromLee = world.as(LEE).replyAll(Reply.to(fromAnna.id(), "Good"));

    assertThat(List.of(fromAnna, fromLee)).extracting(MessageView::thread).containsOnly(original.thread());
    assertThat(fromAnna.inReplyTo()).contains(original.id());
    assertThat(fromLee.inReplyTo()).contains(fromAnna.id());
    for (ParticipantId owner : List.of(LEE, ANNA, BEN)) {
      assertThat(world.as(owner).thread(original.thread(), PageRequest.first()).items())
          .extracting(MessageSummary::id)
          .containsExactly(original.id(), fromAnna.id(), fromLee.id());
    }
    assertThat(world.as(BEN).preview(fromLee.id()).inReplyTo()).contains(fromAnna.id());
  }

  @Test
  default void theOriginalIsQuotedBelowTheReplyByDefault() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "The hearing is on Monday.\nBring the forms.", ANNA);

    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "I will."));

    assertThat(reply.body()).startsWith("I will.");
    assertThat(reply.body()).contains("> The hearing is on Monday.", "> Bring the forms.");
    assertThat(reply.body().indexOf("> The hearing")).isLessThan(reply.body().indexOf("> Bring the forms."));
    assertThat(world.as(LEE).open(reply.id()).body()).isEqualTo(reply.body());
  }

  @Test
  default void aReplyThatOptsOutOfQuotingHoldsOnlyTheRepliersText() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "The hearing is on Monday.", ANNA);

    MessageView reply = world.as(ANNA).reply(
        Reply.builder().message(original.id()).body("  I will.\n").quoteOriginal(false).build());

    assertThat(reply.body()).isEqualTo("  I will.\n");
    assertThat(world.as(LEE).open(reply.id()).body()).isEqualTo("  I will.\n");
  }

  @Test
  default void aQuoteThatWouldOverflowTheBodyIsShortenedNeverTheRepliersText() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Long", "o".repeat(InputRules.MAX_BODY_BYTES), ANNA);
    String ownText = "r".repeat(InputRules.MAX_BODY_BYTES / 2);

    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), ownText));
    MessageView fullReply = world.as(ANNA).reply(Reply.to(original.id(), "f".repeat(InputRules.MAX_BODY_BYTES)));

    assertThat(reply.body()).startsWith(ownText).contains("> ooo");
    assertThat(reply.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(InputRules.MAX_BODY_BYTES);
    assertThat(fullReply.body()).isEqualTo("f".repeat(InputRules.MAX_BODY_BYTES));
  }

  // ---------------------------------------------------------------- refusals

  @Test
  default void replyingToAMessageOutsideTheRepliersMailboxIsNotFound() {
    World world = MillerScene.create(this);
    MessageView toAnna = world.send(LEE, "Private", "x", ANNA);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN);

    NotFoundException reply = assertThrows(NotFoundException.class, () -> world.as(BEN).reply(Reply.to(toAnna.id(), "?")));
    NotFoundException replyAll =
        assertThrows(NotFoundException.class, () -> world.as(BEN).replyAll(Reply.to(toAnna.id(), "?")));
    NotFoundException unknown =
        assertThrows(NotFoundException.class, () -> world.as(ANNA).reply(Reply.to(MessageId.of(424242L), "?")));

    assertThat(reply.kind()).isEqualTo("message");
    assertThat(reply.id()).isEqualTo(toAnna.id().toString());
    assertThat(replyAll.id()).isEqualTo(toAnna.id().toString());
    assertThat(unknown.id()).isEqualTo("424242");
    assertThat(world.snapshot(LEE, ANNA, BEN)).isEqualTo(before);
  }

  @Test
  default void afterAccessWasRemovedAReplyIsDeniedAndNothingIsSent() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);
    world.as(LEE).removeAccess(ANNA);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    AccessDeniedException fromAnna =
        assertThrows(AccessDeniedException.class, () -> world.as(ANNA).reply(Reply.to(original.id(), "But...")));
    AccessDeniedException fromLee =
        assertThrows(AccessDeniedException.class, () -> world.as(LEE).reply(Reply.to(original.id(), "Also")));

    assertThat(fromAnna.participants()).containsExactly(LEE);
    assertThat(fromLee.participants()).containsExactly(ANNA);
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void onceAccessIsApprovedAgainTheOldThreadCanBeAnsweredAgain() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);
    world.as(ANNA).removeAccess(LEE);
    assertThrows(AccessDeniedException.class, () -> world.as(ANNA).reply(Reply.to(original.id(), "x")));

    world.grant(LEE, ANNA);
    MessageView reply = world.as(ANNA).reply(Reply.to(original.id(), "Back again"));

    assertThat(reply.thread()).isEqualTo(original.thread());
    assertThat(world.list(LEE, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(reply.id());
  }

  @Test
  default void replyAllNamesEveryRecipientTheReplierMayNotMessageAndSendsNothing() {
    World world = MillerScene.create(this);
    ParticipantId kim = world.practitioner("kim");
    world.grant(kim, ANNA);
    MessageView toBoth = world.send(ANNA, "Holidays", "Please advise", LEE, kim, BEN);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN, kim);

    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> world.as(LEE).replyAll(Reply.to(toBoth.id(), "Agreed")));

    assertThat(denied.participants()).containsExactly(kim);
    assertThat(world.snapshot(LEE, ANNA, BEN, kim)).isEqualTo(before);
    MessageView reply = world.as(LEE).reply(Reply.to(toBoth.id(), "Agreed"));
    assertThat(reply.recipients()).extracting(ParticipantView::id).containsExactly(ANNA);
  }

  @Test
  default void replyAllIsDeniedForARecipientWhoseAccessWasRemoved() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA, BEN);
    world.as(BEN).removeAccess(LEE);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN);

    AccessDeniedException own =
        assertThrows(AccessDeniedException.class, () -> world.as(LEE).replyAll(Reply.to(original.id(), "x")));
    AccessDeniedException fromBen =
        assertThrows(AccessDeniedException.class, () -> world.as(BEN).replyAll(Reply.to(original.id(), "x")));

    assertThat(own.participants()).containsExactly(BEN);
    assertThat(fromBen.participants()).containsExactly(LEE);
    assertThat(world.snapshot(LEE, ANNA, BEN)).isEqualTo(before);
  }

  @Test
  default void anActionItemCannotBeAnswered() {
    World world = MillerScene.create(this);
    MessageId request = world.list(ANNA, SystemFolder.ACTION_ITEMS).get(0).id();
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    InvalidInputException reply =
        assertThrows(InvalidInputException.class, () -> world.as(ANNA).reply(Reply.to(request, "ok")));
    InvalidInputException replyAll =
        assertThrows(InvalidInputException.class, () -> world.as(ANNA).replyAll(Reply.to(request, "ok")));

    assertThat(reply.field()).isEqualTo("message");
    assertThat(replyAll.field()).isEqualTo("message");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aNotificationCannotBeAnswered() {
    World world = MillerScene.create(this);
    MessageId notification = world.messaging.postNotification(
        NewNotification.builder().recipient(LEE).subject("Journal entry shared").body("Anna shared an entry").build());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    InvalidInputException reply =
        assertThrows(InvalidInputException.class, () -> world.as(LEE).reply(Reply.to(notification, "ok")));
    InvalidInputException replyAll =
        assertThrows(InvalidInputException.class, () -> world.as(LEE).replyAll(Reply.to(notification, "ok")));

    assertThat(reply.field()).isEqualTo("message");
    assertThat(replyAll.field()).isEqualTo("message");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aReplyOfBadShapeIsRefusedNamingTheField() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    InvalidInputException tooLong = assertThrows(InvalidInputException.class,
        () -> Reply.to(original.id(), "x".repeat(InputRules.MAX_BODY_BYTES + 1)));
    InvalidInputException control =
        assertThrows(InvalidInputException.class, () -> Reply.to(original.id(), "bell\u0007"));
    InvalidInputException noMessage =
        assertThrows(InvalidInputException.class, () -> Reply.builder().body("x").build());
    InvalidInputException nullReply = assertThrows(InvalidInputException.class, () -> world.as(ANNA).reply(null));
    InvalidInputException nullReplyAll =
        assertThrows(InvalidInputException.class, () -> world.as(ANNA).replyAll(null));

    assertThat(tooLong.field()).isEqualTo("body");
    assertThat(control.field()).isEqualTo("body");
    assertThat(noMessage.field()).isEqualTo("message");
    assertThat(nullReply.field()).isEqualTo("reply");
    assertThat(nullReplyAll.field()).isEqualTo("reply");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void anUnregisteredReplierIsNotFound() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    NotFoundException notFound = assertThrows(NotFoundException.class,
        () -> world.as(ParticipantId.of("ghost")).reply(Reply.to(original.id(), "x")));

    assertThat(notFound.kind()).isEqualTo("participant");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- idempotency

  @Test
  default void theSameReplyKeyTwiceRepliesOnce() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA, BEN);
    Reply reply = Reply.builder().message(original.id()).body("Fine").idempotencyKey("r-1").build();

    MessageView first = world.as(ANNA).replyAll(reply);
    world.clock.advance(Duration.ofSeconds(30));
    MessageView again = world.as(ANNA).replyAll(reply);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(world.list(ANNA, SystemFolder.SENT)).hasSize(1);
    assertThat(world.list(LEE, SystemFolder.INBOX)).hasSize(1);
    assertThat(world.list(BEN, SystemFolder.INBOX)).hasSize(2);
  }

  @Test
  default void theSameReplyKeyForAnotherReplyIsAConflictAndSendsNothing() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA, BEN);
    MessageView other = world.send(LEE, "Forms", "Bring them", ANNA);
    world.as(ANNA).reply(Reply.builder().message(original.id()).body("Fine").idempotencyKey("r-1").build());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN);

    assertThrows(ConflictException.class, () -> world.as(ANNA).reply(
        Reply.builder().message(original.id()).body("Not fine").idempotencyKey("r-1").build()));
    assertThrows(ConflictException.class, () -> world.as(ANNA).reply(
        Reply.builder().message(other.id()).body("Fine").idempotencyKey("r-1").build()));
    assertThrows(ConflictException.class, () -> world.as(ANNA).reply(
        Reply.builder().message(original.id()).body("Fine").quoteOriginal(false).idempotencyKey("r-1").build()));
    assertThrows(ConflictException.class, () -> world.as(ANNA).replyAll(
        Reply.builder().message(original.id()).body("Fine").idempotencyKey("r-1").build()));

    assertThat(world.snapshot(LEE, ANNA, BEN)).isEqualTo(before);
  }

  @Test
  default void aReplyKeyThatBreaksTheKeyRulesIsRefusedNamingTheKey() {
    MessageId message = MessageId.of(1L);

    for (String key : List.of("", "  ", " r", "k".repeat(InputRules.MAX_IDEMPOTENCY_KEY_LENGTH + 1))) {
      InvalidInputException refused = assertThrows(InvalidInputException.class,
          () -> Reply.builder().message(message).body("x").idempotencyKey(key).build());
      assertThat(refused.field()).isEqualTo("idempotencyKey");
    }
  }

  @Test
  default void aStrangerCannotReplyAllToAMessageBetweenCoParents() {
    World world = MillerScene.create(this);
    MessageView toBen = world.send(ANNA, "Pick-up", "Friday", BEN);
    Map<ParticipantId, Object> before = world.snapshot(ANNA, BEN, CARL);

    NotFoundException notFound =
        assertThrows(NotFoundException.class, () -> world.as(CARL).replyAll(Reply.to(toBen.id(), "Hello")));

    assertThat(notFound.id()).isEqualTo(toBen.id().toString());
    assertThat(world.snapshot(ANNA, BEN, CARL)).isEqualTo(before);
  }
}
