package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.ListedCopy;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.UnreadableEvidenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables {@code copies} and {@code message_contents} (V11): a message as it sits in one mailbox,
 * with what a listing shows of it ({@link ListedCopy}), and the message's content (body, recipients)
 * once per message, read by id when a copy is found. The read statements that must stay cheap in a big
 * mailbox are package-private, so that a test can EXPLAIN exactly what runs.
 */
final class CopyRows implements MessageCopies {

  /** What a copy row holds; {@code recipients} only on the sender's copy (the listing's "To"). */
  private static final String COLUMNS =
      "message_id, thread_id, kind, sender_id, sender_role, sender_name, recipients, subject, preview, sent_at,"
          + " in_reply_to, folder_id, opened_at";

  /** The content rows read at once, at most: the length of one IN list. */
  private static final int CONTENTS_PER_QUERY = 500;

  /** A folder page, newest first. Parameters: owner, folder, [sent_at, message_id of the last row seen,] limit. */
  static String folderPageSql(boolean continued) {
    return Pages.page("SELECT " + COLUMNS + " FROM copies WHERE owner_id = ? AND folder_id = ?",
        "sent_at", "message_id", true, continued);
  }

  /** A page of All Messages, newest first. Parameters: owner, true, [sent_at, message_id,] limit. */
  static String allMessagesPageSql(boolean continued) {
    return Pages.page("SELECT " + COLUMNS + " FROM copies WHERE owner_id = ? AND in_all = ?",
        "sent_at", "message_id", true, continued);
  }

  /** A page of a thread, oldest first. Parameters: owner, thread, [sent_at, message_id,] limit. */
  static String threadPageSql(boolean continued) {
    return Pages.page("SELECT " + COLUMNS + " FROM copies WHERE owner_id = ? AND thread_id = ?",
        "sent_at", "message_id", false, continued);
  }

  /** One copy, the first of the two reads of opening a message. Parameters: owner, message. */
  static final String COPY = "SELECT " + COLUMNS + " FROM copies WHERE owner_id = ? AND message_id = ?";

  /** The contents of {@code count} messages, a seek each: the second read. Parameters: the message ids. */
  static String contentsSql(int count) {
    return "SELECT message_id, recipients, body FROM message_contents WHERE message_id IN (" + Sql.marks(count) + ")";
  }

  private static final String INSERT_INTO = "INSERT INTO copies (owner_id, " + COLUMNS + ", in_all)";

  /** One copy's values in a multi-row insert. */
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Inserts copies that start a thread, each only if its mailbox holds nothing of that thread yet: one
   * statement for all of them, no read before. The values are typed, since outside an INSERT's own
   * VALUES list the database would otherwise take a column that is NULL in every row for text; the
   * target columns still check every length. {@code OFFSET 0} keeps the check a seek per row on
   * {@code copies_by_thread}: without it PostgreSQL may join the values to the whole table (a hash
   * anti-join over every copy, which W3 measured at over a millisecond per send).
   */
  private static final String INSERT_STARTING_THREADS = INSERT_INTO + " SELECT v.owner_id, v.message_id,"
      + " v.thread_id, v.kind, v.sender_id, v.sender_role, v.sender_name, v.recipients, v.subject, v.preview,"
      + " v.sent_at, v.in_reply_to, v.folder_id, v.opened_at, v.in_all FROM (VALUES ";

