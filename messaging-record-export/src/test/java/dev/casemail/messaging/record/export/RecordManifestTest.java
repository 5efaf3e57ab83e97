package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.record.RecordEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecordManifestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aManifestReadsBackAsExactlyTheExportItWasWrittenFromForEveryKindOfEntryAndEveryScope() throws IOException {
    RecordFixture record = RecordFixture.danasRecord();
    RecordExport all = record.exportAll();
    RecordExport period = record.export(
        RecordScope.between(Instant.parse("2026-03-02T08:40:00Z"), Instant.parse("2026-03-02T09:30:00Z")),
        Optional.of("Family Court, case FD-2026-0117, order of 2 March 2026"));
    RecordExport counterpart = record.export(RecordScope.with(RecordFixture.SAM.id()), Optional.empty());

    for (RecordExport export : List.of(all, period, counterpart)) {
      assertThat(RecordManifest.read(RecordManifest.toBytes(export))).isEqualTo(export);
    }
    Set<String> kinds = all.entries().stream().map(e -> ManifestRules.kind(e.entry().content())).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder("message", "firstView", "accessEvent", "export");
    assertThat(period.export().courtOrder()).isPresent();
    assertThat(counterpart.previousHead()).isPresent();
    assertThat(counterpart.consistencyProof()).isNotEmpty();
    assertThat(period.timestampToken()).isPresent();
  }

  @Test
  void everythingAnEntrysBytesCoverSurvivesTheRoundTripSoItsLeafHashCanBeRecomputed() throws IOException {
    RecordFixture record = new RecordFixture(RecordFixture.DANA);
    record.systemMessage(MessageKind.ACTION_ITEM, "Access request", "Dr. Ruth Okafor asks for access.");
    record.systemMessage(MessageKind.NOTIFICATION, "A journal entry was shared with you", "");
    record.message(RecordFixture.DANA, List.of(RecordFixture.SAM), "Документы · 書類 · مستندات · מסמכים 📎",
        "Line one\r\nLine two\rLine three\n\tindented\u00a0with nbsp, \u200bzero width, \u202eoverride\u202c, "
            + "e\u0301 combining, 👨‍👩‍👧 family emoji, \"quotes\" and \\ backslash", Optional.empty(),
        List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));
    record.add(new RecordedMessage(MessageId.of(Long.MAX_VALUE), ThreadId.of(Long.MAX_VALUE), MessageKind.AUTO_REPLY,
        Optional.of(RecordFixture.SAM), List.of(RecordFixture.DANA), "Away", "Back on Monday.",
        Instant.parse("2026-03-02T10:00:00.123456789Z"), Optional.of(MessageId.of(1)), List.of()));
    record.add(new RecordedFirstView(MessageId.of(Long.MAX_VALUE), RecordFixture.DANA.id(), InputRules.MAX_INSTANT));
    record.add(new RecordedFirstView(MessageId.of(1), ParticipantId.of("../../etc/passwd"), InputRules.MIN_INSTANT));
    record.access(ParticipantId.of("lawyer/1.2"), RecordFixture.DANA.id(), 3, AccessStatus.BLOCKED, RecordFixture.DANA.id());
    RecordExport export = record.exportAll();

    RecordExport read = RecordManifest.read(RecordManifest.toBytes(export));

    assertThat(read).isEqualTo(export);
    for (ProvenEntry entry : read.entries()) {
      assertThat(RecordEncoding.hex(RecordEncoding.leafHash(entry.entry())))
          .as("entry %d re-encoded from the manifest", entry.entry().index())
          .isEqualTo(entry.leafHash());
    }
  }

  @Test
  void theSameExportIsAlwaysWrittenAsTheSameBytes() throws IOException {
    RecordExport export = RecordFixture.danasRecord().exportAll();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordManifest.write(export, out);
    assertThat(out.toByteArray()).isEqualTo(RecordManifest.toBytes(export));
  }

  @Test
  void theManifestSaysWhatTheFormatDocumentSays() throws IOException {
    RecordFixture record = RecordFixture.danasRecord();
    record.exportAll();
    RecordExport export = record.export(RecordScope.with(RecordFixture.MEDIATOR.id()), Optional.of("FD-2026-0117"));
    String text = new String(RecordManifest.toBytes(export), StandardCharsets.UTF_8);
    JsonNode manifest = JSON.readTree(text);

    assertThat(text).startsWith("{\n  \"format\": \"casemail-record-manifest/1\",\n").endsWith("}\n");
    assertThat(manifest.get("recordEncoding").intValue()).isEqualTo(1);
    assertThat(manifest.get("mailbox").toString()).isEqualTo("{\"id\":\"dana\",\"role\":\"PARENT\",\"name\":\"Dana Whitfield\"}");
    assertThat(manifest.at("/export/number").intValue()).isEqualTo(2);
    assertThat(manifest.at("/export/scope").toString()).isEqualTo("{\"kind\":\"COUNTERPART\",\"counterpart\":\"mediator-7\"}");
    assertThat(manifest.at("/export/courtOrder").textValue()).isEqualTo("FD-2026-0117");
    assertThat(manifest.at("/head/signedAt").textValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
    assertThat(manifest.at("/head/keyId").textValue()).hasSize(64);
    assertThat(manifest.at("/consistency/0/earlier/size").isIntegralNumber()).isTrue();
    assertThat(manifest.has("timestampToken")).isTrue();
    JsonNode message = null;
    for (JsonNode entry : manifest.get("entries")) {
      if (entry.get("kind").textValue().equals("message")) {
        message = entry;
        break;
      }
    }
    assertThat(message).isNotNull();
    assertThat(message.get("id").isTextual()).as("message ids are decimal strings").isTrue();
    assertThat(message.get("thread").isTextual()).isTrue();
    assertThat(message.get("index").isIntegralNumber()).isTrue();
    assertThat(message.get("messageKind").textValue()).isEqualTo("PERSONAL");
    assertThat(message.get("sender").get("role").textValue()).isIn("PARENT", "PRACTITIONER");
    assertThat(message.get("leafHash").textValue()).matches("[0-9a-f]{64}");
    assertThat(message.get("inclusionProof").isArray()).isTrue();
    List<String> fields = iterable(message.fieldNames());
    assertThat(fields).startsWith("index", "kind").endsWith("leafHash", "inclusionProof");
  }

  @Test
  void anAbsentOptionalValueIsLeftOutNotWrittenAsNull() throws IOException {
    RecordFixture record = new RecordFixture(RecordFixture.DANA);
    record.systemMessage(MessageKind.NOTIFICATION, "Shared", "A journal entry was shared with you.");
    JsonNode manifest = JSON.readTree(RecordManifest.toBytes(record.exportAll()));
    assertThat(manifest.get("consistency").size()).isZero();
    assertThat(manifest.has("timestampToken")).isFalse();

    assertThat(manifest.at("/export").has("courtOrder")).isFalse();
    assertThat(manifest.at("/entries/0").has("sender")).isFalse();
    assertThat(manifest.at("/entries/0").has("inReplyTo")).isFalse();
    assertThat(manifest.toString()).doesNotContain("null");
  }

  // --- what the reader refuses ---

  @Test
  void inputThatIsNotJsonIsRefused() {
    assertRefused("{\"format\": ", "", "is not JSON");
    assertRefused("", "", "is empty");
    assertRefused("[1, 2]", "", "must be a JSON object");
    assertRefused("{\"format\": \"casemail-record-manifest/1\"} {}", "", "is not JSON");
  }

  @Test
  void anotherFormatOrVersionIsRefusedBeforeAnythingElse() {
    assertRefused(edit(m -> m.put("format", "casemail-record-manifest/3")), "/format",
        "must be casemail-record-manifest/2 or casemail-record-manifest/1");
    assertRefused(edit(m -> m.remove("format")), "/format", "is required");
    assertRefused(edit(m -> {
      m.put("format", "something-else");
      m.put("surprise", 1);
    }), "/format", "versions 1 and 2 of the manifest format only");
    assertRefused(edit(m -> m.put("recordEncoding", 2)), "/recordEncoding", "must be 1");
  }

  @Test
  void aMissingUnknownNullOrDuplicateFieldIsRefusedNamingIt() {
    assertRefused(edit(m -> entry(m, 0).remove("leafHash")), "/entries/0/leafHash", "is required");
    assertRefused(edit(m -> ((ObjectNode) m.get("head")).remove("signature")), "/head/signature", "is required");
    assertRefused(edit(m -> entry(m, 0).put("comment", "hello")), "/entries/0/comment", "is not a field");
    assertRefused(edit(m -> m.put("extra/field", true)), "/extra~1field", "is not a field");
    assertRefused(edit(m -> ((ObjectNode) m.get("export")).putNull("courtOrder")), "/export/courtOrder", "must not be null");
    String duplicated = new String(manifestBytes(), StandardCharsets.UTF_8)
        .replaceFirst("\"recordEncoding\": 1,", "\"recordEncoding\": 1, \"recordEncoding\": 1,");
    assertRefused(duplicated, "", "Duplicate field 'recordEncoding'");
  }

  @Test
  void badHexBadBase64AndBadTimesAreRefused() {
    assertRefused(edit(m -> entry(m, 0).put("leafHash", "ABCDEF")), "/entries/0/leafHash", "64 lowercase hex digits");
    String upper = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
    assertRefused(edit(m -> ((ObjectNode) m.get("head")).put("rootHash", upper)), "/head/rootHash", "lowercase hex");
    String oneLetterPastF = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g";
    assertRefused(edit(m -> entry(m, 0).put("leafHash", oneLetterPastF)), "/entries/0/leafHash", "64 lowercase hex digits");
    assertRefused(edit(m -> entry(m, 0).put("leafHash", oneLetterPastF.substring(1) + "00")), "/entries/0/leafHash",
        "64 lowercase hex digits");
    assertRefused(edit(m -> ((ArrayNode) entry(m, 1).get("inclusionProof")).set(0, JSON.getNodeFactory().textNode("zz"))),
        "/entries/1/inclusionProof/0", "64 lowercase hex digits");
    assertRefused(edit(m -> ((ArrayNode) entry(m, 1).get("inclusionProof")).set(0, JSON.getNodeFactory().numberNode(7))),
        "/entries/1/inclusionProof/0", "must be a JSON string");
    assertRefused(edit(m -> ((ObjectNode) m.get("head")).put("signature", "not base64!")), "/head/signature", "base64");
    assertRefused(edit(m -> ((ObjectNode) m.get("head")).put("signedAt", "2026-03-02T10:00:00+01:00")),
        "/head/signedAt", "ISO-8601 UTC");
    assertRefused(edit(m -> ((ObjectNode) m.get("head")).put("signedAt", "2026-13-02T10:00:00Z")),
        "/head/signedAt", "not a valid time");
    assertRefused(edit(m -> ((ObjectNode) m.get("export")).put("exportedAt", "yesterday")), "/export/exportedAt", "ISO-8601");
  }

  @Test
  void numbersAndIdsOfTheWrongShapeAreRefused() {
    int message = indexOfKind("message");
    assertRefused(edit(m -> entry(m, message).put("id", 1000000001L)), "/entries/" + message + "/id", "must be a JSON string");
    assertRefused(edit(m -> entry(m, message).put("id", "01000000001")), "/entries/" + message + "/id", "decimal digits");
    assertRefused(edit(m -> entry(m, message).put("thread", "-5")), "/entries/" + message + "/thread", "decimal digits");
    assertRefused(edit(m -> entry(m, message).put("id", "9999999999999999999")), "/entries/" + message + "/id", "at most");
    assertRefused(edit(m -> entry(m, 0).put("index", -1)), "/entries/0/index", "must be from 0");
    assertRefused(edit(m -> entry(m, 0).put("index", "0")), "/entries/0/index", "whole JSON number");
    assertRefused(edit(m -> entry(m, 0).put("index", 1.5)), "/entries/0/index", "whole JSON number");
    assertRefused(edit(m -> ((ObjectNode) m.get("export")).put("number", 0)), "/export/number", "must be from 1");
  }

  @Test
  void valuesTheRecordsRulesRefuseAreRefusedWithWhere() {
    int message = indexOfKind("message");
    assertRefused(edit(m -> entry(m, 0).put("kind", "note")), "/entries/0/kind", "must be one of message, firstView");
    assertRefused(edit(m -> entry(m, 0).put("kind", 1)), "/entries/0/kind", "must be a JSON string");
    assertRefused(edit(m -> entry(m, 0).remove("kind")), "/entries/0/kind", "is required");
    assertRefused(edit(m -> entry(m, message).put("messageKind", "personal")), "/entries/" + message + "/messageKind",
        "must be one of PERSONAL, ACTION_ITEM, NOTIFICATION, AUTO_REPLY");
    assertRefused(edit(m -> ((ObjectNode) m.get("mailbox")).put("id", " dana")), "/mailbox/id", "is refused by the record's rules");
    assertRefused(edit(m -> ((ArrayNode) entry(m, message).get("recipients")).removeAll()), "/entries/" + message,
        "recipients must hold 1 to 50");
    assertRefused(edit(m -> ((ObjectNode) m.at("/export/scope")).put("kind", "PERIOD")), "/export/scope",
        "a period, and only a period, has a start and an end");
    // written as the JSON escape: a Java string's lone surrogate would not survive its encoding as UTF-8
    assertRefused(edit(m -> entry(m, message).put("body", "LONE lone")).replace("LONE", "\\ud800"),
        "/entries/" + message + "/body", "unpaired surrogate");
  }

  // --- what the writer refuses ---

  @Test
  void theWriterRefusesWhatTheReaderWouldRefuseRatherThanWriteAManifestNobodyCanRead() {
    RecordExport export = RecordFixture.danasRecord().exportAll();
    ProvenEntry first = export.entries().get(0);

    RecordExport badHash = withEntries(export, List.of(new ProvenEntry(first.entry(), "ABC", first.inclusionProof())));
    assertThatThrownBy(() -> RecordManifest.toBytes(badHash))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entries[0].leafHash");

    RecordEntry foreign = new RecordEntry(RecordFixture.SAM.id(), 0, first.entry().content());
    RecordExport foreignEntry = withEntries(export, List.of(new ProvenEntry(foreign, first.leafHash(), first.inclusionProof())));
    assertThatThrownBy(() -> RecordManifest.toBytes(foreignEntry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is in the record of sam");

    RecordedMessage lone = new RecordedMessage(MessageId.of(5), ThreadId.of(5), MessageKind.PERSONAL, Optional.empty(),
        List.of(RecordFixture.DANA), "subject", "body \udc00", Instant.EPOCH, Optional.empty(), List.of());
    RecordExport loneSurrogate = withEntries(export,
        List.of(new ProvenEntry(new RecordEntry(RecordFixture.DANA.id(), 0, lone), first.leafHash(), List.of())));
    assertThatThrownBy(() -> RecordManifest.toBytes(loneSurrogate))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entries[0].body must not hold an unpaired surrogate");
  }

  private static RecordExport withEntries(RecordExport export, List<ProvenEntry> entries) {
    return new RecordExport(export.mailbox(), export.export(), export.head(), export.consistency(),
        entries, export.timestampToken());
  }

  private static byte[] manifestBytes() {
    RecordFixture record = RecordFixture.danasRecord();
    return RecordManifest.toBytes(record.exportAll());
  }

  private static int indexOfKind(String kind) {
    try {
      JsonNode entries = JSON.readTree(manifestBytes()).get("entries");
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).get("kind").textValue().equals(kind)) {
          return i;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no " + kind);
  }

  private static ObjectNode entry(ObjectNode manifest, int i) {
    return (ObjectNode) manifest.get("entries").get(i);
  }

  private static String edit(Consumer<ObjectNode> change) {
    try {
      ObjectNode manifest = (ObjectNode) JSON.readTree(manifestBytes());
      change.accept(manifest);
      return JSON.writeValueAsString(manifest);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertRefused(String manifest, String pointer, String rule) {
    assertThatThrownBy(() -> RecordManifest.read(manifest.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(RecordManifestException.class, e -> {
          assertThat(e.pointer()).isEqualTo(pointer);
          assertThat(e.getMessage()).contains(rule);
        });
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
