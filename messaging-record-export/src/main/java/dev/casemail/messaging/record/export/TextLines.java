package dev.casemail.messaging.record.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Breaks a {@linkplain ShownText shown} text into the lines the PDF draws, and puts right-to-left text
 * in the order it is seen.
 *
 * <p>Lines break at whitespace (never at a no-break space), a word wider than the line between two
 * characters (never inside an escape, never before a combining mark); the whitespace at a break is
 * not drawn. The text's own line breaks start new lines.
 *
 * <p>PDF text is drawn glyph by glyph from left to right, so a line holding Hebrew is drawn in visual
 * order (Unicode bidirectional algorithm, paragraph direction from its first strong character,
 * mirrored brackets), right-aligned when the paragraph is right-to-left. Text extraction (PDFBox's
 * {@link PDFTextStripper}) turns each extracted line back into logical order with the same algorithm,
 * taking the line's direction from its first strong character: so such a line starts with an
 * invisible U+200E LEFT-TO-RIGHT MARK or U+200F RIGHT-TO-LEFT MARK giving its direction, escapes in it
 * are held left-to-right between two U+200E, and its combining marks are escaped. The writer then
 * reads each such line back as the extraction will; if any line of a paragraph would not read back as
 * written, the whole paragraph is written with its right-to-left letters escaped instead, so that what
 * is extracted always says what the record says.
 */
final class TextLines {

  static final char LRM = '\u200E';
  static final char RLM = '\u200F';

  /** PDFBox's own mirroring table, which its text extraction applies to right-to-left runs. */
  private static final Map<Character, Character> MIRRORED = mirroring();

  private TextLines() {}

  /** One line to draw: its glyphs left to right, whether it sits at the right edge, its width. */
  record Line(String text, boolean rightAligned, float width) {}

  /** The lines of {@code shown} in {@code width} points at {@code size}. */
  static List<Line> lines(String shown, float width, float size) {
    List<Line> lines = new ArrayList<>();
    for (String paragraph : shown.split("\r\n|\r|\n", -1)) {
      paragraph(paragraph, width, size, lines);
    }
    return lines;
  }

