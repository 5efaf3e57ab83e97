package dev.casemail.messaging.jdbc;

import com.google.common.cache.Cache;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.participant.Participants;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ports of one transaction, in SQL that PostgreSQL and H2 share. Adapters store and find; every
 * rule is the core's.
 *
 * <p>In a write transaction, the first statement on a mailbox locks its row in {@code mailboxes}
 * ({@code SELECT … FOR UPDATE}), so writes to one mailbox are serialized across every connection and
 * every service instance: a move, a folder deletion and a count adjustment can never interleave.
 * Two transactions that lock the same mailboxes in opposite order deadlock; the database breaks the
 * deadlock and the core retries the loser.
 */
final class JdbcStore implements Store {

  private static final String COPY_COLUMNS =
      "message_id, thread_id, kind, sender_id, sender_role, sender_name, recipients, subject, body, sent_at,"
          + " in_reply_to, folder_id, opened_at";
  private static final String DRAFT_COLUMNS =
      "draft_id, recipients, subject, body, in_reply_to, created_at, updated_at, version";
  private static final String FOLDER_COLUMNS = "folder_id, system_folder, name, total, unread";

  private final Sql sql;
  private final boolean readOnly;
  private final Set<ParticipantId> locked = new HashSet<>();
  /** Registered participants read before, shared by the transactions of one storage. */
  private final Cache<ParticipantId, Participant> directory;
  /** Participants registered by this transaction: not committed yet, so never remembered. */
  private final Set<ParticipantId> insertedHere = new HashSet<>();

  private final Participants participants = new ParticipantsPort();
  private final Families families = new FamiliesPort();
  private final AccessLinks accessLinks = new AccessLinksPort();
  private final MessageCopies copies = new CopiesPort();
  private final Receipts receipts = new ReceiptsPort();
  private final SentKeys sentKeys = new SentKeysPort();
  private final Folders folders = new FoldersPort();
  private final Drafts drafts = new DraftsPort();
  private final AutoResponders autoResponders = new AutoRespondersPort();

  JdbcStore(Sql sql, boolean readOnly, Cache<ParticipantId, Participant> directory) {
    this.sql = sql;
    this.readOnly = readOnly;
    this.directory = directory;
  }

  @Override
  public Participants participants() {
    return participants;
  }

  @Override
  public Families families() {
    return families;
  }

  @Override
  public AccessLinks accessLinks() {
    return accessLinks;
  }

  @Override
  public MessageCopies copies() {
    return copies;
  }

  @Override
  public Receipts receipts() {
    return receipts;
  }

  @Override
  public SentKeys sentKeys() {
    return sentKeys;
  }

  @Override
  public Folders folders() {
    return folders;
  }

  @Override
  public Drafts drafts() {
    return drafts;
  }

  @Override
  public AutoResponders autoResponders() {
    return autoResponders;
  }

  // ---------------------------------------------------------------------------------------------
  // locking and writing

  /** Locks the owner's mailbox for the rest of a write transaction (a no-op when reading). */
  private void touch(ParticipantId owner) {
    if (!readOnly && locked.add(owner)) {
      sql.query("SELECT owner_id FROM mailboxes WHERE owner_id = ? FOR UPDATE", row -> row.getString(1), owner.value());
    }
  }

  @Override
  public void lockMailboxes(Collection<ParticipantId> owners) {
    if (readOnly) {
      return;
    }
    List<String> fresh = owners.stream()
        .filter(owner -> !locked.contains(owner))
        .map(ParticipantId::value)
        .distinct()
        .sorted()
        .collect(Collectors.toList());
    if (fresh.isEmpty()) {
      return;
    }
    // one statement, rows locked in the order of the key: two sends never wait for each other in a cycle
    String marks = fresh.stream().map(owner -> "?").collect(Collectors.joining(", "));
    sql.query(
        "SELECT owner_id FROM mailboxes WHERE owner_id IN (" + marks + ") ORDER BY owner_id FOR UPDATE",
        row -> row.getString(1),
        fresh.toArray());
    fresh.forEach(owner -> locked.add(ParticipantId.of(owner)));
  }

  private void writing() {
    if (readOnly) {
      throw new IllegalStateException("a read-only transaction cannot change the store");
    }
  }

