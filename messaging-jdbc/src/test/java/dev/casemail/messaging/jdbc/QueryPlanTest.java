package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import dev.casemail.messaging.core.participant.Participant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page costs the same at ten messages or ten million. One mailbox of more than 50 000 copies, among
 * five thousand small ones, analysed: PostgreSQL runs every page and count statement of the adapter
 * (the very strings the row classes run) through the index made for it, both in the custom plan for
 * realistic values and in the generic plan a server-side prepared statement may switch to. No plan
 * scans or sorts the mailbox, and executed, no page statement touches more rows than the page holds.
 * Through the API, the first page of the big folder is its 50 newest messages and every folder count
 * equals a recount.
 */
class QueryPlanTest {

  private static final Logger LOG = LoggerFactory.getLogger(QueryPlanTest.class);

  /** Copies loaded in bulk into the big mailbox (a thirtieth of them action items). */
  private static final int BIG_MAILBOX = 60_000;

  private static final int OTHER_MAILBOXES = 5_000;

  /** Copies loaded in bulk into the other mailboxes, so that the mailbox is a part of the table. */
  private static final int OTHER_COPIES = 100_000;

  private static final int BIG_DRAFTS = 3_000;
  private static final int OTHER_DRAFTS = 10_000;

  /** A page as the API reads it: 50 rows and one more, to know whether another page follows. */
  private static final int LIMIT = PageRequest.DEFAULT_SIZE + 1;

  /** Bulk message ids start here, far below the time-ordered ids of the API, so they never collide. */
  private static final long BULK_IDS = 1_000_000_000L;
  private static final long BULK_THREADS = 2_000_000_000L;
  private static final long OTHER_IDS = 3_000_000_000L;

  private static HikariDataSource pool;
  private static Messaging messaging;
  private static ParticipantId owner;
  private static FolderId court;
  private static List<MessageId> receivedThroughTheApi;

  @BeforeAll
  static void loadOneBigMailboxAmongManySmallOnes() {
    pool = TestDatabases.postgresPool(TestDatabases.migratedPostgresSchema(), 2);
    messaging = JdbcMessaging.create(pool, MessagingConfiguration.defaults());
    MessagingFixture fixture = (configuration, ids) -> messaging;
    World world = fixture.newWorld();
    owner = world.practitioner("big-mediator");
    ParticipantId mother = world.parent("big-mother");
    ParticipantId father = world.parent("big-father");
    world.family("big", mother, father);
    world.grant(owner, mother);
    world.grant(owner, father);
    court = world.as(owner).createFolder("Court").id();
    FolderId school = world.as(owner).createFolder("School").id();
    receivedThroughTheApi = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ParticipantId sender = i % 2 == 0 ? mother : father;
      receivedThroughTheApi.add(world.send(sender, "Live " + i, "Sent through the API", owner).id());
    }
    world.send(owner, "Live reply", "Sent through the API", mother, father);
    world.as(owner).saveDraft(DraftContent.builder().subject("Live draft").build());

