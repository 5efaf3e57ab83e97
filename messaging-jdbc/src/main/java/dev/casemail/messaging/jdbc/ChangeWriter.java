package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.mailbox.MailboxChanges;

/**
 * Applies a mailbox change in as few statements as its parts allow: one batch each for the folders,
 * copies, receipts, openings, first views, count changes, drafts and keys of the whole change; one
 * statement per owner and target folder for moves. The order puts rows before the rows that refer to
 * them, and empties a folder before it removes it.
 */
final class ChangeWriter implements MailboxChanges {

  private final Sql sql;
  private final CopyRows copies;
  private final ReceiptRows receipts;
  private final FolderRows folders;
  private final DraftRows drafts;
  private final AutoResponderRows autoResponders;
  private final SentKeyRows sentKeys;
  private final AccessLinkRows links;

  ChangeWriter(
      Sql sql,
      CopyRows copies,
      ReceiptRows receipts,
      FolderRows folders,
      DraftRows drafts,
      AutoResponderRows autoResponders,
      SentKeyRows sentKeys,
      AccessLinkRows links) {
    this.sql = sql;
    this.copies = copies;
    this.receipts = receipts;
    this.folders = folders;
    this.drafts = drafts;
    this.autoResponders = autoResponders;
    this.sentKeys = sentKeys;
    this.links = links;
  }

  @Override
  public void apply(MailboxChange change) {
    sql.requireWritable();
    if (!change.foldersAdded().isEmpty()) {
      folders.insert(change.foldersAdded());
    }
    if (!change.placed().isEmpty()) {
      copies.insert(change.placed());
    }
    if (!change.receipts().isEmpty()) {
      receipts.start(change.receipts());
    }
    change.moves().forEach(copies::move);
    change.emptied().forEach(copies::moveAll);
    if (!change.openings().isEmpty()) {
      copies.markOpened(change.openings());
    }
    if (!change.firstViews().isEmpty()) {
      receipts.recordFirstViews(change.firstViews());
    }
    if (!change.counts().isEmpty()) {
      folders.adjust(change.counts());
    }
    for (Folder renamed : change.foldersRenamed()) {
      folders.rename(renamed);
    }
    change.foldersRemoved().forEach(folders::remove);
    if (!change.draftsAdded().isEmpty()) {
      drafts.insert(change.draftsAdded());
    }
    change.draftsRevised().forEach(drafts::revise);
    change.draftsRemoved().forEach(drafts::remove);
    if (!change.keys().isEmpty()) {
      sentKeys.insert(change.keys());
    }
    for (AutoReplyRecord reply : change.autoReplies()) {
      autoResponders.recordReply(reply);
    }
    change.autoResponders().forEach(autoResponders::save);
    for (AccessLink link : change.links()) {
      links.save(link);
    }
  }
}
