package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.blob.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A message's files in an export: by name, detected type, size and hash in the manifest (version 2)
 * and in the PDF; an export whose messages know their files by hash alone written as version 1, as
 * before; and what the reader refuses of the new list.
 */
class RecordFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String REPORT_HASH = "e186fe30a61ac94bfdf71cfb9b758f03663e8bac483bf98f1da25bb4f0b977ef";
  static final String SCAN_HASH = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  static final List<AttachmentView> FILES = List.of(
      file("School report, spring term.pdf", "application/pdf", 1056, REPORT_HASH),
      file("מסמך · scan ■ [U+0041].png", "image/png", 1, SCAN_HASH));

  static AttachmentView file(String name, String type, long size, String hash) {
    return AttachmentView.builder().name(name).contentType(type).size(size).hash(ContentHash.of(hash)).build();
  }

  /** Dana's record with one more message from Sam carrying {@link #FILES}. */
  static RecordExport exportWithFiles() {
    RecordFixture record = RecordFixture.danasRecord();
    record.add(withFiles(FILES));
    return record.exportAll();
  }

  private static RecordedMessage withFiles(List<AttachmentView> files) {
    return new RecordedMessage(MessageId.of(900), ThreadId.of(900), MessageKind.PERSONAL, Optional.of(RecordFixture.SAM),
        List.of(RecordFixture.DANA), "School report", "Here it is.", Instant.parse("2026-03-02T11:00:00.000100Z"),
        Optional.empty(), files.stream().map(f -> f.hash().hex()).toList(), files);
  }

  @Test
  void aMessagesFilesAreInTheManifestByNameTypeSizeAndHashAndReadBackExactly() throws IOException {
    RecordExport export = exportWithFiles();
    byte[] manifest = RecordManifest.toBytes(export);

    JsonNode root = JSON.readTree(manifest);
    assertThat(root.get("format").textValue()).isEqualTo("casemail-record-manifest/2");
    JsonNode entry = message(root, "900");
    assertThat(fieldNames(entry)).containsSubsequence("attachments", "files", "leafHash");
    assertThat(entry.get("files").get(0).toString()).isEqualTo("{\"name\":\"School report, spring term.pdf\","
        + "\"type\":\"application/pdf\",\"size\":1056,\"sha256\":\"" + REPORT_HASH + "\"}");
    RecordExport read = RecordManifest.read(manifest);
    assertThat(read).isEqualTo(export);
    assertThat(((RecordedMessage) read.entries().stream().filter(e -> e.entry().content() instanceof RecordedMessage m
        && m.id().equals(MessageId.of(900))).findFirst().orElseThrow().entry().content()).files()).isEqualTo(FILES);
  }

  @Test
  void anExportWhoseMessagesKnowTheirFilesByHashAloneIsWrittenAsVersionOneAsBefore() throws IOException {
    RecordFixture record = RecordFixture.danasRecord();
    record.message(RecordFixture.SAM, List.of(RecordFixture.DANA), "Scan", "", Optional.empty(), List.of(SCAN_HASH));
    RecordExport export = record.exportAll();

    byte[] manifest = RecordManifest.toBytes(export);

    assertThat(new String(manifest, StandardCharsets.UTF_8)).startsWith("{\n  \"format\": \"casemail-record-manifest/1\",")
        .doesNotContain("\"files\"");
    assertThat(RecordManifest.read(manifest)).isEqualTo(export);
    ExtractedText text = RecordPdfTest.extracted(RecordPdfTest.pdf(export));
    assertThat(text.entries.values()).anySatisfy(e -> assertThat(RecordPdfTest.says(e.text(),
        "Attachments SHA-256 " + EntryBlocks.grouped(SCAN_HASH) + " Subject Scan")).isTrue());
  }

  @Test
  void thePdfShowsEachFilesNameThenItsTypeSizeAndHashAndSaysWhatEntryTextSays() throws IOException {
    RecordExport export = exportWithFiles();
    byte[] pdf = RecordPdfTest.pdf(export);
    ExtractedText text = RecordPdfTest.extracted(pdf);

    var proven = export.entries().stream()
        .filter(e -> e.entry().content() instanceof RecordedMessage m && m.id().equals(MessageId.of(900)))
        .findFirst().orElseThrow();
    ExtractedText.Entry shown = text.entries.get(proven.entry().index());
    assertThat(shown.lines()).containsSubsequence("First viewed Dana Whitfield (parent, dana): never",
        "Attachments School report, spring term.pdf",
        "application/pdf · 1,056 bytes",
        "SHA-256 " + EntryBlocks.grouped(REPORT_HASH),
        "image/png · 1 byte",
        "SHA-256 " + EntryBlocks.grouped(SCAN_HASH),
        "Subject School report");
    assertThat(RecordPdfTest.says(shown.text(), "מסמך · scan ■ [U+0041].png image/png · 1 byte SHA-256 "
        + EntryBlocks.grouped(SCAN_HASH) + " Subject School report")).isTrue();
    String expected = RecordPdfText.entryText(export, proven, RecordPdf.batesPrefix(export) + "-" + pageOf(shown));
    assertThat(RecordPdfText.comparable(shown.text())).isEqualTo(RecordPdfText.comparableRecorded(expected));
  }

  @Test
  void theReaderRefusesFilesThatDoNotMatchTheHashesOrAreNotOfVersionTwo() throws IOException {
    byte[] manifest = RecordManifest.toBytes(exportWithFiles());
    assertRefused(manifest, e -> ((ObjectNode) e.get("files").get(1)).put("sha256", REPORT_HASH),
        "/files/1/sha256", "must be the hash of attachment 1");
    assertRefused(manifest, e -> ((ArrayNode) e.get("files")).remove(1), "/files", "must describe each of the 2");
    assertRefused(manifest, e -> ((ObjectNode) e.get("files").get(0)).put("size", -1), "/files/0/size", "must be from 0");
    assertRefused(manifest, e -> ((ObjectNode) e.get("files").get(0)).put("path", "/etc/passwd"), "/files/0/path",
        "is not a field of version 2");
    assertRefused(manifest, e -> ((ObjectNode) e.get("files").get(0)).put("name", ""), "/files/0/name", "must not be empty");
    assertRefused(manifest, e -> ((ObjectNode) e.get("files").get(0)).remove("type"), "/files/0/type", "is required");
    // version 1 has no list of files
    ObjectNode root = (ObjectNode) JSON.readTree(manifest);
    root.put("format", "casemail-record-manifest/1");
    assertThatThrownBy(() -> RecordManifest.read(JSON.writeValueAsBytes(root)))
        .isInstanceOf(RecordManifestException.class)
        .hasMessageContaining("files")
        .hasMessageContaining("is not a field of version 1");
    root.put("format", "casemail-record-manifest/3");
    assertThatThrownBy(() -> RecordManifest.read(JSON.writeValueAsBytes(root)))
        .isInstanceOf(RecordManifestException.class)
        .hasMessageContaining("reads versions 1 and 2 of the manifest format only");
  }

  @Test
  void aRecordedMessageRefusesFilesWhoseHashesAreNotItsAttachments() {
    assertThatThrownBy(() -> new RecordedMessage(MessageId.of(1), ThreadId.of(1), MessageKind.PERSONAL,
        Optional.of(RecordFixture.SAM), List.of(RecordFixture.DANA), "s", "", Instant.EPOCH, Optional.empty(),
        List.of(SCAN_HASH, REPORT_HASH), FILES))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("file 0 (School report, spring term.pdf)");
    assertThatThrownBy(() -> new RecordedMessage(MessageId.of(1), ThreadId.of(1), MessageKind.PERSONAL,
        Optional.of(RecordFixture.SAM), List.of(RecordFixture.DANA), "s", "", Instant.EPOCH, Optional.empty(),
        List.of(REPORT_HASH), FILES))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must describe each of the 1 attachments");
    assertThat(new RecordedMessage(MessageId.of(1), ThreadId.of(1), MessageKind.PERSONAL, Optional.of(RecordFixture.SAM),
        List.of(RecordFixture.DANA), "s", "", Instant.EPOCH, Optional.empty(), List.of(REPORT_HASH)).files()).isEmpty();
  }

  private static String pageOf(ExtractedText.Entry entry) {
    return String.format("%06d", entry.page());
  }

  private static JsonNode message(JsonNode root, String id) {
    for (JsonNode entry : root.get("entries")) {
      if (entry.get("kind").textValue().equals("message") && entry.get("id").textValue().equals(id)) {
        return entry;
      }
    }
    throw new AssertionError("no message " + id);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertRefused(byte[] manifest, Consumer<ObjectNode> edit, String pointerEnd, String rule)
      throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(manifest);
    edit.accept((ObjectNode) message(root, "900"));
    assertThatThrownBy(() -> RecordManifest.read(JSON.writeValueAsBytes(root)))
        .isInstanceOfSatisfying(RecordManifestException.class, e -> {
          assertThat(e.pointer()).endsWith(pointerEnd);
          assertThat(e.rule()).contains(rule);
        });
  }
}
