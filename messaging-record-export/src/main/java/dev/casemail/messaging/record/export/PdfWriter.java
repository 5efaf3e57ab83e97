package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.record.export.EntryBlocks.Block;
import dev.casemail.messaging.record.export.EntryBlocks.Field;
import dev.casemail.messaging.record.export.EntryBlocks.Style;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Lays out and draws one export's PDF; see {@link RecordPdf}. */
final class PdfWriter {

  private static final float BODY_SIZE = 10f;
  private static final float VALUE_SIZE = 9.5f;
  private static final float LABEL_SIZE = 8f;
  private static final float HASH_SIZE = 8.5f;
  private static final float MARKER_SIZE = 11f;
  private static final float SECTION_SIZE = 15f;
  private static final float VALUE_WIDTH = PdfLayout.RIGHT - PdfLayout.VALUE_X;
  private static final float TEXT_WIDTH = PdfLayout.RIGHT - PdfLayout.LEFT;

  private final RecordExport export;
  private final EntryBlocks blocks;
  private final String prefix;
  private final PdfLayout layout = new PdfLayout();
  private final List<ProvenEntry> messages = new ArrayList<>();
  private final List<ProvenEntry> firstViews = new ArrayList<>();
  private final List<ProvenEntry> accessEvents = new ArrayList<>();
  private final List<ProvenEntry> exports = new ArrayList<>();
  /** The cover's Bates range, written once the page count is known. */
  private PdfLayout.Text batesRange;

  PdfWriter(RecordExport export) {
    this.export = export;
    this.blocks = new EntryBlocks(export);
    this.prefix = Names.batesPrefix(export);
    for (ProvenEntry proven : export.entries()) {
      RecordContent content = proven.entry().content();
      if (content instanceof RecordedMessage) {
        messages.add(proven);
      } else if (content instanceof RecordedFirstView) {
        firstViews.add(proven);
      } else if (content instanceof RecordedAccessEvent) {
        accessEvents.add(proven);
      } else {
        exports.add(proven);
      }
    }
  }

  /** Writes the PDF with {@code manifest} (the export's, as {@link RecordManifest#toBytes} gives it) embedded. */
  void write(byte[] manifest, OutputStream out) throws IOException {
    cover();
    layout.newPage();
    section("Messages", messages, "No message is in this export.");
    section("First views", firstViews, "No first view is in this export.");
    section("Access history", accessEvents, "No access event is in this export.");
    section("Exports of this record", exports, "No export is in this export.");
    layout.continuing("");
    layout.space(14);
    text(PdfLayout.LEFT, TEXT_WIDTH, RecordPdfText.MARKER + " End of export " + export.export().exportNumber() + ": "
        + export.entries().size() + " entries", MARKER_SIZE, true, 0f);
    render(manifest, out);
  }

  // --- the cover ---

