package dev.casemail.messaging.core.message;

import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.core.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** How a reply is titled and quoted, whatever the original says. */
class ReplyRulesProperties {

  /** What a person sees between two prefixes: any kind of space, or nothing visible at all. */
  private static final List<String> GAPS =
      List.of("", " ", "  ", "\u00A0", "\u2003", "\u202F", "\u3000", "\u200B");

  @Property
  void aReplysSubjectIsOneReBeforeTheOriginalWithoutItsPrefixesCutToTheLimit(
      @ForAll("prefixes") String prefixes, @ForAll("subjects") String subject) {
    String expected = "Re: " + subject;
    if (expected.codePointCount(0, expected.length()) > InputRules.MAX_SUBJECT_LENGTH) {
      expected = expected.substring(0, expected.offsetByCodePoints(0, InputRules.MAX_SUBJECT_LENGTH)).strip();
    }

    assertThat(ReplyRules.subject(prefixes + subject)).isEqualTo(expected);
  }

  @Property
  void aReplyToTheReplyHasTheSameSubject(@ForAll("prefixes") String prefixes, @ForAll("subjects") String subject) {
    String reply = ReplyRules.subject(prefixes + subject);

    assertThat(ReplyRules.subject(reply)).isEqualTo(reply);
  }

  @Provide
  Arbitrary<String> prefixes() {
    Arbitrary<String> re = Arbitraries.of("re", "Re", "RE", "rE");
    Arbitrary<String> gap = Arbitraries.of(GAPS);
    Arbitrary<String> prefix = Combinators.combine(gap, re, gap, gap).as((a, r, b, c) -> a + r + b + ":" + c);
    return prefix.list().ofMaxSize(4).map(list -> String.join("", list));
  }

  /**
   * A subject as a participant writes it: trimmed, not blank, and not itself starting with a prefix
   * (it starts with a letter other than r), but with every character a prefix is made of after that.
   */
  @Provide
  Arbitrary<String> subjects() {
    Arbitrary<Character> first = Arbitraries.of('a', 'H', 'x', 'é', '\u4E01');
    Arbitrary<String> rest = Arbitraries.strings()
        .withChars("abcdeRrXyz :-!?é")
        .withCharRange('\u4E00', '\u4E10')
        .ofMaxLength(InputRules.MAX_SUBJECT_LENGTH - 1);
    return Combinators.combine(first, rest).as((letter, more) -> (letter + more).strip());
  }

  // bodies of up to 64 KiB make each try cost milliseconds: 50 tries cover the nine pairs of sizes
  @Property(tries = 50)
  void theRepliersOwnTextIsNeverCutAndTheBodyNeverPassesItsLimit(
      @ForAll("bodies") String reply, @ForAll("bodies") String originalBody) {
    Message original = Fixtures.message(7, MessageKind.PERSONAL, Optional.of(MEDIATOR), List.of(MOTHER), "Plans", originalBody);
    String lead = (reply.isEmpty() ? "" : reply + "\n\n") + "On 2025-03-01 09:30 UTC, Mia Mediator wrote:\n";
    String wholeQuote = quote(originalBody);

    String body = ReplyRules.body(reply, original, true);

    assertThat(body).startsWith(reply);
    assertThat(bytes(body)).isLessThanOrEqualTo(Math.max(InputRules.MAX_BODY_BYTES, bytes(reply)));
    if (bytes(lead + wholeQuote) <= InputRules.MAX_BODY_BYTES) {
      assertThat(body).isEqualTo(lead + wholeQuote);
    } else if (!body.equals(reply)) {
      // shortened: a beginning of the quote, as long as fits, then the marker
      assertThat(body).startsWith(lead).endsWith(ReplyRules.CUT_MARKER);
      String kept = body.substring(lead.length(), body.length() - ReplyRules.CUT_MARKER.length());
      assertThat(wholeQuote).startsWith(kept);
      String next = new String(Character.toChars(wholeQuote.codePointAt(kept.length())));
      assertThat(bytes(body) + bytes(next)).isGreaterThan(InputRules.MAX_BODY_BYTES);
    } else {
      // no room left for a quote at all
      assertThat(bytes(lead + ReplyRules.CUT_MARKER)).isGreaterThanOrEqualTo(InputRules.MAX_BODY_BYTES);
    }
  }

  @Property
  void aReplyThatOptsOutOfQuotingIsExactlyTheRepliersText(@ForAll("bodies") String reply) {
    Message original = Fixtures.personal(7, MEDIATOR, MOTHER);

    assertThat(ReplyRules.body(reply, original, false)).isEqualTo(reply);
  }

  /**
   * Bodies of any size up to the limit, of characters taking one to four bytes and line
   * breaks of every kind: a random fragment repeated to a random size, so that sizes near 64 KiB are
   * common and cheap to make.
   */
  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> piece = Arbitraries.of("a", "Z", " ", "é", "€", "\uD83D\uDE00", "\n", "\r\n", "\r", "\n\n");
    Arbitrary<List<String>> fragment = piece.list().ofMinSize(1).ofMaxSize(12);
    Arbitrary<Integer> size = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 200),
        Arbitraries.integers().between(InputRules.MAX_BODY_BYTES / 2 - 100, InputRules.MAX_BODY_BYTES / 2 + 100),
        Arbitraries.integers().between(InputRules.MAX_BODY_BYTES - 300, InputRules.MAX_BODY_BYTES));
    return Combinators.combine(fragment, size).as((pieces, bytes) -> {
      String unit = String.join("", pieces);
      StringBuilder text = new StringBuilder(unit.repeat(bytes / bytes(unit)));
      int used = bytes(unit) * (bytes / bytes(unit));
      for (String part : pieces) {
        if (used + bytes(part) > bytes) {
          break;
        }
        text.append(part);
        used += bytes(part);
      }
      return text.toString();
    });
  }

  private static String quote(String body) {
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\r\n|\r|\n", -1)) {
      lines.add(line.isEmpty() ? ">" : "> " + line);
    }
    return String.join("\n", lines);
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
