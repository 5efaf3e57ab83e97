package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.event.NewEvent;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.mailbox.MailboxChanges;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.record.SealedRecord;
import dev.casemail.messaging.core.record.StoredExport;
import java.util.List;

/** Writes the parts of a mailbox change to the tables of one transaction, each write undoable. */
final class ChangeWriter implements MailboxChanges {

  private final CopyTable copies;
  private final ReceiptTable receipts;
  private final FolderTable folders;
  private final DraftTable drafts;
  private final AutoResponderTable autoResponders;
  private final SentKeyTable sentKeys;
  private final AccessLinkTable links;
  private final RecordTable records;
  private final OutboxTable outbox;

  ChangeWriter(
      CopyTable copies,
      ReceiptTable receipts,
      FolderTable folders,
      DraftTable drafts,
      AutoResponderTable autoResponders,
      SentKeyTable sentKeys,
      AccessLinkTable links,
      RecordTable records,
      OutboxTable outbox) {
    this.copies = copies;
    this.receipts = receipts;
    this.folders = folders;
    this.drafts = drafts;
    this.autoResponders = autoResponders;
    this.sentKeys = sentKeys;
    this.links = links;
    this.records = records;
    this.outbox = outbox;
  }

  @Override
  public void addFolders(List<Folder> added) {
    added.forEach(folders::insert);
  }

  @Override
  public void placeCopies(List<MessageCopy> placed) {
    placed.forEach(copies::insert);
  }

  @Override
  public void startReceipts(List<MailboxChange.ReceiptsStarted> started) {
    started.forEach(r -> receipts.start(r.sender(), r.message(), r.recipients()));
  }

  @Override
  public void moveCopies(MailboxChange.CopiesMoved move) {
    copies.move(move.owner(), move.messages(), move.target());
  }

  @Override
  public void emptyFolder(MailboxChange.FolderEmptied emptied) {
    copies.moveAll(emptied.owner(), emptied.from(), emptied.into());
  }

  @Override
  public void openCopies(List<MailboxChange.CopyOpened> openings) {
    openings.forEach(o -> copies.markOpened(o.owner(), o.message(), o.at()));
  }

  @Override
  public void recordFirstViews(List<MailboxChange.FirstView> views) {
    views.forEach(v -> receipts.recordFirstView(v.sender(), v.message(), v.recipient(), v.at()));
  }

  @Override
  public void adjustCounts(List<CountChange> changes) {
    changes.forEach(folders::adjust);
  }

  @Override
  public void renameFolder(Folder renamed) {
    folders.rename(renamed);
  }

  @Override
  public void removeFolder(MailboxChange.FolderRemoved removed) {
    folders.remove(removed.owner(), removed.folder());
    copies.dropFolderIndex(removed.owner(), removed.folder());
  }

  @Override
  public void addDrafts(List<Draft> added) {
    added.forEach(drafts::insert);
  }

  @Override
  public void reviseDraft(MailboxChange.DraftRevised revision) {
    drafts.revise(revision.draft(), revision.expectedVersion());
  }

  @Override
  public void removeDraft(MailboxChange.DraftRemoved removed) {
    drafts.remove(removed.owner(), removed.draft());
  }

  @Override
  public void rememberKeys(List<SentKey> keys) {
    keys.forEach(sentKeys::insert);
  }

  @Override
  public void recordAutoReply(AutoReplyRecord reply) {
    autoResponders.recordReply(reply);
  }

  @Override
  public void saveAutoResponder(MailboxChange.AutoResponderSaved saved) {
    autoResponders.save(saved.owner(), saved.state());
  }

  @Override
  public void saveLink(AccessLink link) {
    links.save(link);
  }

  @Override
  public void saveExports(List<StoredExport> exports) {
    records.saveExports(exports);
  }

  @Override
  public void appendRecord(SealedRecord record) {
    records.append(record);
  }

  @Override
  public void appendEvents(List<NewEvent> events) {
    outbox.append(events);
  }
}