  private void cover() {
    SignedTreeHead head = export.head();
    text(PdfLayout.LEFT, TEXT_WIDTH, "Record export", 22, true, 0f);
    layout.space(4);
    shownText(PdfLayout.LEFT, TEXT_WIDTH, export.mailbox().displayName(), 16, false, 0f);
    shownText(PdfLayout.LEFT, TEXT_WIDTH, export.mailbox().role().name().toLowerCase(Locale.ROOT) + " · id "
        + export.mailbox().id().value(), 10, false, 0.35f);
    layout.space(16);
    field(new Field("Record of", EntryBlocks.participant(export.mailbox())));
    field(new Field("Scope", blocks.scope(export.export().scope())));
    field(new Field("Export number", Long.toString(export.export().exportNumber())));
    field(new Field("Exported at", Instants.shown(export.export().exportedAt())));
    field(new Field("Asked by", blocks.askedBy(export.export().courtOrder())));
    field(new Field("Contents", count(messages.size(), "message") + ", " + count(firstViews.size(), "first view") + ", "
        + count(accessEvents.size(), "access event") + ", " + count(exports.size(), "export") + ": "
        + count(export.entries().size(), "entry") + " of the " + head.size() + " in the record"));
    String placeholder = Names.bates(prefix, 1) + " to " + Names.bates(prefix, 1);
    field(new Field("Bates numbers", List.of(placeholder), Style.NOTE));
    batesRange = lastText();

    heading("Signed tree head", 12);
    headFields(head);
    field(new Field("Signature", List.of(head.signature()), Style.HASH));
    field(new Field("Time-stamp", export.timestampToken().isPresent()
        ? "an RFC 3161 time-stamp token over the head is in the manifest"
        : "none"));

    heading("Previous export", 12);
    if (export.previousHead().isPresent()) {
      headFields(export.previousHead().get());
      field(new Field("Consistency", "the manifest proves that the record of the head of each of the "
          + count(export.consistency().size(), "earlier export") + " is the start of this one"));
    } else {
      shownText(PdfLayout.VALUE_X, VALUE_WIDTH, "none: this is the first export of this record", VALUE_SIZE, false, 0.2f);
    }

    heading("How to verify", 12);
    paragraph("This PDF is the readable copy of export " + export.export().exportNumber() + " of the record of "
        + export.mailbox().displayName() + ". The manifest embedded in it as the attached file "
        + RecordPdf.MANIFEST_NAME + " (" + RecordManifest.MEDIA_TYPE + ") is the copy for machines: it holds every "
        + "entry with all of its content, its leaf hash and its inclusion proof, the signed tree head, and the "
        + "consistency proof from the previous export's head.");
    layout.space(4);
    paragraph("To check the export without trusting casemail or the host, obtain the host's public record key "
        + "(PEM), check that its SHA-256 fingerprint is the key id above, and run the verifier, offline:");
    layout.space(4);
    text(PdfLayout.LEFT + 14, TEXT_WIDTH - 14,
        "java -jar casemail-record-verifier.jar verify <this PDF> --key <public key PEM>", 9.5f, true, 0.1f);
    layout.space(4);
    paragraph("It recomputes every entry's leaf hash from its content (docs/record-format.md), checks every "
        + "inclusion proof against the signed head and the head's signature against the key, checks the consistency "
        + "proof from the previous export's head, and checks that the text of this PDF says what the manifest says "
        + "(docs/record-manifest.md). It names the first entry that fails.");
  }

  private void headFields(SignedTreeHead head) {
    field(new Field("Entries", head.size() + " (the size of the record when the head was signed)"));
    field(new Field("Root hash", List.of(EntryBlocks.grouped(head.rootHash())), Style.HASH));
    field(new Field("Signed at", Instants.shown(head.signedAt())));
    field(new Field("Algorithm", head.algorithm()));
    field(new Field("Key id", List.of(EntryBlocks.grouped(head.keyId()), "the SHA-256 fingerprint of the public key"),
        Style.HASH));
  }

  private static String count(long n, String noun) {
    String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
        : noun.endsWith("h") ? noun + "es" : noun + "s";
    return n + " " + (n == 1 ? noun : plural);
  }

  // --- the entries ---

  private void section(String title, List<ProvenEntry> entries, String none) {
    layout.keep(140);
    if (!layout.atTop()) {
      layout.space(18);
    }
    layout.context(title);
    text(PdfLayout.LEFT, TEXT_WIDTH, RecordPdfText.MARKER + " " + title + " (" + entries.size() + ")", SECTION_SIZE,
        true, 0f);
    layout.space(2);
    if (entries.isEmpty()) {
      text(PdfLayout.LEFT, TEXT_WIDTH, none, VALUE_SIZE, false, 0.35f);
    }
    for (int i = 0; i < entries.size(); i++) {
      block(title, entries.get(i), i == 0);
    }
  }

  private void block(String section, ProvenEntry entry, boolean first) {
    // the marker and the fields up to the body stay together, with the body's first lines
    Block draft = blocks.block(entry, Names.bates(prefix, layout.pageNumber()));
    float head = MARKER_SIZE * PdfLayout.LEADING + 12;
    for (Field field : draft.fields()) {
      head += (field.style() == Style.BODY ? 3 : field.values().size()) * VALUE_SIZE * PdfLayout.LEADING;
    }
    layout.keep(Math.min(head, 300));
    if (!first && !layout.atTop()) {
      layout.space(7);
      layout.rule(0.82f);
      layout.space(5);
    } else {
      layout.space(4);
    }
    Block block = blocks.block(entry, Names.bates(prefix, layout.pageNumber()));
    layout.context(section);
    text(PdfLayout.LEFT, TEXT_WIDTH, block.marker(), MARKER_SIZE, true, 0f);
    layout.space(1.5f);
    layout.continuing(block.marker().substring(RecordPdfText.MARKER.length() + 1) + ", continued");
    for (Field field : block.fields()) {
      field(field);
    }
    layout.continuing("");
  }