  private static void paragraph(String paragraph, float width, float size, List<Line> out) {
    if (!hasRightToLeft(paragraph)) {
      for (int[] range : wrap(paragraph, width, size)) {
        String text = paragraph.substring(range[0], range[1]);
        out.add(new Line(text, false, PdfFont.width(text, size)));
      }
      return;
    }
    String held = holdLeftToRight(paragraph);
    List<Line> bidi = bidi(held, width, size);
    if (bidi != null) {
      out.addAll(bidi);
      return;
    }
    StringBuilder escaped = new StringBuilder();
    held.codePoints().forEach(c -> {
      if (c == LRM) {
        return;
      }
      byte direction = Character.getDirectionality(c);
      if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        ShownText.escape(escaped, c);
      } else {
        escaped.appendCodePoint(c);
      }
    });
    paragraph(escaped.toString(), width, size, out);
  }

  /** The lines of a paragraph with right-to-left text in visual order, or null if one would not read back. */
  private static List<Line> bidi(String paragraph, float width, float size) {
    boolean rightToLeft = startsRightToLeft(paragraph);
    Bidi bidi = new Bidi(paragraph, rightToLeft ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
    List<Line> lines = new ArrayList<>();
    for (int[] range : wrap(paragraph, width, size)) {
      String logical = paragraph.substring(range[0], range[1]);
      if (logical.isEmpty()) {
        lines.add(new Line("", rightToLeft, 0));
        continue;
      }
      String visual = (rightToLeft ? RLM : LRM) + visual(bidi.createLineBidi(range[0], range[1]), logical);
      if (!withoutWhitespaceOrMarks(extracted(visual)).equals(withoutWhitespaceOrMarks(logical))) {
        return null;
      }
      lines.add(new Line(visual, rightToLeft, PdfFont.width(visual, size)));
    }
    return lines;
  }

  /** Escapes combining marks, and holds each escape left-to-right between two U+200E. */
  private static String holdLeftToRight(String paragraph) {
    StringBuilder out = new StringBuilder(paragraph.length() + 16);
    Matcher escape = ShownText.ESCAPE.matcher(paragraph);
    for (int i = 0; i < paragraph.length(); ) {
      if (paragraph.charAt(i) == '[' && escape.region(i, paragraph.length()).lookingAt()) {
        out.append(LRM).append(escape.group()).append(LRM);
        i = escape.end();
        continue;
      }
      int c = paragraph.codePointAt(i);
      if (isMark(c)) {
        out.append(LRM);
        ShownText.escape(out, c);
        out.append(LRM);
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** A line's glyphs from left to right: its runs in visual order, right-to-left runs reversed and mirrored. */
  private static String visual(Bidi line, String logical) {
    int runs = line.getRunCount();
    byte[] levels = new byte[runs];
    Integer[] order = new Integer[runs];
    for (int i = 0; i < runs; i++) {
      levels[i] = (byte) line.getRunLevel(i);
      order[i] = i;
    }
    Bidi.reorderVisually(levels, 0, order, 0, runs);
    StringBuilder out = new StringBuilder(logical.length() + 1);
    for (int i = 0; i < runs; i++) {
      int run = order[i];
      int start = line.getRunStart(run);
      int limit = line.getRunLimit(run);
      if ((line.getRunLevel(run) & 1) == 0) {
        out.append(logical, start, limit);
      } else {
        for (int j = limit - 1; j >= start; j--) {
          out.append(mirror(logical.charAt(j)));
        }
      }
    }
    return out.toString();
  }

  /**
   * What PDFBox's text extraction gives for one drawn line that it reads as one word: the Unicode
   * bidirectional algorithm applied to the glyphs' order, right-to-left runs reversed and mirrored.
   */
  static String extracted(String drawn) {
    Bidi bidi = new Bidi(drawn, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
    if (!bidi.isMixed() && bidi.baseIsLeftToRight()) {
      return drawn;
    }
    return visual(bidi, drawn);
  }

  private static char mirror(char c) {
    Character mirrored = Character.isMirrored(c) ? MIRRORED.get(c) : null;
    return mirrored == null ? c : mirrored;
  }

  static String withoutWhitespaceOrMarks(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c != LRM && c != RLM && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * Whether a paragraph reads from right to left: its first strong character, escapes counted as the
   * character they stand for (the marks that hold them left-to-right are the writer's), is right-to-left.
   */
  private static boolean startsRightToLeft(String paragraph) {
    String text = ShownText.unescape(paragraph);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == LRM) {
        continue;
      }
      byte d = Character.getDirectionality(c);
      if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
        return false;
      }
      if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasRightToLeft(String text) {
    return text.codePoints().anyMatch(c -> {
      byte d = Character.getDirectionality(c);
      return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    });
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /**
   * Greedy line breaking: the [start, end) of each line of {@code text}, the whitespace at each break
   * left out (a paragraph's leading whitespace is kept when its first word fits after it); at least one
   * line, empty for an empty text.
   */
  static List<int[]> wrap(String text, float width, float size) {
    List<int[]> lines = new ArrayList<>();
    float limit = width * 1000f / size; // in thousandths of the size, as PdfFont's widths
    int n = text.length();
    int lineStart = 0;
    int lineEnd = 0;
    float used = 0;
    boolean open = false; // whether the current line holds a word
    int i = 0;
    while (true) {
      int spaces = i;
      while (i < n && breaks(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      int word = i;
      while (i < n && !breaks(text.charAt(i))) {
        i = unitEnd(text, i);
      }
      float spaceWidth = PdfFont.width(text.subSequence(spaces, word), 1000f);
      float wordWidth = PdfFont.width(text.subSequence(word, i), 1000f);
      if (open && used + spaceWidth + wordWidth <= limit) {
        used += spaceWidth + wordWidth;
        lineEnd = i;
        continue;
      }
      if (open) {
        lines.add(new int[] {lineStart, lineEnd});
      }
      if (lines.isEmpty() && !open && spaces == 0 && spaceWidth + wordWidth <= limit) {
        lineStart = 0; // the paragraph's indentation
        used = spaceWidth;
      } else {
        lineStart = word;
        used = 0;
      }
      // the word on a fresh line, cut between units where it is wider than the line
      for (int j = word; j < i; ) {
        int k = unitEnd(text, j);
        float unit = PdfFont.width(text.subSequence(j, k), 1000f);
        if (used + unit > limit && j > lineStart) {
          lines.add(new int[] {lineStart, j});
          lineStart = j;
          used = 0;
        }
        used += unit;
        j = k;
      }
      lineEnd = i;
      open = true;
    }
    if (open) {
      lines.add(new int[] {lineStart, lineEnd});
    }
    if (lines.isEmpty()) {
      lines.add(new int[] {0, 0});
    }
    return lines;
  }

  /** Whitespace a line may break at: a no-break space is not one. */
  private static boolean breaks(char c) {
    return Character.isWhitespace(c);
  }

  /** The end of the unbreakable unit at {@code i}: an escape (with its marks), or a character and its combining marks. */
  private static int unitEnd(String text, int i) {
    int j = i;
    if (text.charAt(j) == LRM) {
      j++;
    }
    if (j < text.length() && text.charAt(j) == '[') {
      Matcher escape = ShownText.ESCAPE.matcher(text).region(j, text.length());
      if (escape.lookingAt()) {
        j = escape.end();
        if (j < text.length() && text.charAt(j) == LRM) {
          j++;
        }
        return j;
      }
    }
    if (j >= text.length()) {
      return j;
    }
    j += Character.charCount(text.codePointAt(j));
    while (j < text.length() && isMark(text.codePointAt(j))) {
      j += Character.charCount(text.codePointAt(j));
    }
    return j;
  }

  private static Map<Character, Character> mirroring() {
    Map<Character, Character> map = new HashMap<>();
    String resource = "/org/apache/pdfbox/resources/text/BidiMirroring.txt";
    try (InputStream in = PDFTextStripper.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox's " + resource + " is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int comment = line.indexOf('#');
        String data = (comment < 0 ? line : line.substring(0, comment)).trim();
        String[] fields = data.split(";");
        if (fields.length == 2) {
          map.put((char) Integer.parseInt(fields[0].trim(), 16), (char) Integer.parseInt(fields[1].trim(), 16));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
