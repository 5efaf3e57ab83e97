package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.record.export.RecordPdf;
import dev.casemail.messaging.record.export.RecordPdfText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Check 7, the PDF's text: read as {@code docs/record-manifest.md} ("The PDF's text") says, page by page
 * with PDFBox's {@code PDFTextStripper} at its default settings, the footer and running header of each page
 * set apart and the rest cut into entries at their marker lines. Every page's footer must give its number
 * and Bates number, every header the export's, the cover the head's root hash, key id and signature, and
 * every exported entry must be shown once, saying what {@link RecordPdfText#entryText} says it does, compared
 * under {@link RecordPdfText}'s rules. The PDF must hold nothing the writer never draws (images, forms,
 * annotations, text drawn invisibly or in white), which could show a reader something other than the text
 * that is extracted.
 */
final class PdfTextCheck {

  private static final Pattern ENTRY_MARKER = Pattern.compile(Pattern.quote(RecordPdfText.ENTRY_MARKER) + "(\\d{1,19})(?:\\s.*)?");
  private static final String END_MARKER = RecordPdfText.MARKER + " End of export ";
  /** A line of the PDF shown whole in a verdict, up to this many characters. */
  private static final int SHOWN = 120;
  /** How much of the manifest's text around a difference a verdict shows, each side. */
  private static final int AROUND = 40;
  private static final List<String> LABELS = List.of("Bates", "From", "To", "Sent", "Kind", "First viewed", "Attachments",
      "Subject", "Body", "Viewer", "Viewed", "Practitioner", "Parent", "Step", "At", "Scope", "Asked by", "Exported");

  /** One entry's text as extracted: the page its marker line is on, its lines from the marker line on. */
  private record Shown(int page, List<String> lines) {}

  private final RecordExport export;
  private final String prefix;

  private PdfTextCheck(RecordExport export) {
    this.export = export;
    this.prefix = RecordPdf.batesPrefix(export);
  }

  /** Checks {@code document} against {@code export}; returns its number of pages. */
  static int check(PDDocument document, RecordExport export) throws CheckFailed {
    return new PdfTextCheck(export).check(document);
  }

  private int check(PDDocument document) throws CheckFailed {
    List<String> pages = pageTexts(document);
    int total = pages.size();
    if (total == 0) {
      throw fail("it has no page");
    }
    onlyText(document);
    Map<Long, ProvenEntry> exported = new HashMap<>();
    for (ProvenEntry entry : export.entries()) {
      exported.put(entry.entry().index(), entry);
    }
    Map<Long, Shown> shown = new HashMap<>();
    StringBuilder cover = new StringBuilder();
    Shown current = null;
    String end = null;
    for (int page = 1; page <= total; page++) {
      List<String> lines = new ArrayList<>(List.of(pages.get(page - 1).split("\r\n|\n", -1)));
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      if (lines.isEmpty()) {
        throw fail("page " + page + " shows no text, not even its footer");
      }
      footer(page, total, lines.remove(lines.size() - 1));
      if (page > 1) {
        if (lines.isEmpty()) {
          throw fail("page " + page + " shows no running header");
        }
        header(page, lines.remove(0));
      }
      for (String line : lines) {
        if (end != null) {
          if (!line.isBlank()) {
            throw fail("page " + page + " shows text after the export's end line: \"" + shownLine(line) + "\"");
          }
          continue;
        }
        if (line.startsWith(RecordPdfText.MARKER + " ")) {
          current = null;
          Matcher marker = ENTRY_MARKER.matcher(line);
          if (marker.matches()) {
            long index = index(marker.group(1), page, line);
            ProvenEntry entry = exported.get(index);
            if (entry == null) {
              throw fail("page " + page + " shows an entry " + index + " that the manifest does not hold: \""
                  + shownLine(line) + "\"");
            }
            Shown before = shown.get(index);
            if (before != null) {
              throw fail(Describe.entry(entry.entry()) + " is shown twice, on page " + before.page() + " and on page "
                  + page, index);
            }
            current = new Shown(page, new ArrayList<>(List.of(line)));
            shown.put(index, current);
          } else if (line.startsWith(RecordPdfText.ENTRY_MARKER)) {
            throw fail("page " + page + " shows a marker line that names no entry: \"" + shownLine(line) + "\"");
          } else if (line.startsWith(END_MARKER)) {
            end = line;
          }
        } else if (current != null) {
          current.lines().add(line);
        } else if (page == 1) {
          cover.append(line).append('\n');
        }
      }
    }
    String expectedEnd = END_MARKER + export.export().exportNumber() + ": " + export.entries().size() + " entries";
    if (end == null) {
      throw fail("it does not end with \"" + expectedEnd + "\": a page or more may be missing");
    }
    if (!RecordPdfText.comparable(end).equals(RecordPdfText.comparableRecorded(expectedEnd))) {
      throw fail("its end line reads \"" + shownLine(end) + "\", not \"" + expectedEnd + "\"");
    }
    cover(cover.toString());
    RecordPdfText.EntryTexts texts = RecordPdfText.entryTexts(export);
    for (ProvenEntry entry : export.entries()) {
      long index = entry.entry().index();
      Shown found = shown.get(index);
      if (found == null) {
        throw fail(Describe.entry(entry.entry()) + " is not shown in the PDF: no page has its marker line \""
            + RecordPdfText.ENTRY_MARKER + index + " · …\"", index);
      }
      String expected = texts.of(entry, bates(found.page()));
      String actual = String.join("\n", found.lines());
      if (!RecordPdfText.comparable(actual).equals(RecordPdfText.comparableRecorded(expected))) {
        throw fail(Describe.entry(entry.entry()) + " (shown from page " + found.page() + "): "
            + difference(found.lines(), expected), index);
      }
    }
    return total;
  }

