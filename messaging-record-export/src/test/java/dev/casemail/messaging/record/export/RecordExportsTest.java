package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordExport;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordExportsTest {

  @TempDir
  Path root;

  private static RecordExport exportOf(String mailboxId) {
    RecordFixture record = new RecordFixture(ParticipantView.of(ParticipantId.of(mailboxId), ParticipantRole.PARENT, "Owner"));
    record.message(RecordFixture.SAM, List.of(record.owner()), "Hello", "A message.");
    return record.exportAll();
  }

  @Test
  void oneCallWritesThePdfAndTheManifestNamedAfterTheMailboxAndTheExport() throws IOException {
    Path directory = root.resolve("exports");
    RecordExport export = RecordFixture.danasRecord().exportAll();

    RecordExports.Written written = RecordExports.write(export, directory);

    assertThat(written.pdf()).isEqualTo(directory.resolve("record-dana-export-1.pdf"));
    assertThat(written.manifest()).isEqualTo(directory.resolve("record-dana-export-1.manifest.json"));
    assertThat(Files.readAllBytes(written.manifest())).isEqualTo(RecordManifest.toBytes(export));
    try (PDDocument pdf = Loader.loadPDF(written.pdf().toFile())) {
      byte[] embedded = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
          .get(RecordPdf.MANIFEST_NAME).getEmbeddedFile().toByteArray();
      assertThat(embedded).isEqualTo(Files.readAllBytes(written.manifest()));
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).as("no temporary file left").containsExactlyInAnyOrder(written.pdf(), written.manifest());
    }
  }

  @Test
  void idsWithSlashesDotsAndOtherSeparatorsNeverLeaveTheDirectoryAndNeverShareANames() throws IOException {
    Path directory = root.resolve("exports");
    List<String> ids = List.of("../../etc/passwd", "..", ".", "a/b", "a.b", "a\\b", "C:\\Windows\\win.ini", "/abs/path",
        "~root", "dana", "Dana", "спасибо", "名前", "x".repeat(128), "x".repeat(127) + "y", "-", "a:b", "a*b?c");
    Set<Path> written = new HashSet<>();
    for (String id : ids) {
      RecordExports.Written files = RecordExports.write(exportOf(id), directory);
      for (Path path : List.of(files.pdf(), files.manifest())) {
        assertThat(path.getParent()).as(id).isEqualTo(directory);
        assertThat(path.getFileName().toString()).as(id).matches("record-[a-z0-9-]+-export-1\\.(pdf|manifest\\.json)");
        assertThat(written.add(path)).as("%s shares %s", id, path).isTrue();
      }
    }
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(Files::isRegularFile)).allMatch(p -> p.getParent().equals(directory));
    }
    assertThat(RecordExports.write(exportOf("../../etc/passwd"), root.resolve("other")).pdf().getFileName().toString())
        .matches("record-etc-passwd-[0-9a-f]{8}-export-1\\.pdf");
  }

  @Test
  void twoIdsThatMakeTheSameSafeNameAreToldApartByTheirHashAsTheFormatDocumentSays() throws IOException {
    assertThat(RecordExports.write(exportOf("a/b"), root).pdf().getFileName().toString())
        .isEqualTo("record-a-b-c14cddc0-export-1.pdf");
    assertThat(RecordExports.write(exportOf("a.b"), root).pdf().getFileName().toString())
        .isEqualTo("record-a-b-2e7336dc-export-1.pdf");
  }

  @Test
  void anExportIsWrittenOnceAndAnExistingFileIsNeverReplaced() throws IOException {
    RecordExport export = RecordFixture.danasRecord().exportAll();
    RecordExports.Written first = RecordExports.write(export, root);
    byte[] pdf = Files.readAllBytes(first.pdf());

    assertThatThrownBy(() -> RecordExports.write(export, root)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readAllBytes(first.pdf())).isEqualTo(pdf);
    try (Stream<Path> files = Files.list(root)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void theBatesPrefixKeepsSafeCharactersOfTheMailboxId() {
    assertThat(RecordPdf.batesPrefix(exportOf("dana"))).isEqualTo("CM-DANA-E1");
    assertThat(RecordPdf.batesPrefix(exportOf("noa.levi@example.org"))).isEqualTo("CM-NOA-LEVI-EXAMPLE-ORG-E1");
    assertThat(RecordPdf.batesPrefix(exportOf("../../etc/passwd"))).isEqualTo("CM-ETC-PASSWD-E1");
    assertThat(RecordPdf.batesPrefix(exportOf("x".repeat(100)))).isEqualTo("CM-" + "X".repeat(24) + "-E1");
    assertThat(RecordPdf.batesPrefix(exportOf("名前"))).matches("CM-[0-9A-F]{8}-E1");
  }
}
