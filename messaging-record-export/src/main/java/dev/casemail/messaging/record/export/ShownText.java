package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.InputRules;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a text of the record (a subject, a body, a name, an id) is written in the PDF, before lines are
 * broken: in Unicode normalization form C, with every code point the PDF's text could not carry
 * faithfully written as {@code [U+XXXX]} (uppercase hex, four to six digits), and tabs as four spaces.
 * The rules are in {@code docs/record-manifest.md}, section "The PDF's text"; a reader undoes them with
 * {@link RecordPdfText#comparable}.
 */
final class ShownText {

  /** The glyph that opens the PDF's own marker lines; in record text it is always escaped. */
  static final int MARKER = 0x25A0; // ■ BLACK SQUARE

  /** An escape as the PDF writes it. */
  static final Pattern ESCAPE = Pattern.compile("\\[U\\+([0-9A-F]{4,6})\\]");

  private ShownText() {}

  /** The text as the PDF writes it (line breaks kept: they are broken into lines later). */
  static String shown(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(normalized.length() + 16);
    for (int i = 0; i < normalized.length(); ) {
      int c = normalized.codePointAt(i);
      int next = i + Character.charCount(c);
      if (c == '\t') {
        out.append("    ");
      } else if (c == '\n' || c == '\r') {
        out.append((char) c);
      } else if (c == '[' && ESCAPE.matcher(normalized).region(i, normalized.length()).lookingAt()) {
        // a literal "[U+0041]" in the record must not read back as "A"
        escape(out, c);
      } else if (escaped(c)) {
        escape(out, c);
      } else {
        out.appendCodePoint(c);
      }
      i = next;
    }
    return out.toString();
  }

  /**
   * Whether a code point is escaped wherever it is: one the font has no glyph for; a default-ignorable
   * one (zero-width characters, joiners, bidirectional marks and controls, variation selectors,
   * the soft hyphen), which would show nothing; one of the presentation forms U+FB00 to U+FDFF and
   * U+FE70 to U+FEFF, which text extraction rewrites; or the marker glyph ■.
   */
  static boolean escaped(int c) {
    return !PdfFont.shows(c)
        || (InputRules.isInvisible(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        || (c >= 0xFB00 && c <= 0xFDFF)
        || (c >= 0xFE70 && c <= 0xFEFF)
        || c == MARKER;
  }

  /** Appends {@code [U+XXXX]}. */
  static void escape(StringBuilder out, int c) {
    out.append("[U+").append(String.format("%04X", c)).append(']');
  }

  /** Replaces every escape with its code point: what {@link #shown} did, undone. */
  static String unescape(String text) {
    Matcher m = ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      int c = Integer.parseInt(m.group(1), 16);
      if (c > Character.MAX_CODE_POINT) {
        continue;
      }
      out.append(text, last, m.start()).appendCodePoint(c);
      last = m.end();
    }
    return out.append(text, last, text.length()).toString();
  }
}
