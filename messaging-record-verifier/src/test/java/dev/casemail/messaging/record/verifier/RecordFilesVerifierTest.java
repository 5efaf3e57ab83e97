package dev.casemail.messaging.record.verifier;

import static dev.casemail.messaging.record.verifier.HostRecord.DANA;
import static dev.casemail.messaging.record.verifier.HostRecord.LEE;
import static dev.casemail.messaging.record.verifier.RecordVerifierTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.record.export.RecordExports;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export whose messages carry files, with their names, types and sizes (manifest version 2):
 * it verifies, its PDF's text is compared line for line with them, and a name changed in the PDF is
 * caught. Exports without them (version 1, as before) are what {@link RecordVerifierTest} verifies.
 */
class RecordFilesVerifierTest {

  @TempDir
  static Path directory;

  static final KeyPair KEYS = HostRecord.newKeys();
  static RecordExports.Written files;
  static MessageView sent;
  static Path key;

  @BeforeAll
  static void leeSendsDanaAPdfAndDanaExportsHerRecord() throws IOException {
    HostRecord host = HostRecord.danas(KEYS);
    byte[] pdf = onePagePdf();
    sent = host.as(LEE).send(NewMessage.builder().addRecipients(DANA).subject("Parenting plan")
        .body("The draft plan is attached.")
        .addAttachments(NewAttachment.of("Parenting plan, draft 2.pdf", "application/pdf", () -> new ByteArrayInputStream(pdf)))
        .build());
    host.tick();
    RecordExport export = host.as(DANA).exportRecord(RecordScope.all());
    files = HostRecord.write(export, directory);
    key = HostRecord.publicKeyPem(KEYS, directory.resolve("key.pem"));
  }

  @Test
  void anExportListingFilesByNameVerifiesAndItsManifestIsOfVersionTwo() throws IOException {
    Verdict verdict = RecordVerifier.verify(files.pdf(), key, Optional.empty(), Optional.of(files.manifest()));

    assertThat(verdict.verified()).as(verdict.summary()).isTrue();
    assertThat(verdict.summary()).contains("PDF text matches (");
    String manifest = Files.readString(files.manifest(), StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"format\": \"casemail-record-manifest/2\"",
        "\"name\": \"Parenting plan, draft 2.pdf\"", "\"type\": \"application/pdf\"",
        "\"sha256\": \"" + sent.attachments().get(0).hash().hex() + "\"");
  }

  @Test
  void aFilesNameChangedInThePdfIsCaughtByThePdfCheck() {
    byte[] edited = Tamper.pdfText(RecordVerifierTest.read(files.pdf()), "Parenting plan, draft 2.pdf");

    Verdict verdict = RecordVerifier.verify(ExportFile.of("export.pdf", edited), KEYS.getPublic());

    assertFailed(verdict, Check.PDF, "(message ");
    assertThat(verdict.summary()).contains("in its Attachments line");
  }

  private static byte[] onePagePdf() throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    }
  }
}
