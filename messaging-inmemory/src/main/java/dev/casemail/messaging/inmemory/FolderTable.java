package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.util.List;
import java.util.Optional;

/** The folders of every mailbox with their counts, unique by name key within a mailbox. */
final class FolderTable implements Folders {

  private final Mailboxes mailboxes;
  private final UndoLog undo;

  FolderTable(Mailboxes mailboxes, UndoLog undo) {
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  @Override
  public List<Folder> of(ParticipantId owner) {
    return mailboxes.existing(owner).map(m -> List.copyOf(m.folders.values())).orElse(List.of());
  }

  @Override
  public Optional<Folder> find(ParticipantId owner, FolderId folder) {
    return mailboxes.existing(owner).map(m -> m.folders.get(folder));
  }

  void insert(Folder folder) {
    MailboxData mailbox = mailboxes.forWrite(folder.owner());
    String key = folder.name().key();
    if (mailbox.folders.containsKey(folder.id())) {
      throw new StorageConflictException("folder " + folder.id() + " exists");
    }
    if (mailbox.folderKeys.containsKey(key)) {
      throw new StorageConflictException("a folder named like " + folder.name().value() + " exists");
    }
    undo.put(mailbox.folders, folder.id(), folder);
    undo.put(mailbox.folderKeys, key, folder.id());
  }

  void rename(Folder renamed) {
    MailboxData mailbox = mailboxes.forWrite(renamed.owner());
    Folder current = existing(mailbox, renamed.owner(), renamed.id());
    String newKey = renamed.name().key();
    FolderId holder = mailbox.folderKeys.get(newKey);
    if (holder != null && !holder.equals(renamed.id())) {
      throw new StorageConflictException("a folder named like " + renamed.name().value() + " exists");
    }
    undo.remove(mailbox.folderKeys, current.name().key());
    undo.put(mailbox.folderKeys, newKey, renamed.id());
    undo.put(mailbox.folders, renamed.id(), current.renamed(renamed.name()));
  }

  void remove(ParticipantId owner, FolderId folder) {
    MailboxData mailbox = mailboxes.forWrite(owner);
    Folder current = existing(mailbox, owner, folder);
    undo.remove(mailbox.folderKeys, current.name().key());
    undo.remove(mailbox.folders, folder);
  }

  void adjust(CountChange change) {
    MailboxData mailbox = mailboxes.forWrite(change.owner());
    Folder current = existing(mailbox, change.owner(), change.folder());
    undo.put(mailbox.folders, change.folder(), new Folder(
        current.owner(),
        current.id(),
        current.system(),
        current.name(),
        current.total() + change.total(),
        current.unread() + change.unread()));
  }

  private static Folder existing(MailboxData mailbox, ParticipantId owner, FolderId folder) {
    Folder current = mailbox.folders.get(folder);
    if (current == null) {
      throw new StorageConflictException("folder " + folder + " of " + owner + " is gone");
    }
    return current;
  }
}
