package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordIntegrityException;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.MutableClock;
import dev.casemail.messaging.contract.RecordContract;
import dev.casemail.messaging.contract.World;
import dev.casemail.messaging.core.CoreMessaging;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.record.MerkleTree;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.RecordSigners;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever is changed in the tables behind the library's back, the next export notices: each case
 * starts from a fresh database holding the same scene (a practitioner and the two parents of one
 * family, approved access, messages both ways with a reply and a reply all, a system message, an
 * auto-reply, first views, an access removal and a new request, and one export made), changes one
 * value of one row, or deletes, swaps or forges rows, with plain SQL, and exports the mailbox the row
 * belongs to. The export refuses with a {@link RecordIntegrityException} naming the entry at fault
 * when the fault is one entry's, or, for the few columns that are not evidence, still proves.
 *
 * <p>The columns come from the database's own metadata, and each has a decision in
 * {@link #CHANGED_VALUES} (or its table one in {@link #TABLES_WITHOUT_EVIDENCE}): a column added later
 * without one fails {@link #everyColumnOfEveryTableHasADecision}.
 */
class RecordTamperTest {

  /** The two databases, each giving a new, empty, migrated one per call. */
  enum Database {
    POSTGRES(TestDatabases::freshPostgres),
    H2(TestDatabases::freshH2);

    private final Supplier<DataSource> fresh;

    Database(Supplier<DataSource> fresh) {
      this.fresh = fresh;
    }
  }

  private static final RecordSigner SIGNER = ed25519();

  /** What the attacker makes the reply all say. */
  private static final String REWRITTEN_BODY = "I never agreed to the 14th.";

  // ------------------------------------------------------------------------------ the decisions

  /** What changing a column does to the record. */
  enum Decision {
    /** The next export refuses: the column is evidence, or the record itself. */
    DETECTED,
    /** The next export still proves: the column is not part of any entry, head or export. */
    NOT_EVIDENCE
  }

  /** Tables none of whose columns is part of an entry, a head or an export, and why. */
  private static final Map<String, String> TABLES_WITHOUT_EVIDENCE = Map.ofEntries(
      Map.entry("participants", "the directory: a message's entry keeps its sender's and recipients' names as sent, in copies and message_contents"),
      Map.entry("families", "who may message whom; what was sent because of it is recorded, the family is not"),
      Map.entry("family_parents", "who may message whom; what was sent because of it is recorded, the family is not"),
      Map.entry("folders", "folders, their names and counts are the owner's view (the design: moves and folders are not evidence)"),
      Map.entry("sent_keys", "idempotency keys only make a retry answer with the first message, which is recorded"),
      Map.entry("drafts", "drafts are not evidence until sent, and then they are messages"),
      Map.entry("auto_responders", "settings; the auto-replies they send are messages, recorded where they land"),
      Map.entry("auto_replies", "when each correspondent was last answered, to space auto-replies; each auto-reply is a message"),
      Map.entry("casemail_keys", "the secret page cursors are authenticated with"),
      Map.entry("outbox_events", "events are notices for the host to email, text or push; what they tell of is recorded"),
      Map.entry("event_consumers", "the host's consumers of events"),
      Map.entry("event_cursors", "where each consumer stands in each mailbox's events"),
      Map.entry("event_dead", "the events a consumer gave up on"),
      Map.entry("event_cursors_due", "the mailboxes whose consumers' cursors are still to be made"),
      Map.entry("draft_attachments", "drafts are not evidence until sent, and then their files are the message's"),
      Map.entry("blob_contents", "attachments' bytes, addressed by the SHA-256 a message's entry carries: a changed"
          + " byte no longer matches it, and the store's stream fails at its end (BlobStreamTest)"),
      Map.entry("blob_chunks", "attachments' bytes, addressed by the SHA-256 a message's entry carries: a changed"
          + " byte no longer matches it, and the store's stream fails at its end (BlobStreamTest)"));

  /** One value of one row changed, for every column of every table that carries evidence. */
  private static final List<Tamper> CHANGED_VALUES = List.of(
      // a message's copy in every mailbox it entered, with its content stored once (message_contents):
      // each copy, read with that content, is its owner's evidence
      detected("copies", "owner_id", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      detected("copies", "message_id", Row.ANNAS_COPY_OF_THE_REPLY_ALL_RENUMBERED),
      detected("copies", "thread_id", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      detected("copies", "kind", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      detected("copies", "sender_id", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      detected("copies", "sender_role", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      detected("copies", "sender_name", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      notEvidence("copies", "recipients", Row.BENS_OWN_COPY_OF_THE_REPLY_ALL,
          "the recipients Sent lists, on the sender's copy only; the entry's are the message's, in message_contents"),
      detected("copies", "subject", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      notEvidence("copies", "preview", Row.ANNAS_COPY_OF_THE_REPLY_ALL,
          "the start of the body a listing shows; the entry holds the body, in message_contents"),
      detected("message_contents", "message_id", Row.THE_CONTENT_OF_THE_REPLY_ALL),
      detected("message_contents", "recipients", Row.THE_CONTENT_OF_THE_REPLY_ALL),
      detected("message_contents", "body", Row.THE_CONTENT_OF_THE_REPLY_ALL),
      detected("copies", "sent_at", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      detected("copies", "in_reply_to", Row.ANNAS_COPY_OF_THE_REPLY_ALL),
      notEvidence("copies", "folder_id", Row.ANNAS_COPY_OF_THE_REPLY_ALL,
          "where the owner keeps a copy is their view: moves are not evidence"),
      detected("copies", "opened_at", Row.ANNAS_OPENING_OF_THE_REPLY_ALL),
      notEvidence("copies", "opened_at", Row.BENS_OWN_COPY_OF_THE_REPLY_ALL,
          "a sender opening their own copy is not a first view: the recipients' are, in the sender's receipts"),
      notEvidence("copies", "in_all", Row.ANNAS_COPY_OF_THE_REPLY_ALL,
          "whether All Messages lists a copy follows from its kind, which is evidence; the flag only serves the listing"),

      // the files a copy carries: their hashes, in order, are in the message's entry
      detected("message_attachments", "owner_id", Row.ANNAS_FILE_OF_THE_REPLY_ALL),
      detected("message_attachments", "message_id", Row.ANNAS_FILE_OF_THE_REPLY_ALL),
      detected("message_attachments", "content_hash", Row.ANNAS_FILE_OF_THE_REPLY_ALL),
      notEvidence("message_attachments", "position", Row.ANNAS_FILE_OF_THE_REPLY_ALL,
          "the order of a message's files is evidence (their hashes are listed in order); a lone file's number is not"),
      notEvidence("message_attachments", "name", Row.ANNAS_FILE_OF_THE_REPLY_ALL,
          "the record format's entry lists the files' hashes, not their names (record-format.md, field 14)"),
      notEvidence("message_attachments", "content_type", Row.ANNAS_FILE_OF_THE_REPLY_ALL,
          "the detected type follows from the bytes, which the hash proves; the entry does not list it"),
      notEvidence("message_attachments", "size_bytes", Row.ANNAS_FILE_OF_THE_REPLY_ALL,
          "the size follows from the bytes, which the hash proves; the entry does not list it"),
      notEvidence("message_attachments", "sent_by_owner", Row.ANNAS_FILE_OF_THE_REPLY_ALL,
          "whose quota a file counts on; who sent the message is evidence, in the copy"),

      // the sender's record of each recipient's first view
      detected("receipts", "owner_id", Row.DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW),
      detected("receipts", "message_id", Row.DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW),
      detected("receipts", "recipient_id", Row.DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW),
      notEvidence("receipts", "position", Row.DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW,
          "the order the sender's view lists receipts in; the recipients' order is the message's, in its entry"),
      detected("receipts", "first_viewed_at", Row.DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW),

      detected("access_events", "owner_id", Row.ANNAS_NEW_REQUEST),
      detected("access_events", "counterpart_id", Row.ANNAS_NEW_REQUEST),
      detected("access_events", "seq", Row.ANNAS_NEW_REQUEST),
      detected("access_events", "status", Row.ANNAS_NEW_REQUEST),
      detected("access_events", "actor_id", Row.ANNAS_NEW_REQUEST),
      detected("access_events", "happened_at", Row.ANNAS_NEW_REQUEST),

      // a link's sides are part of every one of its events (the events are read joined to their link)
      detected("access_links", "owner_id", Row.ANNAS_LINK_WITH_DRLEE),
      detected("access_links", "counterpart_id", Row.ANNAS_LINK_WITH_DRLEE),
      detected("access_links", "practitioner_id", Row.ANNAS_LINK_WITH_DRLEE),
      detected("access_links", "parent_id", Row.ANNAS_LINK_WITH_DRLEE),
      notEvidence("access_links", "status", Row.ANNAS_LINK_WITH_DRLEE,
          "the link's state now, which decides what may be sent next: the record keeps the events it follows from, "
              + "and every message sent because of it"),
      notEvidence("access_links", "requested_by", Row.ANNAS_LINK_WITH_DRLEE,
          "who asked last, as the link's state now: each request is an event, recorded with its actor"),
      notEvidence("access_links", "event_count", Row.ANNAS_LINK_WITH_DRLEE,
          "a counter for reading a link's latest events; the events themselves are recorded"),

      // the record itself. recorded_at, and other_id of a message or an export, are not in the leaf, but
      // an entry must be stored exactly as the library stores what it records: otherwise it was changed
      detected("record_entries", "owner_id", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW),
      detected("record_entries", "leaf_index", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW, plus(1000)),
      detected("record_entries", "kind", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW),
      detected("record_entries", "kind", Row.ANNAS_ENTRY_OF_THE_EXPORT),
      detected("record_entries", "reference", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW),
      detected("record_entries", "other_id", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW),
      detected("record_entries", "other_id", Row.ANNAS_ENTRY_OF_THE_REPLY_ALL),
      detected("record_entries", "recorded_at", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW),
      detected("record_entries", "leaf_hash", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW),

      // an export's own columns are its entry's content; its head is what the next export hands on as the
      // previous head, checked against the record key (all of it) and the tree (its size and root)
      detected("record_exports", "owner_id", Row.ANNAS_EXPORT),
      detected("record_exports", "export_number", Row.ANNAS_EXPORT),
      detected("record_exports", "scope_kind", Row.ANNAS_EXPORT),
      detected("record_exports", "scope_from", Row.ANNAS_EXPORT),
      detected("record_exports", "scope_until", Row.ANNAS_EXPORT),
      detected("record_exports", "scope_counterpart", Row.ANNAS_EXPORT),
      detected("record_exports", "court_order", Row.ANNAS_EXPORT),
      detected("record_exports", "exported_at", Row.ANNAS_EXPORT),
      detected("record_exports", "head_size", Row.ANNAS_EXPORTED_HEAD),
      detected("record_exports", "head_root", Row.ANNAS_EXPORTED_HEAD),
      detected("record_exports", "head_signed_at", Row.ANNAS_EXPORTED_HEAD),
      detected("record_exports", "key_id", Row.ANNAS_EXPORTED_HEAD),
      detected("record_exports", "algorithm", Row.ANNAS_EXPORTED_HEAD),
      detected("record_exports", "signature", Row.ANNAS_EXPORTED_HEAD),

      // the head, which must be that of the stored entries
      detected("mailboxes", "owner_id", Row.ANNAS_MAILBOX),
      detected("mailboxes", "record_size", Row.ANNAS_MAILBOX),
      detected("mailboxes", "record_frontier", Row.ANNAS_MAILBOX),
      notEvidence("mailboxes", "event_count", Row.ANNAS_MAILBOX,
          "how many events the mailbox has told the host: notices, not evidence"),
      notEvidence("mailboxes", "links_version", Row.ANNAS_MAILBOX,
          "a counter that says when an instance must read the links again; the links' events are recorded"),
      notEvidence("mailboxes", "auto_responder_saved", Row.ANNAS_MAILBOX,
          "whether settings are there to read: settings are not evidence, the auto-replies are"));

  /** Rows deleted, swapped or forged: every one detected. */
  private static final List<Tamper> CHANGED_ROWS = List.of(
      rows("a deleted copy", Row.ANNAS_COPY_OF_THE_REPLY_ALL, delete(Row.ANNAS_COPY_OF_THE_REPLY_ALL)),
      rows("a deleted receipt", Row.DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW, delete(Row.DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW)),
      rows("a deleted access event", Row.ANNAS_APPROVAL, delete(Row.ANNAS_APPROVAL)),
      rows("a deleted record entry", Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW, delete(Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW)),
      rows("a deleted export", Row.ANNAS_EXPORT, delete(Row.ANNAS_EXPORT)),
      rows("two record entries swapped", Row.ANNAS_ENTRY_OF_THE_REPLY_ALL,
          (db, scene) -> swap(db, "record_entries", "leaf_index", "owner_id = 'anna'",
              scene.index(Row.ANNAS_ENTRY_OF_THE_REPLY_ALL), scene.index(Row.ANNAS_ENTRY_OF_HER_FIRST_VIEW))),
      rows("two access events swapped", Row.ANNAS_FIRST_REQUEST,
          (db, scene) -> swap(db, "access_events", "seq", "owner_id = 'anna' AND counterpart_id = 'drlee'", 1, 2)),
      rows("a copy of a message never sent", Row.NONE_OF_ANNAS,
          (db, scene) -> {
            TestSql.update(db, "INSERT INTO message_contents (message_id, recipients, body)"
                + " SELECT 999990, recipients, 'I never said that.' FROM message_contents WHERE message_id = ?",
                scene.replyAll.value());
            TestSql.update(db, "INSERT INTO copies (owner_id, message_id, thread_id, kind, sender_id,"
                + " sender_role, sender_name, recipients, subject, preview, sent_at, in_reply_to, folder_id, opened_at,"
                + " in_all) SELECT owner_id, 999990, 999990, kind, sender_id, sender_role, sender_name, recipients,"
                + " subject, 'I never said that.', sent_at, NULL, folder_id, NULL, in_all FROM copies"
                + " WHERE owner_id = 'anna' AND message_id = ?", scene.replyAll.value());
          }),
      rows("a first view of a receipt never opened", Row.NONE_OF_DRLEES,
          (db, scene) -> TestSql.update(db, "UPDATE receipts SET first_viewed_at = ?"
              + " WHERE owner_id = 'drlee' AND message_id = ? AND recipient_id = 'ben'", scene.end, scene.hearing.value())),
      rows("a receipt with a first view, of a recipient never sent to", Row.NONE_OF_ANNAS,
          (db, scene) -> TestSql.update(db, "INSERT INTO receipts (owner_id, message_id, recipient_id, position,"
              + " first_viewed_at) VALUES ('anna', ?, 'drlee', 1, ?)", scene.weekend.value(), scene.end)),
      rows("a first view of a copy never opened", Row.NONE_OF_ANNAS,
          (db, scene) -> TestSql.update(db, "UPDATE copies SET opened_at = ? WHERE owner_id = 'anna' AND message_id = ?",
              scene.end, scene.autoReply.value())),
      rows("a record entry after the last", Row.ANNAS_NEXT_ENTRY,
          (db, scene) -> TestSql.update(db, "INSERT INTO record_entries (owner_id, leaf_index, kind, reference, other_id,"
              + " recorded_at, leaf_hash) SELECT owner_id, leaf_index + 1, kind, reference, other_id, recorded_at,"
              + " leaf_hash FROM record_entries WHERE owner_id = 'anna' AND leaf_index = ?", scene.size("anna") - 1)),
      rows("an access event never recorded", Row.NONE_OF_ANNAS,
          (db, scene) -> TestSql.update(db, "INSERT INTO access_events (owner_id, counterpart_id, seq, status, actor_id,"
              + " happened_at) VALUES ('anna', 'drlee', 5, 'APPROVED', 'anna', ?)", scene.end)),
      rows("an export never made", Row.NONE_OF_ANNAS,
          (db, scene) -> TestSql.update(db, "INSERT INTO record_exports (owner_id, export_number, scope_kind, scope_from,"
              + " scope_until, scope_counterpart, court_order, exported_at, head_size, head_root, head_signed_at, key_id,"
              + " algorithm, signature) SELECT owner_id, 2, 'ALL', NULL, NULL, NULL, NULL, exported_at, head_size,"
              + " head_root, head_signed_at, key_id, algorithm, signature FROM record_exports"
              + " WHERE owner_id = 'anna' AND export_number = 1")));

  // ------------------------------------------------------------------------------ the tests

  @Test
  void everyColumnOfEveryTableHasADecision() {
    Map<String, List<String>> columns = Template.of(Database.H2).columns();
    Map<String, List<String>> decided = new TreeMap<>();
    CHANGED_VALUES.forEach(t -> decided.computeIfAbsent(t.table, k -> new ArrayList<>()).add(t.column));
    assertThat(columns.keySet()).as("the tables, from the database's metadata")
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(decided.keySet().stream(), TABLES_WITHOUT_EVIDENCE.keySet().stream()).collect(Collectors.toSet()));
    decided.forEach((table, those) -> assertThat(those.stream().distinct())
        .as("the columns of " + table + " with a decision")
        .containsExactlyInAnyOrderElementsOf(columns.get(table)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("changedValues")
  void aChangedValueIsDetectedUnlessItIsNotEvidence(Database database, Tamper tamper) {
    tamper.check(database);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("changedRows")
  void aDeletedSwappedOrForgedRowIsDetected(Database database, Tamper tamper) {
    tamper.check(database);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aHistoryRewrittenConsistentlyNoLongerExtendsThePreviousExport(Database database) {
    Template template = Template.of(database);
    Case run = new Case(template);
    RecordExport first = run.exportAll(template.scene.anna);

    rewriteTheReplyAll(run, first, first.head().size());

    Throwable refused = catchThrowable(() -> run.exportAll(template.scene.anna));
    assertThat(refused).isInstanceOf(RecordIntegrityException.class).hasMessageContaining("no longer extends");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aCourtHoldingTheFirstExportDetectsARewriteWhoseExportWasRemoved(Database database) {
    Template template = Template.of(database);
    Case run = new Case(template);
    ParticipantId anna = template.scene.anna;
    RecordExport first = run.exportAll(anna);
    long last = first.head().size() - 1;

    // the attacker removes the export the court holds, its entry (the last) and its row, then rewrites
    TestSql.update(run.database, "DELETE FROM record_exports WHERE owner_id = 'anna' AND export_number = ?",
        first.export().exportNumber());
    TestSql.update(run.database, "DELETE FROM record_entries WHERE owner_id = 'anna' AND leaf_index = ?", last);
    rewriteTheReplyAll(run, first, last);
    run.clock.advance(Duration.ofMinutes(1));
    run.messaging.actingAs(template.scene.ben).send(NewMessage.builder()
        .addRecipients(anna).subject("Later").body("After the rewrite.").build());
    RecordExport second = run.exportAll(anna);

    // the library sees nothing wrong: the rewrite is consistent with every export the database still holds
    RecordContract.assertProven(second, SIGNER);
    assertThat(second.entries()).extracting(e -> e.entry().content())
        .filteredOn(c -> c instanceof RecordedMessage m && m.id().equals(template.scene.replyAll))
        .singleElement().satisfies(c -> assertThat(((RecordedMessage) c).body()).isEqualTo(REWRITTEN_BODY));
    // but a court holding the first export asks the second to extend it
    assertThat(second.head().size()).isGreaterThan(first.head().size());
    List<byte[]> leaves = second.entries().stream().map(e -> RecordEncoding.unhex(e.leafHash())).collect(Collectors.toList());
    assertThat(leaves).as("an export of everything holds every leaf").hasSize((int) second.head().size());
    List<byte[]> proof = MerkleTree.of(leaves).consistencyProof(first.head().size(), second.head().size());
    assertThat(MerkleTree.verifyConsistency(
            first.head().size(), RecordEncoding.unhex(first.head().rootHash()),
            second.head().size(), RecordEncoding.unhex(second.head().rootHash()), proof))
        .as("the second export extends the first one's head").isFalse();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aMessageIntoARecordWithAForgedEntryIsRefusedNotRetriedAsALostRace(Database database) {
    Template template = Template.of(database);
    Case run = new Case(template);
    TestSql.update(run.database, "INSERT INTO record_entries (owner_id, leaf_index, kind, reference, other_id,"
        + " recorded_at, leaf_hash) SELECT owner_id, leaf_index + 1, kind, reference, other_id, recorded_at, leaf_hash"
        + " FROM record_entries WHERE owner_id = 'anna' AND leaf_index = ?", template.scene.size("anna") - 1);

    Throwable refused = catchThrowable(() -> run.messaging.actingAs(template.scene.ben).send(NewMessage.builder()
        .addRecipients(template.scene.anna).subject("Pickup").body("At five.").build()));

    assertThat(refused).isInstanceOf(RecordIntegrityException.class).hasMessageContaining("anna");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void afterAKeyChangeThePreviousExportIsCheckedWithTheFormerKeyTheHostNames(Database database) {
    Template template = Template.of(database);
    Case run = new Case(template);
    RecordSigner changed = ed25519();
    MessagingConfiguration.Builder newKey = MessagingConfiguration.builder().clock(run.clock).recordSigner(changed);

    Throwable unknown = catchThrowable(() -> JdbcMessaging.create(run.database, newKey.build())
        .actingAs(template.scene.anna).exportRecord(RecordScope.all()));
    RecordExport checked = JdbcMessaging.create(run.database, newKey.formerRecordKeys(List.of(SIGNER.publicKey())).build())
        .actingAs(template.scene.anna).exportRecord(RecordScope.all());

    assertThat(unknown).as("the previous head, signed with a key the library was not given")
        .isInstanceOf(RecordIntegrityException.class).hasMessageContaining("former key");
    RecordContract.assertProven(checked, changed);
    assertThat(checked.previousHead()).hasValueSatisfying(
        head -> assertThat(head.keyId()).isEqualTo(RecordSigners.keyId(SIGNER.publicKey())));
  }

  static Stream<Arguments> changedValues() {
    return cases(CHANGED_VALUES);
  }

  static Stream<Arguments> changedRows() {
    return cases(CHANGED_ROWS);
  }

  private static Stream<Arguments> cases(List<Tamper> tampers) {
    return Arrays.stream(Database.values()).flatMap(d -> tampers.stream().map(t -> Arguments.of(d, t)));
  }

  /**
   * Changes the body of the reply all (stored once, for every copy), and makes her stored record agree with it again:
   * the first {@code kept} entries of {@code exported}, the reply all's with its new leaf hash, and
   * the head of them, computed with the core's own encoding.
   */
  private static void rewriteTheReplyAll(Case run, RecordExport exported, long kept) {
    Scene scene = run.template.scene;
    TestSql.update(run.database, "UPDATE message_contents SET body = ? WHERE message_id = ?",
        REWRITTEN_BODY, scene.replyAll.value());
    RecordHead head = RecordHead.EMPTY;
    for (ProvenEntry proven : exported.entries().subList(0, (int) kept)) {
      RecordEntry entry = proven.entry();
      if (entry.content() instanceof RecordedMessage m && m.id().equals(scene.replyAll)) {
        entry = new RecordEntry(scene.anna, entry.index(), new RecordedMessage(m.id(), m.thread(), m.kind(), m.sender(),
            m.recipients(), m.subject(), REWRITTEN_BODY, m.sentAt(), m.inReplyTo(), m.attachments()));
        TestSql.update(run.database, "UPDATE record_entries SET leaf_hash = ? WHERE owner_id = 'anna' AND leaf_index = ?",
            RecordEncoding.hex(RecordEncoding.leafHash(entry)), entry.index());
      }
      head = head.append(RecordEncoding.leafHash(entry));
    }
    TestSql.update(run.database, "UPDATE mailboxes SET record_size = ?, record_frontier = ? WHERE owner_id = 'anna'",
        head.size(), head.frontierHex());
  }

  // ------------------------------------------------------------------------------ the cases

  /** A change made behind the library's back, the row it starts from, and what the next export must do. */
  static final class Tamper {
    final String name;
    final String table;
    final String column;
    final Row row;
    final Change change;
    final Decision decision;
    final String reason;

    Tamper(String name, String table, String column, Row row, Change change, Decision decision, String reason) {
      this.name = name;
      this.table = table;
      this.column = column;
      this.row = row;
      this.change = change;
      this.decision = decision;
      this.reason = reason;
    }

    void check(Database database) {
      Template template = Template.of(database);
      Case run = new Case(template);
      change.apply(run.database, template.scene);
      ParticipantId owner = row.owner.apply(template.scene);
      if (decision == Decision.NOT_EVIDENCE) {
        RecordContract.assertProven(run.exportAll(owner), SIGNER);
        return;
      }
      Throwable refused = catchThrowable(() -> run.exportAll(owner));
      assertThat(refused).as(name + ": the export").isInstanceOf(RecordIntegrityException.class);
      Optional<Long> blamed = template.scene.blamed(row);
      if (blamed.isPresent()) {
        assertThat(((RecordIntegrityException) refused).index()).as(name + ": the entry named, " + refused.getMessage())
            .hasValue(blamed.get());
      }
    }

    @Override
    public String toString() {
      return name + " " + decision + (reason == null ? "" : " (" + reason + ")");
    }
  }

  private static Tamper detected(String table, String column, Row row) {
    return detected(table, column, row, RecordTamperTest::changed);
  }

  private static Tamper detected(String table, String column, Row row, Edit edit) {
    return new Tamper(table + "." + column + " of " + row.description, table, column, row,
        oneValue(table, column, row, edit), Decision.DETECTED, null);
  }

  private static Tamper notEvidence(String table, String column, Row row, String reason) {
    return new Tamper(table + "." + column + " of " + row.description, table, column, row,
        oneValue(table, column, row, RecordTamperTest::changed), Decision.NOT_EVIDENCE, reason);
  }

  private static Tamper rows(String name, Row row, Change change) {
    return new Tamper(name, row.table, null, row, change, Decision.DETECTED, null);
  }

  /** One change to a fresh copy of the scene. */
  @FunctionalInterface
  interface Change {
    void apply(DataSource database, Scene scene);
  }

  /** A new value for a cell, from its value ({@code null} for none) and its JDBC type. */
  @FunctionalInterface
  interface Edit {
    Object of(Object value, int type, Scene scene);
  }

  private static Change oneValue(String table, String column, Row row, Edit edit) {
    return (db, scene) -> {
      Map<String, Object> key = row.key.apply(scene);
      try (Connection connection = db.getConnection();
          PreparedStatement select = connection.prepareStatement(
              "SELECT " + column + " FROM " + table + " WHERE " + where(key))) {
        bind(select, key.values().toArray());
        Object value;
        int type;
        try (ResultSet rows = select.executeQuery()) {
          assertThat(rows.next()).as("the row of " + table + " " + key).isTrue();
          type = rows.getMetaData().getColumnType(1);
          value = value(rows, 1, type);
          assertThat(rows.next()).as("one row of " + table + " " + key).isFalse();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(edit.of(value, type, scene));
        parameters.addAll(key.values());
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE " + table + " SET " + column + " = ? WHERE " + where(key))) {
          bind(update, parameters.toArray());
          assertThat(update.executeUpdate()).as("rows changed in " + table).isEqualTo(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(table + "." + column + ": " + e.getMessage(), e);
      }
    };
  }

  private static Edit plus(long delta) {
    return (value, type, scene) -> ((Number) value).longValue() + delta;
  }

  private static Change delete(Row row) {
    return (db, scene) -> {
      Map<String, Object> key = row.key.apply(scene);
      assertThat(TestSql.update(db, "DELETE FROM " + row.table + " WHERE " + where(key), key.values().toArray()))
          .as("rows deleted").isEqualTo(1);
    };
  }

  /**
   * The smallest change a column accepts: one character of a text (one bit of a hex hash, one base64
   * character of a signature), one more of a number, one microsecond more of a time, the other truth
   * value; and a value where there was none.
   */
  private static Object changed(Object value, int type, Scene scene) {
    if (value == null) {
      return isTime(type) ? OffsetDateTime.ofInstant(scene.end, ZoneOffset.UTC) : type == Types.VARCHAR ? "ben" : 1;
    }
    if (value instanceof String text) {
      if (!text.isEmpty() && text.length() % 64 == 0 && text.matches("[0-9a-f]+")) {
        int last = Character.digit(text.charAt(text.length() - 1), 16) ^ 1;
        return text.substring(0, text.length() - 1) + Character.forDigit(last, 16);
      }
      if (text.endsWith("=")) { // base64: the first character, still base64
        return (text.charAt(0) == 'A' ? 'B' : 'A') + text.substring(1);
      }
      if (text.isEmpty()) {
        return "x";
      }
      return text.substring(0, text.length() - 1) + (text.endsWith("x") ? 'y' : 'x');
    }
    if (value instanceof Integer number) {
      return number + 1;
    }
    if (value instanceof Long number) {
      return number + 1;
    }
    if (value instanceof OffsetDateTime time) {
      return time.plusNanos(1000);
    }
    if (value instanceof Boolean truth) {
      return !truth;
    }
    throw new IllegalArgumentException("no change known for " + value.getClass());
  }

  private static void swap(DataSource db, String table, String column, String where, long one, long other) {
    String set = "UPDATE " + table + " SET " + column + " = ? WHERE " + where + " AND " + column + " = ?";
    TestSql.update(db, set, -1, one);
    TestSql.update(db, set, one, other);
    TestSql.update(db, set, other, -1);
  }

  // ------------------------------------------------------------------------------ the rows

  /** A row of the scene, the mailbox it belongs to, and the entry whose content it holds. */
  enum Row {
    ANNAS_COPY_OF_THE_REPLY_ALL("copies", "Anna's copy of Ben's reply all", s -> s.anna,
        s -> key("owner_id", "anna", "message_id", s.replyAll.value()),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.MESSAGE, s.replyAll.value(), ""))),
    /** Stored once for every mailbox; Anna's export is the one checked. */
    THE_CONTENT_OF_THE_REPLY_ALL("message_contents", "the content of Ben's reply all", s -> s.anna,
        s -> key("message_id", s.replyAll.value()),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.MESSAGE, s.replyAll.value(), ""))),
    ANNAS_FILE_OF_THE_REPLY_ALL("message_attachments", "the file of Anna's copy of Ben's reply all", s -> s.anna,
        s -> key("owner_id", "anna", "message_id", s.replyAll.value(), "position", 0),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.MESSAGE, s.replyAll.value(), ""))),
    /**
     * Renumbered, the copy points at a content no message has: the export refuses, naming the copy it
     * cannot read, which no entry records (the contents are stored once, by message id, since V11).
     */
    ANNAS_COPY_OF_THE_REPLY_ALL_RENUMBERED("copies", "Anna's copy of Ben's reply all", s -> s.anna,
        s -> key("owner_id", "anna", "message_id", s.replyAll.value()),
        s -> Optional.empty()),
    ANNAS_OPENING_OF_THE_REPLY_ALL("copies", "Anna's copy of the reply all, which she opened", s -> s.anna,
        s -> key("owner_id", "anna", "message_id", s.replyAll.value()),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.FIRST_VIEW, s.replyAll.value(), "anna"))),
    BENS_OWN_COPY_OF_THE_REPLY_ALL("copies", "Ben's own copy of his reply all", s -> s.ben,
        s -> key("owner_id", "ben", "message_id", s.replyAll.value()),
        s -> Optional.empty()),
    DRLEES_RECEIPT_OF_ANNAS_FIRST_VIEW("receipts", "Dr Lee's receipt of Anna's first view of the hearing", s -> s.drlee,
        s -> key("owner_id", "drlee", "message_id", s.hearing.value(), "recipient_id", "anna"),
        s -> Optional.of(new EntryKey("drlee", RecordEncoding.FIRST_VIEW, s.hearing.value(), "anna"))),
    ANNAS_FIRST_REQUEST("access_events", "Anna's first access event with Dr Lee", s -> s.anna,
        s -> key("owner_id", "anna", "counterpart_id", "drlee", "seq", 1),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.ACCESS_EVENT, 1, "drlee"))),
    ANNAS_APPROVAL("access_events", "Anna's approval of Dr Lee", s -> s.anna,
        s -> key("owner_id", "anna", "counterpart_id", "drlee", "seq", 2),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.ACCESS_EVENT, 2, "drlee"))),
    ANNAS_NEW_REQUEST("access_events", "Dr Lee's new request after Anna removed his access", s -> s.anna,
        s -> key("owner_id", "anna", "counterpart_id", "drlee", "seq", 4),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.ACCESS_EVENT, 4, "drlee"))),
    ANNAS_LINK_WITH_DRLEE("access_links", "Anna's access link with Dr Lee", s -> s.anna,
        s -> key("owner_id", "anna", "counterpart_id", "drlee"),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.ACCESS_EVENT, 1, "drlee"))),
    ANNAS_ENTRY_OF_HER_FIRST_VIEW("record_entries", "Anna's entry of her first view of the reply all", s -> s.anna,
        s -> key("owner_id", "anna", "leaf_index",
            s.index(new EntryKey("anna", RecordEncoding.FIRST_VIEW, s.replyAll.value(), "anna"))),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.FIRST_VIEW, s.replyAll.value(), "anna"))),
    ANNAS_ENTRY_OF_THE_REPLY_ALL("record_entries", "Anna's entry of the reply all", s -> s.anna,
        s -> key("owner_id", "anna", "leaf_index", s.index(new EntryKey("anna", RecordEncoding.MESSAGE, s.replyAll.value(), ""))),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.MESSAGE, s.replyAll.value(), ""))),
    ANNAS_ENTRY_OF_THE_EXPORT("record_entries", "Anna's entry of her first export", s -> s.anna,
        s -> key("owner_id", "anna", "leaf_index", s.index(new EntryKey("anna", RecordEncoding.EXPORT, 1, ""))),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.EXPORT, 1, ""))),
    ANNAS_EXPORT("record_exports", "Anna's first export", s -> s.anna,
        s -> key("owner_id", "anna", "export_number", 1L),
        s -> Optional.of(new EntryKey("anna", RecordEncoding.EXPORT, 1, ""))),
    /** The head of an export is not an entry's content: the fault is not one entry's. */
    ANNAS_EXPORTED_HEAD("record_exports", "the head Anna's first export was signed with", s -> s.anna,
        s -> key("owner_id", "anna", "export_number", 1L),
        s -> Optional.empty()),
    ANNAS_MAILBOX("mailboxes", "Anna's mailbox", s -> s.anna,
        s -> key("owner_id", "anna"),
        s -> Optional.empty()),
    /** What a forged row in Anna's mailbox would be the content of: no entry. */
    NONE_OF_ANNAS("", "a row no entry records", s -> s.anna, s -> Map.of(), s -> Optional.empty()),
    NONE_OF_DRLEES("", "a row no entry records", s -> s.drlee, s -> Map.of(), s -> Optional.empty()),
    /** The place after Anna's last entry. */
    ANNAS_NEXT_ENTRY("record_entries", "the place after Anna's last entry", s -> s.anna, s -> Map.of(),
        s -> Optional.of(new EntryKey("anna", -1, s.size("anna"), "")));

    final String table;
    final String description;
    final Function<Scene, ParticipantId> owner;
    final Function<Scene, Map<String, Object>> key;
    final Function<Scene, Optional<EntryKey>> entry;

    Row(String table, String description, Function<Scene, ParticipantId> owner, Function<Scene, Map<String, Object>> key,
        Function<Scene, Optional<EntryKey>> entry) {
      this.table = table;
      this.description = description;
      this.owner = owner;
      this.key = key;
      this.entry = entry;
    }
  }

  /** An entry, found by what it records. Kind -1: the place {@code reference} itself. */
  record EntryKey(String owner, int kind, long reference, String other) {}

  private static Map<String, Object> key(Object... columnsAndValues) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      key.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return key;
  }

  private static String where(Map<String, Object> key) {
    return key.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
  }

  // ------------------------------------------------------------------------------ the scene

  /** The scene's participants and messages, and where each of its entries is in its mailbox's record. */
  static final class Scene {
    final ParticipantId drlee = ParticipantId.of("drlee");
    final ParticipantId anna = ParticipantId.of("anna");
    final ParticipantId ben = ParticipantId.of("ben");
    MessageId hearing;
    MessageId weekend;
    MessageId autoReply;
    MessageId replyAll;
    MessageId reply;
    /** When the scene ended. */
    Instant end;
    final Map<EntryKey, Long> entries = new HashMap<>();
    final Map<String, Long> sizes = new HashMap<>();

    long index(Row row) {
      return blamed(row).orElseThrow();
    }

    long index(EntryKey entry) {
      Long index = entry.kind() < 0 ? Long.valueOf(entry.reference()) : entries.get(entry);
      if (index == null) {
        throw new AssertionError("the scene recorded no " + entry);
      }
      return index;
    }

    Optional<Long> blamed(Row row) {
      return row.entry.apply(this).map(this::index);
    }

    long size(String owner) {
      return sizes.get(owner);
    }
  }

  /**
   * The scene, built once per database through the API, and every row of every table it left, read
   * with the database's metadata: each case writes them into a fresh database.
   */
  static final class Template {
    private static final Map<Database, Template> BUILT = new EnumMap<>(Database.class);

    final Database database;
    final Scene scene = new Scene();
    /** Table (lower case) to its columns (lower case), their JDBC types and its rows. */
    final Map<String, Table> tables = new TreeMap<>();

    private Template(Database database) {
      this.database = database;
    }

    static synchronized Template of(Database database) {
      return BUILT.computeIfAbsent(database, Template::build);
    }

    Map<String, List<String>> columns() {
      Map<String, List<String>> columns = new TreeMap<>();
      tables.forEach((name, table) -> columns.put(name, table.columns));
      return columns;
    }

    private static Template build(Database database) {
      Template template = new Template(database);
      DataSource db = database.fresh.get();
      MessagingFixture fixture = (configuration, ids) -> CoreMessaging.create(new JdbcStorage(db), configuration, ids);
      World world = fixture.newWorld(
          MessagingConfiguration.builder().recordSigner(SIGNER).blobStore(JdbcBlobStore.create(db)), new SteppedIds(1000));
      template.scene.end = play(world, template.scene);
      template.read(db);
      return template;
    }

    /** The scene, through the API; returns when it ended. */
    private static Instant play(World world, Scene s) {
      world.practitioner("drlee");
      world.parent("anna");
      world.parent("ben");
      world.family("f", s.anna, s.ben);
      world.grant(s.drlee, s.anna);
      world.grant(s.drlee, s.ben);
      tick(world);
      s.hearing = world.send(s.drlee, "Hearing date", "The court sits on the 14th.", s.anna, s.ben).id();
      tick(world);
      world.as(s.anna).open(s.hearing);
      world.as(s.ben).configureAutoResponder(
          AutoResponderSettings.builder().enabled(true).subject("Away").body("Back on Monday.").build());
      tick(world);
      s.weekend = world.send(s.anna, "Weekend", "Can you take them on Saturday?", s.ben).id();
      s.autoReply = world.list(s.anna, SystemFolder.INBOX).stream()
          .filter(m -> m.kind() == MessageKind.AUTO_REPLY).findFirst().orElseThrow().id();
      tick(world);
      world.messaging.postNotification(
          NewNotification.builder().recipient(s.drlee).subject("Journal shared").body("Anna shared an entry.").build());
      tick(world);
      world.messaging.exportRecord(
          s.anna, RecordScope.between(World.START, world.clock.instant()), "Order 2026/117 of the family court");
      tick(world);
      s.replyAll = world.as(s.ben).replyAll(Reply.builder().message(s.hearing).body("The 14th suits me.")
          .addAttachments(NewAttachment.of("dates.txt", "text/plain",
              () -> new ByteArrayInputStream("the 14th, 9 am\n".getBytes(StandardCharsets.UTF_8))))
          .build()).id();
      tick(world);
      world.as(s.anna).open(s.replyAll);
      tick(world);
      s.reply = world.as(s.anna).reply(Reply.to(s.hearing, "Noted, thank you.")).id();
      tick(world);
      world.as(s.drlee).open(s.reply);
      tick(world);
      world.as(s.anna).removeAccess(s.drlee);
      tick(world);
      world.as(s.drlee).requestAccess(s.anna);
      tick(world);
      return world.clock.instant();
    }

    private static void tick(World world) {
      world.clock.advance(Duration.ofMinutes(1));
    }

    private void read(DataSource db) {
      try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
        List<String> names = new ArrayList<>();
        try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
          while (found.next()) {
            String type = found.getString("TABLE_TYPE");
            if (type.equals("TABLE") || type.equals("BASE TABLE")) {
              names.add(found.getString("TABLE_NAME"));
            }
          }
        }
        for (String name : names) {
          try (ResultSet rows = statement.executeQuery("SELECT * FROM " + name)) {
            tables.put(name.toLowerCase(Locale.ROOT), Table.read(rows));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not read the scene: " + e.getMessage(), e);
      }
      Table entries = tables.get("record_entries");
      for (Object[] row : entries.rows) {
        Map<String, Object> entry = entries.named(row);
        String owner = (String) entry.get("owner_id");
        long index = ((Number) entry.get("leaf_index")).longValue();
        scene.entries.put(new EntryKey(owner, ((Number) entry.get("kind")).intValue(),
            ((Number) entry.get("reference")).longValue(), (String) entry.get("other_id")), index);
        scene.sizes.merge(owner, index + 1, Math::max);
      }
    }

    /** A fresh database holding the scene. */
    DataSource copy() {
      DataSource db = database.fresh.get();
      try (Connection connection = db.getConnection()) {
        for (Map.Entry<String, Table> table : tables.entrySet()) {
          table.getValue().write(connection, table.getKey());
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not copy the scene: " + e.getMessage(), e);
      }
      return db;
    }
  }

  /** The rows of one table, each value as JDBC reads it (a time as an {@link OffsetDateTime}). */
  record Table(List<String> columns, List<Integer> types, List<Object[]> rows) {

    static Table read(ResultSet rows) throws SQLException {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      List<Integer> types = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
        types.add(meta.getColumnType(i));
      }
      List<Object[]> read = new ArrayList<>();
      while (rows.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = value(rows, i + 1, types.get(i));
        }
        read.add(row);
      }
      return new Table(columns, types, read);
    }

    Map<String, Object> named(Object[] row) {
      Map<String, Object> named = new HashMap<>();
      for (int i = 0; i < row.length; i++) {
        named.put(columns.get(i), row[i]);
      }
      return named;
    }

    void write(Connection connection, String name) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")")) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
              insert.setNull(i + 1, types.get(i));
            } else {
              insert.setObject(i + 1, row[i]);
            }
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private static boolean isTime(int type) {
    return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
  }

  private static Object value(ResultSet rows, int column, int type) throws SQLException {
    return isTime(type) ? rows.getObject(column, OffsetDateTime.class) : rows.getObject(column);
  }

  private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
  }

  /** One case's fresh database holding the scene, and a library on it with the scene's key. */
  static final class Case {
    final Template template;
    final DataSource database;
    final MutableClock clock;
    final Messaging messaging;

    Case(Template template) {
      this.template = template;
      this.database = template.copy();
      this.clock = new MutableClock(template.scene.end.plus(Duration.ofHours(1)));
      this.messaging = CoreMessaging.create(new JdbcStorage(database),
          MessagingConfiguration.builder().clock(clock).recordSigner(SIGNER).build(), new SteppedIds(1_000_000));
    }

    RecordExport exportAll(ParticipantId owner) {
      clock.advance(Duration.ofMinutes(1));
      return messaging.actingAs(owner).exportRecord(RecordScope.all());
    }
  }

  /** Ids 10 apart, so that one more than an id is none. */
  private static final class SteppedIds implements IdGenerator {
    private long next;

    SteppedIds(long first) {
      this.next = first;
    }

    @Override
    public synchronized long next() {
      long id = next;
      next += 10;
      return id;
    }
  }

  private static RecordSigner ed25519() {
    try {
      return RecordSigners.ed25519(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
