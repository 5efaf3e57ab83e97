package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.base.Suppliers;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import dev.casemail.messaging.core.CoreMessaging;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.record.RecordSigners;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation that writes several rows in several mailboxes is one transaction: for each k, the
 * k-th statement of the operation (or its commit) fails with a plain SQL error, and the test proves
 * that the caller gets a {@link StorageException} (never a raw SQL exception), that the stored state
 * is exactly what it was before, read through the API and row by row from every table, and that the
 * same call then succeeds with exactly the effect it has when nothing fails. A read whose statement
 * or commit fails is a {@link StorageException} too. The record's rows (its entries, its exports, the
 * head kept in each mailbox's row) are among the rows compared: an open records two first views, a
 * send its copies, an export itself, all or nothing.
 *
 * <p>Each k runs on a fresh database holding the same scenario. Ids come from a generator the test
 * winds back after the failure (the ids a rolled-back call drew were never stored), so the retry
 * must leave the very rows and views of an undisturbed run; the test clock stands still meanwhile.
 */
class AtomicOperationsTest {

  /** The two databases, each giving a new, empty, migrated one per call. */
  enum Database {
    POSTGRES(TestDatabases::freshPostgres),
    H2(TestDatabases::freshH2);

    private final Supplier<DataSource> fresh;

