package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.event.NewEvent;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.record.SealedRecord;
import dev.casemail.messaging.core.record.StoredExport;
import java.util.List;

/**
 * Writes mailbox changes (a storage port, used within one write transaction): the only way the core
 * changes what a mailbox holds. The core calls {@link #apply}, which takes the change apart in one
 * fixed order, the same for every store (rows before the rows that refer to them, a folder emptied
 * before it is removed, copies that start a thread before the others), and hands each part to one
 * method: a store writes each part in one batch where it can. A store that fails a part throws; the
 * transaction then rolls back so that none of the change stays.
 *
 * <p>What a store must refuse atomically, signalling it with a {@code StorageConflictException} so the
 * call is retried with fresh ids: a copy of a message its owner's mailbox already holds (and, in a
 * store that keeps a message's content once by its id, a message whose id it holds for any other
 * message, in any mailbox, rather than let the new copies show that message's content); a copy of a
 * message that {@linkplain dev.casemail.messaging.core.message.Message#startsThread() starts a thread}
 * in a mailbox that already holds a copy in that thread (thread ids are unique per mailbox, so an id
 * source that repeats one never merges two conversations); a folder id or a folder name key the
 * mailbox already has; a draft id taken; an idempotency key taken. A statement that finds the state the
 * core decided on gone (a draft at another version, a copy already opened, a first view already
 * recorded, a folder removed meanwhile, a link with other events) is a conflict too.
 */
public interface MailboxChanges {

  /** Applies every part of {@code change}; every mailbox it writes to has been locked by the call. */
  default void apply(MailboxChange change) {
    if (!change.foldersAdded().isEmpty()) {
      addFolders(change.foldersAdded());
    }
    if (!change.placed().isEmpty()) {
      placeCopies(change.placed());
    }
    if (!change.receipts().isEmpty()) {
      startReceipts(change.receipts());
    }
    for (MailboxChange.CopiesMoved part : change.moves()) {
      moveCopies(part);
    }
    for (MailboxChange.FolderEmptied part : change.emptied()) {
      emptyFolder(part);
    }
    if (!change.openings().isEmpty()) {
      openCopies(change.openings());
    }
    if (!change.firstViews().isEmpty()) {
      recordFirstViews(change.firstViews());
    }
    if (!change.counts().isEmpty()) {
      adjustCounts(change.counts());
    }
    for (Folder part : change.foldersRenamed()) {
      renameFolder(part);
    }
    for (MailboxChange.FolderRemoved part : change.foldersRemoved()) {
      removeFolder(part);
    }
    if (!change.draftsAdded().isEmpty()) {
      addDrafts(change.draftsAdded());
    }
    for (MailboxChange.DraftRevised part : change.draftsRevised()) {
      reviseDraft(part);
    }
    for (MailboxChange.DraftRemoved part : change.draftsRemoved()) {
      removeDraft(part);
    }
    if (!change.keys().isEmpty()) {
      rememberKeys(change.keys());
    }
    for (AutoReplyRecord part : change.autoReplies()) {
      recordAutoReply(part);
    }
    for (MailboxChange.AutoResponderSaved part : change.autoResponders()) {
      saveAutoResponder(part);
    }
    for (AccessLink part : change.links()) {
      saveLink(part);
    }
    if (!change.exportsSaved().isEmpty()) {
      saveExports(change.exportsSaved());
    }
    if (!change.record().isEmpty()) {
      appendRecord(change.record());
    }
    if (!change.events().isEmpty()) {
      appendEvents(change.events());
    }
  }

  /** New folders (a new mailbox's system folders, or a custom folder), empty. */
  void addFolders(List<Folder> folders);

  /**
   * New copies, in the order of the change: the copies of one message are adjacent, and a message that
   * starts a thread comes before the replies and auto-replies that join it.
   */
  void placeCopies(List<MessageCopy> copies);

  /** Receipts, every recipient "never viewed", in each sender's mailbox. */
  void startReceipts(List<MailboxChange.ReceiptsStarted> receipts);

  /** Copies of one owner put into one folder; every one of them exists. */
  void moveCopies(MailboxChange.CopiesMoved move);

  /** Every copy of one folder put into another. */
  void emptyFolder(MailboxChange.FolderEmptied emptied);

  /** Copies opened for the first time; each must still be unopened. */
  void openCopies(List<MailboxChange.CopyOpened> openings);

  /** First views on the senders' receipts; each must still be "never viewed". */
  void recordFirstViews(List<MailboxChange.FirstView> views);

  /** Adds each change to its folder's counts; every folder exists. */
  void adjustCounts(List<CountChange> changes);

  void renameFolder(Folder renamed);

  /** Removes a custom folder, emptied before. */
  void removeFolder(MailboxChange.FolderRemoved removed);

  void addDrafts(List<Draft> drafts);

  /** Replaces a draft that must still be at the revision's expected version. */
  void reviseDraft(MailboxChange.DraftRevised revision);

  /** Removes a draft that must exist. */
  void removeDraft(MailboxChange.DraftRemoved removed);

  void rememberKeys(List<SentKey> keys);

  /** Stores the latest auto-reply to a correspondent, replacing any earlier record. */
  void recordAutoReply(AutoReplyRecord reply);

  /** Stores a mailbox's auto-responder settings, replacing any earlier ones. */
  void saveAutoResponder(MailboxChange.AutoResponderSaved saved);

  /**
   * Stores a link one event further on, under both sides: its state, and its last event as event
   * number {@link AccessLink#eventCount()}; the stored link must have had {@code eventCount - 1} events.
   */
  void saveLink(AccessLink link);

  /** Keeps exports of records with the heads they were signed with; an export number taken is a conflict. */
  void saveExports(List<StoredExport> exports);

  /**
   * Appends sealed entries to their records ({@link dev.casemail.messaging.core.record.RecordAppend#stored()}
   * says what to keep of each) and replaces each record's head: the head stored must still be the one
   * the entries were sealed onto (its size is the first new entry's index), otherwise a conflict.
   */
  void appendRecord(SealedRecord record);

  /**
   * Appends events to the outbox, in the order of the change: each takes the next number of its
   * mailbox's sequence (the first event of a mailbox is 1), which the store reads with the mailbox's
   * lock, so that a mailbox's events are numbered without gaps in the order their transactions commit.
   */
  void appendEvents(List<NewEvent> events);
}
