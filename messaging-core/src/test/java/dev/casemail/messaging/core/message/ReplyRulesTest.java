package dev.casemail.messaging.core.message;

import static dev.casemail.messaging.core.Fixtures.ATTORNEY;
import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.core.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyRulesTest {

  @Test
  void aReplysSubjectGetsOneRePrefix() {
    assertThat(ReplyRules.subject("Handover on Friday")).isEqualTo("Re: Handover on Friday");
  }

  @Test
  void aReplyToAReplyNeverReadsReRe() {
    assertThat(ReplyRules.subject("Re: Handover")).isEqualTo("Re: Handover");
    assertThat(ReplyRules.subject("RE: re:Re : Handover")).isEqualTo("Re: Handover");
    assertThat(ReplyRules.subject("re:Handover")).isEqualTo("Re: Handover");
  }

  @Test
  void prefixesPartedByAnyKindOfSpaceAreStillOnePrefix() {
    assertThat(ReplyRules.subject("Re:\u2003Re: Handover")).isEqualTo("Re: Handover");
    assertThat(ReplyRules.subject("Re:\u00A0Re: Handover")).isEqualTo("Re: Handover");
    assertThat(ReplyRules.subject("Re:\u3000re:Handover")).isEqualTo("Re: Handover");
    assertThat(ReplyRules.subject("Re:\u200BRe: Handover")).isEqualTo("Re: Handover");
  }

  @Test
  void wordsThatMerelyBeginWithReKeepTheirPlace() {
    assertThat(ReplyRules.subject("Request for the school calendar")).isEqualTo("Re: Request for the school calendar");
    assertThat(ReplyRules.subject("Regarding: pick-up")).isEqualTo("Re: Regarding: pick-up");
  }

  @Test
  void aSubjectOfPrefixesAloneStaysOneRe() {
    assertThat(ReplyRules.subject("Re: Re:")).isEqualTo("Re:");
  }

  @Test
  void aLongSubjectIsCutToTheSubjectLimitAfterItsPrefix() {
    String longest = "x".repeat(InputRules.MAX_SUBJECT_LENGTH);

    String subject = ReplyRules.subject(longest);

    assertThat(subject).startsWith("Re: x").hasSize(InputRules.MAX_SUBJECT_LENGTH);
  }

  @Test
  void theCutNeverSplitsACharacterOutsideTheBasicPlane() {
    String emoji = "\uD83D\uDE00".repeat(InputRules.MAX_SUBJECT_LENGTH);

    String subject = ReplyRules.subject(emoji);

    assertThat(subject.codePointCount(0, subject.length())).isEqualTo(InputRules.MAX_SUBJECT_LENGTH);
    assertThat(subject).endsWith("\uD83D\uDE00");
  }

  @Test
  void replyGoesToTheSenderOnly() {
    Message message = Fixtures.personal(1, MEDIATOR, MOTHER, FATHER);

    assertThat(ReplyRules.recipients(MessageCopy.forRecipient(message, MOTHER.id()), false))
        .containsExactly(MEDIATOR.id());
  }

  @Test
  void replyAllGoesToTheSenderAndEveryOtherRecipientButNotTheReplier() {
    Message message = Fixtures.personal(1, MEDIATOR, MOTHER, FATHER, ATTORNEY);

    assertThat(ReplyRules.recipients(MessageCopy.forRecipient(message, FATHER.id()), true))
        .containsExactly(MEDIATOR.id(), MOTHER.id(), ATTORNEY.id());
  }

  @Test
  void replyingToOnesOwnMessageGoesToItsRecipients() {
    Message message = Fixtures.personal(1, MOTHER, FATHER, MEDIATOR);

    assertThat(ReplyRules.recipients(MessageCopy.forSender(message), false)).containsExactly(FATHER.id(), MEDIATOR.id());
    assertThat(ReplyRules.recipients(MessageCopy.forSender(message), true)).containsExactly(FATHER.id(), MEDIATOR.id());
  }

  @Test
  void replyingToAnAutoReplyGoesToWhoeverIsAway() {
    Message away = Fixtures.autoReply(2, MEDIATOR, MOTHER);

    assertThat(ReplyRules.recipients(MessageCopy.forRecipient(away, MOTHER.id()), true)).containsExactly(MEDIATOR.id());
  }

  @Test
  void theOriginalIsQuotedLineByLineUnderAnAttribution() {
    Message original = withBody("Friday at six.\r\n\r\nBring the passport.\nThanks");

    String body = ReplyRules.body("Agreed.", original, true);

    assertThat(body).isEqualTo("Agreed.\n\n"
        + "On 2025-03-01 09:30 UTC, Mia Mediator wrote:\n"
        + "> Friday at six.\n"
        + ">\n"
        + "> Bring the passport.\n"
        + "> Thanks");
  }

  @Test
  void anEmptyReplyIsJustTheQuote() {
    String body = ReplyRules.body("", withBody("Hello"), true);

    assertThat(body).isEqualTo("On 2025-03-01 09:30 UTC, Mia Mediator wrote:\n> Hello");
  }

  @Test
  void aReplyThatOptsOutOfQuotingIsTheRepliersTextAlone() {
    assertThat(ReplyRules.body("Agreed.", withBody("Hello"), false)).isEqualTo("Agreed.");
  }

  @Test
  void aLongQuoteIsShortenedAndMarkedSoTheBodyStaysWithinItsLimit() {
    Message original = withBody("a".repeat(InputRules.MAX_BODY_BYTES));

    String body = ReplyRules.body("Agreed.", original, true);

    assertThat(body).startsWith("Agreed.\n\nOn 2025-03-01 09:30 UTC, Mia Mediator wrote:\n> aaa").endsWith(ReplyRules.CUT_MARKER);
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(InputRules.MAX_BODY_BYTES);
  }

  @Test
  void aReplyThatLeavesNoRoomForAQuoteIsSentWithoutOne() {
    String reply = "b".repeat(InputRules.MAX_BODY_BYTES - 10);

    assertThat(ReplyRules.body(reply, withBody("Hello"), true)).isEqualTo(reply);
  }

  private static Message withBody(String body) {
    return Fixtures.message(1, MessageKind.PERSONAL, Optional.of(MEDIATOR), List.of(MOTHER), "Handover", body);
  }
}