    Database(Supplier<DataSource> fresh) {
      this.fresh = fresh;
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void sendingWithAnAutoReplyIsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> scene.world.as(scene.anna).send(NewMessage.builder()
            .recipients(List.of(scene.ben, scene.drlee))
            .subject("Handover on Friday")
            .body("At the school gate, 3 pm.")
            .build()),
        scene -> {
          assertThat(scene.world.list(scene.anna, SystemFolder.INBOX))
              .as("ben's auto-reply in anna's Inbox")
              .anyMatch(m -> m.kind() == MessageKind.AUTO_REPLY && m.sender().map(ParticipantView::id)
                  .filter(scene.ben::equals).isPresent());
          assertThat(subjects(scene.world.list(scene.ben, SystemFolder.INBOX))).contains("Handover on Friday");
          assertThat(subjects(scene.world.list(scene.drlee, SystemFolder.INBOX))).contains("Handover on Friday");
        });
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void sendingWithFilesIsAllOrNothing(Database database) {
    byte[] pdf = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    allOrNothing(
        database,
        scene -> scene.world.as(scene.anna).send(NewMessage.builder()
            .recipients(List.of(scene.ben, scene.drlee))
            .subject("The school's letter")
            .addAttachments(
                NewAttachment.of("letter.pdf", "application/pdf", () -> new ByteArrayInputStream(pdf)),
                NewAttachment.of("times.txt", "text/plain", () -> new ByteArrayInputStream("3 pm\n".getBytes(StandardCharsets.UTF_8))))
            .build()),
        scene -> {
          MessageId sent = scene.world.list(scene.ben, SystemFolder.INBOX).stream()
              .filter(m -> m.subject().equals("The school's letter")).findFirst().orElseThrow().id();
          for (ParticipantId holder : List.of(scene.anna, scene.ben, scene.drlee)) {
            assertThat(scene.world.as(holder).preview(sent).attachments())
                .extracting(AttachmentView::name).containsExactly("letter.pdf", "times.txt");
          }
        });
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void replyingToAllIsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> scene.world.as(scene.ben).replyAll(Reply.to(scene.hearing, "The 14th suits me.")),
        scene -> {
          assertThat(subjects(scene.world.list(scene.drlee, SystemFolder.INBOX))).contains("Re: Hearing date");
          assertThat(subjects(scene.world.list(scene.anna, SystemFolder.INBOX))).contains("Re: Hearing date");
          assertThat(subjects(scene.world.list(scene.ben, SystemFolder.SENT))).contains("Re: Hearing date");
        });
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void movingABatchFromSeveralFoldersIsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> {
          scene.world.as(scene.anna).move(MoveRequest.of(scene.scattered, scene.court));
          return null;
        },
        scene -> assertThat(scene.world.list(scene.anna, scene.court))
            .extracting(MessageSummary::id)
            .containsExactlyInAnyOrderElementsOf(scene.scattered));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void deletingAFolderOfReadAndUnreadMessagesIsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> {
          scene.world.as(scene.anna).deleteFolder(scene.school);
          return null;
        },
        scene -> {
          assertThat(scene.world.as(scene.anna).folders()).extracting(FolderView::id).doesNotContain(scene.school);
          assertThat(subjects(scene.world.list(scene.anna, SystemFolder.ARCHIVE))).contains("Pickup", "School trip");
        });
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void approvingAccessIsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> scene.world.as(scene.cleo).approveAccess(scene.drlee),
        scene -> assertThat(scene.world.as(scene.drlee).accessLinks())
            .filteredOn(link -> link.parent().id().equals(scene.cleo))
            .extracting(AccessLinkView::status)
            .containsExactly(AccessStatus.APPROVED));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void removingAccessIsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> scene.world.as(scene.anna).removeAccess(scene.drlee),
        scene -> assertThat(scene.world.as(scene.drlee).accessLinks())
            .filteredOn(link -> link.parent().id().equals(scene.anna))
            .extracting(AccessLinkView::status)
            .containsExactly(AccessStatus.REMOVED));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void openingRecordsTheFirstViewInBothRecordsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> scene.world.as(scene.anna).open(scene.hearing),
        scene -> assertThat(scene.world.as(scene.drlee).preview(scene.hearing).receipts())
            .filteredOn(receipt -> receipt.recipient().id().equals(scene.anna))
            .singleElement()
            .satisfies(receipt -> assertThat(receipt.firstViewedAt()).isPresent()));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void exportingARecordIsAllOrNothing(Database database) {
    allOrNothing(
        database,
        scene -> scene.world.messaging.exportRecord(scene.anna, RecordScope.all(), "Court order 17"),
        scene -> {
          RecordExport second = scene.world.as(scene.anna).exportRecord(RecordScope.with(scene.drlee));
          assertThat(second.export().exportNumber()).as("the export before this one was recorded once").isEqualTo(2);
          assertThat(second.consistency()).hasSize(1);
        });
  }

  /**
   * The consumer's side of the outbox, one call at a time, each after its own preparation (a consumer
   * holding a lease of three events, and what the call needs besides): a failure at any statement, or
   * at the commit, changes nothing, and the same call then succeeds.
   */
  @ParameterizedTest
  @EnumSource(Database.class)
  void eachCallOfAnEventConsumerIsAllOrNothing(Database database) {
    Duration minute = Duration.ofMinutes(1);
    Consumer<Scene> holding = Scene::consume;
    Map<String, Map.Entry<Consumer<Scene>, Function<Scene, Object>>> calls = new LinkedHashMap<>();
    calls.put("register", Map.entry(holding, scene -> {
      scene.events().register("texter");
      return null;
    }));
    calls.put("lease", Map.entry(holding, scene -> ids(scene.events().lease("mailer", 5, minute))));
    calls.put("lease, gathering",
        Map.entry(holding, scene -> ids(scene.events().lease("mailer", 5, minute, Duration.ofMinutes(3)))));
    calls.put("acknowledge", Map.entry(holding, scene -> {
      scene.events().acknowledge(scene.held.lease(), List.of(scene.held.events().get(0).id()));
      return null;
    }));
    calls.put("release", Map.entry(holding, scene -> {
      scene.events().release(scene.held.lease());
      return null;
    }));
    calls.put("fail", Map.entry(holding, scene -> scene.events().fail(
        scene.held.lease(), scene.held.events().get(0).id(), "SMTP 451", Duration.ofSeconds(30))));
    calls.put("bury", Map.entry(holding, scene -> {
      scene.events().bury(scene.held.lease(), scene.held.events().get(0).id(), "bounced");
      return null;
    }));
    calls.put("replay", Map.entry(holding.andThen(scene ->
        scene.events().bury(scene.held.lease(), scene.held.events().get(0).id(), "bounced")), scene -> {
      scene.events().replay("mailer", scene.held.events().get(0).id());
      return null;
    }));
    calls.put("purge", Map.entry(holding.andThen(scene -> {
      scene.events().acknowledge(scene.held.lease(),
          scene.held.events().stream().map(Event::id).collect(Collectors.toList()));
      scene.world.clock.advance(Duration.ofDays(1));
    }), scene -> scene.events().purgeAcknowledged(Duration.ofHours(1))));
    calls.forEach((name, call) -> allOrNothing(database, call.getKey(), call.getValue(),
        scene -> assertThat(scene.events().consumers()).as(name).contains("mailer"), false));
  }

  private static List<String> ids(EventBatch batch) {
    return batch.events().stream().map(e -> e.id().toString()).collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFailedReadIsAStorageExceptionAndChangesNothing(Database database) {
    Run run = new Run(database);
    List<Function<Scene, Object>> reads = List.of(
        scene -> scene.world.as(scene.anna).folder(SystemFolder.INBOX.id(), PageRequest.first()),
        scene -> {
          FolderId all = SystemFolder.ALL_MESSAGES.id();
          PageRequest two = PageRequest.first(2);
          FolderPage first = scene.world.as(scene.anna).folder(all, two);
          return scene.world.as(scene.anna).folder(all, two.next(first.next().orElseThrow()));
        });
    // each read once first: the first cursor ever issued creates the database's cursor secret, and the
    // library reads it once
    reads.forEach(read -> read.apply(run.scene));
    State before = run.state();
    for (Function<Scene, Object> read : reads) {
      run.failing.countOnly();
      Object page = read.apply(run.scene);
      int events = run.failing.events();
      assertThat(events).as("statements of a page read").isPositive();
      for (int k = 1; k <= events; k++) {
        run.failing.failAt(k);
        Throwable thrown = catchThrowable(() -> read.apply(run.scene));
        assertFailedWithInjectedError(thrown, run.failing, k);
        run.failing.countOnly();
        assertThat(read.apply(run.scene)).as("the same read again").isEqualTo(page);
      }
    }
    State after = run.state();
    assertThat(after.rows).as("stored rows after the failed reads").isEqualTo(before.rows);
    assertThat(after.views).as("views after the failed reads").isEqualTo(before.views);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Runs the operation once undisturbed to learn its events and effect, then once for each event on
   * a fresh database with that event failing, followed by the same call succeeding.
   */
  private static void allOrNothing(Database database, Function<Scene, Object> operation, Consumer<Scene> effect) {
    allOrNothing(database, scene -> {}, operation, effect, true);
  }

  /**
   * As above, each run first prepared by {@code prepare} (undisturbed); {@code changesViews} says whether
   * the operation changes what participants read (a consumer's call changes only the outbox's rows).
   */
  private static void allOrNothing(Database database, Consumer<Scene> prepare, Function<Scene, Object> operation,
      Consumer<Scene> effect, boolean changesViews) {
    Run undisturbed = new Run(database);
    prepare.accept(undisturbed.scene);
    State before = undisturbed.state();
    undisturbed.failing.countOnly();
    Object result = operation.apply(undisturbed.scene);
    List<String> events = undisturbed.failing.eventLog();
    State after = undisturbed.state();
    effect.accept(undisturbed.scene);
    assertThat(before.rows).as("tables read").containsKeys(
        "participants", "families", "family_parents", "mailboxes", "access_links", "access_events", "folders",
        "copies", "receipts", "sent_keys", "drafts", "auto_responders", "auto_replies", "record_entries",
        "record_exports", "outbox_events", "event_consumers", "event_cursors", "event_dead");
    assertThat(events).as("events of the operation").last().isEqualTo("commit");
    assertThat(after.rows).as("stored rows changed by the operation").isNotEqualTo(before.rows);
    if (changesViews) {
      assertThat(after.views).as("views changed by the operation").isNotEqualTo(before.views);
    }

    for (int k = 1; k <= events.size(); k++) {
      Run run = new Run(database);
      prepare.accept(run.scene);
      assertThat(run.state()).as("the scenario, rebuilt").isEqualTo(before);
      run.ids.mark();
      run.failing.failAt(k);
      Throwable thrown = catchThrowable(() -> operation.apply(run.scene));
      assertFailedWithInjectedError(thrown, run.failing, k);
      State afterFailure = run.state();
      String failed = "after a failure at event " + k + " of " + events.size() + " (" + events.get(k - 1) + ")";
      assertThat(afterFailure.rows).as("stored rows " + failed).isEqualTo(before.rows);
      assertThat(afterFailure.views).as("views " + failed).isEqualTo(before.views);

      run.failing.countOnly();
      run.ids.rewind();
      Object retried = operation.apply(run.scene);
      assertThat(run.failing.eventLog()).as("events of the retry " + failed).isEqualTo(events);
      assertThat(retried).as("result of the retry " + failed).isEqualTo(result);
      State afterRetry = run.state();
      assertThat(afterRetry.rows).as("stored rows after the retry " + failed).isEqualTo(after.rows);
      assertThat(afterRetry.views).as("views after the retry " + failed).isEqualTo(after.views);
    }
  }

  private static void assertFailedWithInjectedError(Throwable thrown, FailingDataSource failing, int k) {
    assertThat(failing.fired()).as("event %s happened", k).isTrue();
    assertThat(thrown)
        .as("what the API threw for a failure at event %s", k)
        .isExactlyInstanceOf(StorageException.class)
        .hasRootCauseExactlyInstanceOf(FailingDataSource.InjectedFailure.class);
  }

  private static List<String> subjects(List<MessageSummary> messages) {
    return messages.stream().map(MessageSummary::subject).collect(Collectors.toList());
  }

  /** What is stored, read both ways: the views of every participant, and every row of every table. */
  private static final class State {
    final Map<ParticipantId, Object> views;
    final Map<String, List<String>> rows;

    State(Map<ParticipantId, Object> views, Map<String, List<String>> rows) {
      this.views = views;
      this.rows = rows;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof State && views.equals(((State) other).views) && rows.equals(((State) other).rows);
    }

    @Override
    public int hashCode() {
      return views.hashCode() * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
      return "views " + views + "\nrows " + rows;
    }
  }

  /** One fresh database behind a failing data source, a library on it, and the scenario built. */
  private static final class Run {
    private static final Map<Database, StoredRows> TABLES = new EnumMap<>(Database.class);
    /** One key for every run, so that the heads an undisturbed run and a retry sign are the same. */
    private static final RecordSigner SIGNER = RecordSigners.generatedForDemo();
    /**
     * The files' bytes, in a database of their own that the runs share: a send stores them before its
     * transaction (so a failure in it leaves them to the clean-up), and what is compared is the messages'
     * database, where the files each message carries are rows like the rest.
     */
    private static final Supplier<BlobStore> BLOBS = Suppliers.memoize(() -> {
      JdbcDataSource blobs = new JdbcDataSource();
      blobs.setURL("jdbc:h2:mem:atomic-operations-blobs;DB_CLOSE_DELAY=-1");
      JdbcMessaging.migrate(blobs);
      return JdbcBlobStore.create(blobs);
    });
    private static final Pattern LEASE_TOKEN =
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    final DataSource database;
    final StoredRows tables;
    final FailingDataSource failing;
    final ReplayableIds ids = new ReplayableIds();
    final Scene scene;

    Run(Database kind) {
      DataSource fresh = kind.fresh.get();
      database = fresh;
      tables = TABLES.computeIfAbsent(kind, k -> StoredRows.ofSchema(fresh));
      failing = new FailingDataSource(database);
      MessagingFixture fixture = (configuration, ignored) -> CoreMessaging.create(
          new JdbcStorage(failing),
          MessagingConfiguration.builder().from(configuration).recordSigner(SIGNER).blobStore(BLOBS.get()).build(),
          ids);
      scene = new Scene(fixture.newWorld());
    }

    State state() {
      failing.countOnly();
      Map<String, List<String>> rows = new LinkedHashMap<>();
      // a lease's token is random (a UUID): the same in every run for what it stands for
      tables.read(database).forEach((table, values) -> rows.put(table, values.stream()
          .map(row -> LEASE_TOKEN.matcher(row).replaceAll("<lease token>"))
          .collect(Collectors.toList())));
      // each mailbox as its owner reads it, and its record's signed head (its size and root)
      Map<ParticipantId, Object> views = new LinkedHashMap<>();
      scene.world.snapshot(scene.everyone()).forEach((owner, view) ->
          views.put(owner, List.of(view, scene.world.as(owner).recordHead())));
      return new State(views, rows);
    }
  }

  /**
   * A practitioner with approved access to both parents of a family and a pending request to a third
   * parent; anna's mailbox has read and unread messages in Inbox, Sent, Archive and a custom folder,
   * another custom folder and a draft; ben's auto-responder is on and has answered no one yet.
   */
  private static final class Scene {
    final World world;
    final ParticipantId drlee;
    final ParticipantId anna;
    final ParticipantId ben;
    final ParticipantId cleo;
    /** From drlee to anna and ben. */
    final MessageId hearing;
    /** Anna's folder holding one read and one unread message. */
    final FolderId school;
    /** Anna's empty folder. */
    final FolderId court;
    /** Anna's messages in Inbox (unread), Sent, Archive (read) and School (unread). */
    final Set<MessageId> scattered;

    Scene(World world) {
      this.world = world;
      drlee = world.practitioner("drlee");
      anna = world.parent("anna");
      ben = world.parent("ben");
      cleo = world.parent("cleo");
      world.family("f", anna, ben);
      world.grant(drlee, anna);
      world.grant(drlee, ben);
      world.as(drlee).requestAccess(cleo);

      hearing = send(drlee, "Hearing date", anna, ben);
      MessageId pickup = send(ben, "Pickup", anna);
      MessageId weekend = send(anna, "Weekend", ben);
      MessageId report = send(drlee, "Report", anna);
      MessageId trip = send(ben, "School trip", anna);
      world.as(anna).open(pickup);
      world.as(anna).open(report);
      school = world.as(anna).createFolder("School").id();
      court = world.as(anna).createFolder("Court").id();
      world.as(anna).move(MoveRequest.of(report, SystemFolder.ARCHIVE.id()));
      world.as(anna).move(MoveRequest.of(Set.of(pickup, trip), school));
      world.as(anna).saveDraft(DraftContent.builder().addRecipients(drlee).subject("Questions").body("1.").build());
      world.as(ben).configureAutoResponder(
          AutoResponderSettings.builder().enabled(true).subject("Away").body("Back on Monday.").build());
      scattered = new LinkedHashSet<>(List.of(hearing, weekend, report, trip));
      world.clock.advance(Duration.ofMinutes(1));
    }

    private MessageId send(ParticipantId from, String subject, ParticipantId... to) {
      world.clock.advance(Duration.ofMinutes(1));
      MessageView sent = world.send(from, subject, "About " + subject, to);
      return sent.id();
    }

    ParticipantId[] everyone() {
      return new ParticipantId[] {drlee, anna, ben, cleo};
    }

    /** What consumer {@code mailer} holds after {@link #consume()}. */
    EventBatch held;

    Events events() {
      return world.messaging.events();
    }

    /** Registers consumer {@code mailer}, which then leases three events. */
    void consume() {
      events().register("mailer");
      held = events().lease("mailer", 3, Duration.ofMinutes(1));
    }
  }

  /**
   * Ids 1000, 1001, … that the test can wind back to a mark: a call that failed and rolled back stored
   * none of the ids it drew, so its retry may draw them again and must then store what an undisturbed
   * call stores.
   */
  private static final class ReplayableIds implements IdGenerator {
    private long next = 1000;
    private long mark;

    @Override
    public synchronized long next() {
      return next++;
    }

    synchronized void mark() {
      mark = next;
    }

    synchronized void rewind() {
      next = mark;
    }
  }
}
