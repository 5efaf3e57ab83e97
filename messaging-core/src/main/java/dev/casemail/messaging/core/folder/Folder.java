package dev.casemail.messaging.core.folder;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder of one mailbox with its counts. The counts are kept by the core on every change (never
 * recomputed by scanning) and always equal a recount of the copies in the folder.
 *
 * @param system which system folder this is; empty for a custom folder (a role never derives from a name)
 */
public record Folder(
    ParticipantId owner, FolderId id, Optional<SystemFolder> system, FolderName name, long total, long unread) {

  public Folder {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(name, "name");
    if (system.isPresent() != SystemFolder.of(id).isPresent()) {
      throw new IllegalArgumentException("system folders, and only they, have the well-known ids");
    }
  }

  /** A system folder of a new mailbox, empty. */
  public static Folder system(ParticipantId owner, SystemFolder folder) {
    return new Folder(owner, folder.id(), Optional.of(folder), FolderName.system(folder), 0, 0);
  }

  /** A new, empty custom folder. */
  public static Folder custom(ParticipantId owner, FolderId id, FolderName name) {
    return new Folder(owner, id, Optional.empty(), name, 0, 0);
  }

  public boolean isCustom() {
    return system.isEmpty();
  }

  public boolean is(SystemFolder folder) {
    return system.filter(folder::equals).isPresent();
  }

  public FolderCounts counts() {
    return new FolderCounts(total, unread);
  }

  public Folder renamed(FolderName newName) {
    return new Folder(owner, id, system, newName, total, unread);
  }

  public FolderView view() {
    return FolderView.builder().id(id).name(name.value()).system(system).total(total).unread(unread).build();
  }
}
