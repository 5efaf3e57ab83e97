package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.core.draft.Draft;
import java.time.Instant;
import java.util.List;

/**
 * A mailbox's Drafts: a draft saved counts in the Drafts folder until it is deleted or sent; saving it
 * again needs the version the caller last saw.
 */
public final class DraftBox {

  private DraftBox() {}

  /** The change that saves a new draft. */
  public static MailboxChange save(Draft draft) {
    return MailboxChange.builder().addDraft(draft).build();
  }

  /**
   * The change that saves {@code draft} again with new content.
   *
   * @throws ConflictException if the draft is no longer at {@code expectedVersion}
   */
  public static MailboxChange revise(Draft draft, long expectedVersion, DraftContent content, Instant at) {
    return revise(draft, expectedVersion, content, draft.attachments(), at);
  }

  /**
   * The change that saves {@code draft} again with new content and {@code files}.
   *
   * @throws ConflictException if the draft is no longer at {@code expectedVersion}
   */
  public static MailboxChange revise(
      Draft draft, long expectedVersion, DraftContent content, List<AttachmentView> files, Instant at) {
    if (draft.version() != expectedVersion) {
      throw new ConflictException("draft " + draft.id() + " was saved meanwhile: it is at version "
          + draft.version() + ", not " + expectedVersion);
    }
    return MailboxChange.builder().reviseDraft(draft.revised(content, files, at), expectedVersion).build();
  }

  /** The change that deletes a draft, or takes a sent one out of Drafts. */
  public static MailboxChange discard(Draft draft) {
    return MailboxChange.builder().removeDraft(draft.owner(), draft.id()).build();
  }
}
