package dev.casemail.messaging.record.verifier;

import static dev.casemail.messaging.record.verifier.HostRecord.DANA;
import static dev.casemail.messaging.record.verifier.HostRecord.LEE;
import static dev.casemail.messaging.record.verifier.HostRecord.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.record.export.RecordExports;
import dev.casemail.messaging.record.export.RecordManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verifier against exports a host really made (the in-memory adapter, a key the test holds, {@link
 * RecordExports#write}): every genuine export verifies, alone, from its manifest, beside its manifest and
 * against an earlier one; every check of {@link Check} fails, and is named, when what it checks is
 * broken; hostile files end in a FAILED verdict, never an exception.
 */
class RecordVerifierTest {

  @TempDir
  static Path directory;

  static final KeyPair KEYS = HostRecord.newKeys();
  static final KeyPair OTHER_KEYS = HostRecord.newKeys();

  /** Dana's three exports: 1 hers, of everything; 2 the host's under a court order; 3 hers, with Sam. */
  static RecordExport first;
  static RecordExport second;
  static RecordExport third;
  static RecordExports.Written firstFiles;
  static RecordExports.Written secondFiles;
  static RecordExports.Written thirdFiles;
  static Path key;

  @BeforeAll
  static void danaExportsHerRecordThreeTimes() {
    HostRecord host = HostRecord.danas(KEYS);
    first = host.exportAll();
    MessageView documents = host.send(DANA, "Documents for the session", "Attached are the school reports.", LEE);
    host.tick();
    host.as(LEE).open(documents.id());
    host.tick();
    second = host.messaging.exportRecord(DANA, RecordScope.all(), "Family Court FD-2026-0117");
    host.tick();
    MessageView holidays = host.send(SAM, "Holidays", "Can we swap the first week of the Easter holidays?", DANA);
    host.tick();
    host.as(DANA).open(holidays.id());
    host.tick();
    third = host.as(DANA).exportRecord(RecordScope.with(SAM));
    firstFiles = HostRecord.write(first, directory);
    secondFiles = HostRecord.write(second, directory);
    thirdFiles = HostRecord.write(third, directory);
    key = HostRecord.publicKeyPem(KEYS, directory.resolve("host-record-key.pem"));
  }

  // --- genuine exports

  @Test
  void aGenuineExportVerifiesAndTheSummarySaysWhatWasProven() throws IOException {
    Verdict verdict = RecordVerifier.verify(thirdFiles.pdf(), key, Optional.empty(), Optional.empty());

    assertThat(verdict.verified()).as(verdict.summary()).isTrue();
    assertThat(verdict.exitCode()).isZero();
    assertThat(verdict.failedCheck()).isEmpty();
    assertThat(verdict.failedEntry()).isEmpty();
    assertThat(verdict.summary())
        .startsWith("OK: export 3 of the record of dana (Dana Whitfield): ")
        .contains(third.entries().size() + " of " + third.head().size() + " entries proven against head "
            + third.head().size())
        .contains("by key " + RecordSigners.keyId(KEYS.getPublic()).substring(0, 16))
        .contains("consistent with 2 earlier exports")
        .contains("not time-stamped")
        .contains("PDF text matches (")
        .doesNotContain("\n");
  }

  @Test
  void theCommandPrintsOneOkLineAndExitsWithZero() {
    Run run = Run.command("verify", thirdFiles.pdf().toString(), "--key", key.toString(), "--json",
        thirdFiles.manifest().toString());

    assertThat(run.code).as(run.err).isEqualTo(VerifierCommand.VERIFIED);
    assertThat(run.out.lines()).singleElement().asString()
        .startsWith("OK: export 3 of the record of dana")
        .endsWith("; " + thirdFiles.manifest() + " is the embedded manifest");
    assertThat(run.err).isEmpty();
  }

  static Stream<Arguments> everyExport() {
    return Stream.of(Arguments.of(1, firstFiles, "the first export of this record"),
        Arguments.of(2, secondFiles, "consistent with 1 earlier export;"),
        Arguments.of(3, thirdFiles, "consistent with 2 earlier exports;"));
  }

  @ParameterizedTest(name = "export {0}")
  @MethodSource("everyExport")
  void everyExportOfTheRecordVerifiesFromItsPdfAndFromItsManifest(int number, RecordExports.Written files, String consistency)
      throws IOException {
    Verdict pdf = RecordVerifier.verify(files.pdf(), key, Optional.empty(), Optional.empty());
    Verdict manifest = RecordVerifier.verify(files.manifest(), key, Optional.empty(), Optional.empty());

    assertThat(pdf.verified()).as(pdf.summary()).isTrue();
    assertThat(pdf.summary()).startsWith("OK: export " + number + " of the record of dana").contains(consistency);
    assertThat(manifest.verified()).as(manifest.summary()).isTrue();
    assertThat(manifest.summary()).contains("PDF text not checked: " + files.manifest() + " is a manifest, not the PDF");
  }

  @Test
  void theCourtOrderOfTheHostsExportIsInItsSummary() throws IOException {
    Verdict verdict = RecordVerifier.verify(secondFiles.pdf(), key, Optional.empty(), Optional.empty());

    assertThat(verdict.summary()).contains("export 2 of the record of dana (Dana Whitfield), under court order "
        + "Family Court FD-2026-0117: ");
  }

  @Test
  void anEarlierExportTheReaderKeptIsExtendedByTheLaterOne() throws IOException {
    Verdict fromFirst = RecordVerifier.verify(thirdFiles.pdf(), key, Optional.of(firstFiles.pdf()), Optional.empty());
    Verdict fromSecond = RecordVerifier.verify(thirdFiles.pdf(), key, Optional.of(secondFiles.manifest()), Optional.empty());
    Verdict fromItself = RecordVerifier.verify(thirdFiles.pdf(), key, Optional.of(thirdFiles.manifest()), Optional.empty());

    assertThat(fromFirst.verified()).as(fromFirst.summary()).isTrue();
    assertThat(fromFirst.summary()).contains("extends " + firstFiles.pdf() + " (export 1, head " + first.head().size() + ")");
    assertThat(fromSecond.verified()).as(fromSecond.summary()).isTrue();
    assertThat(fromSecond.summary()).contains("extends " + secondFiles.manifest() + " (export 2, head "
        + second.head().size() + ")");
    assertThat(fromItself.verified()).as(fromItself.summary()).isTrue();
  }

  @Test
  void theLaterExportGivenAsTheEarlierFails() throws IOException {
    Verdict verdict = RecordVerifier.verify(firstFiles.pdf(), key, Optional.of(thirdFiles.pdf()), Optional.empty());

    assertFailed(verdict, Check.PREVIOUS, "has a larger head");
  }

  // --- every check, broken

  /** One broken input: what is done to the third export (or its PDF), and the check that must catch it. */
  record Broken(String what, Check check, boolean aboutAnEntry, String says, Breaking breaking) {
    @Override
    public String toString() {
      return what;
    }
  }

  interface Breaking {
    Verdict verify() throws IOException;
  }

  static Stream<Broken> brokenInputs() {
    return Stream.of(
        new Broken("an unreadable manifest", Check.MANIFEST, false, "its embedded",
            () -> verifyPdf(pdfEmbedding("{\"format\": \"casemail-record-manifest/1\"}".getBytes(StandardCharsets.UTF_8)))),
        new Broken("the head's signature changed", Check.SIGNATURE, false, "signature does not verify",
            () -> verifyManifest(head(h -> h.put("signature", Tamper.base64(h.get("signature").asText()))))),
        new Broken("a message's body changed", Check.ENTRIES, true, "is not the hash of its content",
            () -> verifyManifest(pickUp(e -> e.put("body", e.get("body").asText().replace("5 pm", "6 pm"))))),
        new Broken("an earlier export's consistency proof changed", Check.CONSISTENCY, false,
            "does not verify: the record as it was then is not the start of the record now",
            () -> verifyManifest(Tamper.json(thirdManifest(), m -> {
              ArrayNode proof = (ArrayNode) m.get("consistency").get(0).get("proof");
              proof.set(0, TextNode.valueOf(Tamper.hex(proof.get(0).asText())));
            }))),
        new Broken("an earlier export of another record", Check.PREVIOUS, false, "is of the record of sam",
            () -> RecordVerifier.verify(ExportFile.of("export.pdf", thirdPdf()), KEYS.getPublic(),
                Optional.of(ExportFile.of("sams.json", samsExport())), Optional.empty())),
        new Broken("a time-stamp token that is not one", Check.TIMESTAMP, false, "is not an RFC 3161 time-stamp token",
            () -> verifyManifest(Tamper.json(thirdManifest(),
                m -> m.put("timestampToken", Base64.getEncoder().encodeToString("not a token".getBytes(StandardCharsets.US_ASCII)))))),
        new Broken("the PDF with another manifest beside it", Check.PDF, false, "is not the one embedded in the PDF",
            () -> RecordVerifier.verify(thirdFiles.pdf(), key, Optional.empty(), Optional.of(secondFiles.manifest()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenInputs")
  void everyCheckFailsWhenWhatItChecksIsBrokenAndTheVerdictNamesIt(Broken broken) throws IOException {
    Verdict verdict = broken.breaking().verify();

    assertFailed(verdict, broken.check(), broken.says());
    assertThat(verdict.failedEntry().isPresent()).as(verdict.summary()).isEqualTo(broken.aboutAnEntry());
  }

  @Test
  void everyCheckHasABrokenInput() {
    Set<Check> covered = brokenInputs().map(Broken::check).collect(Collectors.toCollection(() -> EnumSet.noneOf(Check.class)));

    assertThat(covered).containsExactlyInAnyOrder(Check.values());
  }

  // --- the manifest changed, field by field (given alone: its PDF is not there to catch it)

  static Stream<Arguments> changedFields() {
    return Stream.of(
        Arguments.of("a message's body", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit(pickUp(m), "body", b -> Tamper.oneCharacter(b, 3))),
        Arguments.of("a message's subject", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit(pickUp(m), "subject", s -> Tamper.oneCharacter(s, 0))),
        Arguments.of("a message's sent time", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit(pickUp(m), "sentAt", t -> Instant.parse(t).plusSeconds(3600).toString())),
        Arguments.of("a recipient's id", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit((ObjectNode) pickUp(m).get("recipients").get(1), "id", id -> "lea")),
        Arguments.of("a recipient's name", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit((ObjectNode) pickUp(m).get("recipients").get(0), "name", n -> "Samuel Whitfield")),
        Arguments.of("a recipient left out", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> ((ArrayNode) pickUp(m).get("recipients")).remove(1)),
        Arguments.of("the sender", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit((ObjectNode) pickUp(m).get("sender"), "name", n -> "Sam Whitfield")),
        Arguments.of("a first view's time", Check.ENTRIES, firstViewIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit(Tamper.entryOfKind(m, "firstView"), "viewedAt",
                t -> Instant.parse(t).minusSeconds(60).toString())),
        Arguments.of("an access event's status", Check.ENTRIES, accessIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit(Tamper.entryOfKind(m, "accessEvent"), "status", s -> "REFUSED")),
        Arguments.of("a message's leaf hash", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> edit(pickUp(m), "leafHash", Tamper::hex)),
        Arguments.of("a node of a message's inclusion proof", Check.ENTRIES, pickUpIndex(secondManifest()),
            (Consumer<ObjectNode>) m -> {
              ArrayNode proof = (ArrayNode) pickUp(m).get("inclusionProof");
              proof.set(1, TextNode.valueOf(Tamper.hex(proof.get(1).asText())));
            }),
        Arguments.of("a message's index", Check.ENTRIES, pickUpIndex(secondManifest()) + 1,
            (Consumer<ObjectNode>) m -> pickUp(m).put("index", pickUpIndex(secondManifest()) + 1)),
        Arguments.of("the export's own time", Check.ENTRIES, second.head().size() - 1,
            (Consumer<ObjectNode>) m -> edit((ObjectNode) m.get("export"), "exportedAt",
                t -> Instant.parse(t).minusSeconds(86_400).toString())),
        Arguments.of("the head's size", Check.SIGNATURE, -1L,
            (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("head")).put("size", second.head().size() + 1)),
        Arguments.of("the head's root", Check.SIGNATURE, -1L,
            (Consumer<ObjectNode>) m -> edit((ObjectNode) m.get("head"), "rootHash", Tamper::hex)),
        Arguments.of("the head's time", Check.SIGNATURE, -1L,
            (Consumer<ObjectNode>) m -> edit((ObjectNode) m.get("head"), "signedAt",
                t -> Instant.parse(t).plusSeconds(1).toString())),
        Arguments.of("the head's key id", Check.SIGNATURE, -1L,
            (Consumer<ObjectNode>) m -> edit((ObjectNode) m.get("head"), "keyId", Tamper::hex)),
        Arguments.of("the head's signature", Check.SIGNATURE, -1L,
            (Consumer<ObjectNode>) m -> edit((ObjectNode) m.get("head"), "signature", Tamper::base64)),
        Arguments.of("the mailbox", Check.SIGNATURE, -1L,
            (Consumer<ObjectNode>) m -> edit((ObjectNode) m.get("mailbox"), "id", id -> "sam")),
        Arguments.of("an earlier export's root", Check.CONSISTENCY, -1L,
            (Consumer<ObjectNode>) m -> edit((ObjectNode) m.get("consistency").get(0).get("earlier"), "rootHash", Tamper::hex)),
        Arguments.of("an earlier export left out", Check.CONSISTENCY, -1L,
            (Consumer<ObjectNode>) m -> ((ArrayNode) m.get("consistency")).remove(0)),
        Arguments.of("an earlier export's entry moved", Check.CONSISTENCY, -1L,
            (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("consistency").get(0).get("earlier")).put("size", first.head().size() - 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedFields")
  void oneFieldOfTheManifestChangedIsCaughtAndNamed(String what, Check check, long entry, Consumer<ObjectNode> edit) {
    byte[] changed = Tamper.json(secondManifest(), edit);
    assertThat(changed).as("the edit changed something").isNotEqualTo(Tamper.json(secondManifest(), m -> {}));

    Verdict verdict = verifyManifest(changed);

    assertFailed(verdict, check, "");
    assertThat(verdict.failedEntry()).as(verdict.summary()).isEqualTo(entry < 0 ? Optional.empty() : Optional.of(entry));
    if (entry >= 0) {
      assertThat(verdict.summary()).contains("entry " + entry + " (");
    }
  }

  @Test
  void theManifestUnchangedButWrittenAgainStillVerifies() {
    // the control of the test above: re-writing the JSON alone breaks nothing
    Verdict verdict = verifyManifest(Tamper.json(secondManifest(), m -> {}));

    assertThat(verdict.verified()).as(verdict.summary()).isTrue();
  }

  @Test
  void aWholeRecordExportWithAnEntryLeftOutIsCaught() {
    byte[] manifest = read(secondFiles.manifest());
    int index = 3;
    byte[] changed = Tamper.json(manifest, m -> ((ArrayNode) m.get("entries")).remove(index));

    Verdict verdict = verifyManifest(changed);

    assertFailed(verdict, Check.ENTRIES, "entry " + index + " is missing: the export is of the whole record");
    assertThat(verdict.failedEntry()).contains((long) index);
  }

  // --- the PDF's text changed

  @Test
  void oneCharacterOfAMessageEditedInThePdfIsCaughtByThePdfCheck() {
    byte[] edited = Tamper.pdfText(thirdPdf(), "5 pm on Friday");
    assertThat(Tamper.embeddedManifest(edited)).as("the embedded manifest is intact").isEqualTo(thirdManifest());
    assertThat(edited).isNotEqualTo(thirdPdf());

    Verdict verdict = verifyPdf(edited);

    assertFailed(verdict, Check.PDF, "(message ");
    assertThat(verdict.failedEntry()).contains(pickUpIndex());
    assertThat(verdict.summary())
        .contains("entry " + pickUpIndex() + " (message ")
        .contains("in its Body line")
        .contains("at 5 pm on Friday");
  }

  @Test
  void aSubjectEditedInThePdfIsCaughtAsWell() {
    Verdict verdict = verifyPdf(Tamper.pdfText(thirdPdf(), "Holidays"));

    assertFailed(verdict, Check.PDF, "in its Subject line");
    assertThat(verdict.failedEntry()).isPresent();
  }

  @Test
  void aMessageDrawnInvisiblyIsCaughtThoughItsTextIsThere() {
    // text rendering mode 3 draws nothing: the text is extracted, but a reader of the PDF sees no body
    byte[] hidden = Tamper.pdfBefore(thirdPdf(), "5 pm on Friday", COSInteger.get(3), Operator.getOperator("Tr"));

    Verdict verdict = verifyPdf(hidden);

    assertFailed(verdict, Check.PDF, "draws text that cannot be seen");
    assertThat(verdict.summary()).contains("in text rendering mode 3");
  }

  @Test
  void textThatCannotBeSeenIsNamedWithThePageItIsOn() throws IOException {
    byte[] hidden = Tamper.pdfBefore(thirdPdf(), "5 pm on Friday", COSInteger.get(3), Operator.getOperator("Tr"));
    int page = 0;
    try (PDDocument document = Loader.loadPDF(thirdPdf())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int number = 1; number <= document.getNumberOfPages() && page == 0; number++) {
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        page = stripper.getText(document).contains("5 pm on Friday") ? number : 0;
      }
    }
    assertThat(page).as("the page showing the pick-up message").isGreaterThan(1);

    assertThat(verifyPdf(hidden).summary()).contains("page " + page + " draws text that cannot be seen");
  }

  @Test
  void aPageAddedWithoutContentIsCaught() throws IOException {
    byte[] longer;
    try (PDDocument document = Loader.loadPDF(thirdPdf()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      longer = out.toByteArray();
    }

    Verdict verdict = verifyPdf(longer);

    // the page is counted though it draws nothing: the first footer no longer says how many pages there are
    assertFailed(verdict, Check.PDF, "the footer of page 1 reads");
    assertThat(verdict.summary()).contains("not \"page 1 of 4 ");
  }

  @Test
  void aMessageDrawnInWhiteIsCaught() {
    byte[] white = Tamper.pdfBefore(thirdPdf(), "5 pm on Friday", COSFloat.ONE, Operator.getOperator("g"));

    Verdict verdict = verifyPdf(white);

    assertFailed(verdict, Check.PDF, "draws text that cannot be seen");
    assertThat(verdict.summary()).contains("in white or near-white");
  }

  @Test
  void theRootHashEditedOnTheCoverPageIsCaught() {
    String root = third.head().rootHash().substring(0, 8);
    Verdict verdict = verifyPdf(Tamper.pdfText(thirdPdf(), root));

    assertFailed(verdict, Check.PDF, "its cover page does not show the head's root hash");
    assertThat(verdict.failedEntry()).isEmpty();
  }

  @Test
  void aManifestGivenWithJsonThatIsNotTheEmbeddedOneFails() throws IOException {
    Path changed = Files.write(directory.resolve("changed.manifest.json"), new String(thirdManifest(), StandardCharsets.UTF_8)
        .replace("at 5 pm on Friday", "at 6 pm on Friday").getBytes(StandardCharsets.UTF_8));

    Verdict other = RecordVerifier.verify(thirdFiles.pdf(), key, Optional.empty(), Optional.of(secondFiles.manifest()));
    Verdict edited = RecordVerifier.verify(thirdFiles.pdf(), key, Optional.empty(), Optional.of(changed));

    assertFailed(other, Check.PDF, "the manifest " + secondFiles.manifest() + " is not the one embedded in the PDF");
    assertFailed(edited, Check.PDF, "they differ from line");
    assertThat(edited.summary()).contains("\"body\"");
  }

  // --- another key

  @Test
  void theGenuineExportVerifiedWithAnotherKeyFails() {
    Verdict verdict = RecordVerifier.verify(ExportFile.of("export.pdf", thirdPdf()), OTHER_KEYS.getPublic());

    assertFailed(verdict, Check.SIGNATURE, "is signed by another key, key id " + RecordSigners.keyId(KEYS.getPublic()));
  }

  @Test
  void anExportOfAHostWithAnotherKeyFailsWithTheGenuineKey() {
    HostRecord other = HostRecord.danas(OTHER_KEYS);
    RecordExports.Written files = HostRecord.write(other.exportAll(), directory.resolve("other-host"));

    Verdict verdict = RecordVerifier.verify(ExportFile.of("other.pdf", read(files.pdf())), KEYS.getPublic());
    Verdict withItsKey = RecordVerifier.verify(ExportFile.of("other.pdf", read(files.pdf())), OTHER_KEYS.getPublic());

    assertFailed(verdict, Check.SIGNATURE, "is signed by another key, key id " + RecordSigners.keyId(OTHER_KEYS.getPublic()));
    assertThat(withItsKey.verified()).as(withItsKey.summary()).isTrue();
  }

  @Test
  void aHeadSignedAgainWithAnotherKeyUnderTheGenuineKeyIdFails() {
    byte[] forged = Tamper.json(thirdManifest(), m -> {
      ObjectNode head = (ObjectNode) m.get("head");
      head.put("size", third.head().size() + 1);
      byte[] signed = RecordEncoding.signedBytes(third.head().mailbox(), third.head().size() + 1,
          RecordEncoding.unhex(third.head().rootHash()), third.head().signedAt(), third.head().keyId(), RecordSigners.ED25519);
      head.put("signature", Base64.getEncoder().encodeToString(RecordSigners.ed25519(OTHER_KEYS).sign(signed)));
    });

    assertFailed(verifyManifest(forged), Check.SIGNATURE, "signature does not verify with the key");
  }

  // --- a rewritten history

  @Test
  void anEarlierExportAndALaterOneOfARewrittenHistoryFailAtPrevious() throws IOException {
    // two hosts with the same key: the second's record says "6 pm" where the first's said "5 pm"
    HostRecord honest = HostRecord.danas(KEYS, Optional.empty(), HostRecord.PICK_UP);
    RecordExports.Written kept = HostRecord.write(honest.exportAll(), directory.resolve("honest"));
    HostRecord rewritten = HostRecord.danas(KEYS, Optional.empty(), HostRecord.PICK_UP.replace("5 pm", "6 pm"));
    rewritten.exportAll();
    rewritten.send(DANA, "Friday", "See you on Friday.", SAM);
    RecordExports.Written later = HostRecord.write(rewritten.exportAll(), directory.resolve("rewritten"));

    Verdict alone = RecordVerifier.verify(later.pdf(), key, Optional.empty(), Optional.empty());
    Verdict againstKept = RecordVerifier.verify(later.pdf(), key, Optional.of(kept.pdf()), Optional.empty());

    assertThat(alone.verified()).as("the rewritten record is consistent in itself: " + alone.summary()).isTrue();
    assertFailed(againstKept, Check.PREVIOUS, "the record was rewritten since the earlier export " + kept.pdf());
    assertThat(againstKept.failedEntry()).isEmpty();
  }

  // --- hostile files

  static Stream<Arguments> hostileFiles() {
    byte[] random = new byte[4096];
    new Random(20260302L).nextBytes(random);
    byte[] manifest = read(thirdFiles.manifest());
    byte[] pdf = read(thirdFiles.pdf());
    return Stream.of(
        Arguments.of("an empty file", new byte[0]),
        Arguments.of("random bytes", random),
        Arguments.of("a PDF with no embedded manifest", pdfWithoutManifest()),
        Arguments.of("a manifest of format version 3", new String(manifest, StandardCharsets.UTF_8)
            .replace("casemail-record-manifest/1", "casemail-record-manifest/3").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a truncated manifest", Arrays.copyOf(manifest, manifest.length / 2)),
        Arguments.of("a truncated PDF", Arrays.copyOf(pdf, pdf.length / 2)),
        Arguments.of("a PDF header and nothing else", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("JSON that is not an object", "[1, 2, 3]".getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("deeply nested JSON", "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("a manifest with a null", new String(manifest, StandardCharsets.UTF_8)
            .replaceFirst("\"recordEncoding\": 1", "\"recordEncoding\": null")
            .getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a manifest with a field twice", new String(manifest, StandardCharsets.UTF_8)
            .replaceFirst("\"recordEncoding\": 1,", "\"recordEncoding\": 1, \"recordEncoding\": 1,").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a manifest with content after it", (new String(manifest, StandardCharsets.UTF_8) + "{}")
            .getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void aHostileFileIsAFailedVerdictNeverAnException(String what, byte[] bytes) throws IOException {
    Verdict verdict = RecordVerifier.verify(ExportFile.of(what, bytes), KEYS.getPublic());
    Path file = Files.write(directory.resolve("hostile.bin"), bytes);
    Run run = Run.command("verify", file.toString(), "--key", key.toString());

    assertFailed(verdict, Check.MANIFEST, "");
    assertThat(verdict.summary()).doesNotContain("Exception").doesNotContain("\n");
    assertThat(run.code).isEqualTo(VerifierCommand.FAILED);
    assertThat(run.out.lines()).singleElement().asString().startsWith("FAILED: ");
    assertThat(run.err).as("no stack trace").isEmpty();
  }

  @Test
  void aHostileEarlierExportFailsAtPrevious() {
    Verdict verdict = RecordVerifier.verify(ExportFile.of("export.pdf", thirdPdf()), KEYS.getPublic(),
        Optional.of(ExportFile.of("earlier.json", new byte[] {'{'})), Optional.empty());

    assertFailed(verdict, Check.PREVIOUS, "the earlier export earlier.json");
  }

  // --- helpers

  static void assertFailed(Verdict verdict, Check check, String says) {
    assertThat(verdict.failedCheck()).as(verdict.summary()).contains(check);
    assertThat(verdict.verified()).isFalse();
    assertThat(verdict.exitCode()).isEqualTo(Verdict.FAILED);
    assertThat(verdict.summary()).startsWith("FAILED: ").contains(says);
  }

  static Verdict verifyManifest(byte[] manifest) {
    return RecordVerifier.verify(ExportFile.of("export.manifest.json", manifest), KEYS.getPublic());
  }

  static Verdict verifyPdf(byte[] pdf) {
    return RecordVerifier.verify(ExportFile.of("export.pdf", pdf), KEYS.getPublic());
  }

  static byte[] thirdPdf() {
    return read(thirdFiles.pdf());
  }

  static byte[] secondManifest() {
    return read(secondFiles.manifest());
  }

  static byte[] thirdManifest() {
    return read(thirdFiles.manifest());
  }

  static byte[] head(Consumer<ObjectNode> edit) {
    return Tamper.json(thirdManifest(), m -> edit.accept((ObjectNode) m.get("head")));
  }

  static byte[] pickUp(Consumer<ObjectNode> edit) {
    return Tamper.json(thirdManifest(), m -> edit.accept(pickUp(m)));
  }

  static ObjectNode pickUp(ObjectNode manifest) {
    return Tamper.entry(manifest, "subject", "Pick-up on Friday");
  }

  static long pickUpIndex() {
    return pickUpIndex(thirdManifest());
  }

  static long pickUpIndex(byte[] manifest) {
    return index(manifest, m -> pickUp(m));
  }

  static long firstViewIndex(byte[] manifest) {
    return index(manifest, m -> Tamper.entryOfKind(m, "firstView"));
  }

  static long accessIndex(byte[] manifest) {
    return index(manifest, m -> Tamper.entryOfKind(m, "accessEvent"));
  }

  private static long index(byte[] manifest, java.util.function.Function<ObjectNode, ObjectNode> entry) {
    long[] index = new long[1];
    Tamper.json(manifest, m -> index[0] = entry.apply(m).get("index").asLong());
    return index[0];
  }

  static void edit(ObjectNode node, String field, java.util.function.UnaryOperator<String> change) {
    node.put(field, change.apply(node.get(field).asText()));
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Sam's own export: another mailbox's record, signed with the same key. */
  static byte[] samsExport() {
    HostRecord host = HostRecord.danas(KEYS);
    return RecordManifest.toBytes(host.as(SAM).exportRecord(RecordScope.all()));
  }

  /** A one-page PDF that embeds nothing. */
  static byte[] pdfWithoutManifest() {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText("Record export 1 of dana");
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A PDF that embeds {@code manifest} as manifest.json, as the writer does, with one empty page. */
  static byte[] pdfEmbedding(byte[] manifest) {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile file =
          new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(document, new java.io.ByteArrayInputStream(manifest));
      file.setSubtype("application/json");
      org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification spec =
          new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
      spec.setFile("manifest.json");
      spec.setFileUnicode("manifest.json");
      spec.setEmbeddedFile(file);
      org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
      tree.setNames(java.util.Map.of("manifest.json", spec));
      org.apache.pdfbox.pdmodel.PDDocumentNameDictionary names =
          new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      document.getDocumentCatalog().setNames(names);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A run of the command in this JVM: its exit code, standard output and standard error. */
  static final class Run {
    final int code;
    final String out;
    final String err;

    private Run(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }

    static Run command(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = VerifierCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
