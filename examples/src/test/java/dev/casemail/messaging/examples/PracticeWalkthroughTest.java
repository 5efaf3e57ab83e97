package dev.casemail.messaging.examples;

import static dev.casemail.messaging.examples.PracticeWalkthrough.ALEX;
import static dev.casemail.messaging.examples.PracticeWalkthrough.MEDIATOR;
import static dev.casemail.messaging.examples.PracticeWalkthrough.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.casemail.messaging.api.EventBatch;

import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.record.verifier.Check;
import dev.casemail.messaging.record.verifier.RecordVerifier;
import dev.casemail.messaging.record.verifier.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample application, on its default storage (an H2 file through the JDBC adapter and a HikariCP
 * pool), runs to its end and leaves the mailboxes the help page describes; run again on the same
 * file, as a second start of the program would, it succeeds and shows the first run's history. Each
 * run ends with the mediator's record exported and verified, signed with the one key the first run
 * made.
 */
class PracticeWalkthroughTest {

  @TempDir
  Path dataDir;

  private SampleDatabase database;
  private String output;

  @BeforeEach
  void runTheWalkthroughOnANewFile() {
    database = openDefault();
    output = run(database);
  }

  @AfterEach
  void closeThePool() {
    database.close();
  }

  @Test
  void theFirstRunCreatesTheDatabaseFile() {
    assertThat(Files.exists(dataDir.resolve(SampleDatabase.H2_FILE + ".mv.db"))).isTrue();
    assertThat(database.description()).endsWith(SampleDatabase.H2_FILE + ".mv.db");
    assertThat(output).startsWith("A new database: every mailbox starts empty.\n");
  }

  @Test
  void theMessageToTheCoParentWithoutAccessIsRefusedByName() {
    assertThat(output).contains("refused: dana.reyes may not message [sam.morgan]");
  }

  @Test
  void theRecipientChooserListedOnlyTheParentWhoGrantedAccess() {
    assertThat(output).contains("▸ Morgan family: Alex Morgan\n");
  }

  @Test
  void theMediatorsMailboxEndsAsAPersonWouldExpect() {
    Map<String, FolderView> folders = folders(MEDIATOR);
    assertThat(folders.get("Inbox").total()).isZero();
    assertThat(folders.get("Morgan mediation").total()).isEqualTo(5);
    assertThat(folders.get("Sent").total()).isEqualTo(4);
    assertThat(folders.get("Archive").total()).isEqualTo(1);
    assertThat(folders.get("Action Items").total()).isEqualTo(2);
    assertThat(folders.get("Drafts").total()).isZero();
    assertThat(folders.get("All Messages").total()).isEqualTo(9);
  }

  @Test
  void samGotExactlyOneAutoReplyForTwoMessages() {
    assertThat(autoRepliesTo(SAM)).isEqualTo(1);
  }

  @Test
  void alexsFirstViewWasRecordedForTheSender() {
    assertThat(output).contains("Alex Morgan first viewed it: never");
    assertThat(output).containsPattern("Alex Morgan first viewed it: \\d{4}-\\d{2}-\\d{2}T");
    assertThat(folders(ALEX).get("Inbox").unread()).isEqualTo(1);
  }

