package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.mailbox.MailboxChange;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code copies}: a message as it sits in one mailbox, its content copied into each. The
 * read statements that must stay cheap in a big mailbox are package-private, so that a test can
 * EXPLAIN exactly what runs.
 */
final class CopyRows implements MessageCopies {

  private static final String COLUMNS =
      "message_id, thread_id, kind, sender_id, sender_role, sender_name, recipients, subject, body, sent_at,"
          + " in_reply_to, folder_id, opened_at";

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

  /**
   * Whether a mailbox holds a copy in a thread: what a copy that starts a thread must not find.
   * Parameters: owner, thread.
   */
  static final String THREAD_HELD = "SELECT 1 FROM copies WHERE owner_id = ? AND thread_id = ?";

  private static final String INSERT =
      "INSERT INTO copies (owner_id, " + COLUMNS + ", in_all) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Inserts a copy only if its mailbox holds nothing of its thread yet: one statement, no read before. */
  private static final String INSERT_STARTING_THREAD =
      "INSERT INTO copies (owner_id, " + COLUMNS + ", in_all)"
          + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (0)) AS one (x)"
          + " WHERE NOT EXISTS (" + THREAD_HELD + ")";

  private final Sql sql;
  /** Where the files of messages are; null for the migrations that run before V10 made them a table. */
  private final AttachmentRows attachments;

  CopyRows(Sql sql) {
    this(sql, null);
  }

  CopyRows(Sql sql, AttachmentRows attachments) {
    this.sql = sql;
    this.attachments = attachments;
  }

  private List<MessageCopy> withFiles(ParticipantId owner, List<MessageCopy> copies) {
    return attachments == null ? copies : attachments.withFiles(owner, copies);
  }

  @Override
  public Optional<MessageCopy> find(ParticipantId owner, MessageId message) {
    Optional<MessageCopy> copy = sql.queryOne(
        "SELECT " + COLUMNS + " FROM copies WHERE owner_id = ? AND message_id = ?",
        row -> copy(owner, row),
        owner.value(),
        message.value());
    return attachments == null ? copy : attachments.withFiles(owner, copy);
  }

  @Override
  public List<MessageCopy> findAll(ParticipantId owner, Collection<MessageId> messages) {
    List<Long> ids = messages.stream().map(MessageId::value).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return withFiles(owner, sql.query(
        "SELECT " + COLUMNS + " FROM copies WHERE owner_id = ? AND message_id IN (" + Sql.marks(ids.size()) + ")"
            + " ORDER BY message_id",
        row -> copy(owner, row),
        Sql.parameters(ids, owner.value())));
  }

  @Override
  public List<MessageCopy> every(ParticipantId owner) {
    return withFiles(owner, sql.query("SELECT " + COLUMNS + " FROM copies WHERE owner_id = ?", row -> copy(owner, row), owner.value()));
  }

  @Override
  public List<MessageCopy> inFolder(ParticipantId owner, FolderId folder, Optional<PageKey> after, int limit) {
    return sql.query(
        folderPageSql(after.isPresent()),
        row -> copy(owner, row),
        Pages.parameters(after, limit, owner.value(), folder.value()));
  }

  @Override
  public List<MessageCopy> inAllMessages(ParticipantId owner, Optional<PageKey> after, int limit) {
    return sql.query(
        allMessagesPageSql(after.isPresent()),
        row -> copy(owner, row),
        Pages.parameters(after, limit, owner.value(), true));
  }

  @Override
  public List<MessageCopy> inThread(ParticipantId owner, ThreadId thread, Optional<PageKey> after, int limit) {
    return sql.query(
        threadPageSql(after.isPresent()),
        row -> copy(owner, row),
        Pages.parameters(after, limit, owner.value(), thread.value()));
  }

  // writes, from ChangeWriter

  /**
   * Inserts the copies of a change, those that start a thread first and only where their mailbox holds
   * nothing of that thread (otherwise the id source repeated a thread id: a conflict, retried with
   * fresh ids), then the others: at most two batches.
   */
  void insert(List<MessageCopy> copies) {
    List<Object[]> starting = new ArrayList<>();
    List<Object[]> joining = new ArrayList<>();
    for (MessageCopy copy : copies) {
      Object[] row = row(copy);
      if (copy.message().startsThread()) {
        Object[] guarded = Arrays.copyOf(row, row.length + 2);
        guarded[row.length] = copy.owner().value();
        guarded[row.length + 1] = copy.message().thread().value();
        starting.add(guarded);
      } else {
        joining.add(row);
      }
    }
    sql.requireWritable();
    if (!starting.isEmpty()) {
      for (int count : sql.batch(INSERT_STARTING_THREAD, starting)) {
        if (count == 0) {
          throw new StorageConflictException("a new thread's id is taken in a mailbox: the id source repeated it");
        }
      }
    }
    if (!joining.isEmpty()) {
      sql.batch(INSERT, joining);
    }
    if (attachments != null) {
      attachments.insert(copies);
    }
  }

  private static Object[] row(MessageCopy copy) {
    Message message = copy.message();
    Optional<Participant> sender = message.sender();
    return new Object[] {
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
   * A copy from its row. A row the library did not write (a kind or a role with no name, a recipient
   * list it cannot parse, a subject no message has) is evidence changed behind its back.
   */
  private static MessageCopy copy(ParticipantId owner, ResultSet row) throws SQLException {
    try {
      return readCopy(owner, row);
    } catch (RuntimeException e) {
      long message = row.getLong("message_id");
      throw new UnreadableEvidenceException(
          RecordEncoding.MESSAGE, message, "", "the copy of message " + message + " in the mailbox of " + owner, e);
    }
  }

  private static MessageCopy readCopy(ParticipantId owner, ResultSet row) throws SQLException {
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
