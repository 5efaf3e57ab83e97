package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.message.MessageCopy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One participant's mailbox as a set of folders, and the rules of that set: which folders every
 * mailbox has, how custom folders are named, which may be renamed or deleted, what may move where, and
 * the order in which a person reads them. Each decision returns the whole {@link MailboxChange}.
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

  /** The change that opens a new mailbox: every system folder, empty. */
  public static MailboxChange open(ParticipantId owner) {
    MailboxChange.Builder change = MailboxChange.builder();
    Arrays.stream(SystemFolder.values()).map(f -> Folder.system(owner, f)).forEach(change::addFolder);
    return change.build();
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
   * The change that creates a custom folder named {@code rawName}.
   *
   * @throws InvalidInputException if the name breaks a rule of shape or is a system folder's name
   * @throws ConflictException if a folder of the mailbox has that name, or the mailbox has the most custom folders allowed
   */
  public MailboxChange createFolder(FolderId id, String rawName) {
    FolderName name = FolderName.custom(rawName);
    requireUnique(name, Optional.empty());
    long custom = folders.values().stream().filter(Folder::isCustom).count();
    if (custom >= MAX_CUSTOM_FOLDERS) {
      throw new ConflictException("a mailbox holds at most " + MAX_CUSTOM_FOLDERS + " custom folders");
    }
    return MailboxChange.builder().addFolder(Folder.custom(owner, id, name)).build();
  }

  /**
   * The change that gives the custom folder {@code id} a new name; renaming to the same name in another
   * case is allowed.
   *
   * @throws NotFoundException if the mailbox has no such folder
   * @throws InvalidInputException if the folder is a system folder or the name breaks a rule
   * @throws ConflictException if another folder of the mailbox has that name
   */
  public MailboxChange renameFolder(FolderId id, String rawName) {
    Folder folder = customFolder(id, "renamed");
    FolderName name = FolderName.custom(rawName);
    requireUnique(name, Optional.of(id));
    return MailboxChange.builder().renameFolder(folder.renamed(name)).build();
  }

  /**
   * The change that deletes the custom folder {@code id}: what it holds goes to Archive first, so
   * nothing is ever lost by a folder operation.
   *
   * @throws NotFoundException if the mailbox has no such folder
   * @throws InvalidInputException if the folder is a system folder
   */
  public MailboxChange deleteFolder(FolderId id) {
    Folder folder = customFolder(id, "deleted");
    return MailboxChange.builder().removeFolderInto(folder, SystemFolder.ARCHIVE.id()).build();
  }

  /**
   * The change that moves {@code messages} of this mailbox into {@code target}, all or nothing.
   *
   * @param copies the mailbox's copies of {@code messages}, as read under the mailbox's lock (an id of
   *     a message the mailbox does not hold has none)
   * @param expectedSource the folder the caller believes every message sits in, if it says
   * @throws NotFoundException naming every id the mailbox does not hold, or if a folder does not exist
   * @throws IllegalMoveException naming every message {@link MoveRule} refuses, and why
   * @throws ConflictException if a message is no longer in {@code expectedSource}
   */
  public MailboxChange move(
      Collection<MessageId> messages,
      Collection<MessageCopy> copies,
      FolderId target,
      Optional<FolderId> expectedSource) {
    Folder to = folder(target);
    Optional<Folder> source = expectedSource.map(this::folder);
    Map<MessageId, MessageCopy> byId = new HashMap<>(copies.size() * 2);
    for (MessageCopy copy : copies) {
      if (!copy.owner().equals(owner)) {
        throw new IllegalArgumentException("copy of " + copy.message().id() + " is not " + owner + "'s");
      }
      byId.put(copy.message().id(), copy);
    }
    List<MessageId> missing = new ArrayList<>(0);
    for (MessageId id : messages) {
      if (!byId.containsKey(id)) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      throw new NotFoundException(missing.size() == 1 ? "message" : "messages",
          missing.stream().map(MessageId::toString).collect(Collectors.joining(", ")));
    }
    Map<MessageId, String> refusals = new LinkedHashMap<>(0);
    Optional<String> sourceRefusal = source.flatMap(MoveRule::sourceRefusal);
    for (MessageId id : messages) {
      Optional<String> refusal = sourceRefusal.isPresent() ? sourceRefusal : MoveRule.refusal(byId.get(id), to);
      if (refusal.isPresent()) {
        refusals.put(id, refusal.get());
      }
    }
    if (!refusals.isEmpty()) {
      throw new IllegalMoveException(refusals);
    }
    if (source.isPresent()) {
      List<MessageId> elsewhere = messages.stream()
          .filter(id -> !byId.get(id).folder().equals(source.get().id()))
          .collect(Collectors.toList());
      if (!elsewhere.isEmpty()) {
        throw new ConflictException("messages " + elsewhere + " are no longer in folder " + source.get().name().value());
      }
    }
    MailboxChange.Builder change = MailboxChange.builder();
    for (MessageId id : messages) { // a repeated id moves once: the second move is to where it is
      MessageCopy copy = byId.get(id);
      change.move(copy, to.id());
      byId.put(id, copy.in(to.id()));
    }
    return change.build();
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
