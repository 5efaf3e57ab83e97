package dev.casemail.messaging.jdbc;

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

/**
 * Writes the parts of a mailbox change (the core's {@link MailboxChanges#apply} gives them in order) in
 * as few statements as they allow: one batch each for the folders, copies (two when some start a
 * thread and others join one), receipts, openings, first views, count changes, drafts and keys of the
 * whole change; one statement per owner and target folder for moves; one batch of events; and, once
 * every part is written, one batch of updates of the mailboxes' own rows, each carrying both the
 * record's head and the event count of its mailbox ({@link MailboxRows}).
 */
final class ChangeWriter implements MailboxChanges {

  private final CopyRows copies;
  private final ReceiptRows receipts;
  private final FolderRows folders;
  private final DraftRows drafts;
  private final AutoResponderRows autoResponders;
  private final SentKeyRows sentKeys;
  private final AccessLinkRows links;
  private final RecordRows records;
  private final OutboxRows outbox;
  private final MailboxRows mailboxRows;

  ChangeWriter(
      CopyRows copies,
      ReceiptRows receipts,
      FolderRows folders,
      DraftRows drafts,
      AutoResponderRows autoResponders,
      SentKeyRows sentKeys,
      AccessLinkRows links,
      RecordRows records,
      OutboxRows outbox,
      MailboxRows mailboxRows) {
    this.copies = copies;
    this.receipts = receipts;
    this.folders = folders;
    this.drafts = drafts;
    this.autoResponders = autoResponders;
    this.sentKeys = sentKeys;
    this.links = links;
    this.records = records;
    this.outbox = outbox;
    this.mailboxRows = mailboxRows;
  }

  /** Every part in the core's order, then the mailboxes' rows, which several parts change, at once. */
  @Override
  public void apply(MailboxChange change) {
    MailboxChanges.super.apply(change);
    mailboxRows.write();
  }

  @Override
  public void addFolders(List<Folder> added) {
    folders.insert(added);
  }

  @Override
  public void placeCopies(List<MessageCopy> placed) {
    copies.insert(placed);
  }

  @Override
  public void startReceipts(List<MailboxChange.ReceiptsStarted> started) {
    receipts.start(started);
  }

  @Override
  public void moveCopies(MailboxChange.CopiesMoved move) {
    copies.move(move);
  }

  @Override
  public void emptyFolder(MailboxChange.FolderEmptied emptied) {
    copies.moveAll(emptied);
  }

  @Override
  public void openCopies(List<MailboxChange.CopyOpened> openings) {
    copies.markOpened(openings);
  }

  @Override
  public void recordFirstViews(List<MailboxChange.FirstView> views) {
    receipts.recordFirstViews(views);
  }

  @Override
  public void adjustCounts(List<CountChange> changes) {
    folders.adjust(changes);
  }

  @Override
  public void renameFolder(Folder renamed) {
    folders.rename(renamed);
  }

  @Override
  public void removeFolder(MailboxChange.FolderRemoved removed) {
    folders.remove(removed);
  }

  @Override
  public void addDrafts(List<Draft> added) {
    drafts.insert(added);
  }

  @Override
  public void reviseDraft(MailboxChange.DraftRevised revision) {
    drafts.revise(revision);
  }

  @Override
  public void removeDraft(MailboxChange.DraftRemoved removed) {
    drafts.remove(removed);
  }

  @Override
  public void rememberKeys(List<SentKey> keys) {
    sentKeys.insert(keys);
  }

  @Override
  public void recordAutoReply(AutoReplyRecord reply) {
    autoResponders.recordReply(reply);
  }

  @Override
  public void saveAutoResponder(MailboxChange.AutoResponderSaved saved) {
    autoResponders.save(saved);
  }

  @Override
  public void saveLink(AccessLink link) {
    links.save(link, mailboxRows);
  }

  @Override
  public void saveExports(List<StoredExport> exports) {
    records.saveExports(exports);
  }

  @Override
  public void appendRecord(SealedRecord record) {
    records.append(record, mailboxRows);
  }

  @Override
  public void appendEvents(List<NewEvent> events) {
    outbox.append(events, mailboxRows);
  }
}
