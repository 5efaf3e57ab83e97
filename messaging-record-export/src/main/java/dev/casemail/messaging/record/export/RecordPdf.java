package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.RecordExport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The PDF of a record export, for people: A4, Bates-numbered, with the manifest embedded.
 *
 * <p>A cover page says whose record it is, the scope, the export's number and time, who asked for it
 * (the owner, or the host under a court order), the signed tree head and the previous export's head,
 * and how to verify. Then every entry under a marker line ({@code ■ Entry 17 · message 1000000001}):
 * each message with its Bates number, sender, recipients, time sent, each recipient's first view
 * ("never" when the export holds none), attachment hashes, subject and body; then the first views,
 * the access history and the exports; each with its leaf index and hash. Every page's footer gives
 * {@code page N of M} and the page's Bates number ({@link #batesPrefix} and six digits). The manifest
 * ({@link RecordManifest}) is embedded as the attached file {@value #MANIFEST_NAME}.
 *
 * <p>All text is text (Liberation Sans, embedded as a subset), laid out so that PDFBox's text
 * extraction gives it back; {@link RecordPdfText} and {@code docs/record-manifest.md} say how to
 * compare it with the manifest. The same export always gives the same bytes. Stateless and
 * thread-safe.
 */
public final class RecordPdf {

  /** The name of the embedded manifest in the PDF's embedded files name tree. */
  public static final String MANIFEST_NAME = "manifest.json";

  private RecordPdf() {}

  /**
   * Writes the PDF of {@code export}. The stream is not closed.
   *
   * @throws IllegalArgumentException if the export cannot be written (as {@link RecordManifest#write})
   * @throws IOException if the stream fails
   */
  public static void write(RecordExport export, OutputStream out) throws IOException {
    if (export == null || out == null) {
      throw new NullPointerException(export == null ? "export is required" : "out is required");
    }
    new PdfWriter(export).write(RecordManifest.toBytes(export), out);
  }

  /**
   * The Bates prefix of the export's pages, {@code CM-<MAILBOX>-E<export number>}: the mailbox id in
   * uppercase with every run of characters other than ASCII letters and digits as one hyphen, at most
   * 24 characters of it (eight hex digits of the id's SHA-256 if nothing is left). A page's Bates number
   * is the prefix, a hyphen and its page number in six digits: {@code CM-DANA-E3-000001}.
   */
  public static String batesPrefix(RecordExport export) {
    return Names.batesPrefix(export);
  }
}