  /** A labelled field: the label beside its first line, each value wrapped in the values' column. */
  private void field(Field field) {
    float size;
    float gray;
    switch (field.style()) {
      case HASH:
        size = HASH_SIZE;
        gray = 0.3f;
        break;
      case BODY:
        size = BODY_SIZE;
        gray = 0f;
        break;
      case NOTE:
        size = VALUE_SIZE;
        gray = 0.4f;
        break;
      default:
        size = VALUE_SIZE;
        gray = 0.05f;
        break;
    }
    boolean first = true;
    for (String value : field.values()) {
      String shown = field.style() == Style.NOTE ? value : ShownText.shown(value);
      List<TextLines.Line> lines = new ArrayList<>(TextLines.lines(shown, VALUE_WIDTH, size));
      while (field.style() == Style.BODY && lines.size() > 1 && lines.get(lines.size() - 1).text().isEmpty()) {
        lines.remove(lines.size() - 1); // a body's trailing line breaks would only draw empty lines
      }
      for (TextLines.Line line : lines) {
        float baseline = layout.line(PdfLayout.VALUE_X, VALUE_WIDTH, line, size, false, gray,
            first && !field.label().isEmpty() ? field.label() : null, LABEL_SIZE);
        first = false;
        if (field.style() == Style.BODY) {
          layout.bar(PdfLayout.VALUE_X - 7, baseline, size);
        }
      }
    }
    layout.space(field.style() == Style.BODY ? 4 : 1.5f);
  }

  private void heading(String title, float size) {
    layout.keep(90);
    layout.space(14);
    text(PdfLayout.LEFT, TEXT_WIDTH, title, size, true, 0f);
    layout.space(2);
  }

  private void paragraph(String text) {
    shownText(PdfLayout.LEFT, TEXT_WIDTH, text, 9.5f, false, 0.1f);
  }

  /** The writer's own text, which holds nothing of the record: drawn as it is. */
  private void text(float x, float width, String text, float size, boolean bold, float gray) {
    for (TextLines.Line line : TextLines.lines(text, width, size)) {
      layout.line(x, width, line, size, bold, gray);
    }
  }

  /** Text that holds record text: shown first. */
  private void shownText(float x, float width, String text, float size, boolean bold, float gray) {
    text(x, width, ShownText.shown(text), size, bold, gray);
  }

