package dev.casemail.messaging.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The shape rules every text and collection that enters the API must satisfy, in one place.
 *
 * <p>Commands apply them when they are built; the limits are public so a host can validate a form
 * before it calls the library. Every check throws {@link InvalidInputException} naming the field and
 * the rule that failed, and never changes anything.
 *
 * <p>Lengths of single-line texts (subjects, names) are counted in Unicode code points after trimming,
 * so an emoji counts as one character. Bodies are limited by their UTF-8 encoded size.
 *
 * <p>A single-line text must show something: one made only of {@linkplain #isInvisible invisible}
 * characters (whitespace, zero-width characters, joiners, variation selectors, fillers) is blank. It
 * may not hold the bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066 to
 * U+2069), which reorder what follows them: "Invoice ", U+202E, "fdp.exe" would show as
 * "Invoice exe.pdf". Bodies keep every character they are given except control characters other than
 * tab and line breaks, since they are evidence and right-to-left text may need those controls.
 */
public final class InputRules {

  /** Most recipients one message may have. */
  public static final int MAX_RECIPIENTS = 50;
  /** Longest subject, in code points after trimming. */
  public static final int MAX_SUBJECT_LENGTH = 200;
  /** Largest body, in bytes of UTF-8 (64 KiB). */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  /** Longest custom folder name, in code points after trimming. */
  public static final int MAX_FOLDER_NAME_LENGTH = 64;
  /** Longest display name of a participant or family, in code points after trimming. */
  public static final int MAX_DISPLAY_NAME_LENGTH = 200;
  /** Longest host-supplied id (participant, family), in code points. */
  public static final int MAX_ID_LENGTH = 128;
  /** Longest idempotency key, in code points. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;
  /** Largest page a read may ask for. */
  public static final int MAX_PAGE_SIZE = 200;
  /** Most messages one move may carry. */
  public static final int MAX_MOVE_BATCH = 1000;
  /** Most parents one family (case) may have. */
  public static final int MAX_PARENTS_PER_FAMILY = 2;
  /** Most custom folders one mailbox may hold; creating one more is a {@link ConflictException}. */
  public static final int MAX_CUSTOM_FOLDERS = 500;
  /** Most files one message or draft may carry. */
  public static final int MAX_ATTACHMENTS = 20;
  /** Longest attachment name, in code points after trimming. */
  public static final int MAX_ATTACHMENT_NAME_LENGTH = 255;
  /** The earliest instant the library takes: the start of year 1, UTC. */
  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest instant the library takes: the last microsecond of year 9999, UTC. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  /**
   * The code points whose Unicode property Default_Ignorable_Code_Point is true, as closed ranges
   * (first, last, first, last, ...) in ascending order: the ranges of {@code DerivedCoreProperties.txt}
   * of Unicode 16.0 (unchanged in 17.0), reserved code points included as the property includes them.
   * Such a code point is rendered as nothing at all where it is not supported. {@code
   * DefaultIgnorableTableTest} in messaging-core compares this table with ICU's property over every
   * code point.
   */
  private static final int[] DEFAULT_IGNORABLE = {
    0x00AD, 0x00AD, // SOFT HYPHEN
    0x034F, 0x034F, // COMBINING GRAPHEME JOINER
    0x061C, 0x061C, // ARABIC LETTER MARK
    0x115F, 0x1160, // HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
    0x17B4, 0x17B5, // KHMER VOWEL INHERENT AQ, AA
    0x180B, 0x180F, // MONGOLIAN FREE VARIATION SELECTORS, MONGOLIAN VOWEL SEPARATOR
    0x200B, 0x200F, // ZERO WIDTH SPACE, NON-JOINER, JOINER, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
    0x202A, 0x202E, // bidirectional embeddings and overrides
    0x2060, 0x206F, // WORD JOINER, invisible operators, bidirectional isolates, deprecated format characters
    0x3164, 0x3164, // HANGUL FILLER
    0xFE00, 0xFE0F, // VARIATION SELECTOR-1 to 16
    0xFEFF, 0xFEFF, // ZERO WIDTH NO-BREAK SPACE (byte order mark)
    0xFFA0, 0xFFA0, // HALFWIDTH HANGUL FILLER
    0xFFF0, 0xFFF8, // reserved
    0x1BCA0, 0x1BCA3, // SHORTHAND FORMAT LETTER OVERLAP to UP STEP
    0x1D173, 0x1D17A, // MUSICAL SYMBOL BEGIN BEAM to END PHRASE
    0xE0000, 0xE0FFF, // TAG characters, VARIATION SELECTOR-17 to 256, reserved
  };

