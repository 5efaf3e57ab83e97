package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.message.ListedCopy;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.stream.Collectors;

/** The copies of every mailbox and their indexes by folder, by thread and in All Messages. */
final class CopyTable implements MessageCopies {

  private final Mailboxes mailboxes;
  private final UndoLog undo;

  CopyTable(Mailboxes mailboxes, UndoLog undo) {
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  @Override
  public Optional<MessageCopy> find(ParticipantId owner, MessageId message) {
    return mailboxes.existing(owner).map(m -> m.copies.get(message)).map(entry -> entry.toCopy(owner));
  }

  @Override
  public List<MessageCopy> findAll(ParticipantId owner, Collection<MessageId> messages) {
    Optional<MailboxData> mailbox = mailboxes.existing(owner);
    if (mailbox.isEmpty()) {
      return List.of();
    }
    List<MessageCopy> found = new ArrayList<>(messages.size());
    for (MessageId id : new LinkedHashSet<>(messages)) {
      CopyEntry entry = mailbox.get().copies.get(id);
      if (entry != null) {
        found.add(entry.toCopy(owner));
      }
    }
    return found;
  }

  @Override
  public List<MessageCopy> every(ParticipantId owner) {
    return mailboxes.existing(owner)
        .map(m -> m.copies.values().stream().map(entry -> entry.toCopy(owner)).collect(Collectors.toList()))
        .orElse(List.of());
  }

  @Override
  public List<ListedCopy> inFolder(ParticipantId owner, FolderId folder, Optional<PageKey> after, int limit) {
    return mailboxes.existing(owner)
        .map(m -> Pages.after(m.byFolder.get(folder), after, limit, (CopyEntry e) -> ListedCopy.of(e.toCopy(owner))))
        .orElse(List.of());
  }

  @Override
  public List<ListedCopy> inAllMessages(ParticipantId owner, Optional<PageKey> after, int limit) {
    return mailboxes.existing(owner)
        .map(m -> Pages.after(m.allMessages, after, limit, (CopyEntry e) -> ListedCopy.of(e.toCopy(owner))))
        .orElse(List.of());
  }

  @Override
  public List<ListedCopy> inThread(ParticipantId owner, ThreadId thread, Optional<PageKey> after, int limit) {
    return mailboxes.existing(owner)
        .map(m -> Pages.firstOf(m.thread(thread, after), limit, (ThreadKeyed e) -> ListedCopy.of(((CopyEntry) e).toCopy(owner))))
        .orElse(List.of());
  }

  // writes, from ChangeWriter

  void insert(MessageCopy copy) {
    MailboxData mailbox = mailboxes.forWrite(copy.owner());
    MessageId id = copy.message().id();
    if (mailbox.copies.containsKey(id)) {
      throw new StorageConflictException("message " + id + " exists in the mailbox of " + copy.owner());
    }
    if (copy.message().startsThread() && !mailbox.thread(copy.message().thread(), Optional.empty()).isEmpty()) {
      throw new StorageConflictException("thread " + copy.message().thread() + " exists in the mailbox of " + copy.owner());
    }
    CopyEntry entry = new CopyEntry(copy.message(), copy.folder(), copy.openedAt().orElse(null));
    undo.put(mailbox.copies, id, entry);
    undo.add(mailbox.folderIndex(copy.folder()), entry);
    undo.add(mailbox.byThread, entry);
    if (entry.inAllMessages()) {
      undo.add(mailbox.allMessages, entry);
    }
  }

  void move(ParticipantId owner, Collection<MessageId> messages, FolderId target) {
    MailboxData mailbox = mailboxes.forWrite(owner);
    for (MessageId id : messages) {
      relocate(mailbox, entry(mailbox, owner, id), target);
    }
  }

  void moveAll(ParticipantId owner, FolderId from, FolderId to) {
    MailboxData mailbox = mailboxes.forWrite(owner);
    NavigableSet<Keyed> source = mailbox.byFolder.get(from);
    if (source != null) {
      for (Keyed keyed : List.copyOf(source)) {
        relocate(mailbox, (CopyEntry) keyed, to);
      }
    }
  }

  void markOpened(ParticipantId owner, MessageId message, Instant at) {
    CopyEntry entry = entry(mailboxes.forWrite(owner), owner, message);
    if (entry.openedAt != null) {
      throw new StorageConflictException("the copy of " + message + " was opened meanwhile");
    }
    undo.record(() -> entry.openedAt = null); // first: a read-only transaction refuses before anything changes
    entry.openedAt = at;
  }

  /** The folder index of a removed folder goes with it. */
  void dropFolderIndex(ParticipantId owner, FolderId folder) {
    MailboxData mailbox = mailboxes.forWrite(owner);
    NavigableSet<Keyed> index = mailbox.byFolder.get(folder);
    if (index != null && index.isEmpty()) {
      undo.remove(mailbox.byFolder, folder);
    }
  }

  private void relocate(MailboxData mailbox, CopyEntry entry, FolderId target) {
    FolderId previous = entry.folder;
    if (previous.equals(target)) {
      return;
    }
    undo.remove(mailbox.folderIndex(previous), entry);
    entry.folder = target;
    undo.record(() -> entry.folder = previous);
    undo.add(mailbox.folderIndex(target), entry);
  }

  private static CopyEntry entry(MailboxData mailbox, ParticipantId owner, MessageId id) {
    CopyEntry entry = mailbox.copies.get(id);
    if (entry == null) {
      throw new IllegalStateException("no copy of " + id + " in the mailbox of " + owner);
    }
    return entry;
  }
}