  /**
   * Each page's text, in one pass over the document (the text of page N is what the stripper extracts
   * with start and end page N: a page's text never depends on another page's).
   */
  private static List<String> pageTexts(PDDocument document) throws CheckFailed {
    SeenText stripper = new SeenText();
    StringWriter written = new StringWriter();
    try {
      stripper.writeText(document, written);
    } catch (IOException | RuntimeException e) {
      throw fail("its text cannot be extracted: " + e.getMessage());
    }
    if (stripper.unseen != null) {
      throw fail("page " + stripper.unseenPage + " draws text that cannot be seen (" + stripper.unseen + "): its text is"
          + " extracted, but a reader of the PDF does not see it; the record's PDF draws only its direction marks so");
    }
    String all = written.toString();
    // a page without a content stream is not processed at all: its text is empty
    int pages = document.getNumberOfPages();
    List<String> texts = new ArrayList<>(pages);
    int start = 0;
    for (int page = 1; page <= pages; page++) {
      Integer end = stripper.pageEnds.get(page);
      if (end == null) {
        texts.add("");
      } else {
        texts.add(all.substring(start, end));
        start = end;
      }
    }
    return texts;
  }

  /**
   * PDFBox's text extraction, at its default settings, noting the first glyph drawn so that it cannot be
   * seen: in a text rendering mode that neither fills nor strokes (3 or 7), or in white or near-white. The
   * writer draws only the direction marks U+200E and U+200F invisibly, so any other such glyph is text a
   * forger hid: extracted and compared, but not what the PDF shows.
   */
  private static final class SeenText extends PDFTextStripper {
    /** Lighter than this, on each of red, green and blue (0 to 255), a glyph is taken for unseen on paper. */
    private static final int NEAR_WHITE = 0xE6;

    String unseen;
    /** The page {@link #unseen} is on. */
    int unseenPage;
    /** Where each processed page's text ends in what {@link #writeText} wrote, by page number. */
    final Map<Integer, Integer> pageEnds = new HashMap<>();
    private StringWriter target;

    @Override
    public void writeText(PDDocument document, Writer outputStream) throws IOException {
      target = (StringWriter) outputStream;
      super.writeText(document, outputStream);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
      super.endPage(page);
      output.flush();
      pageEnds.put(getCurrentPageNo(), target.getBuffer().length());
    }

