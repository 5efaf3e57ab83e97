package dev.casemail.messaging.api;

import java.nio.charset.StandardCharsets;
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

  private InputRules() {}

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
   * Checks a single-line text (subject, name, id): present, not blank after trimming, at most
   * {@code maxLength} code points, and free of control characters and line breaks (the line and
   * paragraph separators U+2028 and U+2029 included) and of unpaired surrogates.
   *
   * @return the text, trimmed
   * @throws InvalidInputException naming {@code field} if a rule is broken
   */
  public static String singleLine(String field, String value, int maxLength) {
    String trimmed = required(field, value).strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    checkCharacters(field, trimmed, false);
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length > maxLength) {
      throw new InvalidInputException(
          field, "must be at most " + maxLength + " characters (was " + length + ")");
    }
    return trimmed;
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

  private static void checkCharacters(String field, String value, boolean lineBreaksAllowed) {
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
    }
  }
}
