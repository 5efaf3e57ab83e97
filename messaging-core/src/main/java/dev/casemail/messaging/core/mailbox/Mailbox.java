package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One participant's mailbox as a set of folders, and the rules of that set: which folders every
 * mailbox has, how custom folders are named, which may be renamed or deleted, and the order in which
 * a person reads them.
 */
public final class Mailbox {

  /** Most custom folders one mailbox may have. */
  public static final int MAX_CUSTOM_FOLDERS = InputRules.MAX_CUSTOM_FOLDERS;

  private static final Comparator<Folder> READING_ORDER =
      Comparator.<Folder>comparingInt(f -> f.system().map(SystemFolder::ordinal).orElse(Integer.MAX_VALUE))
          .thenComparing(f -> f.name().key())
          .thenComparing(Folder::id);

  private final ParticipantId owner;
  private final Map<FolderId, Folder> folders;

  public Mailbox(ParticipantId owner, Collection<Folder> folders) {
    this.owner = owner;
    this.folders = new LinkedHashMap<>();
    for (Folder folder : folders) {
      if (!folder.owner().equals(owner)) {
        throw new IllegalArgumentException("folder " + folder.id() + " is not " + owner + "'s");
      }
      this.folders.put(folder.id(), folder);
    }
  }

  /** The folders a new mailbox starts with: every system folder, empty. */
  public static List<Folder> newMailbox(ParticipantId owner) {
    return Arrays.stream(SystemFolder.values()).map(f -> Folder.system(owner, f)).collect(Collectors.toList());
  }

  public ParticipantId owner() {
    return owner;
  }

  /** @throws NotFoundException if the mailbox has no such folder */
  public Folder folder(FolderId id) {
    Folder folder = folders.get(id);
    if (folder == null) {
      throw new NotFoundException("folder", id.toString());
    }
    return folder;
  }

  /**
   * A new custom folder named {@code rawName}.
   *
   * @throws InvalidInputException if the name breaks a rule of shape or is a system folder's name
   * @throws ConflictException if a folder of the mailbox has that name, or the mailbox has the most custom folders allowed
   */
  public Folder newCustomFolder(FolderId id, String rawName) {
    FolderName name = FolderName.custom(rawName);
    requireUnique(name, Optional.empty());
    long custom = folders.values().stream().filter(Folder::isCustom).count();
    if (custom >= MAX_CUSTOM_FOLDERS) {
      throw new ConflictException("a mailbox holds at most " + MAX_CUSTOM_FOLDERS + " custom folders");
    }
    return Folder.custom(owner, id, name);
  }

  /**
   * The custom folder {@code id} under a new name; renaming to the same name in another case is allowed.
   *
   * @throws NotFoundException if the mailbox has no such folder
   * @throws InvalidInputException if the folder is a system folder or the name breaks a rule
   * @throws ConflictException if another folder of the mailbox has that name
   */
  public Folder rename(FolderId id, String rawName) {
    Folder folder = customFolder(id, "renamed");
    FolderName name = FolderName.custom(rawName);
    requireUnique(name, Optional.of(id));
    return folder.renamed(name);
  }

  /**
   * The custom folder {@code id}, to be deleted.
   *
   * @throws NotFoundException if the mailbox has no such folder
   * @throws InvalidInputException if the folder is a system folder
   */
  public Folder customFolderToDelete(FolderId id) {
    return customFolder(id, "deleted");
  }

  /** Every folder: the system folders in their fixed order, then custom folders by name. */
  public List<Folder> inReadingOrder() {
    return folders.values().stream().sorted(READING_ORDER).collect(Collectors.toList());
  }

  private Folder customFolder(FolderId id, String what) {
    Folder folder = folder(id);
    if (!folder.isCustom()) {
      throw new InvalidInputException("folder", "is the system folder " + folder.name().value() + " and cannot be " + what);
    }
    return folder;
  }

  /**
   * A name is taken by another folder of the mailbox that has the same key, or whose name looks like
   * it (the same UTS #39 skeleton): two folders a person cannot tell apart are as much a clash as two
   * equal names. The whole mailbox's folders are at hand, so the check needs no storage index.
   */
  private void requireUnique(FolderName name, Optional<FolderId> except) {
    String key = name.key();
    FolderName.Skeletons skeletons = name.skeletons();
    for (Folder folder : folders.values()) {
      if (except.equals(Optional.of(folder.id()))) {
        continue;
      }
      if (folder.name().key().equals(key)) {
        throw new ConflictException("the mailbox already has a folder named " + folder.name().value());
      }
      if (folder.name().skeletons().matches(skeletons)) {
        throw new ConflictException(
            "the mailbox already has a folder whose name looks like it: " + folder.name().value());
      }
    }
  }
}