  @Test
  void theMediatorOpensTheParentsPdfAndItsHashIsTheListedOne() throws Exception {
    byte[] pdf = SchoolReport.pdf();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(SchoolReport.pdf()).as("the same bytes every time").isEqualTo(pdf);
    String size = PracticeWalkthrough.size(pdf.length);
    Matcher listed = Pattern.compile("\n    School report, spring term\\.pdf\n      type application/pdf \\(detected from"
        + " its bytes\\), " + Pattern.quote(size) + ", SHA-256 ([0-9a-f]{64})\n").matcher(output);
    assertThat(listed.find()).as("the file listed in %s", output).isTrue();
    assertThat(output).contains("\"School report\" from Alex Morgan carries 1 file:\n");
    assertThat(output).contains("Dana opened it: " + size + " read, SHA-256 equal to the listed one\n");
    // the hash printed is the one of the bytes stored: Dana reads them again here
    var report = database.messaging().actingAs(MEDIATOR).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first())
        .items().stream().filter(m -> m.subject().equals(PracticeWalkthrough.REPORT_SUBJECT)).findFirst().orElseThrow();
    var hash = dev.casemail.messaging.api.blob.ContentHash.of(listed.group(1));
    try (var opened = database.messaging().actingAs(MEDIATOR).openAttachment(report.id(), hash)) {
      byte[] bytes = opened.content().readAllBytes();
      assertThat(bytes).isEqualTo(pdf);
      assertThat(dev.casemail.messaging.api.blob.ContentHash.ofDigest(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(hash);
      assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
  }

  @Test
  void theExportListsTheFileByNameAndItsManifestAndPdfSayTheSame() throws Exception {
    assertThat(output).containsPattern("\n  1 attached file, listed by name, type, size and SHA-256 in the PDF and the"
        + " manifest:\n    School report, spring term\\.pdf, in \"School report\" \\(entry \\d+\\): application/pdf, "
        + Pattern.quote(PracticeWalkthrough.size(SchoolReport.pdf().length)) + ", SHA-256 [0-9a-f]{16}…\n");
    String manifest = Files.readString(dataDir.resolve(SampleDatabase.EXPORTS)
        .resolve("record-dana-reyes-3e85c773-export-1.manifest.json"));
    assertThat(manifest).contains("\"format\": \"casemail-record-manifest/2\"",
        "\"name\": \"School report, spring term.pdf\"", "\"type\": \"application/pdf\"");
    // the ZIP beside it holds the manifest and the file itself, whose SHA-256 is the one listed
    Path zip = dataDir.resolve(SampleDatabase.EXPORTS).resolve("record-dana-reyes-3e85c773-export-1.files.zip");
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    assertThat(entries.get("manifest.json")).isEqualTo(manifest.getBytes(StandardCharsets.UTF_8));
    Matcher hash = Pattern.compile("\"sha256\": \"([0-9a-f]{64})\"").matcher(manifest);
    assertThat(hash.find()).isTrue();
    assertThat(entries.keySet()).hasSize(2).anySatisfy(name -> assertThat(name)
        .matches("files/entry-\\d{6}-1-School_report,_spring_term\\.pdf"));
    byte[] file = entries.entrySet().stream().filter(e -> e.getKey().startsWith("files/")).findFirst().orElseThrow().getValue();
    assertThat(dev.casemail.messaging.api.blob.ContentHash.ofDigest(
        java.security.MessageDigest.getInstance("SHA-256").digest(file)).hex()).isEqualTo(hash.group(1));
  }

  @Test
  void sizesReadAsAPersonReadsThem() {
    assertThat(PracticeWalkthrough.size(1)).isEqualTo("1 byte");
    assertThat(PracticeWalkthrough.size(1023)).isEqualTo("1023 bytes");
    assertThat(PracticeWalkthrough.size(1056)).isEqualTo("1.0 KiB (1,056 bytes)");
    assertThat(PracticeWalkthrough.size(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5 MiB (3,670,016 bytes)");
  }

  @Test
  void theRunEndsWithTheMediatorsRecordExportedAndVerifiedWithTheKeptPublicKey() throws Exception {
    Path exports = dataDir.resolve(SampleDatabase.EXPORTS);
    try (var files = Files.list(exports)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("record-dana-reyes-3e85c773-export-1.pdf",
              "record-dana-reyes-3e85c773-export-1.manifest.json", "record-dana-reyes-3e85c773-export-1.files.zip");
    }
    assertThat(output).contains("export 1 of Dana's record, under \"" + PracticeWalkthrough.COURT_ORDER + "\"");
    assertThat(output).containsPattern("\n    OK: export 1 of the record of dana\\.reyes .*; the first export of this"
        + " record; not time-stamped; PDF text matches \\(\\d+ pages\\)");
    assertThat(Files.readString(dataDir.resolve(SampleRecordKey.PUBLIC_FILE))).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(Files.readString(dataDir.resolve(SampleRecordKey.PRIVATE_FILE))).startsWith("-----BEGIN PRIVATE KEY-----\n");

    // what verified it is the kept key: with another, the same files fail at the signature
    Path otherKey = Files.writeString(dataDir.resolve("other.pub.pem"),
        RecordSigners.publicKeyPem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
    Verdict withOtherKey = RecordVerifier.verify(exports.resolve("record-dana-reyes-3e85c773-export-1.pdf"), otherKey,
        Optional.empty(), Optional.empty());
    assertThat(withOtherKey.failedCheck()).contains(Check.SIGNATURE);
  }

  @Test
  void aSecondRunSignsWithTheSameKeyAndItsExportExtendsTheFirstRuns() {
    database.close();
    database = openDefault();

    String second = run(database);

    assertThat(second).contains("export 2 of Dana's record");
    assertThat(second).containsPattern("verified against the previous run's export:\n    OK: export 2 of the record"
        + " of dana\\.reyes .*; consistent with 1 earlier export; extends \\S+-export-1\\.pdf \\(export 1, head \\d+\\)");
    assertThat(keyIdIn(second)).isEqualTo(keyIdIn(output));
    assertThat(second).doesNotContain("(made by this run)");
    assertThat(output).contains("(made by this run)");
  }

  @Test
  void theMailerToldEachParticipantWithoutContentInDigests() {
    List<String> notices = notices(output);
    assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("to Dana Reyes (mediator) <dana.reyes>: \"You have "))
        .anySatisfy(n -> assertThat(n).startsWith("to Alex Morgan <alex.morgan>: \"You have "))
        .anySatisfy(n -> assertThat(n).startsWith("to Sam Morgan <sam.morgan>: \"You have "));
    assertThat(notices).as("a digest: several events in one notice")
        .anySatisfy(n -> assertThat(n).containsPattern("\\d+ new messages from \\d+ people"));
    assertThat(notices).allSatisfy(n -> assertThat(n).endsWith(". Log in to read them.\"")
        .doesNotContain(PracticeWalkthrough.SESSION_SUBJECT).doesNotContain("Holiday").doesNotContain("Documents")
        .doesNotContain("school").doesNotContain("journal"));
    assertThat(output).containsPattern("\\(\\d+ events handled by the events dispatcher as consumer \"sample-mailer\";"
        + " none left pending\\)");
    EventBatch pending = database.messaging().events().lease(ConsoleMailer.CONSUMER, 100, Duration.ofMinutes(1));
    assertThat(pending.events()).as("every event acknowledged").isEmpty();
  }

  @Test
  void aSecondRunsMailerSendsOnlyWhatHappenedSince() {
    long first = handled(output);
    database.close();
    database = openDefault();

    String second = run(database);

    assertThat(handled(second)).as("the consumer's position survived the restart").isLessThanOrEqualTo(first);
    assertThat(notices(second)).noneSatisfy(n -> assertThat(n).contains("update in My Cases").contains("Alex"));
  }

  /** The notices the run's last step printed. */
  private static List<String> notices(String output) {
    return output.lines().filter(line -> line.startsWith("  to ")).map(String::strip).collect(Collectors.toList());
  }

  private static long handled(String output) {
    Matcher handled = Pattern.compile("\\((\\d+) events handled by the events dispatcher").matcher(output);
    assertThat(handled.find()).as("the mailer's count in %s", output).isTrue();
    return Long.parseLong(handled.group(1));
  }

  @Test
  void aSecondRunOnTheSameFileSeesTheFirstRunsHistoryAndSucceeds() {
    database.close(); // the first program ends: H2 closes the file with the pool's last connection
    database = openDefault();

    String second = run(database);

    assertThat(second).startsWith(
        "This database already holds 9 messages in Dana's All Messages from 1 earlier run; this run adds to them.\n");
    assertThat(second).contains("▸ Morgan family: Alex Morgan, Sam Morgan\n");
    assertThat(second).doesNotContain("refused:");
    assertThat(second).contains("\"Morgan mediation\" exists from an earlier run");
    Map<String, FolderView> folders = folders(MEDIATOR);
    assertThat(folders.get("All Messages").total()).isEqualTo(18);
    assertThat(folders.get("Sent").total()).isEqualTo(8);
    assertThat(folders.get("Morgan mediation").total()).isEqualTo(10);
    assertThat(folders.get("Archive").total()).isEqualTo(2);
    assertThat(folders.get("Inbox").total()).isZero();
    assertThat(folders.get("Drafts").total()).isZero();
    assertThat(folders.values()).filteredOn(FolderView::isCustom).hasSize(1);
    // access was asked for and granted once, on the first run: no new action items, no new round
    assertThat(folders.get("Action Items").total()).isEqualTo(2);
    assertThat(database.messaging().actingAs(MEDIATOR).accessLinks())
        .hasSize(2)
        .allSatisfy(link ->
            assertThat(statuses(link)).containsExactly(AccessStatus.REQUESTED, AccessStatus.APPROVED));
    // the second run's new auto-responder settings start afresh for Sam
    assertThat(autoRepliesTo(SAM)).isEqualTo(2);
  }

  private static String keyIdIn(String output) {
    Matcher key = Pattern.compile("signed \\S+ by key ([0-9a-f]{16})…").matcher(output);
    assertThat(key.find()).as("the key id in %s", output).isTrue();
    return key.group(1);
  }

  private SampleDatabase openDefault() {
    Properties settings = new Properties();
    settings.setProperty(SampleDatabase.DATA_DIR, dataDir.toString());
    return SampleDatabase.from(settings);
  }

  static String run(SampleDatabase database) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new PracticeWalkthrough(database, out).run();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private long autoRepliesTo(ParticipantId participant) {
    return database.messaging().actingAs(participant)
        .folder(SystemFolder.INBOX.id(), PageRequest.first()).items().stream()
        .filter(message -> message.kind() == MessageKind.AUTO_REPLY)
        .count();
  }

  private static List<AccessStatus> statuses(AccessLinkView link) {
    return link.history().stream().map(AccessEvent::status).collect(Collectors.toList());
  }

  private Map<String, FolderView> folders(ParticipantId owner) {
    return database.messaging().actingAs(owner).folders().stream()
        .collect(Collectors.toMap(FolderView::name, folder -> folder));
  }
}
