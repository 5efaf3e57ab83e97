package dev.casemail.messaging.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Detection from the bytes, refined by the name and then the declared type only where the bytes allow
 * it: every default type of the allow-list, the generic containers Tika core reports, and what the
 * bytes contradict.
 */
class DetectedTypeTest {

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final byte[] OLE2 = ole2();

  @Test
  void officeContainersAreRefinedByTheirNames() throws IOException {
    byte[] ooxml = zip("[Content_Types].xml", "<Types/>");

    assertThat(detect(ooxml, "letter.docx", "application/octet-stream")).isEqualTo(DOCX);
    assertThat(detect(ooxml, "sums.xlsx", "application/octet-stream")).isEqualTo(XLSX);
    assertThat(detect(ooxml, "no-extension", DOCX)).as("the declared type refines a container too").isEqualTo(DOCX);
    assertThat(detect(ooxml, "no-extension", "application/octet-stream")).isEqualTo("application/x-tika-ooxml");
    assertThat(detect(OLE2, "letter.doc", "application/msword")).isEqualTo("application/msword");
    assertThat(detect(OLE2, "sums.xls", "application/vnd.ms-excel")).isEqualTo("application/vnd.ms-excel");
  }

  @Test
  void openDocumentSpreadsheetsAreKnownByTheirMimetypeEntry() throws IOException {
    assertThat(detect(openDocument("application/vnd.oasis.opendocument.spreadsheet"), "sums.ods", "application/zip"))
        .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
  }

  @Test
  void aNameOrADeclaredTypeTheBytesDoNotAllowChangesNothing() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    assertThat(detect(png, "report.pdf", "application/pdf")).isEqualTo("image/png");
    assertThat(detect(new byte[] {1, 2, 3, (byte) 0xFE, 0, 0}, "report.pdf", "application/pdf"))
        .as("bytes no signature knows stay unknown, whatever their name").isEqualTo("application/octet-stream");
    assertThat(detect("just words\n".getBytes(StandardCharsets.UTF_8), "notes.exe", "text/plain")).isEqualTo("text/plain");
  }

  @Test
  void aDeclaredTypeAgreesWhenItIsTheDetectedOneOrMoreGeneral() {
    DetectedType docx = new DetectedType(DOCX);

    assertThat(docx.agreesWith(DOCX)).isTrue();
    assertThat(docx.agreesWith("application/zip")).isTrue();
    assertThat(docx.agreesWith("application/x-tika-ooxml")).isTrue();
    assertThat(docx.agreesWith(XLSX)).isFalse();
    assertThat(docx.agreesWith("application/pdf")).isFalse();
    assertThat(new DetectedType("text/csv").agreesWith("text/plain")).isTrue();
    assertThat(new DetectedType("text/plain").agreesWith("text/csv")).isFalse();
    assertThat(docx.agreesWith("not a type")).isFalse();
  }

  @Test
  void detectionLeavesTheStreamWhereItWas() throws IOException {
    byte[] pdf = "%PDF-1.7\nrest of the file".getBytes(StandardCharsets.ISO_8859_1);
    InputStream in = new BufferedInputStream(new ByteArrayInputStream(pdf));

    assertThat(DetectedType.detect(in, "a.pdf", "application/pdf").type()).isEqualTo("application/pdf");
    assertThat(in.readAllBytes()).isEqualTo(pdf);
    assertThat(DetectedType.PREFIX_BYTES).isPositive().isLessThanOrEqualTo(1024 * 1024);
  }

  private static String detect(byte[] bytes, String name, String declared) throws IOException {
    return DetectedType.detect(new BufferedInputStream(new ByteArrayInputStream(bytes)), name, declared).type();
  }

  private static byte[] ole2() {
    byte[] bytes = new byte[1024];
    byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    return bytes;
  }

  private static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] openDocument(String type) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] bytes = type.getBytes(StandardCharsets.US_ASCII);
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(bytes.length);
      entry.setCompressedSize(bytes.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(bytes);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(bytes);
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
