package dev.casemail.messaging.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The file a parent sends in the walkthrough: a real one-page PDF, made with PDFBox when the sample
 * runs (the repository holds no binary), small enough to keep in memory; the same bytes on every run.
 */
final class SchoolReport {

  static final String NAME = "School report, spring term.pdf";
  static final String TITLE = "School report, spring term";

  private SchoolReport() {}

  /** The PDF's bytes: a title and three lines of text on one A4 page. */
  static byte[] pdf() {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      document.getDocumentInformation().setTitle(TITLE);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
        text.newLineAtOffset(72, 760);
        text.showText(TITLE);
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.setLeading(18);
        text.newLine();
        text.newLine();
        text.showText("Pupil: Jamie Morgan, year 4");
        text.newLine();
        text.showText("Attendance: 97 %. Reading and mathematics: above the expected level.");
        text.newLine();
        text.showText("Class teacher: \"Jamie is settled, kind to others and keen to learn.\"");
        text.endText();
      }
      // a fixed document id (PDFBox would make one from the time): every run makes the same bytes, so the
      // same SHA-256, and the store keeps the report once however many runs send it
      byte[] id = TITLE.getBytes(StandardCharsets.US_ASCII);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      document.getDocument().getTrailer().setItem(COSName.ID, ids);
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the sample PDF", e);
    }
  }
}
