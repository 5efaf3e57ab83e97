package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.core.attachment.AttachmentIndex;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.message.MessageCopy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables {@code message_attachments} and {@code draft_attachments} (migration V10): the files each
 * copy of a message and each draft carries, keyed by owner, then message or draft, then position.
 * {@link CopyRows} and {@link DraftRows} hand what they read to {@link #withFiles} so that a message
 * or a draft comes back with its files; a read that finds no copy asks nothing more.
 */
final class AttachmentRows implements AttachmentIndex {

  private static final String FILE_COLUMNS = "position, name, content_type, size_bytes, content_hash";

  /** The bytes of the files the owner sent. Parameters: owner, true. */
  static final String SENT_BYTES =
      "SELECT COALESCE(SUM(size_bytes), 0) AS used FROM message_attachments WHERE owner_id = ? AND sent_by_owner = ?";

  /** The bytes of the files of the owner's drafts. Parameters: owner. */
  static final String DRAFTED_BYTES = "SELECT COALESCE(SUM(size_bytes), 0) AS used FROM draft_attachments WHERE owner_id = ?";

  /** The files of {@code count} messages of one owner, a seek each. Parameters: owner, the message ids. */
  static String messageFilesSql(int count) {
    return "SELECT message_id, " + FILE_COLUMNS + " FROM message_attachments WHERE owner_id = ? AND message_id IN ("
        + Sql.marks(count) + ") ORDER BY message_id, position";
  }

  /** The files of {@code count} drafts of one owner, a seek each. Parameters: owner, the draft ids. */
  static String draftFilesSql(int count) {
    return "SELECT draft_id, " + FILE_COLUMNS + " FROM draft_attachments WHERE owner_id = ? AND draft_id IN ("
        + Sql.marks(count) + ") ORDER BY draft_id, position";
  }

  private final Sql sql;

  AttachmentRows(Sql sql) {
    this.sql = sql;
  }

  @Override
  public long quotaUsage(ParticipantId owner) {
    long sent = sql.queryOne(SENT_BYTES, row -> row.getLong("used"), owner.value(), true).orElse(0L);
    long drafted = sql.queryOne(DRAFTED_BYTES, row -> row.getLong("used"), owner.value()).orElse(0L);
    return sent + drafted;
  }

  @Override
  public Set<ContentHash> referenced(Collection<ContentHash> hashes) {
    List<String> hexes = hashes.stream().map(ContentHash::hex).distinct().toList();
    Set<ContentHash> found = new HashSet<>();
    for (int from = 0; from < hexes.size(); from += 500) {
      List<String> slice = hexes.subList(from, Math.min(hexes.size(), from + 500));
      String marks = Sql.marks(slice.size());
      List<String> rows = sql.query(
          "SELECT DISTINCT content_hash FROM message_attachments WHERE content_hash IN (" + marks + ")"
              + " UNION SELECT DISTINCT content_hash FROM draft_attachments WHERE content_hash IN (" + marks + ")",
          row -> row.getString("content_hash"),
          both(slice));
      rows.forEach(hex -> found.add(ContentHash.of(hex)));
    }
    return found;
  }

  /** The copies with their messages' files: one query for all of them, a seek per message. */
  List<MessageCopy> withFiles(ParticipantId owner, List<MessageCopy> copies) {
    if (copies.isEmpty()) {
      return copies;
    }
    List<Long> ids = copies.stream().map(copy -> copy.message().id().value()).distinct().toList();
    Map<Long, List<AttachmentView>> files = new HashMap<>();
    sql.query(
        messageFilesSql(ids.size()),
        row -> files.computeIfAbsent(row.getLong("message_id"), id -> new ArrayList<>()).add(file(row)),
        Sql.parameters(ids, owner.value()));
    if (files.isEmpty()) {
      return copies;
    }
    List<MessageCopy> filled = new ArrayList<>(copies.size());
    for (MessageCopy copy : copies) {
      List<AttachmentView> carried = files.get(copy.message().id().value());
      filled.add(carried == null
          ? copy
          : new MessageCopy(copy.owner(), copy.message().withAttachments(carried), copy.folder(), copy.openedAt()));
    }
    return filled;
  }

  Optional<MessageCopy> withFiles(ParticipantId owner, Optional<MessageCopy> copy) {
    return copy.map(found -> withFiles(owner, List.of(found)).get(0));
  }

  /** The draft with its files. */
  Optional<Draft> withDraftFiles(ParticipantId owner, Optional<Draft> draft) {
    return draft.map(found -> withDraftFiles(owner, List.of(found)).get(0));
  }

  /** The drafts with their files: one query for all of them, a seek per draft. */
  List<Draft> withDraftFiles(ParticipantId owner, List<Draft> drafts) {
    if (drafts.isEmpty()) {
      return drafts;
    }
    List<Long> ids = drafts.stream().map(draft -> draft.id().value()).distinct().toList();
    Map<Long, List<AttachmentView>> files = new HashMap<>();
    sql.query(
        draftFilesSql(ids.size()),
        row -> files.computeIfAbsent(row.getLong("draft_id"), id -> new ArrayList<>()).add(file(row)),
        Sql.parameters(ids, owner.value()));
    if (files.isEmpty()) {
      return drafts;
    }
    List<Draft> filled = new ArrayList<>(drafts.size());
    for (Draft draft : drafts) {
      List<AttachmentView> carried = files.get(draft.id().value());
      filled.add(carried == null ? draft : draft.withAttachments(carried));
    }
    return filled;
  }

  // writes, from ChangeWriter

  /** The files of the copies placed, in one batch. */
  void insert(List<MessageCopy> copies) {
    List<Object[]> rows = new ArrayList<>();
    for (MessageCopy copy : copies) {
      List<AttachmentView> files = copy.message().attachments();
      for (int position = 0; position < files.size(); position++) {
        AttachmentView file = files.get(position);
        rows.add(new Object[] {
          copy.owner().value(), copy.message().id().value(), position, file.name(), file.contentType(), file.size(),
          file.hash().hex(), copy.message().isFrom(copy.owner())
        });
      }
    }
    if (!rows.isEmpty()) {
      sql.insertRows("INSERT INTO message_attachments (owner_id, message_id, " + FILE_COLUMNS + ", sent_by_owner)",
          "(?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
  }

  /** The files of drafts saved or saved again: what they carried before is replaced. */
  void replaceDraftFiles(List<Draft> drafts, boolean replacing) {
    List<Object[]> rows = new ArrayList<>();
    for (Draft draft : drafts) {
      if (replacing) {
        removeDraftFiles(draft.owner(), draft.id());
      }
      List<AttachmentView> files = draft.attachments();
      for (int position = 0; position < files.size(); position++) {
        AttachmentView file = files.get(position);
        rows.add(new Object[] {
          draft.owner().value(), draft.id().value(), position, file.name(), file.contentType(), file.size(), file.hash().hex()
        });
      }
    }
    if (!rows.isEmpty()) {
      sql.batch("INSERT INTO draft_attachments (owner_id, draft_id, " + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }
  }

  void removeDraftFiles(ParticipantId owner, DraftId draft) {
    sql.update("DELETE FROM draft_attachments WHERE owner_id = ? AND draft_id = ?", owner.value(), draft.value());
  }

  private static AttachmentView file(ResultSet row) throws SQLException {
    return AttachmentView.builder()
        .name(row.getString("name"))
        .contentType(row.getString("content_type"))
        .size(row.getLong("size_bytes"))
        .hash(ContentHash.of(row.getString("content_hash")))
        .build();
  }

  private static Object[] both(List<String> slice) {
    Object[] parameters = new Object[slice.size() * 2];
    for (int i = 0; i < slice.size(); i++) {
      parameters[i] = slice.get(i);
      parameters[slice.size() + i] = slice.get(i);
    }
    return parameters;
  }
}