  private static final String TYPED_ROW = "(CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT),"
      + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
      + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS BIGINT),"
      + " CAST(? AS BIGINT), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS BOOLEAN))";

  private static final String STARTING_THREADS_GUARD = ") AS v (owner_id, message_id, thread_id, kind, sender_id,"
      + " sender_role, sender_name, recipients, subject, preview, sent_at, in_reply_to, folder_id, opened_at, in_all)"
      + " WHERE NOT EXISTS (SELECT 1 FROM copies c WHERE c.owner_id = v.owner_id AND c.thread_id = v.thread_id OFFSET 0)";

  /**
   * A message's content. Its id must be new: a message is placed by the one change that creates it,
   * and an id source that repeats a message id, even between other people's mailboxes, must meet the
   * primary key (a conflict, retried with fresh ids), not find another message's content and share it.
   * Parameters: message, recipients, body.
   */
  private static final String INSERT_CONTENT = "INSERT INTO message_contents (message_id, recipients, body)";

  /** The insert of {@code rows} copies that start threads, as {@link #insert} runs it (for a plan test). */
  static String startingThreadsSql(int rows) {
    StringBuilder statement = new StringBuilder(INSERT_STARTING_THREADS);
    for (int i = 0; i < rows; i++) {
      statement.append(i == 0 ? "" : ", ").append(TYPED_ROW);
    }
    return statement.append(STARTING_THREADS_GUARD).toString();
  }

  private final Sql sql;
  private final AttachmentRows attachments;

  CopyRows(Sql sql, AttachmentRows attachments) {
    this.sql = sql;
    this.attachments = attachments;
  }

  @Override
  public Optional<MessageCopy> find(ParticipantId owner, MessageId message) {
    Optional<Stored> stored = sql.queryOne(COPY, row -> stored(owner, row), owner.value(), message.value());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    return attachments.withFiles(owner, Optional.of(withContents(owner, List.of(stored.get())).get(0)));
  }

  @Override
  public List<MessageCopy> findAll(ParticipantId owner, Collection<MessageId> messages) {
    List<Long> ids = messages.stream().map(MessageId::value).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return attachments.withFiles(owner, withContents(owner, sql.query(
        "SELECT " + COLUMNS + " FROM copies WHERE owner_id = ? AND message_id IN (" + Sql.marks(ids.size()) + ")"
            + " ORDER BY message_id",
        row -> stored(owner, row),
        Sql.parameters(ids, owner.value()))));
  }

  @Override
  public List<MessageCopy> every(ParticipantId owner) {
    return attachments.withFiles(owner, withContents(owner,
        sql.query("SELECT " + COLUMNS + " FROM copies WHERE owner_id = ?", row -> stored(owner, row), owner.value())));
  }

  @Override
  public List<ListedCopy> inFolder(ParticipantId owner, FolderId folder, Optional<PageKey> after, int limit) {
    return sql.query(
        folderPageSql(after.isPresent()),
        row -> listed(owner, row),
        Pages.parameters(after, limit, owner.value(), folder.value()));
  }

  @Override
  public List<ListedCopy> inAllMessages(ParticipantId owner, Optional<PageKey> after, int limit) {
    return sql.query(
        allMessagesPageSql(after.isPresent()),
        row -> listed(owner, row),
        Pages.parameters(after, limit, owner.value(), true));
  }

  @Override
  public List<ListedCopy> inThread(ParticipantId owner, ThreadId thread, Optional<PageKey> after, int limit) {
    return sql.query(
        threadPageSql(after.isPresent()),
        row -> listed(owner, row),
        Pages.parameters(after, limit, owner.value(), thread.value()));
  }

  /** Copy rows joined, by message id, to their contents: one read of {@code message_contents} per 500 messages. */
  private List<MessageCopy> withContents(ParticipantId owner, List<Stored> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(row -> row.listed().id().value()).distinct().toList();
    Map<Long, Content> contents = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CONTENTS_PER_QUERY) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CONTENTS_PER_QUERY));
      sql.query(contentsSql(chunk.size()), row -> contents.put(row.getLong("message_id"),
          new Content(row.getString("recipients"), row.getString("body"))), chunk.toArray());
    }
    List<MessageCopy> copies = new ArrayList<>(rows.size());
    for (Stored row : rows) {
      copies.add(copy(owner, row, contents.get(row.listed().id().value())));
    }
    return copies;
  }

  /** A message's content row, as read. */
  private record Content(String recipients, String body) {}

  /** A copy row: what it lists, and what only a copy holds besides (the message it answers). */
  private record Stored(ListedCopy listed, Optional<MessageId> inReplyTo) {}

  // writes, from ChangeWriter

  /**
   * Inserts the copies of a change, those that start a thread first and only where their mailbox holds
   * nothing of that thread (otherwise the id source repeated a thread id: a conflict, retried with
   * fresh ids), then the others, after the messages' contents: each a multi-row statement.
   */
  void insert(List<MessageCopy> copies) {
    List<Object[]> starting = new ArrayList<>();
    List<Object[]> joining = new ArrayList<>();
    Map<MessageId, Object[]> contents = new LinkedHashMap<>();
    Map<MessageId, String> previews = new HashMap<>();
    for (MessageCopy copy : copies) {
      Message message = copy.message();
      contents.computeIfAbsent(message.id(), id -> new Object[] {
        id.value(), Codec.participants(message.recipients()), message.body()});
      String preview = previews.computeIfAbsent(message.id(), id -> ListedCopy.preview(message.body()));
      (message.startsThread() ? starting : joining).add(row(copy, preview));
    }
    sql.requireWritable();
    sql.insertRows(INSERT_CONTENT, "(?, ?, ?)", new ArrayList<>(contents.values()));
    if (sql.multiRow(INSERT_STARTING_THREADS, new Object[0], TYPED_ROW, starting, STARTING_THREADS_GUARD)
        != starting.size()) {
      throw new StorageConflictException("a new thread's id is taken in a mailbox: the id source repeated it");
    }
    sql.insertRows(INSERT_INTO, ROW, joining);
    attachments.insert(copies);
  }

  private static Object[] row(MessageCopy copy, String preview) {
    Message message = copy.message();
    Optional<Participant> sender = message.sender();
    ListedCopy listed = ListedCopy.of(copy, preview);
    return new Object[] {
      copy.owner().value(),
      message.id().value(),
      message.thread().value(),
      message.kind().name(),
      Sql.text(sender.map(s -> s.id().value())),
      Sql.text(sender.map(s -> s.role().name())),
      Sql.text(sender.map(Participant::displayName)),
      listed.recipients().isEmpty() ? Sql.Null.TEXT : Codec.participants(listed.recipients()),
      listed.subject(),
      listed.preview(),
      message.sentAt(),
      Sql.number(message.inReplyTo().map(MessageId::value)),
      copy.folder().value(),
      Sql.instant(copy.openedAt()),
      copy.inAllMessages()
    };
  }

  /** One statement per owner and folder, however many copies move. */
  void move(MailboxChange.CopiesMoved move) {
    List<Long> ids = move.messages().stream().map(MessageId::value).distinct().toList();
    sql.requireWritable();
    int moved = sql.update(
        "UPDATE copies SET folder_id = ? WHERE owner_id = ? AND message_id IN (" + Sql.marks(ids.size()) + ")",
        Sql.parameters(ids, move.target().value(), move.owner().value()));
    if (moved != ids.size()) {
      throw new StorageConflictException("expected to move " + ids.size() + " copies, moved " + moved);
    }
  }

  void moveAll(MailboxChange.FolderEmptied emptied) {
    sql.requireWritable();
    sql.update(
        "UPDATE copies SET folder_id = ? WHERE owner_id = ? AND folder_id = ?",
        emptied.into().value(),
        emptied.owner().value(),
        emptied.from().value());
  }

  void markOpened(List<MailboxChange.CopyOpened> openings) {
    List<Object[]> rows = new ArrayList<>(openings.size());
    for (MailboxChange.CopyOpened opened : openings) {
      rows.add(new Object[] {opened.at(), opened.owner().value(), opened.message().value()});
    }
    sql.batchOfOnes("UPDATE copies SET opened_at = ? WHERE owner_id = ? AND message_id = ? AND opened_at IS NULL", rows);
  }

  /**
   * A listed copy from its row. A row the library did not write (a kind or a role with no name, a
   * recipient list it cannot parse, no preview) is evidence changed behind its back.
   */
  private static ListedCopy listed(ParticipantId owner, ResultSet row) throws SQLException {
    return stored(owner, row).listed();
  }

  private static Stored stored(ParticipantId owner, ResultSet row) throws SQLException {
    try {
      return readStored(owner, row);
    } catch (RuntimeException e) {
      long message = row.getLong("message_id");
      throw unreadable(owner, message, e);
    }
  }

  private static UnreadableEvidenceException unreadable(ParticipantId owner, long message, RuntimeException cause) {
    return new UnreadableEvidenceException(
        RecordEncoding.MESSAGE, message, "", "the copy of message " + message + " in the mailbox of " + owner, cause);
  }

  private static Stored readStored(ParticipantId owner, ResultSet row) throws SQLException {
    String senderId = row.getString("sender_id");
    Optional<Participant> sender = senderId == null
        ? Optional.empty()
        : Optional.of(new Participant(
            ParticipantId.of(senderId),
            ParticipantRole.valueOf(row.getString("sender_role")),
            row.getString("sender_name")));
    String recipients = row.getString("recipients");
    String preview = row.getString("preview");
    if (preview == null) {
      throw new IllegalStateException("the copy has no preview");
    }
    ListedCopy listed = new ListedCopy(
        owner,
        MessageId.of(row.getLong("message_id")),
        ThreadId.of(row.getLong("thread_id")),
        MessageKind.valueOf(row.getString("kind")),
        sender,
        recipients == null ? List.of() : Codec.participants(recipients),
        row.getString("subject"),
        preview,
        Sql.instant(row, "sent_at"),
        FolderId.of(row.getLong("folder_id")),
        Sql.optionalInstant(row, "opened_at"));
    return new Stored(listed, Sql.optionalLong(row, "in_reply_to").map(MessageId::of));
  }

  /** The copy of a row with its message's content; a copy whose content is gone is evidence changed. */
  private static MessageCopy copy(ParticipantId owner, Stored row, Content content) {
    ListedCopy listed = row.listed();
    try {
      if (content == null) {
        throw new IllegalStateException("the message's content is missing");
      }
      Message message = new Message(
          listed.id(),
          listed.thread(),
          listed.kind(),
          listed.sender(),
          Codec.participants(content.recipients()),
          listed.subject(),
          content.body(),
          listed.sentAt(),
          row.inReplyTo());
      return new MessageCopy(owner, message, listed.folder(), listed.openedAt());
    } catch (RuntimeException e) {
      throw unreadable(owner, listed.id().value(), e);
    }
  }

  // the layout before V11, for the migrations that read copies before it (RecordBackfill, V5)

  private static final String COLUMNS_BEFORE_V11 =
      "message_id, thread_id, kind, sender_id, sender_role, sender_name, recipients, subject, body, sent_at,"
          + " in_reply_to, folder_id, opened_at";

  /** Every copy of the owner's mailbox as schema versions 1 to 10 hold it, its content in every copy. */
  static List<MessageCopy> everyBeforeVersion11(Sql sql, ParticipantId owner) {
    return sql.query("SELECT " + COLUMNS_BEFORE_V11 + " FROM copies WHERE owner_id = ?", row -> {
      try {
        return readCopyBeforeVersion11(owner, row);
      } catch (RuntimeException e) {
        throw unreadable(owner, row.getLong("message_id"), e);
      }
    }, owner.value());
  }

  private static MessageCopy readCopyBeforeVersion11(ParticipantId owner, ResultSet row) throws SQLException {
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
}
