package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.paging.PageKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table {@code drafts}. */
final class DraftRows implements Drafts {

  private static final String COLUMNS = "draft_id, recipients, subject, body, in_reply_to, created_at, updated_at, version";

  /** A page of drafts, most recently saved first. Parameters: owner, [updated_at, draft_id,] limit. */
  static String draftsPageSql(boolean continued) {
    return Pages.page("SELECT " + COLUMNS + " FROM drafts WHERE owner_id = ?", "updated_at", "draft_id", true, continued);
  }

  private final Sql sql;
  private final AttachmentRows attachments;

  DraftRows(Sql sql, AttachmentRows attachments) {
    this.sql = sql;
    this.attachments = attachments;
  }

  @Override
  public Optional<Draft> find(ParticipantId owner, DraftId draft) {
    return attachments.withDraftFiles(owner, sql.queryOne(
        "SELECT " + COLUMNS + " FROM drafts WHERE owner_id = ? AND draft_id = ?",
        row -> draft(owner, row),
        owner.value(),
        draft.value()));
  }

  @Override
  public List<Draft> page(ParticipantId owner, Optional<PageKey> after, int limit) {
    return attachments.withDraftFiles(
        owner, sql.query(draftsPageSql(after.isPresent()), row -> draft(owner, row), Pages.parameters(after, limit, owner.value())));
  }

  // writes, from ChangeWriter

  void insert(List<Draft> drafts) {
    List<Object[]> rows = new ArrayList<>(drafts.size());
    for (Draft draft : drafts) {
      DraftContent content = draft.content();
      rows.add(new Object[] {
        draft.owner().value(),
        draft.id().value(),
        Codec.ids(content.recipients()),
        Sql.text(content.subject()),
        content.body(),
        Sql.number(content.inReplyTo().map(MessageId::value)),
        draft.createdAt(),
        draft.updatedAt(),
        draft.version()
      });
    }
    sql.requireWritable();
    sql.batch("INSERT INTO drafts (owner_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    attachments.replaceDraftFiles(drafts, false);
  }

  void revise(MailboxChange.DraftRevised revision) {
    Draft revised = revision.draft();
    DraftContent content = revised.content();
    sql.updateOne(
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
        revision.expectedVersion());
    attachments.replaceDraftFiles(List.of(revised), true);
  }

  void remove(MailboxChange.DraftRemoved removed) {
    sql.updateOne("DELETE FROM drafts WHERE owner_id = ? AND draft_id = ?", removed.owner().value(), removed.draft().value());
    attachments.removeDraftFiles(removed.owner(), removed.draft());
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
}
