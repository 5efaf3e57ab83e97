package dev.casemail.messaging.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.OpenedAttachment;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MutableClock;
import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import dev.casemail.messaging.record.export.RecordExports;
import dev.casemail.messaging.record.verifier.ExportFile;
import dev.casemail.messaging.record.verifier.RecordVerifier;
import dev.casemail.messaging.record.verifier.Verdict;
import dev.casemail.messaging.events.dispatcher.DigestSummary;
import dev.casemail.messaging.events.dispatcher.EventDispatcher;
import dev.casemail.messaging.events.dispatcher.OutboxEventSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code blocks of README.md (the usage snippet, the storage set-up, the record's export, the events, testing
 * with a clock, attachments) are this test's code,
 * compiled and run: the README cannot rot.
 */
class ReadmeSnippetTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path THIS_FILE =
      Path.of("src", "test", "java", "dev", "casemail", "messaging", "examples", "ReadmeSnippetTest.java");

  @Test
  void theSnippetRunsAsTheReadmeSaysItDoes() {
    // README-SNIPPET-START
    Messaging messaging = InMemoryMessaging.create();
    Directory directory = messaging.directory();
    ParticipantId lawyer = ParticipantId.of("lawyer-1");
    ParticipantId mother = ParticipantId.of("parent-1");
    directory.register(ParticipantRegistration.practitioner(lawyer, "A. Lawyer"));
    directory.register(ParticipantRegistration.parent(mother, "M. Parent"));
    directory.registerFamily(FamilyRegistration.of(FamilyId.of("family-1"), "Parent family", Set.of(mother)));

    messaging.actingAs(lawyer).requestAccess(mother);   // lands in the mother's Action Items
    messaging.actingAs(mother).approveAccess(lawyer);   // the answer lands in the lawyer's

    MessageView sent = messaging.actingAs(lawyer).send(NewMessage.builder()
        .addRecipients(mother)
        .subject("Hearing on Monday")
        .body("Please bring the school reports.")
        .build());

    FolderPage inbox = messaging.actingAs(mother).folder(SystemFolder.INBOX.id(), PageRequest.first());
    MessageView opened = messaging.actingAs(mother).open(inbox.items().get(0).id()); // records first viewed
    messaging.actingAs(mother).move(MoveRequest.to(SystemFolder.ARCHIVE.id(), opened.id())); // still in All Messages
    // README-SNIPPET-END

    assertThat(opened.id()).isEqualTo(sent.id());
    assertThat(opened.body()).isEqualTo("Please bring the school reports.");
    assertThat(messaging.actingAs(lawyer).preview(sent.id()).receipts())
        .singleElement()
        .satisfies(receipt -> assertThat(receipt.firstViewedAt()).contains(opened.openedAt().orElseThrow()));
    assertThat(messaging.actingAs(mother).folder(SystemFolder.INBOX.id(), PageRequest.first()).items()).isEmpty();
    assertThat(messaging.actingAs(mother).folder(SystemFolder.ARCHIVE.id(), PageRequest.first()).items())
        .extracting(MessageSummary::id).containsExactly(sent.id());
    assertThat(messaging.actingAs(mother).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first()).items())
        .extracting(MessageSummary::id).contains(sent.id());
  }

  @Test
  void theStorageSnippetMigratesAndOpensTheLibraryOnAPool() {
    String jdbcUrl = "jdbc:h2:mem:readme-storage";
    String user = "sa";
    String password = "";
    // README-STORAGE-SNIPPET-START
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);        // e.g. jdbc:postgresql://db.internal:5432/app or jdbc:h2:file:/var/lib/app/mail
    pool.setUsername(user);
    pool.setPassword(password);
    HikariDataSource dataSource = new HikariDataSource(pool);  // the host's pool, closed when the service stops

    JdbcMessaging.migrate(dataSource);                         // at every start: creates or upgrades the tables
    Messaging messaging = JdbcMessaging.create(dataSource);    // then use it as above
    // README-STORAGE-SNIPPET-END

    try (dataSource) {
      ParticipantId lawyer = ParticipantId.of("lawyer-1");
      messaging.directory().register(ParticipantRegistration.practitioner(lawyer, "A. Lawyer"));
      assertThat(messaging.actingAs(lawyer).folders()).extracting(FolderView::name).contains("Inbox", "All Messages");
      JdbcMessaging.migrate(dataSource); // a second start: nothing to do, nothing lost
      assertThat(messaging.directory().participant(lawyer).displayName()).isEqualTo("A. Lawyer");
    }
  }

  @Test
  void theRecordSnippetExportsWhatTheVerifierAccepts(@TempDir Path exportsDirectory) throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String privateKeyPem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    String publicKeyPem = RecordSigners.publicKeyPem(keys.getPublic());
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl("jdbc:h2:mem:readme-record");
    ParticipantId lawyer = ParticipantId.of("lawyer-1");
    try (HikariDataSource dataSource = new HikariDataSource(pool)) {
      JdbcMessaging.migrate(dataSource);
      JdbcMessaging.create(dataSource).directory().register(ParticipantRegistration.practitioner(lawyer, "A. Lawyer"));
      // README-RECORD-SNIPPET-START
      MessagingConfiguration configuration = MessagingConfiguration.builder()
          .recordSigner(RecordSigners.ed25519(privateKeyPem, publicKeyPem))  // the host's key, from its secrets
          .build();
      Messaging messaging = JdbcMessaging.create(dataSource, configuration);

      RecordExport export = messaging.exportRecord(lawyer, RecordScope.all(), "Family Court, case FC-2026-0142");
      RecordExports.Written files = RecordExports.write(export, exportsDirectory);  // the PDF and its manifest
      Path zip = RecordExports.writeZip(export, exportsDirectory,                  // the messages' files themselves
          hash -> messaging.openExportedAttachment(export, hash).content());
      // README-RECORD-SNIPPET-END

      assertThat(export.export().courtOrder()).contains("Family Court, case FC-2026-0142");
      Verdict verdict = RecordVerifier.verify(ExportFile.read(files.pdf()), RecordSigners.publicKey(publicKeyPem));
      assertThat(verdict.summary()).startsWith("OK: export 1 of the record of lawyer-1");
      assertThat(zip.getFileName().toString()).isEqualTo("record-lawyer-1-export-1.files.zip");
      try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
        assertThat(entries.stream().map(java.util.zip.ZipEntry::getName)).containsExactly("manifest.json");
      }
    }
  }

  /** What the events snippet hands a notice to: the host's mailer. */
  interface Mailer {
    void send(ParticipantId to, String text);
  }

  @Test
  void theEventsSnippetTellsTheRecipientWithoutTheMessagesContent() {
    Messaging messaging = InMemoryMessaging.create();
    ParticipantId lawyer = ParticipantId.of("lawyer-1");
    ParticipantId mother = ParticipantId.of("parent-1");
    messaging.directory().register(ParticipantRegistration.practitioner(lawyer, "A. Lawyer"));
    messaging.directory().register(ParticipantRegistration.parent(mother, "M. Parent"));
    messaging.actingAs(lawyer).requestAccess(mother);
    messaging.actingAs(mother).approveAccess(lawyer);
    messaging.actingAs(lawyer).send(NewMessage.builder()
        .addRecipients(mother).subject("Hearing on Monday").body("Please bring the school reports.").build());
    List<String> notices = new java.util.ArrayList<>();
    Mailer mailer = (to, text) -> notices.add(to + ": " + text);
    // README-EVENTS-SNIPPET-START
    Events events = messaging.events();
    events.register("mailer");                                  // once; registering again does nothing
    EventBatch batch = events.lease("mailer", 100, Duration.ofMinutes(1));
    for (Event event : batch.events()) {                        // each mailbox's events in commit order
      if (event.type() == EventType.MESSAGE_RECEIVED) {
        mailer.send(event.mailbox(), "You have a new message. Log in to read it.");  // events carry no content
      }
    }
    events.acknowledge(batch.lease(), batch.events().stream().map(Event::id).toList());
    // README-EVENTS-SNIPPET-END

    assertThat(notices).containsExactly("parent-1: You have a new message. Log in to read it.");
    assertThat(batch.events()).extracting(Event::type)
        .containsExactlyInAnyOrder(EventType.ACCESS_REQUESTED, EventType.ACCESS_APPROVED, EventType.MESSAGE_RECEIVED);
    assertThat(events.lease("mailer", 100, Duration.ofMinutes(1)).events()).isEmpty();
  }

  @Test
  void theDispatcherSnippetSendsOneNoticePerRecipientPerWindow() throws InterruptedException {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Messaging messaging = InMemoryMessaging.create(MessagingConfiguration.builder().clock(clock).build());
    ParticipantId lawyer = ParticipantId.of("lawyer-1");
    ParticipantId mediator = ParticipantId.of("mediator-1");
    ParticipantId mother = ParticipantId.of("parent-1");
    messaging.directory().register(ParticipantRegistration.practitioner(lawyer, "A. Lawyer"));
    messaging.directory().register(ParticipantRegistration.practitioner(mediator, "B. Mediator"));
    messaging.directory().register(ParticipantRegistration.parent(mother, "M. Parent"));
    for (ParticipantId practitioner : List.of(lawyer, mediator)) {
      messaging.actingAs(practitioner).requestAccess(mother);     // the mother hears of each request
      messaging.actingAs(mother).approveAccess(practitioner);     // the practitioner of the approval
    }
    for (ParticipantId from : List.of(lawyer, mediator, lawyer)) {
      messaging.actingAs(from).send(NewMessage.builder().addRecipients(mother).subject("Hearing").body("x").build());
    }
    List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    Mailer mailer = (to, text) -> sent.add(to + ": " + text);
    // README-DISPATCHER-SNIPPET-START
    EventDispatcher<Event> notices = EventDispatcher.builder(
            OutboxEventSource.on(messaging.events(), clock)           // the library's outbox, on the library's clock
                .purgingAcknowledgedAfter(Duration.ofDays(7)),          // retention: the outbox stays bounded
            "mailer")                                                   // the consumer: every instance uses this name
        .digest(Duration.ofMinutes(5), 50, digest -> {                  // one notice per recipient per 5 minutes
          ParticipantId recipient = digest.payloads().get(0).mailbox();
          DigestSummary summary = digest.summary(e -> e.counterpart().orElse(null));  // who caused each event
          mailer.send(recipient, "You have " + summary.events() + " updates from " + summary.senders()
              + " people. Log in to see them.");                        // throw to retry: 1 s, 2 s, 4 s, … up to 15 min
        })
        .clock(clock)
        .maxAttempts(10)                                                // then dead: events().deadEvents("mailer", 100)
        .build()
        .start();                                                       // returns at once; never blocks a send
    // … at shutdown:
    // README-DISPATCHER-SNIPPET-END
    try {
      Thread.sleep(200);
      assertThat(sent).as("still gathering").isEmpty();
      clock.advance(Duration.ofMinutes(5));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (sent.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      notices.close();
    }

    assertThat(sent).containsExactlyInAnyOrder(
        "parent-1: You have 5 updates from 2 people. Log in to see them.",
        "lawyer-1: You have 1 updates from 1 people. Log in to see them.",
        "mediator-1: You have 1 updates from 1 people. Log in to see them.");
  }

  @Test
  void theTestingSnippetDrivesTheLibrarysTimeWithATestClock() {
    ParticipantId lawyer = ParticipantId.of("lawyer-1");
    ParticipantId mother = ParticipantId.of("parent-1");
    // README-TESTING-SNIPPET-START
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    Messaging messaging = InMemoryMessaging.create(MessagingConfiguration.builder()
        .clock(clock)
        .accessRequestLimit(1)                      // one request...
        .accessRequestPeriod(Duration.ofDays(7))    // ...a week
        .build());
    messaging.directory().register(ParticipantRegistration.practitioner(lawyer, "A. Lawyer"));
    messaging.directory().register(ParticipantRegistration.parent(mother, "M. Parent"));

    messaging.actingAs(lawyer).requestAccess(mother);
    messaging.actingAs(mother).refuseAccess(lawyer);
    assertThatThrownBy(() -> messaging.actingAs(lawyer).requestAccess(mother))
        .isInstanceOf(LimitExceededException.class);  // retryAfter(): a week after the first request
    clock.advance(Duration.ofDays(7));
    messaging.actingAs(lawyer).requestAccess(mother); // a new round
    // README-TESTING-SNIPPET-END

    assertThat(messaging.actingAs(mother).accessLink(lawyer).status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(messaging.actingAs(mother).folder(SystemFolder.ACTION_ITEMS.id(), PageRequest.first()).items())
        .extracting(MessageSummary::sentAt)
        .containsExactly(Instant.parse("2026-01-12T09:00:00Z"), Instant.parse("2026-01-05T09:00:00Z"));
  }

  @Test
  void theAttachmentsSnippetSendsAFileOnlyTheMailboxesOfTheMessageOpen(@TempDir Path directory) throws IOException {
    Messaging messaging = InMemoryMessaging.create();
    ParticipantId lawyer = ParticipantId.of("lawyer-1");
    ParticipantId mother = ParticipantId.of("parent-1");
    ParticipantId stranger = ParticipantId.of("parent-2");
    messaging.directory().register(ParticipantRegistration.practitioner(lawyer, "A. Lawyer"));
    messaging.directory().register(ParticipantRegistration.parent(mother, "M. Parent"));
    messaging.directory().register(ParticipantRegistration.parent(stranger, "S. Tranger"));
    messaging.actingAs(lawyer).requestAccess(mother);
    messaging.actingAs(mother).approveAccess(lawyer);
    // README-ATTACHMENTS-SNIPPET-START
    Path order = Files.writeString(directory.resolve("order.txt"), "The hearing is moved to 10 am.\n");
    MessageView sent = messaging.actingAs(lawyer).send(NewMessage.builder()
        .addRecipients(mother)
        .subject("Court order")
        .addAttachments(NewAttachment.of("order.txt", "text/plain", () -> Files.newInputStream(order)))
        .build());
    AttachmentView file = sent.attachments().get(0);   // text/plain, 31 bytes, its SHA-256
    try (OpenedAttachment opened = messaging.actingAs(mother).openAttachment(sent.id(), file.hash())) {
      byte[] bytes = opened.content().readAllBytes();  // a stream: large files are never held whole
    }
    // README-ATTACHMENTS-SNIPPET-END

    try (OpenedAttachment opened = messaging.actingAs(lawyer).openAttachment(sent.id(), file.hash())) {
      assertThat(new String(opened.content().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("The hearing is moved to 10 am.\n");
    }
    assertThat(file.contentType()).isEqualTo("text/plain");
    assertThat(file.size()).isEqualTo(31);
    assertThatThrownBy(() -> messaging.actingAs(stranger).openAttachment(sent.id(), file.hash()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theReadmeShowsExactlyTheCodeThisTestRuns() throws IOException {
    assertThat(normalized(readmeSnippet(0))).isEqualTo(normalized(testedSnippet("README-SNIPPET")));
    assertThat(normalized(readmeSnippet(1))).isEqualTo(normalized(testedSnippet("README-STORAGE-SNIPPET")));
    assertThat(normalized(readmeSnippet(2))).isEqualTo(normalized(testedSnippet("README-RECORD-SNIPPET")));
    assertThat(normalized(readmeSnippet(3))).isEqualTo(normalized(testedSnippet("README-EVENTS-SNIPPET")));
    List<String> dispatcher = normalized(readmeSnippet(4));
    assertThat(dispatcher.subList(0, dispatcher.size() - 1))
        .isEqualTo(normalized(testedSnippet("README-DISPATCHER-SNIPPET")));
    assertThat(dispatcher.get(dispatcher.size() - 1)).as("the shutdown line, which the test runs in a finally")
        .startsWith("notices.close();").endsWith("// no thread left; nothing unsent is lost");
    assertThat(normalized(readmeSnippet(7))).isEqualTo(normalized(testedSnippet("README-TESTING-SNIPPET")));
    assertThat(normalized(readmeSnippet(8))).isEqualTo(normalized(testedSnippet("README-ATTACHMENTS-SNIPPET")));
  }

  /** The {@code index}-th (from 0) ```java block of README.md. */
  private static List<String> readmeSnippet(int index) throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    int start = -1;
    for (int i = 0; i <= index; i++) {
      int next = lines.subList(start + 1, lines.size()).indexOf("```java");
      assertThat(next).as("```java block %d of README.md", i).isNotNegative();
      start += next + 1;
    }
    int end = lines.subList(start + 1, lines.size()).indexOf("```") + start + 1;
    return lines.subList(start + 1, end);
  }

  private static List<String> testedSnippet(String marker) throws IOException {
    List<String> lines = Files.readAllLines(THIS_FILE, StandardCharsets.UTF_8);
    int start = indexOfTrimmed(lines, "// " + marker + "-START");
    int end = indexOfTrimmed(lines, "// " + marker + "-END");
    return lines.subList(start + 1, end);
  }

  private static int indexOfTrimmed(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker " + marker + " not found");
  }

  /** Lines without their common indentation, trailing blanks dropped. */
  private static List<String> normalized(List<String> lines) {
    int indent = lines.stream()
        .filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length())
        .min()
        .orElse(0);
    return lines.stream()
        .map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing())
        .collect(Collectors.toList());
  }
}
