package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules for comparing the text of a record PDF with its manifest, for a verifier that extracts
 * the PDF's text with PDFBox's {@code PDFTextStripper} (default settings, one page at a time). The PDF
 * breaks lines, escapes what its font cannot show as {@code [U+XXXX]}, and draws right-to-left text in
 * visual order; text extraction adds or drops spaces. So both sides are brought to a comparable form:
 * {@code comparable(extracted)} equals {@code comparableRecorded(text)} when the PDF shows {@code
 * text}. The rules themselves, for an independent implementation, are in {@code
 * docs/record-manifest.md}, section "The PDF's text".
 */
public final class RecordPdfText {

  /** The character that opens every line the PDF itself adds to mark an entry or a section (■). */
  public static final String MARKER = new String(Character.toChars(ShownText.MARKER));

  /** What opens the marker line of an entry: {@code "■ Entry "}, then its index. */
  public static final String ENTRY_MARKER = MARKER + " Entry ";

  private RecordPdfText() {}

  /**
   * Extracted text made comparable: U+200E and U+200F removed (the writer adds them; the record's own
   * are escaped), every escape {@code [U+XXXX]} (four to six uppercase hex digits) replaced by its
   * character, all whitespace removed ({@link Character#isWhitespace} or {@link Character#isSpaceChar}),
   * and the result in Unicode normalization form C.
   */
  public static String comparable(String extracted) {
    String unmarked = extracted.replace("\u200E", "").replace("\u200F", "");
    return Normalizer.normalize(withoutWhitespace(ShownText.unescape(unmarked)), Normalizer.Form.NFC);
  }

  /** A text of the record made comparable: all whitespace removed, in Unicode normalization form C. */
  public static String comparableRecorded(String text) {
    return Normalizer.normalize(withoutWhitespace(text), Normalizer.Form.NFC);
  }

  /**
   * The text the PDF draws for one entry of {@code export}, from its marker line to its leaf line, one
   * line per field value (a label and its first value on one line), before escaping and line breaking;
   * {@code bates} is the Bates number of the page the entry starts on. A verifier may compare {@code
   * comparableRecorded} of it with {@code comparable} of the entry's extracted text.
   *
   * @throws IllegalArgumentException if {@code entry} is not one of the export's entries
   */
  public static String entryText(RecordExport export, ProvenEntry entry, String bates) {
    return entryTexts(export).of(entry, bates);
  }

  /**
   * The texts of all of {@code export}'s entries, for a verifier that compares every one: what {@link
   * #entryText} gives, with what the entries share (the names of the participants, the first views of
   * each message) gathered once rather than for every entry.
   */
  public static EntryTexts entryTexts(RecordExport export) {
    return new EntryTexts(export);
  }

  /** The texts of one export's entries; see {@link #entryTexts}. Immutable, and safe to share. */
  public static final class EntryTexts {
    private final EntryBlocks blocks;
    private final Map<Long, ProvenEntry> entries = new HashMap<>();

    private EntryTexts(RecordExport export) {
      this.blocks = new EntryBlocks(export);
      for (ProvenEntry entry : export.entries()) {
        entries.put(entry.entry().index(), entry);
      }
    }

    /**
     * As {@link RecordPdfText#entryText}: the text the PDF draws for {@code entry}, which starts on the
     * page of Bates number {@code bates}.
     *
     * @throws IllegalArgumentException if {@code entry} is not one of the export's entries
     */
    public String of(ProvenEntry entry, String bates) {
      if (!entry.equals(entries.get(entry.entry().index()))) {
        throw new IllegalArgumentException("entry " + entry.entry().index() + " is not in the export");
      }
      return String.join("\n", blocks.block(entry, bates).lines());
    }
  }

  private static String withoutWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