  private InputRules() {}

  /**
   * Whether a code point shows nothing by itself: whitespace of any kind ({@link
   * Character#isWhitespace} or {@link Character#isSpaceChar}, so no-break spaces too) or a Unicode
   * default-ignorable code point (zero-width spaces and joiners, the soft hyphen, bidirectional marks
   * and controls, variation selectors, Hangul fillers, tags).
   */
  public static boolean isInvisible(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || isDefaultIgnorable(codePoint);
  }

  /**
   * Whether a text shows nothing: it is empty or every code point of it is {@linkplain #isInvisible
   * invisible}.
   *
   * @throws InvalidInputException if {@code text} is null
   */
  public static boolean isBlank(String text) {
    return required("text", text).codePoints().allMatch(InputRules::isInvisible);
  }

  static boolean isDefaultIgnorable(int codePoint) {
    for (int i = 0; i < DEFAULT_IGNORABLE.length && codePoint >= DEFAULT_IGNORABLE[i]; i += 2) {
      if (codePoint <= DEFAULT_IGNORABLE[i + 1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * Requires a value to be present.
   *
   * @return the value
   * @throws InvalidInputException if it is null
   */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    return value;
  }

  /**
   * Checks a single-line text (subject, name, id): present, at most {@code maxLength} code points after
   * trimming, free of control characters and line breaks (the line and paragraph separators U+2028 and
   * U+2029 included), of the bidirectional controls U+202A to U+202E and U+2066 to U+2069 and of
   * unpaired surrogates, and not {@linkplain #isBlank blank}: something in it must be visible.
   *
   * @return the text, trimmed of whitespace ({@link String#strip()})
   * @throws InvalidInputException naming {@code field} (and, for a forbidden character, its code point)
   *     if a rule is broken
   */
  public static String singleLine(String field, String value, int maxLength) {
    String trimmed = required(field, value).strip();
    checkCharacters(field, trimmed, false);
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    if (isBlank(trimmed)) {
      throw new InvalidInputException(field, "must not be blank (it has only invisible characters)");
    }
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length > maxLength) {
      throw new InvalidInputException(
          field, "must be at most " + maxLength + " characters (was " + length + ")");
    }
    return trimmed;
  }

  /**
   * Checks the name of an attached file: a {@linkplain #singleLine single-line text} of at most
   * {@value #MAX_ATTACHMENT_NAME_LENGTH} code points after trimming (so no control character, line break,
   * bidirectional control or blank name), which also holds no path separator ({@code /}, {@code \}), no
   * bidirectional mark (U+200E, U+200F, U+061C), and is not {@code "."} or {@code ".."}: a name a host
   * may use as a file name when it saves the file.
   *
   * @return the name, trimmed
   * @throws InvalidInputException naming {@code field} if a rule is broken
   */
  public static String attachmentName(String field, String value) {
    String name = singleLine(field, value, MAX_ATTACHMENT_NAME_LENGTH);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        throw new InvalidInputException(field, "must not contain a path separator (" + c + " at index " + i + ")");
      }
      if (c == '\u200E' || c == '\u200F' || c == '\u061C') {
        throw new InvalidInputException(
            field, "must not contain bidirectional marks (U+" + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
    if (name.equals(".") || name.equals("..")) {
      throw new InvalidInputException(field, "must not be . or ..");
    }
    return name;
  }

  /**
   * Brings an instant to what storage keeps, microseconds (truncated, so towards the past), and checks
   * that it lies from {@link #MIN_INSTANT} to {@link #MAX_INSTANT}. Every instant that enters through
   * the API goes through here before it is compared with anything, so that what a call accepts is what
   * is stored and read back.
   *
   * @return the instant, truncated to microseconds
   * @throws InvalidInputException naming {@code field} if it is null or out of range
   */
  public static Instant instant(String field, Instant value) {
    Instant truncated = required(field, value).truncatedTo(ChronoUnit.MICROS);
    if (truncated.isBefore(MIN_INSTANT) || truncated.isAfter(MAX_INSTANT)) {
      throw new InvalidInputException(
          field, "must be from " + MIN_INSTANT + " to " + MAX_INSTANT + " (years 1 to 9999 UTC; was " + value + ")");
    }
    return truncated;
  }

  /**
   * Checks a host-chosen identifier (participant id, family id, idempotency key): a single-line text
   * that is already trimmed and holds no whitespace and no {@linkplain #isInvisible invisible}
   * character anywhere, since ids compare exactly and two ids must never look the same.
   *
   * @return the id, unchanged
   * @throws InvalidInputException naming {@code field} (and the code point) if a rule is broken
   */
  static String id(String field, String value, int maxLength) {
    String checked = singleLine(field, value, maxLength);
    if (!checked.equals(value)) {
      throw new InvalidInputException(field, "must not start or end with whitespace");
    }
    for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
      int c = value.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw new InvalidInputException(field, "must not contain whitespace (" + codePoint(c) + " at index " + i + ")");
      }
      if (isDefaultIgnorable(c)) {
        throw new InvalidInputException(
            field, "must not contain invisible characters (" + codePoint(c) + " at index " + i + ")");
      }
    }
    return value;
  }

  /**
   * Checks a multi-line text (a body): present, at most {@code maxBytes} bytes of UTF-8, free of
   * control characters other than tab, line feed and carriage return, and of unpaired surrogates.
   * An empty text is allowed; the text is returned unchanged (bodies are evidence and never rewritten).
   *
   * @throws InvalidInputException naming {@code field} if a rule is broken
   */
  public static String multiLine(String field, String value, int maxBytes) {
    required(field, value);
    // a UTF-16 char never takes more than 3 UTF-8 bytes: skip the encoding when it cannot matter
    if ((long) value.length() * 3 > maxBytes) {
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxBytes) {
        throw new InvalidInputException(
            field, "must be at most " + maxBytes + " bytes of UTF-8 (was " + bytes + ")");
      }
    }
    checkCharacters(field, value, true);
    return value;
  }

