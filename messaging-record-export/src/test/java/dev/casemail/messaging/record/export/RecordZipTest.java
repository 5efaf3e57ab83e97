package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.blob.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ZIP of an export's files beside its PDF: what it holds, under which names, and what it refuses. */
class RecordZipTest {

  static final String PASSWD = "../../etc/passwd";
  static final String DRIVE = "C:\\x";
  static final String BIDI = "invoice\u202Efdp.exe";
  static final String LONG = "a".repeat(290) + ".pdf.docx";

  @TempDir
  Path directory;

  private final Map<ContentHash, byte[]> contents = new HashMap<>();

  @Test
  void theZipHoldsTheManifestAndEachFileWhoseSha256IsTheManifestsHash() throws IOException {
    RecordExport export = exportWith(List.of("School report, spring term.pdf", "scan.png"), List.of("Notes.txt"));

    Path zip = RecordExports.writeZip(export, directory, hash -> new ByteArrayInputStream(contents.get(hash)));

    assertThat(zip.getFileName().toString()).isEqualTo(Names.fileStem(export) + ".files.zip");
    Map<String, byte[]> entries = read(zip);
    assertThat(entries.keySet()).first().isEqualTo("manifest.json");
    assertThat(entries.get("manifest.json")).isEqualTo(RecordManifest.toBytes(export));
    RecordExport manifest = RecordManifest.read(entries.get("manifest.json"));
    List<String> hashes = new ArrayList<>();
    for (ProvenEntry proven : manifest.entries()) {
      if (proven.entry().content() instanceof RecordedMessage message) {
        hashes.addAll(message.attachments());
      }
    }
    List<String> files = entries.keySet().stream().filter(n -> !n.equals("manifest.json")).toList();
    assertThat(files).hasSize(3).allSatisfy(n -> assertThat(n).startsWith("files/entry-"));
    assertThat(files.stream().map(n -> sha256(entries.get(n))).toList()).containsExactlyElementsOf(hashes);
    long index = indexOf(export, 901);
    assertThat(files).contains(String.format("files/entry-%06d-1-School_report,_spring_term.pdf", index),
        String.format("files/entry-%06d-2-scan.png", index));
  }

  @Test
  void hostileNamesGiveSafeDistinctEntryNames() throws IOException {
    List<String> hostile = List.of(PASSWD, DRIVE, BIDI, LONG, "..", ".hidden", "CON", "a/b\\c:d*e?f\"g<h>i|j", "e\u0301t\u00e9.txt",
        "\u0000\u0007 tab\tnew\nline");
    RecordExport export = exportWith(hostile.subList(0, 5), hostile.subList(5, hostile.size()));

    Path zip = RecordExports.writeZip(export, directory, hash -> new ByteArrayInputStream(contents.get(hash)));

    List<String> names = new ArrayList<>(read(zip).keySet());
    names.remove("manifest.json");
    assertThat(names).hasSize(hostile.size()).doesNotHaveDuplicates();
    for (String name : names) {
      assertThat(name).startsWith("files/entry-");
      String last = name.substring("files/".length());
      assertThat(last).doesNotContain("/", "\\", ":", "..", "\u202E", "\u0000", "\n", "\t", "*", "?", "\"", "<", ">", "|")
          .doesNotStartWith(".");
      assertThat(last.length()).isLessThanOrEqualTo("entry-000000-10-".length() + ExportedFiles.MAX_NAME);
      assertThat(directory.resolve(name).normalize().startsWith(directory)).isTrue();
      assertThat(Path.of(last).isAbsolute()).isFalse();
    }
    assertThat(ExportedFiles.safeName(PASSWD)).isEqualTo("etc_passwd");
    assertThat(ExportedFiles.safeName(DRIVE)).isEqualTo("C_x");
    assertThat(ExportedFiles.safeName(BIDI)).isEqualTo("invoice_fdp.exe");
    assertThat(ExportedFiles.safeName(LONG)).hasSize(ExportedFiles.MAX_NAME).startsWith("aaaa").endsWith(".docx");
    assertThat(ExportedFiles.safeName("..")).isEqualTo("file");
    assertThat(ExportedFiles.safeName("e\u0301t\u00e9.txt")).isEqualTo("\u00e9t\u00e9.txt");
  }

  @Test
  void contentWhoseHashIsNotTheExportsFailsAndLeavesNothing() throws IOException {
    RecordExport export = exportWith(List.of("a.pdf"), List.of());

    assertThatThrownBy(() -> RecordExports.writeZip(export, directory,
        hash -> new ByteArrayInputStream("other bytes".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("not the export's");

    try (var left = Files.list(directory)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aZipIsWrittenOnceAndTheContentIsStreamedAndClosed() throws IOException {
    RecordExport export = exportWith(List.of("a.pdf"), List.of());
    List<Boolean> closed = new ArrayList<>();
    RecordExports.Content content = hash -> new ByteArrayInputStream(contents.get(hash)) {
      @Override
      public void close() throws IOException {
        closed.add(true);
        super.close();
      }
    };
    RecordExports.writeZip(export, directory, content);
    assertThat(closed).containsExactly(true);

    assertThatThrownBy(() -> RecordExports.writeZip(export, directory, content))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  /** A record of Dana's with a message without files, Sam's message 901 carrying {@code first} and Sam's 902 carrying {@code second}. */
  private RecordExport exportWith(List<String> first, List<String> second) {
    RecordFixture record = new RecordFixture(RecordFixture.DANA);
    record.message(RecordFixture.SAM, List.of(RecordFixture.DANA), "Hello", "No file.");
    record.add(message(901, first));
    if (!second.isEmpty()) {
      record.add(message(902, second));
    }
    return record.exportAll();
  }

  private RecordedMessage message(long id, List<String> names) {
    List<AttachmentView> files = new ArrayList<>();
    for (String name : names) {
      byte[] bytes = ("the file " + name + " of message " + id).getBytes(StandardCharsets.UTF_8);
      ContentHash hash = ContentHash.of(sha256(bytes));
      contents.put(hash, bytes);
      files.add(AttachmentView.builder().name(name).contentType("application/pdf").size(bytes.length).hash(hash).build());
    }
    return new RecordedMessage(MessageId.of(id), ThreadId.of(id), MessageKind.PERSONAL, Optional.of(RecordFixture.SAM),
        List.of(RecordFixture.DANA), "Files", "", Instant.parse("2026-03-02T11:00:00Z").plusSeconds(id), Optional.empty(),
        files.stream().map(f -> f.hash().hex()).toList(), files);
  }

  private static long indexOf(RecordExport export, long messageId) {
    return export.entries().stream()
        .filter(e -> e.entry().content() instanceof RecordedMessage m && m.id().equals(MessageId.of(messageId)))
        .findFirst().orElseThrow().entry().index();
  }

  private static Map<String, byte[]> read(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
      for (ZipEntry entry = entriesIn.getNextEntry(); entry != null; entry = entriesIn.getNextEntry()) {
        if (entries.put(entry.getName(), entriesIn.readAllBytes()) != null) {
          throw new AssertionError("two entries named " + entry.getName());
        }
      }
    }
    return entries;
  }

  static String sha256(byte[] bytes) {
    try {
      return ContentHash.ofDigest(MessageDigest.getInstance("SHA-256").digest(bytes)).hex();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