  /** An update that must change exactly one row; otherwise the state the core read is gone. */
  private void updateOne(String statement, Object... parameters) {
    writing();
    int changed = sql.update(statement, parameters);
    if (changed != 1) {
      throw new StorageConflictException("expected to change one row, changed " + changed + ": " + statement);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the statements of the read paths that must stay cheap in a big mailbox; package-private so that a
  // test can EXPLAIN exactly what runs

  /** A folder page, newest first. Parameters: owner, folder, [sent_at, message_id of the last row seen,] limit. */
  static String folderPageSql(boolean continued) {
    return page("SELECT " + COPY_COLUMNS + " FROM copies WHERE owner_id = ? AND folder_id = ?",
        "sent_at", "message_id", true, continued);
  }

  /** A page of All Messages, newest first. Parameters: owner, true, [sent_at, message_id,] limit. */
  static String allMessagesPageSql(boolean continued) {
    return page("SELECT " + COPY_COLUMNS + " FROM copies WHERE owner_id = ? AND in_all = ?",
        "sent_at", "message_id", true, continued);
  }

  /** A page of a thread, oldest first. Parameters: owner, thread, [sent_at, message_id,] limit. */
  static String threadPageSql(boolean continued) {
    return page("SELECT " + COPY_COLUMNS + " FROM copies WHERE owner_id = ? AND thread_id = ?",
        "sent_at", "message_id", false, continued);
  }

  /** A page of drafts, most recently saved first. Parameters: owner, [updated_at, draft_id,] limit. */
  static String draftsPageSql(boolean continued) {
    return page("SELECT " + DRAFT_COLUMNS + " FROM drafts WHERE owner_id = ?",
        "updated_at", "draft_id", true, continued);
  }

  /** A mailbox's folders with their counts, which are kept, never recounted. Parameter: owner. */
  static final String FOLDERS_OF_OWNER =
      "SELECT " + FOLDER_COLUMNS + " FROM folders WHERE owner_id = ? ORDER BY folder_id";

  /** One folder with its counts, read with every page of it. Parameters: owner, folder. */
  static final String FOLDER_OF_OWNER =
      "SELECT " + FOLDER_COLUMNS + " FROM folders WHERE owner_id = ? AND folder_id = ?";

  /** What one folder holds, counted when the folder is deleted. Parameters: owner, folder. */
  static final String FOLDER_CONTENT_COUNTS =
      "SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN opened_at IS NULL THEN 1 ELSE 0 END), 0) AS unread"
          + " FROM copies WHERE owner_id = ? AND folder_id = ?";

  /** A keyset page: the rows strictly after the last one seen (if {@code continued}) in the listing's order. */
  private static String page(
      String select, String timeColumn, String idColumn, boolean newestFirst, boolean continued) {
    String order = newestFirst ? " DESC" : "";
    String seek =
        continued ? " AND (" + timeColumn + ", " + idColumn + ") " + (newestFirst ? "<" : ">") + " (?, ?)" : "";
    return select + seek + " ORDER BY " + timeColumn + order + ", " + idColumn + order + " FETCH FIRST ? ROWS ONLY";
  }

  /** A page's parameters: the listing's own, the key to continue after (if any), the limit. */
  private static Object[] pageParameters(Optional<PageKey> after, int limit, Object... listing) {
    List<Object> parameters = new ArrayList<>(List.of(listing));
    after.ifPresent(key -> {
      parameters.add(key.at());
      parameters.add(key.id());
    });
    parameters.add(limit);
    return parameters.toArray();
  }

  // ---------------------------------------------------------------------------------------------
  // participants and families

  private final class ParticipantsPort implements Participants {
    @Override
    public Optional<Participant> find(ParticipantId id) {
      Participant known = directory.getIfPresent(id);
      if (known != null) {
        return Optional.of(known);
      }
      Optional<Participant> found = sql.queryOne(
          "SELECT participant_id, role, display_name FROM participants WHERE participant_id = ?",
          JdbcStore::participant,
          id.value());
      found.ifPresent(this::remember);
      return found;
    }

    @Override
    public Map<ParticipantId, Participant> findAll(Collection<ParticipantId> ids) {
      Map<ParticipantId, Participant> byId = new LinkedHashMap<>();
      List<ParticipantId> missing = new ArrayList<>();
      for (ParticipantId id : new LinkedHashSet<>(ids)) {
        Participant known = directory.getIfPresent(id);
        if (known != null) {
          byId.put(id, known);
        } else {
          missing.add(id);
        }
      }
      if (!missing.isEmpty()) {
        String marks = missing.stream().map(id -> "?").collect(Collectors.joining(", "));
        sql.query(
                "SELECT participant_id, role, display_name FROM participants WHERE participant_id IN (" + marks + ")",
                JdbcStore::participant,
                missing.stream().map(ParticipantId::value).toArray())
            .forEach(participant -> {
              byId.put(participant.id(), participant);
              remember(participant);
            });
      }
      Map<ParticipantId, Participant> found = new LinkedHashMap<>();
      for (ParticipantId id : new LinkedHashSet<>(ids)) {
        Participant participant = byId.get(id);
        if (participant != null) {
          found.put(id, participant);
        }
      }
      return found;
    }

    /** Keeps a committed participant for later transactions: registrations never change or go away. */
    private void remember(Participant participant) {
      if (!insertedHere.contains(participant.id())) {
        directory.put(participant.id(), participant);
      }
    }

    @Override
    public void insert(Participant participant) {
      writing();
      insertedHere.add(participant.id());
      sql.update(
          "INSERT INTO participants (participant_id, role, display_name) VALUES (?, ?, ?)",
          participant.id().value(),
          participant.role().name(),
          participant.displayName());
      sql.update("INSERT INTO mailboxes (owner_id) VALUES (?)", participant.id().value());
      touch(participant.id());
    }
  }

  private static Participant participant(ResultSet row) throws SQLException {
    return new Participant(
        ParticipantId.of(row.getString("participant_id")),
        ParticipantRole.valueOf(row.getString("role")),
        row.getString("display_name"));
  }

  private final class FamiliesPort implements Families {
    @Override
    public Optional<Family> find(FamilyId id) {
      // in a write transaction, lock the family so that two parents cannot be added side by side
      String lock = readOnly ? "" : " FOR UPDATE";
      Optional<String> name =
          sql.queryOne("SELECT name FROM families WHERE family_id = ?" + lock, row -> row.getString(1), id.value());
      return name.map(n -> new Family(id, n, parentsOf(id)));
    }

    private Set<ParticipantId> parentsOf(FamilyId id) {
      return new LinkedHashSet<>(sql.query(
          "SELECT parent_id FROM family_parents WHERE family_id = ? ORDER BY position",
          row -> ParticipantId.of(row.getString(1)),
          id.value()));
    }

    @Override
    public void insert(Family family) {
      writing();
      sql.update("INSERT INTO families (family_id, name) VALUES (?, ?)", family.id().value(), family.name());
      List<Object[]> rows = new ArrayList<>();
      int position = 0;
      for (ParticipantId parent : family.parents()) {
        rows.add(new Object[] {family.id().value(), parent.value(), position++});
      }
      sql.batch("INSERT INTO family_parents (family_id, parent_id, position) VALUES (?, ?, ?)", rows);
    }

    @Override
    public void addParent(FamilyId family, ParticipantId parent) {
      writing();
      sql.update(
          "INSERT INTO family_parents (family_id, parent_id, position)"
              + " SELECT ?, ?, COALESCE(MAX(position) + 1, 0) FROM family_parents WHERE family_id = ?",
          family.value(),
          parent.value(),
          family.value());
    }

    @Override
    public List<Family> ofParent(ParticipantId parent) {
      List<FamilyId> ids = sql.query(
          "SELECT family_id FROM family_parents WHERE parent_id = ? ORDER BY family_id",
          row -> FamilyId.of(row.getString(1)),
          parent.value());
      List<Family> found = new ArrayList<>(ids.size());
      for (FamilyId id : ids) {
        find(id).ifPresent(found::add);
      }
      return found;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // access

  private final class AccessLinksPort implements AccessLinks {
    @Override
    public Optional<AccessLink> find(ParticipantId practitioner, ParticipantId parent) {
      touch(practitioner);
      return load(practitioner, parent);
    }

    @Override
    public Optional<AccessStatus> status(ParticipantId practitioner, ParticipantId parent) {
      touch(practitioner);
      return sql.queryOne(
          "SELECT status FROM access_links WHERE owner_id = ? AND counterpart_id = ?",
          row -> AccessStatus.valueOf(row.getString(1)),
          practitioner.value(),
          parent.value());
    }

    /** The link as stored under {@code owner}'s side. */
    private Optional<AccessLink> load(ParticipantId owner, ParticipantId counterpart) {
      Optional<String[]> link = sql.queryOne(
          "SELECT practitioner_id, parent_id, status, requested_by FROM access_links"
              + " WHERE owner_id = ? AND counterpart_id = ?",
          row -> new String[] {
            row.getString("practitioner_id"), row.getString("parent_id"), row.getString("status"),
            row.getString("requested_by")
          },
          owner.value(),
          counterpart.value());
      if (link.isEmpty()) {
        return Optional.empty();
      }
      List<AccessEvent> history = sql.query(
          "SELECT status, actor_id, happened_at FROM access_events WHERE owner_id = ? AND counterpart_id = ?"
              + " ORDER BY seq",
          row -> AccessEvent.builder()
              .status(AccessStatus.valueOf(row.getString("status")))
              .actor(ParticipantId.of(row.getString("actor_id")))
              .at(Sql.instant(row, "happened_at"))
              .build(),
          owner.value(),
          counterpart.value());
      String[] columns = link.get();
      return Optional.of(new AccessLink(
          ParticipantId.of(columns[0]),
          ParticipantId.of(columns[1]),
          AccessStatus.valueOf(columns[2]),
          ParticipantId.of(columns[3]),
          history));
    }

    @Override
    public void save(AccessLink link) {
      writing();
      touch(link.practitioner());
      touch(link.parent());
      AccessEvent event = link.lastEvent();
      int seq = link.history().size();
      for (ParticipantId side : List.of(link.practitioner(), link.parent())) {
        ParticipantId counterpart = link.counterpartOf(side);
        int changed = sql.update(
            "UPDATE access_links SET status = ?, requested_by = ? WHERE owner_id = ? AND counterpart_id = ?",
            link.status().name(),
            link.requestedBy().value(),
            side.value(),
            counterpart.value());
        if (changed == 0) {
          sql.update(
              "INSERT INTO access_links (owner_id, counterpart_id, practitioner_id, parent_id, status, requested_by)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              side.value(),
              counterpart.value(),
              link.practitioner().value(),
              link.parent().value(),
              link.status().name(),
              link.requestedBy().value());
        }
        sql.update(
            "INSERT INTO access_events (owner_id, counterpart_id, seq, status, actor_id, happened_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            side.value(),
            counterpart.value(),
            seq,
            event.status().name(),
            event.actor().value(),
            event.at());
      }
    }

    @Override
    public Map<ParticipantId, AccessStatus> statusesOf(ParticipantId participant) {
      touch(participant);
      Map<ParticipantId, AccessStatus> statuses = new LinkedHashMap<>();
      sql.query(
          "SELECT counterpart_id, status FROM access_links WHERE owner_id = ?",
          row -> statuses.put(ParticipantId.of(row.getString(1)), AccessStatus.valueOf(row.getString(2))),
          participant.value());
      return statuses;
    }

    @Override
    public List<AccessLink> of(ParticipantId participant) {
      touch(participant);
      List<ParticipantId> counterparts = sql.query(
          "SELECT counterpart_id FROM access_links WHERE owner_id = ? ORDER BY counterpart_id",
          row -> ParticipantId.of(row.getString(1)),
          participant.value());
      List<AccessLink> links = new ArrayList<>(counterparts.size());
      for (ParticipantId counterpart : counterparts) {
        load(participant, counterpart).ifPresent(links::add);
      }
      return links;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // messages

  private final class CopiesPort implements MessageCopies {
    @Override
    public void insert(List<MessageCopy> newCopies) {
      writing();
      List<Object[]> rows = new ArrayList<>(newCopies.size());
      for (MessageCopy copy : newCopies) {
        touch(copy.owner());
        Message message = copy.message();
        Optional<Participant> sender = message.sender();
        rows.add(new Object[] {
          copy.owner().value(),
          message.id().value(),
          message.thread().value(),
          message.kind().name(),
          Sql.text(sender.map(s -> s.id().value())),
          Sql.text(sender.map(s -> s.role().name())),
          Sql.text(sender.map(Participant::displayName)),
          Codec.participants(message.recipients()),
          message.subject(),
          message.body(),
          message.sentAt(),
          Sql.number(message.inReplyTo().map(MessageId::value)),
          copy.folder().value(),
          Sql.instant(copy.openedAt()),
          copy.inAllMessages()
        });
      }
      sql.batch(
          "INSERT INTO copies (owner_id, " + COPY_COLUMNS + ", in_all) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
    }

    @Override
    public Optional<MessageCopy> find(ParticipantId owner, MessageId message) {
      touch(owner);
      return sql.queryOne(
          "SELECT " + COPY_COLUMNS + " FROM copies WHERE owner_id = ? AND message_id = ?",
          row -> copy(owner, row),
          owner.value(),
          message.value());
    }

    @Override
    public List<MessageCopy> findForUpdate(ParticipantId owner, Collection<MessageId> messages) {
      touch(owner);
      List<Long> ids = messages.stream().map(MessageId::value).distinct().collect(Collectors.toList());
      if (ids.isEmpty()) {
        return List.of();
      }
      List<Object> parameters = new ArrayList<>();
      parameters.add(owner.value());
      parameters.addAll(ids);
      String marks = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
      // no row locks: touch(owner) holds the mailbox's lock, which every writer of these rows takes first
      return sql.query(
          "SELECT " + COPY_COLUMNS + " FROM copies WHERE owner_id = ? AND message_id IN (" + marks + ")"
              + " ORDER BY message_id",
          row -> copy(owner, row),
          parameters.toArray());
    }

    @Override
    public void move(ParticipantId owner, Collection<MessageId> messages, FolderId target) {
      writing();
      touch(owner);
      List<Long> ids = messages.stream().map(MessageId::value).distinct().collect(Collectors.toList());
      if (ids.isEmpty()) {
        return;
      }
      List<Object> parameters = new ArrayList<>(ids.size() + 2);
      parameters.add(target.value());
      parameters.add(owner.value());
      parameters.addAll(ids);
      String marks = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
      int moved = sql.update(
          "UPDATE copies SET folder_id = ? WHERE owner_id = ? AND message_id IN (" + marks + ")", parameters.toArray());
      if (moved != ids.size()) {
        throw new StorageConflictException("expected to move " + ids.size() + " copies, moved " + moved);
      }
    }

    @Override
    public FolderCounts moveAll(ParticipantId owner, FolderId from, FolderId to) {
      writing();
      touch(owner);
      FolderCounts moving = sql.queryOne(
              FOLDER_CONTENT_COUNTS,
              row -> new FolderCounts(row.getLong("total"), row.getLong("unread")),
              owner.value(),
              from.value())
          .orElse(FolderCounts.NONE);
      if (moving.total() > 0) {
        sql.update(
            "UPDATE copies SET folder_id = ? WHERE owner_id = ? AND folder_id = ?", to.value(), owner.value(), from.value());
      }
      return moving;
    }

    @Override
    public void markOpened(ParticipantId owner, MessageId message, java.time.Instant at) {
      touch(owner);
      updateOne(
          "UPDATE copies SET opened_at = ? WHERE owner_id = ? AND message_id = ? AND opened_at IS NULL",
          at,
          owner.value(),
          message.value());
    }

    @Override
    public List<MessageCopy> inFolder(ParticipantId owner, FolderId folder, Optional<PageKey> after, int limit) {
      touch(owner);
      return sql.query(
          folderPageSql(after.isPresent()),
          row -> copy(owner, row),
          pageParameters(after, limit, owner.value(), folder.value()));
    }

    @Override
    public List<MessageCopy> inAllMessages(ParticipantId owner, Optional<PageKey> after, int limit) {
      touch(owner);
      return sql.query(
          allMessagesPageSql(after.isPresent()),
          row -> copy(owner, row),
          pageParameters(after, limit, owner.value(), true));
    }

    @Override
    public List<MessageCopy> inThread(ParticipantId owner, ThreadId thread, Optional<PageKey> after, int limit) {
      touch(owner);
      return sql.query(
          threadPageSql(after.isPresent()),
          row -> copy(owner, row),
          pageParameters(after, limit, owner.value(), thread.value()));
    }
  }

  private static MessageCopy copy(ParticipantId owner, ResultSet row) throws SQLException {
    String senderId = row.getString("sender_id");
    Optional<Participant> sender = senderId == null
        ? Optional.empty()
        : Optional.of(new Participant(
            ParticipantId.of(senderId),
            ParticipantRole.valueOf(row.getString("sender_role")),
            row.getString("sender_name")));
    Message message = new Message(
        MessageId.of(row.getLong("message_id")),
        ThreadId.of(row.getLong("thread_id")),
        MessageKind.valueOf(row.getString("kind")),
        sender,
        Codec.participants(row.getString("recipients")),
        row.getString("subject"),
        row.getString("body"),
        Sql.instant(row, "sent_at"),
        Sql.optionalLong(row, "in_reply_to").map(MessageId::of));
    return new MessageCopy(
        owner, message, FolderId.of(row.getLong("folder_id")), Sql.optionalInstant(row, "opened_at"));
  }

  private final class ReceiptsPort implements Receipts {
    @Override
    public void insert(ParticipantId sender, MessageId message, List<ParticipantId> recipients) {
      writing();
      touch(sender);
      List<Object[]> rows = new ArrayList<>(recipients.size());
      int position = 0;
      for (ParticipantId recipient : recipients) {
        rows.add(new Object[] {sender.value(), message.value(), recipient.value(), position++});
      }
      sql.batch(
          "INSERT INTO receipts (owner_id, message_id, recipient_id, position, first_viewed_at)"
              + " VALUES (?, ?, ?, ?, NULL)",
          rows);
    }

    @Override
    public void recordFirstView(ParticipantId sender, MessageId message, ParticipantId recipient, java.time.Instant at) {
      touch(sender);
      updateOne(
          "UPDATE receipts SET first_viewed_at = ?"
              + " WHERE owner_id = ? AND message_id = ? AND recipient_id = ? AND first_viewed_at IS NULL",
          at,
          sender.value(),
          message.value(),
          recipient.value());
    }

    @Override
    public List<Receipt> of(ParticipantId sender, MessageId message) {
      touch(sender);
      return sql.query(
          "SELECT recipient_id, first_viewed_at FROM receipts WHERE owner_id = ? AND message_id = ? ORDER BY position",
          row -> new Receipt(ParticipantId.of(row.getString("recipient_id")), Sql.optionalInstant(row, "first_viewed_at")),
          sender.value(),
          message.value());
    }
  }

  private final class SentKeysPort implements SentKeys {
    @Override
    public Optional<SentKey> find(ParticipantId owner, String key) {
      touch(owner);
      return sql.queryOne(
          "SELECT fingerprint, message_id FROM sent_keys WHERE owner_id = ? AND idem_key = ?",
          row -> new SentKey(owner, key, row.getString("fingerprint"), MessageId.of(row.getLong("message_id"))),
          owner.value(),
          key);
    }

    @Override
    public void insert(SentKey key) {
      writing();
      touch(key.owner());
      sql.update(
          "INSERT INTO sent_keys (owner_id, idem_key, fingerprint, message_id) VALUES (?, ?, ?, ?)",
          key.owner().value(),
          key.key(),
          key.fingerprint(),
          key.message().value());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // folders, drafts, auto-responder

  private final class FoldersPort implements Folders {
    @Override
    public void insert(Folder folder) {
      writing();
      touch(folder.owner());
      sql.update(
          "INSERT INTO folders (owner_id, folder_id, system_folder, name, name_key, total, unread)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)",
          folder.owner().value(),
          folder.id().value(),
          Sql.text(folder.system().map(SystemFolder::name)),
          folder.name().value(),
          folder.name().key(),
          folder.total(),
          folder.unread());
    }

    @Override
    public List<Folder> of(ParticipantId owner) {
      touch(owner);
      return sql.query(FOLDERS_OF_OWNER, row -> folder(owner, row), owner.value());
    }

    @Override
    public Optional<Folder> find(ParticipantId owner, FolderId folder) {
      touch(owner);
      return sql.queryOne(
          FOLDER_OF_OWNER,
          row -> folder(owner, row),
          owner.value(),
          folder.value());
    }

    @Override
    public void rename(Folder renamed) {
      touch(renamed.owner());
      updateOne(
          "UPDATE folders SET name = ?, name_key = ? WHERE owner_id = ? AND folder_id = ?",
          renamed.name().value(),
          renamed.name().key(),
          renamed.owner().value(),
          renamed.id().value());
    }

    @Override
    public void delete(ParticipantId owner, FolderId folder) {
      touch(owner);
      updateOne("DELETE FROM folders WHERE owner_id = ? AND folder_id = ?", owner.value(), folder.value());
    }

    @Override
    public void adjustCounts(ParticipantId owner, FolderId folder, long totalDelta, long unreadDelta) {
      touch(owner);
      updateOne(
          "UPDATE folders SET total = total + ?, unread = unread + ? WHERE owner_id = ? AND folder_id = ?",
          totalDelta,
          unreadDelta,
          owner.value(),
          folder.value());
    }

    @Override
    public void adjustCounts(Collection<CountChange> changes) {
      writing();
      List<Object[]> rows = new ArrayList<>(changes.size());
      for (CountChange change : changes) {
        touch(change.owner());
        rows.add(new Object[] {change.total(), change.unread(), change.owner().value(), change.folder().value()});
      }
      int[] changed = sql.batch(
          "UPDATE folders SET total = total + ?, unread = unread + ? WHERE owner_id = ? AND folder_id = ?", rows);
      for (int count : changed) {
        // SUCCESS_NO_INFO (-2) is a driver that does not count in batches; otherwise a folder vanished
        if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
          throw new StorageConflictException("a folder whose counts were to change is gone");
        }
      }
    }
  }

  private static Folder folder(ParticipantId owner, ResultSet row) throws SQLException {
    String system = row.getString("system_folder");
    return new Folder(
        owner,
        FolderId.of(row.getLong("folder_id")),
        Optional.ofNullable(system).map(SystemFolder::valueOf),
        new FolderName(row.getString("name")),
        row.getLong("total"),
        row.getLong("unread"));
  }

  private final class DraftsPort implements Drafts {
    @Override
    public void insert(Draft draft) {
      writing();
      touch(draft.owner());
      DraftContent content = draft.content();
      sql.update(
          "INSERT INTO drafts (owner_id, " + DRAFT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          draft.owner().value(),
          draft.id().value(),
          Codec.ids(content.recipients()),
          Sql.text(content.subject()),
          content.body(),
          Sql.number(content.inReplyTo().map(MessageId::value)),
          draft.createdAt(),
          draft.updatedAt(),
          draft.version());
    }

    @Override
    public Optional<Draft> find(ParticipantId owner, DraftId draft) {
      touch(owner);
      return sql.queryOne(
          "SELECT " + DRAFT_COLUMNS + " FROM drafts WHERE owner_id = ? AND draft_id = ?",
          row -> draft(owner, row),
          owner.value(),
          draft.value());
    }

    @Override
    public boolean update(Draft revised, long expectedVersion) {
      writing();
      touch(revised.owner());
      DraftContent content = revised.content();
      return sql.update(
              "UPDATE drafts SET recipients = ?, subject = ?, body = ?, in_reply_to = ?, updated_at = ?, version = ?"
                  + " WHERE owner_id = ? AND draft_id = ? AND version = ?",
              Codec.ids(content.recipients()),
              Sql.text(content.subject()),
              content.body(),
              Sql.number(content.inReplyTo().map(MessageId::value)),
              revised.updatedAt(),
              revised.version(),
              revised.owner().value(),
              revised.id().value(),
              expectedVersion)
          == 1;
    }

    @Override
    public void delete(ParticipantId owner, DraftId draft) {
      writing();
      touch(owner);
      sql.update("DELETE FROM drafts WHERE owner_id = ? AND draft_id = ?", owner.value(), draft.value());
    }

    @Override
    public List<Draft> page(ParticipantId owner, Optional<PageKey> after, int limit) {
      touch(owner);
      return sql.query(
          draftsPageSql(after.isPresent()), row -> draft(owner, row), pageParameters(after, limit, owner.value()));
    }
  }

  private static Draft draft(ParticipantId owner, ResultSet row) throws SQLException {
    DraftContent content = DraftContent.builder()
        .recipients(Codec.ids(row.getString("recipients")))
        .subject(Optional.ofNullable(row.getString("subject")))
        .body(row.getString("body"))
        .inReplyTo(Sql.optionalLong(row, "in_reply_to").map(MessageId::of))
        .build();
    return new Draft(
        owner,
        DraftId.of(row.getLong("draft_id")),
        content,
        Sql.instant(row, "created_at"),
        Sql.instant(row, "updated_at"),
        row.getLong("version"));
  }

  private static final String AUTO_RESPONDER_COLUMNS =
      "enabled, subject, body, active_from, active_until, interval_seconds, version, saved_at";

  private static AutoResponderState autoResponder(ResultSet row) throws SQLException {
    return new AutoResponderState(
        AutoResponderSettings.builder()
            .enabled(row.getBoolean("enabled"))
            .subject(row.getString("subject"))
            .body(row.getString("body"))
            .activeFrom(Sql.optionalInstant(row, "active_from"))
            .activeUntil(Sql.optionalInstant(row, "active_until"))
            .replyInterval(Duration.ofSeconds(row.getLong("interval_seconds")))
            .build(),
        row.getLong("version"),
        Sql.instant(row, "saved_at"));
  }

  private final class AutoRespondersPort implements AutoResponders {
    @Override
    public Optional<AutoResponderState> find(ParticipantId owner) {
      touch(owner);
      return sql.queryOne(
          "SELECT " + AUTO_RESPONDER_COLUMNS + " FROM auto_responders WHERE owner_id = ?",
          JdbcStore::autoResponder,
          owner.value());
    }

    @Override
    public void save(ParticipantId owner, AutoResponderState state) {
      writing();
      touch(owner);
      AutoResponderSettings settings = state.settings();
      Object[] values = {
        settings.enabled(),
        settings.subject(),
        settings.body(),
        Sql.instant(settings.activeFrom()),
        Sql.instant(settings.activeUntil()),
        settings.replyInterval().getSeconds(),
        state.version(),
        state.savedAt(),
        owner.value()
      };
      int changed = sql.update(
          "UPDATE auto_responders SET enabled = ?, subject = ?, body = ?, active_from = ?, active_until = ?,"
              + " interval_seconds = ?, version = ?, saved_at = ? WHERE owner_id = ?",
          values);
      if (changed == 0) {
        sql.update(
            "INSERT INTO auto_responders (enabled, subject, body, active_from, active_until, interval_seconds,"
                + " version, saved_at, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            values);
      }
    }

    @Override
    public Map<ParticipantId, AutoResponderState> findAll(Collection<ParticipantId> owners) {
      List<String> ids = owners.stream().map(ParticipantId::value).distinct().collect(Collectors.toList());
      Map<ParticipantId, AutoResponderState> found = new LinkedHashMap<>();
      if (ids.isEmpty()) {
        return found;
      }
      owners.forEach(JdbcStore.this::touch);
      String marks = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
      sql.query(
          "SELECT owner_id, " + AUTO_RESPONDER_COLUMNS + " FROM auto_responders WHERE owner_id IN (" + marks + ")",
          row -> {
            found.put(ParticipantId.of(row.getString("owner_id")), autoResponder(row));
            return null;
          },
          ids.toArray());
      return found;
    }

    @Override
    public Optional<AutoReplyRecord> lastReply(ParticipantId owner, ParticipantId correspondent) {
      touch(owner);
      return sql.queryOne(
          "SELECT replied_at, settings_version FROM auto_replies WHERE owner_id = ? AND correspondent_id = ?",
          row -> new AutoReplyRecord(owner, correspondent, Sql.instant(row, "replied_at"), row.getLong("settings_version")),
          owner.value(),
          correspondent.value());
    }

    @Override
    public void recordReply(AutoReplyRecord reply) {
      writing();
      touch(reply.owner());
      int changed = sql.update(
          "UPDATE auto_replies SET replied_at = ?, settings_version = ? WHERE owner_id = ? AND correspondent_id = ?",
          reply.at(),
          reply.settingsVersion(),
          reply.owner().value(),
          reply.correspondent().value());
      if (changed == 0) {
        sql.update(
            "INSERT INTO auto_replies (replied_at, settings_version, owner_id, correspondent_id) VALUES (?, ?, ?, ?)",
            reply.at(),
            reply.settingsVersion(),
            reply.owner().value(),
            reply.correspondent().value());
      }
    }
  }
}
