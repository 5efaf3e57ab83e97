package dev.casemail.messaging.core.draft;

import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.paging.PageKey;
import java.time.Instant;
import java.util.Objects;

/** A draft in its owner's Drafts folder. Its version increases with every save. */
public record Draft(
    ParticipantId owner, DraftId id, DraftContent content, Instant createdAt, Instant updatedAt, long version) {

  public Draft {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public static Draft create(ParticipantId owner, DraftId id, DraftContent content, Instant at) {
    return new Draft(owner, id, content, at, at, 1);
  }

  /** This draft saved again with new content. */
  public Draft revised(DraftContent newContent, Instant at) {
    return new Draft(owner, id, newContent, createdAt, at, version + 1);
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
        .build();
  }
}
