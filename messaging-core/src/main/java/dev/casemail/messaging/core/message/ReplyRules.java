package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Participant;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a reply is addressed, titled and quoted.
 *
 * <ul>
 *   <li>Reply goes to the original's sender; Reply All to the sender and every other original
 *       recipient except the replier. Replying to a message the replier sent goes to its recipients
 *       (as in every mail program).
 *   <li>The subject gets exactly one {@code "Re: "}: any run of {@code Re:} prefixes in any case, with
 *       any white space or invisible characters around them, is replaced by one, and the result is cut
 *       to the subject limit.
 *   <li>The original is quoted below the reply line by line with {@code "> "}, under an attribution
 *       line; if quoting would push the body past its limit, the quote is shortened and marked, never
 *       the replier's own text.
 * </ul>
 */
public final class ReplyRules {

  public static final String PREFIX = "Re: ";
  static final String CUT_MARKER = "\n> [quote shortened]";

  // What a person sees as nothing between and around prefixes: white space of any kind (\s alone is
  // ASCII only, so a no-break or an em space between two prefixes kept the second one, and a reply read
  // "Re: Re: x") and invisible format characters such as a zero-width space.
  private static final String GAP = "[\\p{IsWhite_Space}\\p{Cf}]*";
  private static final Pattern RE_PREFIXES =
      Pattern.compile("^(" + GAP + "re" + GAP + ":" + GAP + ")+", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final DateTimeFormatter ATTRIBUTION_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ReplyRules() {}

  /** The reply's subject: one {@code "Re: "} in front of the original's subject without its own prefixes. */
  public static String subject(String original) {
    String bare = RE_PREFIXES.matcher(original).replaceFirst("").strip();
    return cutToCodePoints((PREFIX + bare).strip(), InputRules.MAX_SUBJECT_LENGTH);
  }

  /** Who the reply goes to, in order and without repetition. */
  public static List<ParticipantId> recipients(MessageCopy original, boolean all) {
    ParticipantId replier = original.owner();
    Message message = original.message();
    Set<ParticipantId> to = new LinkedHashSet<>();
    if (original.direction() == Direction.RECEIVED) {
      to.add(message.sender().orElseThrow().id());
      if (all) {
        message.recipients().forEach(r -> to.add(r.id()));
      }
    } else {
      message.recipients().forEach(r -> to.add(r.id()));
    }
    to.remove(replier);
    return List.copyOf(to);
  }

  /** The reply's body: the replier's text and, if asked, the quoted original. */
  public static String body(String reply, Message original, boolean quote) {
    if (!quote) {
      return reply;
    }
    String lead = reply.isEmpty() ? "" : reply + "\n\n";
    String attribution =
        "On " + ATTRIBUTION_TIME.format(original.sentAt()) + ", "
            + original.sender().map(Participant::displayName).orElse("the system") + " wrote:\n";
    String quoted = quote(original.body());
    String whole = lead + attribution + quoted;
    if (utf8Length(whole) <= InputRules.MAX_BODY_BYTES) {
      return whole;
    }
    int budget = InputRules.MAX_BODY_BYTES - utf8Length(lead + attribution) - utf8Length(CUT_MARKER);
    if (budget <= 0) {
      return reply;
    }
    return lead + attribution + cutToUtf8Bytes(quoted, budget) + CUT_MARKER;
  }

  private static String quote(String body) {
    List<String> lines = new ArrayList<>();
    for (String line : LINE_BREAK.split(body, -1)) {
      lines.add(line.isEmpty() ? ">" : "> " + line);
    }
    return String.join("\n", lines);
  }

  static String cutToCodePoints(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max)).strip();
  }

  static String cutToUtf8Bytes(String text, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return text.substring(0, i);
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