    String motherEntry =
        Codec.participants(List.of(new Participant(mother, ParticipantRole.PARENT, "Parent big-mother")));
    long started = System.nanoTime();
    try (Connection connection = pool.getConnection(); Statement plain = connection.createStatement()) {
      connection.setAutoCommit(false);
      // the other mailboxes: participants, mailbox rows, system folders as a new mailbox has them
      run(connection, "INSERT INTO participants (participant_id, role, display_name)"
          + " SELECT 'other-' || g, 'PARENT', 'Parent ' || g FROM generate_series(1, ?) g", OTHER_MAILBOXES);
      run(connection, "INSERT INTO mailboxes (owner_id) SELECT 'other-' || g FROM generate_series(1, ?) g",
          OTHER_MAILBOXES);
      run(connection, "INSERT INTO folders (owner_id, folder_id, system_folder, name, name_key, total, unread)"
          + " SELECT 'other-' || g, f.folder_id, f.system_folder, f.name, f.name_key, 0, 0"
          + " FROM folders f CROSS JOIN generate_series(1, ?) g"
          + " WHERE f.owner_id = ? AND f.system_folder IS NOT NULL", OTHER_MAILBOXES, owner.value());
      // the big mailbox: received messages in Inbox, Court, School and Archive, sent ones in Sent and
      // Archive (only they list their recipients, V11), action items; two copies share each sent time, so ties are ordered by id; threads of 8
      run(connection, "INSERT INTO copies (owner_id, message_id, thread_id, kind, sender_id, sender_role,"
          + " sender_name, recipients, subject, preview, sent_at, in_reply_to, folder_id, opened_at, in_all)"
          + " SELECT ?, ? + g, ? + g / 8, kind,"
          + " CASE WHEN kind <> 'PERSONAL' THEN NULL WHEN outgoing THEN ? WHEN g % 2 = 0 THEN ? ELSE ? END,"
          + " CASE WHEN kind <> 'PERSONAL' THEN NULL WHEN outgoing THEN 'PRACTITIONER' ELSE 'PARENT' END,"
          + " CASE WHEN kind <> 'PERSONAL' THEN NULL WHEN outgoing THEN ? ELSE 'Parent big' END,"
          + " CASE WHEN outgoing THEN ? ELSE NULL END,"
          + " 'Message ' || g, 'Body of message ' || g, at, NULL,"
          + " CASE WHEN g % 7 = 0 THEN ? WHEN kind <> 'PERSONAL' THEN ? WHEN outgoing THEN ?"
          + " WHEN g % 7 = 1 THEN ? WHEN g % 7 = 2 THEN ? ELSE ? END,"
          + " CASE WHEN outgoing THEN at WHEN g % 3 = 0 THEN NULL ELSE at + INTERVAL '1 hour' END,"
          + " kind = 'PERSONAL'"
          + " FROM (SELECT g, CASE WHEN g % 30 = 0 THEN 'ACTION_ITEM' ELSE 'PERSONAL' END AS kind,"
          + " g % 30 <> 0 AND g % 5 = 1 AS outgoing,"
          + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + (g / 2) * INTERVAL '10 minutes' AS at"
          + " FROM generate_series(1, ?) g) s",
          owner.value(), BULK_IDS, BULK_THREADS,
          owner.value(), mother.value(), father.value(),
          "Practitioner big-mediator",
          motherEntry,
          SystemFolder.ARCHIVE.id().value(), SystemFolder.ACTION_ITEMS.id().value(), SystemFolder.SENT.id().value(),
          court.value(), school.value(), SystemFolder.INBOX.id().value(),
          BIG_MAILBOX);
      run(connection, "INSERT INTO receipts (owner_id, message_id, recipient_id, position, first_viewed_at)"
          + " SELECT owner_id, message_id, ?, 0, CASE WHEN message_id % 2 = 0 THEN sent_at END FROM copies"
          + " WHERE owner_id = ? AND sender_id = ? AND message_id BETWEEN ? AND ?",
          mother.value(), owner.value(), owner.value(), BULK_IDS, BULK_IDS + BIG_MAILBOX);
      // the other mailboxes hold 20 messages each, in the same folder ids as the big one
      run(connection, "INSERT INTO copies (owner_id, message_id, thread_id, kind, sender_id, sender_role,"
          + " sender_name, recipients, subject, preview, sent_at, in_reply_to, folder_id, opened_at, in_all)"
          + " SELECT 'other-' || (g % ? + 1), ? + g, ? + g, 'PERSONAL', 'other-' || ((g + 1) % ? + 1), 'PARENT',"
          + " 'Parent', NULL, 'Message ' || g, 'Body', "
          + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + g * INTERVAL '3 minutes', NULL,"
          + " CASE WHEN g % 4 = 0 THEN ? ELSE ? END, NULL, TRUE FROM generate_series(1, ?) g",
          OTHER_MAILBOXES, OTHER_IDS, OTHER_IDS, OTHER_MAILBOXES,
          SystemFolder.ARCHIVE.id().value(), SystemFolder.INBOX.id().value(), OTHER_COPIES);
      // each message's content, once (V11): the big mailbox's and the others' messages
      run(connection, "INSERT INTO message_contents (message_id, recipients, body)"
          + " SELECT message_id, MIN(owner_id) || ?, MIN('Body of message ' || message_id) FROM copies c"
          + " WHERE NOT EXISTS (SELECT 1 FROM message_contents m WHERE m.message_id = c.message_id) GROUP BY message_id",
          "\tPARENT\tParent");
      run(connection, "INSERT INTO drafts (owner_id, draft_id, recipients, subject, body, in_reply_to, created_at,"
          + " updated_at, version)"
          + " SELECT ?, ? + g, ?, 'Draft ' || g, 'Draft body ' || g, NULL, at, at + (g % 5) * INTERVAL '1 minute', 1"
          + " FROM (SELECT g, TIMESTAMP WITH TIME ZONE '2025-06-01 00:00:00+00' + g * INTERVAL '1 hour' AS at"
          + " FROM generate_series(1, ?) g) s",
          owner.value(), BULK_IDS, mother.value(), BIG_DRAFTS);
      run(connection, "INSERT INTO drafts (owner_id, draft_id, recipients, subject, body, in_reply_to, created_at,"
          + " updated_at, version)"
          + " SELECT 'other-' || (g % ? + 1), ? + g, '', NULL, '', NULL, at, at, 1"
          + " FROM (SELECT g, TIMESTAMP WITH TIME ZONE '2025-06-01 00:00:00+00' + g * INTERVAL '1 minute' AS at"
          + " FROM generate_series(1, ?) g) s",
          OTHER_MAILBOXES, OTHER_IDS, OTHER_DRAFTS);
      // a file on every third copy and every other draft, each counted on the quota of its copy's sender
      run(connection, "INSERT INTO message_attachments (owner_id, message_id, position, name, content_type, size_bytes,"
          + " content_hash, sent_by_owner) SELECT owner_id, message_id, 0, 'letter.pdf', 'application/pdf', 1000,"
          + " '00000000000000000000000000000000000000000000000000000000000000ff', sender_id IS NOT NULL AND sender_id = owner_id"
          + " FROM copies WHERE message_id % 3 = 0");
      run(connection, "INSERT INTO draft_attachments (owner_id, draft_id, position, name, content_type, size_bytes,"
          + " content_hash) SELECT owner_id, draft_id, 0, 'draft.pdf', 'application/pdf', 1000,"
          + " '00000000000000000000000000000000000000000000000000000000000000ee' FROM drafts WHERE draft_id % 2 = 0");
      long inserted = System.nanoTime();
      // the counts, as the library would have kept them
      long allMessages = SystemFolder.ALL_MESSAGES.id().value();
      long drafts = SystemFolder.DRAFTS.id().value();
      run(connection, "UPDATE folders f SET"
          + " total = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id AND c.folder_id = f.folder_id),"
          + " unread = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id AND c.folder_id = f.folder_id"
          + " AND c.opened_at IS NULL) WHERE f.folder_id NOT IN (?, ?)", allMessages, drafts);
      run(connection, "UPDATE folders f SET"
          + " total = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id AND c.in_all),"
          + " unread = (SELECT COUNT(*) FROM copies c WHERE c.owner_id = f.owner_id AND c.in_all"
          + " AND c.opened_at IS NULL) WHERE f.folder_id = ?", allMessages);
      run(connection, "UPDATE folders f SET unread = 0,"
          + " total = (SELECT COUNT(*) FROM drafts d WHERE d.owner_id = f.owner_id) WHERE f.folder_id = ?", drafts);
      connection.commit();
      long loaded = System.nanoTime();
      connection.setAutoCommit(true); // statistics gathered in a transaction that rolls back are lost
      plain.execute("ANALYZE participants, mailboxes, folders, copies, message_contents, receipts, drafts, message_attachments,"
          + " draft_attachments");
      LOG.info("inserted {} copies into one mailbox, {} into {} others, {} + {} drafts in {} ms;"
              + " fixing the counts took {} ms, ANALYZE {} ms",
          BIG_MAILBOX, OTHER_COPIES, OTHER_MAILBOXES, BIG_DRAFTS, OTHER_DRAFTS,
          TimeUnit.NANOSECONDS.toMillis(inserted - started),
          TimeUnit.NANOSECONDS.toMillis(loaded - inserted),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loaded));
    } catch (SQLException e) {
      throw new IllegalStateException("could not load the big mailbox: " + e.getMessage(), e);
    }
  }

  @AfterAll
  static void closeThePool() {
    pool.close();
  }

  // -----------------------------------------------------------------------------------------------
  // the plans

  /**
   * One statement of the adapter, the index it must use (any of {@code indexes}), whether it reads a
   * bounded number of rows, and realistic values for its parameters.
   */
  record Probe(String name, String sql, List<String> indexes, boolean bounded, List<Object> parameters) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Probe> statements() {
    long inbox = SystemFolder.INBOX.id().value();
    Key inboxNext = key("SELECT sent_at, message_id FROM copies WHERE owner_id = ? AND folder_id = ?"
        + " ORDER BY sent_at DESC, message_id DESC OFFSET 49 LIMIT 1", owner.value(), inbox);
    Key inboxDeep = key("SELECT sent_at, message_id FROM copies WHERE owner_id = ? AND folder_id = ?"
        + " ORDER BY sent_at DESC, message_id DESC OFFSET 20000 LIMIT 1", owner.value(), inbox);
    Key allNext = key("SELECT sent_at, message_id FROM copies WHERE owner_id = ? AND in_all"
        + " ORDER BY sent_at DESC, message_id DESC OFFSET 49 LIMIT 1", owner.value());
    long thread = BULK_THREADS + 3_000;
    Key threadNext = key("SELECT sent_at, message_id FROM copies WHERE owner_id = ? AND thread_id = ?"
        + " ORDER BY sent_at, message_id LIMIT 1", owner.value(), thread);
    Key draftsNext = key("SELECT updated_at, draft_id FROM drafts WHERE owner_id = ?"
        + " ORDER BY updated_at DESC, draft_id DESC OFFSET 49 LIMIT 1", owner.value());
    List<String> byFolder = List.of("copies_by_folder");
    List<String> inAll = List.of("copies_in_all");
    List<String> byThread = List.of("copies_by_thread");
    List<String> byUpdate = List.of("drafts_by_update");
    // the folders of one owner: either index that starts with the owner will do, and there are few
    List<String> ofOwner = List.of("folders_pk", "folders_name_unique");
    return Stream.of(
        new Probe("Inbox, first page", CopyRows.folderPageSql(false), byFolder, true,
            List.of(owner.value(), inbox, LIMIT)),
        new Probe("Inbox, next page", CopyRows.folderPageSql(true), byFolder, true,
            List.of(owner.value(), inbox, inboxNext.at, inboxNext.id, LIMIT)),
        new Probe("Inbox, a page 20 000 deep", CopyRows.folderPageSql(true), byFolder, true,
            List.of(owner.value(), inbox, inboxDeep.at, inboxDeep.id, LIMIT)),
        new Probe("custom folder, first page", CopyRows.folderPageSql(false), byFolder, true,
            List.of(owner.value(), court.value(), LIMIT)),
        new Probe("All Messages, first page", CopyRows.allMessagesPageSql(false), inAll, true,
            List.of(owner.value(), true, LIMIT)),
        new Probe("All Messages, next page", CopyRows.allMessagesPageSql(true), inAll, true,
            List.of(owner.value(), true, allNext.at, allNext.id, LIMIT)),
        new Probe("thread, first page", CopyRows.threadPageSql(false), byThread, true,
            List.of(owner.value(), thread, LIMIT)),
        new Probe("thread, next page", CopyRows.threadPageSql(true), byThread, true,
            List.of(owner.value(), thread, threadNext.at, threadNext.id, LIMIT)),
        new Probe("Drafts, first page", DraftRows.draftsPageSql(false), byUpdate, true,
            List.of(owner.value(), LIMIT)),
        new Probe("Drafts, next page", DraftRows.draftsPageSql(true), byUpdate, true,
            List.of(owner.value(), draftsNext.at, draftsNext.id, LIMIT)),
        new Probe("the folders and their counts", FolderRows.FOLDERS_OF_OWNER, ofOwner, true,
            List.of(owner.value())),
        new Probe("one folder and its counts", FolderRows.FOLDER_OF_OWNER, List.of("folders_pk"), true,
            List.of(owner.value(), inbox)),
        new Probe("opening a message: its copy in the owner's mailbox", CopyRows.COPY, List.of("copies_pk"), true,
            List.of(owner.value(), BULK_IDS + 5)),
        new Probe("opening a message: its content, by id", CopyRows.contentsSql(1), List.of("message_contents_pk"), true,
            List.of(BULK_IDS + 5)),
        new Probe("the contents of a page of messages", CopyRows.contentsSql(50), List.of("message_contents_pk"), true,
            filesOf(owner.value(), BULK_IDS, 50).subList(1, 51)),
        new Probe("the files of a page of messages", AttachmentRows.messageFilesSql(50),
            List.of("message_attachments_pk"), true, filesOf(owner.value(), BULK_IDS, 50)),
        new Probe("the files of a page of drafts", AttachmentRows.draftFilesSql(50),
            List.of("draft_attachments_pk"), true, filesOf(owner.value(), BULK_IDS, 50)),
        new Probe("the quota: the files the owner sent", AttachmentRows.SENT_BYTES,
            List.of("message_attachments_quota"), false, List.of(owner.value(), true)),
        new Probe("the quota: the files of the owner's drafts", AttachmentRows.DRAFTED_BYTES,
            List.of("draft_attachments_pk"), false, List.of(owner.value())));
  }

  /** The owner and {@code count} ids from {@code first + 1} on. */
  private static List<Object> filesOf(String owner, long first, int count) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(owner);
    for (long id = first + 1; id <= first + count; id++) {
      parameters.add(id);
    }
    return parameters;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void theStatementUsesItsIndexAndNeverScansTheMailbox(Probe probe) {
    List<String> custom = customPlan(probe);
    List<String> generic = genericPlan(probe);
    LOG.info("{}\n  custom plan:  {}\n  generic plan: {}",
        probe.name, String.join(" | ", custom), String.join(" | ", generic));

    for (List<String> plan : List.of(custom, generic)) {
      String text = String.join("\n", plan);
      assertThat(text).as("%s: plan\n%s", probe.name, text)
          .containsAnyOf(probe.indexes.stream()
              .flatMap(index -> Stream.of("Index Scan using " + index + " ", "Index Scan Backward using " + index + " ",
                  "Index Only Scan using " + index + " ", "Index Only Scan Backward using " + index + " ",
                  "Bitmap Index Scan on " + index + " "))
              .toArray(String[]::new))
          .doesNotContain("Seq Scan");
      if (probe.bounded) {
        // a page walks the index from where it starts and stops after the page: no step of the plan
        // (an index scan, a bitmap of the whole folder, a sort) goes through more rows than that
        Matcher rows = Pattern.compile("actual rows=(\\d+)").matcher(text);
        while (rows.find()) {
          assertThat(Long.parseLong(rows.group(1)))
              .as("%s: rows a step of the plan went through\n%s", probe.name, text)
              .isLessThanOrEqualTo(LIMIT);
        }
        assertThat(plan).as("%s: rows read and thrown away\n%s", probe.name, text)
            .noneMatch(line -> line.contains("Rows Removed by Filter"));
      }
    }
  }

  /**
   * A send's multi-row insert of the copies that start a thread must check each against
   * {@code copies_by_thread} with a seek of its own (a first version let PostgreSQL join the values to
   * every copy with a hash anti-join, over a millisecond a send). It runs with its custom and its
   * generic plan, then is rolled back.
   */
  @Test
  void aSendsMultiRowInsertOfNewThreadsSeeksEachThreadAndNeverScansTheTable() {
    String mother = "big-mother";
    String father = "big-father";
    long message = OTHER_IDS + 900_001;
    long thread = OTHER_IDS + 900_002;
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    List<Object> copies = new ArrayList<>();
    for (String copyOwner : List.of(owner.value(), mother, father)) {
      boolean sender = copyOwner.equals(owner.value());
      copies.addAll(Arrays.asList(copyOwner, message, thread, "PERSONAL", owner.value(), "PRACTITIONER",
          "Practitioner big-mediator", sender ? "big-mother\tPARENT\tParent big-mother" : new Null("varchar"),
          "Plan", "A preview", now, new Null("int8"),
          sender ? SystemFolder.SENT.id().value() : SystemFolder.INBOX.id().value(),
          sender ? now : new Null("timestamptz"), true));
    }
    Map<String, List<String>> plans = new LinkedHashMap<>();
    plans.put("copies, custom", rolledBack(CopyRows.startingThreadsSql(3), copies, false));
    plans.put("copies, generic", rolledBack(CopyRows.startingThreadsSql(3), copies, true));
    plans.forEach((name, plan) -> LOG.info("{}: {}", name, String.join(" | ", plan)));

    for (String name : List.of("copies, custom", "copies, generic")) {
      String text = String.join("\n", plans.get(name));
      assertThat(text).as("%s\n%s", name, text)
          .contains("copies_by_thread")
          .doesNotContain("Seq Scan on copies")
          .doesNotContain("Hash Anti Join")
          .contains("Insert on copies");
      assertThat(text).as("%s: the three rows, each checked by a seek\n%s", name, text)
          .contains("Values Scan").contains("actual rows=3").contains("SubPlan");
    }
  }

  /** A NULL of a PostgreSQL type, as a parameter of a probe. */
  private record Null(String type) {}

  /** The plan of a write, executed in a transaction that is then rolled back. */
  private static List<String> rolledBack(String sql, List<Object> parameters, boolean generic) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        if (!generic) {
          try (PreparedStatement explained = connection.prepareStatement(EXPLAIN + sql)) {
            bind(explained, parameters.toArray());
            try (ResultSet plan = explained.executeQuery()) {
              return lines(plan);
            }
          }
        }
        String types = parameters.stream().map(QueryPlanTest::type).collect(Collectors.joining(", "));
        String values = parameters.stream().map(QueryPlanTest::literal).collect(Collectors.joining(", "));
        statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        statement.execute("PREPARE probe (" + types + ") AS " + numbered(sql));
        try (ResultSet plan = statement.executeQuery(EXPLAIN + "EXECUTE probe (" + values + ")")) {
          return lines(plan);
        }
      } finally {
        connection.rollback();
        try (Statement statement = connection.createStatement()) {
          statement.execute("DEALLOCATE ALL");
        }
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // through the API

  @Test
  void theFirstPageOfTheBigInboxIsItsFiftyNewestMessages() {
    FolderPage page = messaging.actingAs(owner).folder(SystemFolder.INBOX.id(), PageRequest.first());

    long inbox = SystemFolder.INBOX.id().value();
    List<String> newest = TestSql.column(pool, "SELECT message_id FROM copies WHERE owner_id = ? AND folder_id = ?"
        + " ORDER BY sent_at DESC, message_id DESC LIMIT 50", owner.value(), inbox);
    assertThat(page.items()).extracting(item -> String.valueOf(item.id().value()))
        .as("the first page: the 50 newest by (sent time, id)")
        .containsExactlyElementsOf(newest);
    List<MessageId> live = new ArrayList<>(receivedThroughTheApi);
    Collections.reverse(live);
    assertThat(page.items().subList(0, live.size())).extracting(MessageSummary::id)
        .as("the messages received through the API are the newest").containsExactlyElementsOf(live);
    assertThat(page.next()).isPresent();
    assertThat(page.folder().total()).isEqualTo(
        TestSql.number(pool, "SELECT COUNT(*) FROM copies WHERE owner_id = ? AND folder_id = ?", owner.value(), inbox));
    assertThat(page.folder().total()).as("the Inbox is a big folder").isGreaterThan(BIG_MAILBOX / 3);
  }

  @Test
  void everyFolderCountOfTheBigMailboxEqualsARecount() {
    List<FolderView> folders = messaging.actingAs(owner).folders();

    for (FolderView folder : folders) {
      long total;
      long unread;
      if (folder.system().filter(SystemFolder.DRAFTS::equals).isPresent()) {
        total = TestSql.number(pool, "SELECT COUNT(*) FROM drafts WHERE owner_id = ?", owner.value());
        unread = 0;
      } else {
        String where = folder.system().filter(SystemFolder.ALL_MESSAGES::equals).isPresent()
            ? "in_all AND ? > 0" : "folder_id = ?";
        total = TestSql.number(pool, "SELECT COUNT(*) FROM copies WHERE owner_id = ? AND " + where,
            owner.value(), folder.id().value());
        unread = TestSql.number(pool,
            "SELECT COUNT(*) FROM copies WHERE opened_at IS NULL AND owner_id = ? AND " + where,
            owner.value(), folder.id().value());
      }
      assertThat(List.of(folder.total(), folder.unread())).as("%s: total and unread", folder.name())
          .containsExactly(total, unread);
    }
    assertThat(folders.stream().mapToLong(FolderView::total).sum()).as("everything counted")
        .isGreaterThan(2L * BIG_MAILBOX);
  }

  // -----------------------------------------------------------------------------------------------

  /** A position to continue a listing after. */
  private record Key(Instant at, long id) {}

  private static Key key(String sql, Object... parameters) {
    List<Object> row = TestSql.rows(pool, sql, parameters).get(0);
    return new Key(((Timestamp) row.get(0)).toInstant(), ((Number) row.get(1)).longValue());
  }

  private static void run(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    }
  }

  private static final String EXPLAIN = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ";

  /** The plan PostgreSQL makes for the statement with its values bound, as the driver first runs it; executed. */
  private static List<String> customPlan(Probe probe) {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(EXPLAIN + probe.sql)) {
      bind(statement, probe.parameters.toArray());
      try (ResultSet plan = statement.executeQuery()) {
        return lines(plan);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(probe.sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * The plan a server-side prepared statement may settle on after a few runs, made without looking at
   * the values (typed as the driver binds them), then executed with them.
   */
  private static List<String> genericPlan(Probe probe) {
    String types = probe.parameters.stream().map(QueryPlanTest::type).collect(Collectors.joining(", "));
    String values = probe.parameters.stream().map(QueryPlanTest::literal).collect(Collectors.joining(", "));
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET plan_cache_mode = force_generic_plan");
      statement.execute("PREPARE probe (" + types + ") AS " + numbered(probe.sql));
      try (ResultSet plan = statement.executeQuery(EXPLAIN + "EXECUTE probe (" + values + ")")) {
        return lines(plan);
      } finally {
        statement.execute("DEALLOCATE probe");
        statement.execute("RESET plan_cache_mode");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(probe.sql + ": " + e.getMessage(), e);
    }
  }

  private static List<String> lines(ResultSet plan) throws SQLException {
    List<String> lines = new ArrayList<>();
    while (plan.next()) {
      lines.add(plan.getString(1));
    }
    return lines;
  }

  /** The type PostgreSQL's driver gives a parameter of this Java type. */
  private static String type(Object value) {
    if (value instanceof Null) {
      return ((Null) value).type();
    } else if (value instanceof String) {
      return "varchar";
    } else if (value instanceof Long) {
      return "int8";
    } else if (value instanceof Integer) {
      return "int4";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof Instant) {
      return "timestamptz";
    }
    throw new IllegalArgumentException("no SQL type for " + value.getClass());
  }

  private static String literal(Object value) {
    if (value instanceof Null) {
      return "NULL";
    } else if (value instanceof String) {
      return "'" + ((String) value).replace("'", "''") + "'";
    } else if (value instanceof Instant) {
      return "'" + OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC) + "'";
    }
    return String.valueOf(value);
  }

  /** The statement with $1, $2 … instead of ?, as EXPLAIN (GENERIC_PLAN) takes it. */
  private static String numbered(String sql) {
    StringBuilder numbered = new StringBuilder();
    int parameter = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?') {
        numbered.append('$').append(++parameter);
      } else {
        numbered.append(c);
      }
    }
    return numbered.toString();
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value instanceof Null) {
        statement.setNull(i + 1, switch (((Null) value).type()) {
          case "varchar" -> java.sql.Types.VARCHAR;
          case "int8" -> java.sql.Types.BIGINT;
          default -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
        });
        continue;
      }
      statement.setObject(
          i + 1, value instanceof Instant ? OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC) : value);
    }
  }
}
