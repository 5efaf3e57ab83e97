package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.util.List;
import java.util.Optional;

/** Drafts per owner, indexed most recently saved first. */
final class DraftTable implements Drafts {

  private final Mailboxes mailboxes;
  private final UndoLog undo;

  DraftTable(Mailboxes mailboxes, UndoLog undo) {
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  @Override
  public Optional<Draft> find(ParticipantId owner, DraftId draft) {
    return mailboxes.existing(owner).map(m -> m.drafts.get(draft)).map(entry -> entry.draft);
  }

  @Override
  public List<Draft> page(ParticipantId owner, Optional<PageKey> after, int limit) {
    return mailboxes.existing(owner)
        .map(m -> Pages.after(m.draftsNewestFirst, after, limit, (MailboxData.DraftEntry e) -> e.draft))
        .orElse(List.of());
  }

  void insert(Draft draft) {
    MailboxData mailbox = mailboxes.forWrite(draft.owner());
    if (mailbox.drafts.containsKey(draft.id())) {
      throw new StorageConflictException("draft " + draft.id() + " exists");
    }
    MailboxData.DraftEntry entry = new MailboxData.DraftEntry(draft);
    undo.put(mailbox.drafts, draft.id(), entry);
    undo.add(mailbox.draftsNewestFirst, entry);
  }

  void revise(Draft revised, long expectedVersion) {
    MailboxData mailbox = mailboxes.forWrite(revised.owner());
    MailboxData.DraftEntry current = mailbox.drafts.get(revised.id());
    if (current == null || current.draft.version() != expectedVersion) {
      throw new StorageConflictException("draft " + revised.id() + " was saved meanwhile");
    }
    MailboxData.DraftEntry entry = new MailboxData.DraftEntry(revised);
    undo.remove(mailbox.draftsNewestFirst, current);
    undo.put(mailbox.drafts, revised.id(), entry);
    undo.add(mailbox.draftsNewestFirst, entry);
  }

  void remove(ParticipantId owner, DraftId draft) {
    MailboxData mailbox = mailboxes.forWrite(owner);
    MailboxData.DraftEntry current = mailbox.drafts.get(draft);
    if (current == null) {
      throw new StorageConflictException("draft " + draft + " is gone");
    }
    undo.remove(mailbox.draftsNewestFirst, current);
    undo.remove(mailbox.drafts, draft);
  }
}
