package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.NewAttachment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each kind the attachment rules tell apart, made in the test: no fixture files. */
final class AttachmentFiles {

  static final String PDF_TYPE = "application/pdf";
  static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private AttachmentFiles() {}

  /** A PDF of about {@code size} bytes (at least its header and trailer). */
  static byte[] pdf(int size) {
    String head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    String tail = "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] end = tail.getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[Math.max(size, start.length + end.length)];
    Arrays.fill(bytes, (byte) ' ');
    System.arraycopy(start, 0, bytes, 0, start.length);
    System.arraycopy(end, 0, bytes, bytes.length - end.length, end.length);
    return bytes;
  }

  /** Another PDF, of the same size as {@code pdf(size)} but with other bytes. */
  static byte[] otherPdf(int size) {
    byte[] bytes = pdf(size);
    bytes[40] = 'x';
    return bytes;
  }

  static byte[] png() {
    return new byte[] {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
      0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xDE
    };
  }

  static byte[] jpeg() {
    byte[] bytes = new byte[64];
    byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  static byte[] heic() {
    byte[] bytes = new byte[64];
    byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  /** A Word (OOXML) package as Word writes it: a zip whose first entry is {@code [Content_Types].xml}. */
  static byte[] docx() {
    return zip("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>", "word/document.xml", "<w:document/>");
  }

  /** An OpenDocument text: a zip whose first entry, stored, is its {@code mimetype}. */
  static byte[] odt() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(type.length);
        entry.setCompressedSize(type.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(type);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("content.xml"));
        zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The start of a Windows executable. */
  static byte[] exe() {
    byte[] bytes = new byte[256];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3C] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    return bytes;
  }

  static NewAttachment file(String name, String declaredType, byte[] bytes) {
    return NewAttachment.of(name, declaredType, () -> new ByteArrayInputStream(bytes));
  }

  static NewAttachment pdfFile(String name, int size) {
    return file(name, PDF_TYPE, pdf(size));
  }

  /** A file whose stream yields {@code good} bytes of a PDF and then fails. */
  static NewAttachment failingHalfway(String name, int good) {
    byte[] bytes = pdf(good * 2);
    return NewAttachment.of(name, PDF_TYPE, () -> new InputStream() {
      private int read;

      @Override
      public int read() throws IOException {
        if (read >= good) {
          throw new IOException("the host's disk went away");
        }
        return bytes[read++] & 0xFF;
      }
    });
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] read(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zip(String... namesAndContents) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (int i = 0; i < namesAndContents.length; i += 2) {
          zip.putNextEntry(new ZipEntry(namesAndContents[i]));
          zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