    SeenText() {
      // text extraction does not follow colors by itself
      addOperator(new SetStrokingColorSpace(this));
      addOperator(new SetNonStrokingColorSpace(this));
      addOperator(new SetStrokingColor(this));
      addOperator(new SetNonStrokingColor(this));
      addOperator(new SetStrokingColorN(this));
      addOperator(new SetNonStrokingColorN(this));
      addOperator(new SetStrokingDeviceGrayColor(this));
      addOperator(new SetNonStrokingDeviceGrayColor(this));
      addOperator(new SetStrokingDeviceRGBColor(this));
      addOperator(new SetNonStrokingDeviceRGBColor(this));
      addOperator(new SetStrokingDeviceCMYKColor(this));
      addOperator(new SetNonStrokingDeviceCMYKColor(this));
    }

    @Override
    protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
      if (unseen == null) {
        unseenPage = getCurrentPageNo();
        RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
        boolean marks = isDirectionMark(font.toUnicode(code));
        if (!mode.isFill() && !mode.isStroke() && !marks) {
          unseen = describe(font, code) + " in text rendering mode " + mode.intValue();
        } else if (!marks && (!mode.isFill() || nearWhite(getGraphicsState().getNonStrokingColor()))
            && (!mode.isStroke() || nearWhite(getGraphicsState().getStrokingColor()))) {
          unseen = describe(font, code) + " in white or near-white";
        }
      }
      super.showGlyph(matrix, font, code, displacement);
    }

    private static boolean isDirectionMark(String unicode) {
      return unicode != null && !unicode.isEmpty() && unicode.chars().allMatch(c -> c == '\u200E' || c == '\u200F');
    }

    private static boolean nearWhite(PDColor color) throws IOException {
      int rgb = color.toRGB();
      return ((rgb >> 16) & 0xFF) > NEAR_WHITE && ((rgb >> 8) & 0xFF) > NEAR_WHITE && (rgb & 0xFF) > NEAR_WHITE;
    }

