package dev.casemail.messaging.core.folder;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The folders of mailboxes and their counts (a storage port, used within one transaction). A store
 * must refuse two folders of one owner with the same {@link FolderName#key()} atomically, signalling
 * it with a {@code StorageConflictException}.
 */
public interface Folders {

  void insert(Folder folder);

  /** Every folder of the owner, in any order. */
  List<Folder> of(ParticipantId owner);

  Optional<Folder> find(ParticipantId owner, FolderId folder);

  /** Stores a custom folder's new name. */
  void rename(Folder renamed);

  /** Removes an empty custom folder. */
  void delete(ParticipantId owner, FolderId folder);

  /** Adds the deltas to a folder's counts, atomically with respect to concurrent adjustments. */
  void adjustCounts(ParticipantId owner, FolderId folder, long totalDelta, long unreadDelta);

  /**
   * Applies several count changes (at most one per folder); a store may send them to the database in
   * one round trip.
   */
  default void adjustCounts(Collection<CountChange> changes) {
    for (CountChange change : changes) {
      adjustCounts(change.owner(), change.folder(), change.total(), change.unread());
    }
  }
}
