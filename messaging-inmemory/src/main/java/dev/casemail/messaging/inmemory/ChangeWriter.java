package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.mailbox.MailboxChanges;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.SentKey;

/** Applies a mailbox change to the tables of one transaction, each write undoable. */
final class ChangeWriter implements MailboxChanges {

  private final CopyTable copies;
  private final ReceiptTable receipts;
  private final FolderTable folders;
  private final DraftTable drafts;
  private final AutoResponderTable autoResponders;
  private final SentKeyTable sentKeys;
  private final AccessLinkTable links;

  ChangeWriter(
      CopyTable copies,
      ReceiptTable receipts,
      FolderTable folders,
      DraftTable drafts,
      AutoResponderTable autoResponders,
      SentKeyTable sentKeys,
      AccessLinkTable links) {
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
    for (Folder folder : change.foldersAdded()) {
      folders.insert(folder);
    }
    for (MessageCopy copy : change.placed()) {
      copies.insert(copy);
    }
    for (MailboxChange.ReceiptsStarted started : change.receipts()) {
      receipts.start(started.sender(), started.message(), started.recipients());
    }
    for (MailboxChange.CopiesMoved move : change.moves()) {
      copies.move(move.owner(), move.messages(), move.target());
    }
    for (MailboxChange.FolderEmptied emptied : change.emptied()) {
      copies.moveAll(emptied.owner(), emptied.from(), emptied.into());
    }
    for (MailboxChange.CopyOpened opened : change.openings()) {
      copies.markOpened(opened.owner(), opened.message(), opened.at());
    }
    for (MailboxChange.FirstView view : change.firstViews()) {
      receipts.recordFirstView(view.sender(), view.message(), view.recipient(), view.at());
    }
    for (CountChange count : change.counts()) {
      folders.adjust(count);
    }
    for (Folder renamed : change.foldersRenamed()) {
      folders.rename(renamed);
    }
    for (MailboxChange.FolderRemoved removed : change.foldersRemoved()) {
      folders.remove(removed.owner(), removed.folder());
      copies.dropFolderIndex(removed.owner(), removed.folder());
    }
    for (Draft draft : change.draftsAdded()) {
      drafts.insert(draft);
    }
    for (MailboxChange.DraftRevised revised : change.draftsRevised()) {
      drafts.revise(revised.draft(), revised.expectedVersion());
    }
    for (MailboxChange.DraftRemoved removed : change.draftsRemoved()) {
      drafts.remove(removed.owner(), removed.draft());
    }
    for (SentKey key : change.keys()) {
      sentKeys.insert(key);
    }
    for (AutoReplyRecord reply : change.autoReplies()) {
      autoResponders.recordReply(reply);
    }
    for (MailboxChange.AutoResponderSaved saved : change.autoResponders()) {
      autoResponders.save(saved.owner(), saved.state());
    }
    for (AccessLink link : change.links()) {
      links.save(link);
    }
  }
}