    private static String describe(PDFont font, int code) throws IOException {
      String unicode = font.toUnicode(code);
      return unicode == null ? "a glyph of code " + code : "\"" + unicode + "\"";
    }
  }

  /** Nothing but text and lines: no image or form that could hide the text or show other text. */
  private static void onlyText(PDDocument document) throws CheckFailed {
    int number = 0;
    for (PDPage page : document.getPages()) {
      number++;
      try {
        if (!page.getAnnotations().isEmpty()) {
          throw fail("page " + number + " carries annotations, which the record's PDF never has: what they show "
              + "is not in its text");
        }
      } catch (IOException e) {
        throw fail("the annotations of page " + number + " cannot be read: " + e.getMessage());
      }
      PDResources resources = page.getResources();
      if (resources != null) {
        Iterator<COSName> drawn = resources.getXObjectNames().iterator();
        if (drawn.hasNext()) {
          throw fail("page " + number + " draws an image or form (" + drawn.next().getName() + "), which the record's "
              + "PDF never has: what it shows is not in its text");
        }
      }
    }
  }

  private void footer(int page, int total, String footer) throws CheckFailed {
    String expected = "page " + page + " of " + total + " " + bates(page);
    if (!RecordPdfText.comparable(footer).equals(RecordPdfText.comparableRecorded(expected))) {
      throw fail("the footer of page " + page + " reads \"" + shownLine(footer) + "\", not \"" + expected + "\"");
    }
  }

  private void header(int page, String header) throws CheckFailed {
    String number = " · export " + export.export().exportNumber();
    String owner = export.mailbox().displayName() + " (" + export.mailbox().role().name().toLowerCase(Locale.ROOT)
        + ", " + export.mailbox().id().value() + ")";
    List<String> candidates = List.of("Record of " + owner + number, "Record of " + export.mailbox().id().value() + number,
        "Record export " + export.export().exportNumber());
    String comparable = RecordPdfText.comparable(header);
    for (String candidate : candidates) {
      if (comparable.startsWith(RecordPdfText.comparableRecorded(candidate))) {
        return;
      }
    }
    throw fail("the running header of page " + page + " reads \"" + shownLine(header) + "\", not \"" + candidates.get(0)
        + " …\"");
  }

  private void cover(String cover) throws CheckFailed {
    String comparable = RecordPdfText.comparable(cover);
    SignedTreeHead head = export.head();
    coverShows(comparable, "Root hash", head.rootHash(), "the head's root hash");
    coverShows(comparable, "Key id", head.keyId(), "the head's key id");
    coverShows(comparable, "Signature", head.signature(), "the head's signature");
    if (export.previousHead().isPresent()) {
      coverShows(comparable, "Root hash", export.previousHead().get().rootHash(), "the previous export's root hash");
    }
  }

  private static void coverShows(String cover, String label, String value, String what) throws CheckFailed {
    if (!cover.contains(RecordPdfText.comparableRecorded(label + value))) {
      throw fail("its cover page does not show " + what + ", " + value);
    }
  }

  private String bates(int page) {
    return prefix + String.format(Locale.ROOT, "-%06d", page);
  }

  private static long index(String digits, int page, String line) throws CheckFailed {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw fail("page " + page + " shows a marker line whose index is out of range: \"" + shownLine(line) + "\"");
    }
  }

  /** Where the extracted text of an entry first differs from the manifest's, in words. */
  static String difference(List<String> extracted, String expected) {
    String actual = RecordPdfText.comparable(String.join("\n", extracted));
    String wanted = RecordPdfText.comparableRecorded(expected);
    int at = 0;
    while (at < actual.length() && at < wanted.length() && actual.charAt(at) == wanted.charAt(at)) {
      at++;
    }
    // the manifest's line (and its field) and the PDF's line that hold the first difference
    String[] expectedLines = expected.split("\n", -1);
    String label = "marker line";
    String expectedLine = expectedLines[expectedLines.length - 1];
    int offset = 0;
    for (int i = 0; i < expectedLines.length; i++) {
      String line = expectedLines[i];
      if (i == expectedLines.length - 1) {
        label = "leaf index and hash";
      } else if (i > 0 && !label.equals("Body")) {
        for (String known : LABELS) {
          if (line.startsWith(known + " ")) {
            label = known;
            break;
          }
        }
      }
      int length = RecordPdfText.comparableRecorded(line).length();
      if (at < offset + length || i == expectedLines.length - 1) {
        expectedLine = around(line, at - offset);
        break;
      }
      offset += length;
    }
    String shownLine = "";
    offset = 0;
    for (String line : extracted) {
      int length = RecordPdfText.comparable(line).length();
      shownLine = line;
      if (at < offset + length) {
        break;
      }
      offset += length;
    }
    String field = label.equals("marker line") || label.equals("leaf index and hash") ? label : label + " line";
    if (at >= wanted.length()) {
      return "the PDF shows more than the manifest says, from its " + field + ": \"" + shownLine(shownLine) + "\"";
    }
    if (at >= actual.length()) {
      return "the PDF shows less than the manifest says: it ends where the manifest goes on, in its " + field + ", with \""
          + expectedLine + "\"";
    }
    return "the PDF's text is not the manifest's, in its " + field + ": the PDF shows \"" + shownLine(shownLine)
        + "\" where the manifest says \"" + expectedLine + "\"";
  }

  /** The part of {@code line} around its {@code at}-th character that is not whitespace. */
  private static String around(String line, int at) {
    String text = Normalizer.normalize(line, Normalizer.Form.NFC);
    int seen = 0;
    int position = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        if (seen == at) {
          position = i;
          break;
        }
        seen++;
      }
    }
    int from = Math.max(0, position - AROUND);
    int to = Math.min(text.length(), position + AROUND);
    if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
      from--;
    }
    if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
      to++;
    }
    return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
  }

  /** A line of the PDF as a verdict shows it: without the writer's direction marks, at most {@value #SHOWN} characters. */
  private static String shownLine(String line) {
    String plain = line.replace("\u200E", "").replace("\u200F", "").strip();
    return plain.length() <= SHOWN ? plain : plain.substring(0, SHOWN) + "…";
  }

  private static CheckFailed fail(String reason) {
    return new CheckFailed(Check.PDF, "the PDF: " + reason);
  }

  private static CheckFailed fail(String reason, long entry) {
    return new CheckFailed(Check.PDF, entry, reason);
  }
}