  /**
   * Checks the size of a collection and that it holds no null element.
   *
   * @throws InvalidInputException naming {@code field} if a rule is broken
   */
  public static <C extends Collection<?>> C size(String field, C values, int min, int max) {
    required(field, values);
    for (Object value : values) {
      if (value == null) {
        throw new InvalidInputException(field, "must not contain null");
      }
    }
    if (values.size() < min || values.size() > max) {
      throw new InvalidInputException(
          field,
          (min == max ? "must hold exactly " + min : "must hold " + min + " to " + max)
              + " entries (was " + values.size() + ")");
    }
    return values;
  }

  private static String codePoint(int c) {
    return String.format("U+%04X", c);
  }

  /**
   * Checks the value of an id as every version of the library accepted it: present, not blank, at most
   * {@code maxLength} code points, not starting or ending with whitespace, free of control characters,
   * line and paragraph separators and unpaired surrogates. Ids are also read back from storage, so the
   * value types keep the rule under which they were stored; a new id is held to the stricter
   * {@link #id} when it is registered (or, for an idempotency key, sent).
   */
  static String idValue(String field, String value, int maxLength) {
    required(field, value);
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    if (!trimmed.equals(value)) {
      throw new InvalidInputException(field, "must not start or end with whitespace");
    }
    checkCharacters(field, value, false, false);
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw new InvalidInputException(field, "must be at most " + maxLength + " characters (was " + length + ")");
    }
    return value;
  }

  private static void checkCharacters(String field, String value, boolean lineBreaksAllowed) {
    checkCharacters(field, value, lineBreaksAllowed, !lineBreaksAllowed);
  }

  private static void checkCharacters(String field, String value, boolean lineBreaksAllowed, boolean bidiRefused) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new InvalidInputException(field, "must not contain an unpaired surrogate (at index " + i + ")");
      }
      if (Character.isLowSurrogate(c)) {
        throw new InvalidInputException(field, "must not contain an unpaired surrogate (at index " + i + ")");
      }
      boolean allowedBreak = lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t');
      // U+2028 and U+2029 are line breaks without being ISO controls: a single line has none
      boolean separator = !lineBreaksAllowed && (c == '\u2028' || c == '\u2029');
      if ((Character.isISOControl(c) && !allowedBreak) || separator) {
        throw new InvalidInputException(
            field,
            "must not contain control characters (U+" + String.format("%04X", (int) c) + " at index " + i + ")");
      }
      if (bidiRefused && isBidiControl(c)) {
        throw new InvalidInputException(
            field,
            "must not contain bidirectional controls (U+" + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
  }
}
