package dev.casemail.messaging.core.draft;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.paging.PageKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A draft in its owner's Drafts folder. Its version increases with every save.
 *
 * @param content what the draft holds but its files: never any upload or kept hash, which a save turns
 *     into {@code attachments}
 * @param attachments the files it carries, in order (their bytes are in the blob store)
 */
public record Draft(
    ParticipantId owner,
    DraftId id,
    DraftContent content,
    Instant createdAt,
    Instant updatedAt,
    long version,
    List<AttachmentView> attachments) {

  public Draft {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(content, "content");
    if (!content.attachments().isEmpty() || !content.keptAttachments().isEmpty()) {
      content = DraftContent.builder().from(content).attachments(List.of()).keptAttachments(List.of()).build();
    }
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A draft that carries no file, as saved before attachments existed. */
  public Draft(
      ParticipantId owner, DraftId id, DraftContent content, Instant createdAt, Instant updatedAt, long version) {
    this(owner, id, content, createdAt, updatedAt, version, List.of());
  }

  public static Draft create(ParticipantId owner, DraftId id, DraftContent content, Instant at) {
    return create(owner, id, content, List.of(), at);
  }

  /** A new draft carrying {@code files}. */
  public static Draft create(
      ParticipantId owner, DraftId id, DraftContent content, List<AttachmentView> files, Instant at) {
    return new Draft(owner, id, content, at, at, 1, files);
  }

  /** This draft saved again with new content and no file. */
  public Draft revised(DraftContent newContent, Instant at) {
    return revised(newContent, List.of(), at);
  }

  /** This draft saved again with new content and {@code files}. */
  public Draft revised(DraftContent newContent, List<AttachmentView> files, Instant at) {
    return new Draft(owner, id, newContent, createdAt, at, version + 1, files);
  }

  /** This draft carrying {@code files}, as storage reads them back. */
  public Draft withAttachments(List<AttachmentView> files) {
    return new Draft(owner, id, content, createdAt, updatedAt, version, files);
  }

  /** Its position in the Drafts listing: most recently saved first. */
  public PageKey key() {
    return new PageKey(updatedAt, id.value());
  }

  public DraftView view() {
    return DraftView.builder()
        .id(id)
        .recipients(content.recipients())
        .subject(content.subject())
        .body(content.body())
        .inReplyTo(content.inReplyTo())
        .createdAt(createdAt)
        .updatedAt(updatedAt)
        .version(version)
        .attachments(attachments)
        .build();
  }
}
