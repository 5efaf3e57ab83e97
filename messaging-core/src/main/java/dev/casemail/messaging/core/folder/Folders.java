package dev.casemail.messaging.core.folder;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.List;
import java.util.Optional;

/**
 * The folders of mailboxes and their counts (a storage port, used within one transaction), written
 * through {@code MailboxChanges}. A store must refuse two folders of one owner with the same
 * {@link FolderName#key()} atomically, signalling it with a {@code StorageConflictException}.
 */
public interface Folders {

  /** Every folder of the owner, in any order. */
  List<Folder> of(ParticipantId owner);

  Optional<Folder> find(ParticipantId owner, FolderId folder);
}