  private PdfLayout.Text lastText() {
    List<PdfLayout.Item> items = layout.pages().get(layout.pageNumber() - 1).items;
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i) instanceof PdfLayout.Text text && !text.bold()) {
        return text;
      }
    }
    throw new IllegalStateException("no text drawn yet");
  }

  // --- drawing ---

  private void render(byte[] manifest, OutputStream out) throws IOException {
    List<PdfLayout.Page> pages = layout.pages();
    int total = pages.size();
    replace(pages.get(0), batesRange, Names.bates(prefix, 1) + " to " + Names.bates(prefix, total));
    try (PDDocument document = new PDDocument()) {
      document.setVersion(1.7f);
      PDType0Font font = PdfFont.embedIn(document);
      for (int i = 0; i < total; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          if (i > 0) {
            header(content, font, pages.get(i).context);
          }
          for (PdfLayout.Item item : pages.get(i).items) {
            draw(content, font, item);
          }
          footer(content, font, i + 1, total);
        }
      }
      attach(document, manifest);
      describe(document, manifest);
      document.save(out);
    }
  }

  private static void replace(PdfLayout.Page page, PdfLayout.Text old, String text) {
    int at = page.items.indexOf(old);
    page.items.set(at, new PdfLayout.Text(old.x(), old.y(), text, old.size(), old.bold(), old.gray()));
  }

  private void header(PDPageContentStream content, PDType0Font font, String context) throws IOException {
    float y = PdfLayout.PAGE_HEIGHT - 36;
    float contextWidth = PdfFont.width(context, 8);
    float room = TEXT_WIDTH - contextWidth - 16;
    String number = " · export " + export.export().exportNumber();
    List<String> candidates = List.of(
        "Record of " + EntryBlocks.participant(export.mailbox()) + number,
        "Record of " + export.mailbox().id().value() + number,
        "Record export " + export.export().exportNumber());
    for (String candidate : candidates) {
      List<TextLines.Line> lines = TextLines.lines(ShownText.shown(candidate), 10_000, 8);
      if (lines.size() == 1 && lines.get(0).width() <= room) {
        draw(content, font, new PdfLayout.Text(PdfLayout.LEFT, y, lines.get(0).text(), 8, false, 0.4f));
        break;
      }
    }
    if (!context.isEmpty()) {
      draw(content, font, new PdfLayout.Text(PdfLayout.RIGHT - contextWidth, y, context, 8, false, 0.4f));
    }
    draw(content, font, new PdfLayout.Rule(PdfLayout.LEFT, y - 6, PdfLayout.RIGHT, y - 6, 0.5f, 0.7f));
  }

  private void footer(PDPageContentStream content, PDType0Font font, int page, int total) throws IOException {
    float y = 30;
    draw(content, font, new PdfLayout.Rule(PdfLayout.LEFT, y + 13, PdfLayout.RIGHT, y + 13, 0.5f, 0.7f));
    draw(content, font, new PdfLayout.Text(PdfLayout.LEFT, y, "page " + page + " of " + total, 8, false, 0.4f));
    String bates = Names.bates(prefix, page);
    draw(content, font, new PdfLayout.Text(PdfLayout.RIGHT - PdfFont.width(bates, 9), y, bates, 9, true, 0f));
  }

  private static void draw(PDPageContentStream content, PDType0Font font, PdfLayout.Item item) throws IOException {
    if (item instanceof PdfLayout.Text text) {
      content.setNonStrokingColor(text.gray());
      RenderingMode mode = RenderingMode.FILL;
      if (text.bold()) {
        // a bold face drawn by stroking the outline: the one embedded font stays the only one
        content.setStrokingColor(text.gray());
        content.setLineWidth(text.size() * 0.03f);
        mode = RenderingMode.FILL_STROKE;
      }
      content.beginText();
      content.setFont(font, text.size());
      content.newLineAtOffset(text.x(), text.y());
      // the direction marks are there for text extraction: drawn invisible (their glyphs are visible
      // in this font), they take no room (their advance is zero)
      String glyphs = text.text();
      int start = 0;
      while (start < glyphs.length()) {
        boolean marks = isMark(glyphs.charAt(start));
        int end = start;
        while (end < glyphs.length() && isMark(glyphs.charAt(end)) == marks) {
          end++;
        }
        content.setRenderingMode(marks ? RenderingMode.NEITHER : mode);
        content.showText(glyphs.substring(start, end));
        start = end;
      }
      content.endText();
    } else if (item instanceof PdfLayout.Rule rule) {
      content.setStrokingColor(rule.gray());
      content.setLineWidth(rule.width());
      content.moveTo(rule.x1(), rule.y1());
      content.lineTo(rule.x2(), rule.y2());
      content.stroke();
    }
  }

  private static boolean isMark(char c) {
    return c == TextLines.LRM || c == TextLines.RLM;
  }

  /** The manifest as the attached file manifest.json, in the embedded files name tree. */
  private void attach(PDDocument document, byte[] manifest) throws IOException {
    Calendar exportedAt = calendar();
    PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(manifest), COSName.FLATE_DECODE);
    file.setSubtype(RecordManifest.MEDIA_TYPE);
    file.setSize(manifest.length);
    file.setCreationDate(exportedAt);
    file.setModDate(exportedAt);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(RecordPdf.MANIFEST_NAME);
    spec.setFileUnicode(RecordPdf.MANIFEST_NAME);
    spec.setFileDescription("The manifest of this export (" + ManifestRules.format(export) + "): every entry with its content, "
        + "leaf hash and inclusion proof, and the signed tree head");
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(RecordPdf.MANIFEST_NAME, spec));
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
    names.setEmbeddedFiles(tree);
    catalog.setNames(names);
    COSArray associated = new COSArray();
    associated.add(spec);
    catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    catalog.setPageMode(PageMode.USE_ATTACHMENTS);
  }

  /** The document's information, dated when the export was made, and an id from the manifest: same export, same PDF. */
  private void describe(PDDocument document, byte[] manifest) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("Record of " + export.mailbox().displayName() + " (" + export.mailbox().id().value() + "), export "
        + export.export().exportNumber());
    info.setSubject("casemail record export: " + blocks.scope(export.export().scope()));
    info.setKeywords(prefix);
    info.setCreator("casemail messaging");
    info.setProducer("casemail messaging record export, Apache PDFBox");
    info.setCreationDate(calendar());
    info.setModificationDate(calendar());
    byte[] id = Arrays.copyOf(sha256(manifest), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private Calendar calendar() {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    calendar.setTimeInMillis(export.export().exportedAt().toEpochMilli());
    return calendar;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
