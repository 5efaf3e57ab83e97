package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.participant.Participants;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The ports of one transaction on an {@link InMemoryStorage}. Every change records its inverse in
 * the transaction's {@link UndoLog}; a read-only transaction (no log) refuses to change anything.
 * Returned values are immutable snapshots, never the stored entries.
 */
final class InMemoryStore implements Store {

  private final InMemoryStorage data;
  private final UndoLog undo;

  private final Participants participants = new ParticipantsPort();
  private final Families families = new FamiliesPort();
  private final AccessLinks accessLinks = new AccessLinksPort();
  private final MessageCopies copies = new CopiesPort();
  private final Receipts receipts = new ReceiptsPort();
  private final SentKeys sentKeys = new SentKeysPort();
  private final Folders folders = new FoldersPort();
  private final Drafts drafts = new DraftsPort();
  private final AutoResponders autoResponders = new AutoRespondersPort();

  InMemoryStore(InMemoryStorage data, UndoLog undo) {
    this.data = data;
    this.undo = undo;
  }

  @Override
  public Participants participants() {
    return participants;
  }

  @Override
  public Families families() {
    return families;
  }

  @Override
  public AccessLinks accessLinks() {
    return accessLinks;
  }

  @Override
  public MessageCopies copies() {
    return copies;
  }

  @Override
  public Receipts receipts() {
    return receipts;
  }

  @Override
  public SentKeys sentKeys() {
    return sentKeys;
  }

  @Override
  public Folders folders() {
    return folders;
  }

  @Override
  public Drafts drafts() {
    return drafts;
  }

  @Override
  public AutoResponders autoResponders() {
    return autoResponders;
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private UndoLog undo() {
    if (undo == null) {
      throw new IllegalStateException("a read-only transaction cannot change the store");
    }
    return undo;
  }

  /** The owner's mailbox for reading; empty if nothing was ever stored for them. */
  private Optional<MailboxData> existing(ParticipantId owner) {
    return Optional.ofNullable(data.mailboxes.get(owner));
  }

  /** The owner's mailbox for writing, created (undoably) if new. */
  private MailboxData mailbox(ParticipantId owner) {
    MailboxData mailbox = data.mailboxes.get(owner);
    if (mailbox == null) {
      UndoLog log = undo();
      mailbox = new MailboxData();
      data.mailboxes.put(owner, mailbox);
      log.record(() -> data.mailboxes.remove(owner));
    }
    return mailbox;
  }

  /** Puts {@code value} under {@code key}, recording how to restore what was there. */
  private <K, V> void put(Map<K, V> map, K key, V value) {
    UndoLog log = undo();
    boolean had = map.containsKey(key);
    V previous = map.put(key, value);
    log.record(() -> {
      if (had) {
        map.put(key, previous);
      } else {
        map.remove(key);
      }
    });
  }

  private <K, V> void remove(Map<K, V> map, K key) {
    UndoLog log = undo();
    if (map.containsKey(key)) {
      V previous = map.remove(key);
      log.record(() -> map.put(key, previous));
    }
  }

  private <T> void add(Set<T> set, T element) {
    UndoLog log = undo();
    if (set.add(element)) {
      log.record(() -> set.remove(element));
    }
  }

  private <T> void removeFrom(Set<T> set, T element) {
    UndoLog log = undo();
    if (set.remove(element)) {
      log.record(() -> set.add(element));
    }
  }

  /** At most {@code limit} entries of an ordered range, from its start. */
  private static <E, R> List<R> firstOf(Collection<?> range, int limit, Function<E, R> convert) {
    List<R> page = new ArrayList<>(Math.min(limit, 64));
    for (Object entry : range) {
      if (page.size() >= limit) {
        break;
      }
      @SuppressWarnings("unchecked")
      E typed = (E) entry;
      page.add(convert.apply(typed));
    }
    return page;
  }

  /** At most {@code limit} entries of an ordered index strictly after {@code after}. */
  private static <E extends Keyed, R> List<R> page(
      NavigableSet<Keyed> index, Optional<PageKey> after, int limit, Function<E, R> convert) {
    if (index == null) {
      return List.of();
    }
    return firstOf(after.isPresent() ? index.tailSet(Keyed.probe(after.get()), false) : index, limit, convert);
  }

  // ---------------------------------------------------------------------------------------------
  // participants and families

  private final class ParticipantsPort implements Participants {
    @Override
    public Optional<Participant> find(ParticipantId id) {
      return Optional.ofNullable(data.participants.get(id));
    }

    @Override
    public Map<ParticipantId, Participant> findAll(Collection<ParticipantId> ids) {
      Map<ParticipantId, Participant> found = new LinkedHashMap<>();
      for (ParticipantId id : ids) {
        Participant participant = data.participants.get(id);
        if (participant != null) {
          found.put(id, participant);
        }
      }
      return found;
    }

    @Override
    public void insert(Participant participant) {
      if (data.participants.containsKey(participant.id())) {
        throw new StorageConflictException("participant " + participant.id() + " exists");
      }
      put(data.participants, participant.id(), participant);
    }
  }

  private final class FamiliesPort implements Families {
    @Override
    public Optional<Family> find(FamilyId id) {
      return Optional.ofNullable(data.families.get(id));
    }

    @Override
    public void insert(Family family) {
      if (data.families.containsKey(family.id())) {
        throw new StorageConflictException("family " + family.id() + " exists");
      }
      put(data.families, family.id(), family);
      for (ParticipantId parent : family.parents()) {
        index(parent, family.id());
      }
    }

    @Override
    public void addParent(FamilyId id, ParticipantId parent) {
      Family family = data.families.get(id);
      if (family == null) {
        throw new IllegalStateException("no family " + id);
      }
      Set<ParticipantId> parents = new LinkedHashSet<>(family.parents());
      parents.add(parent);
      put(data.families, id, new Family(id, family.name(), parents));
      index(parent, id);
    }

    private void index(ParticipantId parent, FamilyId family) {
      if (!data.familiesByParent.containsKey(parent)) {
        put(data.familiesByParent, parent, new LinkedHashSet<>());
      }
      add(data.familiesByParent.get(parent), family);
    }

    @Override
    public List<Family> ofParent(ParticipantId parent) {
      Set<FamilyId> ids = data.familiesByParent.getOrDefault(parent, Set.of());
      List<Family> found = new ArrayList<>(ids.size());
      for (FamilyId id : ids) {
        found.add(data.families.get(id));
      }
      return found;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // access

  private final class AccessLinksPort implements AccessLinks {
    @Override
    public Optional<AccessLink> find(ParticipantId practitioner, ParticipantId parent) {
      return Optional.ofNullable(data.links.get(InMemoryStorage.linkKey(practitioner, parent)));
    }

    @Override
    public void save(AccessLink link) {
      List<ParticipantId> key = InMemoryStorage.linkKey(link.practitioner(), link.parent());
      put(data.links, key, link);
      for (ParticipantId side : key) {
        if (!data.linksByParticipant.containsKey(side)) {
          put(data.linksByParticipant, side, new LinkedHashSet<>());
        }
        add(data.linksByParticipant.get(side), key);
      }
    }

    @Override
    public List<AccessLink> of(ParticipantId participant) {
      Set<List<ParticipantId>> keys = data.linksByParticipant.getOrDefault(participant, Set.of());
      List<AccessLink> found = new ArrayList<>(keys.size());
      for (List<ParticipantId> key : keys) {
        found.add(data.links.get(key));
      }
      return found;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // messages

  private final class CopiesPort implements MessageCopies {
    @Override
    public void insert(List<MessageCopy> newCopies) {
      for (MessageCopy copy : newCopies) {
        MailboxData mailbox = mailbox(copy.owner());
        MessageId id = copy.message().id();
        if (mailbox.copies.containsKey(id)) {
          throw new StorageConflictException("message " + id + " exists in the mailbox of " + copy.owner());
        }
        CopyEntry entry = new CopyEntry(copy.message(), copy.folder(), copy.openedAt().orElse(null));
        put(mailbox.copies, id, entry);
        add(mailbox.folderIndex(copy.folder()), entry);
        add(mailbox.byThread, entry);
        if (entry.inAllMessages()) {
          add(mailbox.allMessages, entry);
        }
      }
    }

    @Override
    public Optional<MessageCopy> find(ParticipantId owner, MessageId message) {
      return existing(owner).map(m -> m.copies.get(message)).map(entry -> entry.toCopy(owner));
    }

    @Override
    public List<MessageCopy> findForUpdate(ParticipantId owner, Collection<MessageId> messages) {
      // The write lock is held for the whole transaction: reading is locking.
      Optional<MailboxData> mailbox = existing(owner);
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
    public void move(ParticipantId owner, Collection<MessageId> messages, FolderId target) {
      MailboxData mailbox = mailbox(owner);
      for (MessageId id : messages) {
        CopyEntry entry = mailbox.copies.get(id);
        if (entry == null) {
          throw new IllegalStateException("no copy of " + id + " in the mailbox of " + owner);
        }
        relocate(mailbox, entry, target);
      }
    }

    @Override
    public FolderCounts moveAll(ParticipantId owner, FolderId from, FolderId to) {
      MailboxData mailbox = mailbox(owner);
      NavigableSet<Keyed> source = mailbox.byFolder.get(from);
      if (source == null || source.isEmpty()) {
        return FolderCounts.NONE;
      }
      long total = 0;
      long unread = 0;
      for (Keyed keyed : List.copyOf(source)) {
        CopyEntry entry = (CopyEntry) keyed;
        total++;
        if (entry.toCopy(owner).isUnread()) {
          unread++;
        }
        relocate(mailbox, entry, to);
      }
      return new FolderCounts(total, unread);
    }

    private void relocate(MailboxData mailbox, CopyEntry entry, FolderId target) {
      FolderId previous = entry.folder;
      if (previous.equals(target)) {
        return;
      }
      removeFrom(mailbox.folderIndex(previous), entry);
      entry.folder = target;
      undo().record(() -> entry.folder = previous);
      add(mailbox.folderIndex(target), entry);
    }

    @Override
    public void markOpened(ParticipantId owner, MessageId message, Instant at) {
      CopyEntry entry = mailbox(owner).copies.get(message);
      if (entry == null) {
        throw new IllegalStateException("no copy of " + message + " in the mailbox of " + owner);
      }
      Instant previous = entry.openedAt;
      entry.openedAt = at;
      undo().record(() -> entry.openedAt = previous);
    }

    @Override
    public List<MessageCopy> inFolder(ParticipantId owner, FolderId folder, Optional<PageKey> after, int limit) {
      return existing(owner)
          .map(m -> page(m.byFolder.get(folder), after, limit, (CopyEntry e) -> e.toCopy(owner)))
          .orElse(List.of());
    }

    @Override
    public List<MessageCopy> inAllMessages(ParticipantId owner, Optional<PageKey> after, int limit) {
      return existing(owner)
          .map(m -> page(m.allMessages, after, limit, (CopyEntry e) -> e.toCopy(owner)))
          .orElse(List.of());
    }

    @Override
    public List<MessageCopy> inThread(ParticipantId owner, ThreadId thread, Optional<PageKey> after, int limit) {
      return existing(owner)
          .map(m -> firstOf(m.thread(thread, after), limit, (CopyEntry e) -> e.toCopy(owner)))
          .orElse(List.of());
    }
  }

  private final class ReceiptsPort implements Receipts {
    @Override
    public void insert(ParticipantId sender, MessageId message, List<ParticipantId> recipients) {
      MailboxData mailbox = mailbox(sender);
      if (mailbox.receipts.containsKey(message)) {
        throw new StorageConflictException("receipts of " + message + " exist");
      }
      LinkedHashMap<ParticipantId, Instant> receipts = new LinkedHashMap<>();
      recipients.forEach(recipient -> receipts.put(recipient, null));
      put(mailbox.receipts, message, receipts);
    }

    @Override
    public void recordFirstView(ParticipantId sender, MessageId message, ParticipantId recipient, Instant at) {
      LinkedHashMap<ParticipantId, Instant> receipts = mailbox(sender).receipts.get(message);
      if (receipts == null || !receipts.containsKey(recipient)) {
        throw new IllegalStateException("no receipt of " + recipient + " for " + message);
      }
      put(receipts, recipient, at);
    }

    @Override
    public List<Receipt> of(ParticipantId sender, MessageId message) {
      Map<ParticipantId, Instant> receipts =
          existing(sender).map(m -> m.receipts.get(message)).orElse(null);
      if (receipts == null) {
        return List.of();
      }
      List<Receipt> found = new ArrayList<>(receipts.size());
      receipts.forEach((recipient, at) -> found.add(new Receipt(recipient, Optional.ofNullable(at))));
      return found;
    }
  }

  private final class SentKeysPort implements SentKeys {
    @Override
    public Optional<SentKey> find(ParticipantId owner, String key) {
      return existing(owner).map(m -> m.sentKeys.get(key));
    }

    @Override
    public void insert(SentKey key) {
      MailboxData mailbox = mailbox(key.owner());
      if (mailbox.sentKeys.containsKey(key.key())) {
        throw new StorageConflictException("idempotency key taken");
      }
      put(mailbox.sentKeys, key.key(), key);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // folders, drafts, auto-responder

  private final class FoldersPort implements Folders {
    @Override
    public void insert(Folder folder) {
      MailboxData mailbox = mailbox(folder.owner());
      String key = folder.name().key();
      if (mailbox.folders.containsKey(folder.id())) {
        throw new StorageConflictException("folder " + folder.id() + " exists");
      }
      if (mailbox.folderKeys.containsKey(key)) {
        throw new StorageConflictException("a folder named like " + folder.name().value() + " exists");
      }
      put(mailbox.folders, folder.id(), folder);
      put(mailbox.folderKeys, key, folder.id());
    }

    @Override
    public List<Folder> of(ParticipantId owner) {
      return existing(owner).map(m -> List.copyOf(m.folders.values())).orElse(List.of());
    }

    @Override
    public Optional<Folder> find(ParticipantId owner, FolderId folder) {
      return existing(owner).map(m -> m.folders.get(folder));
    }

    @Override
    public void rename(Folder renamed) {
      MailboxData mailbox = mailbox(renamed.owner());
      Folder current = mailbox.folders.get(renamed.id());
      if (current == null) {
        throw new IllegalStateException("no folder " + renamed.id());
      }
      String oldKey = current.name().key();
      String newKey = renamed.name().key();
      FolderId holder = mailbox.folderKeys.get(newKey);
      if (holder != null && !holder.equals(renamed.id())) {
        throw new StorageConflictException("a folder named like " + renamed.name().value() + " exists");
      }
      remove(mailbox.folderKeys, oldKey);
      put(mailbox.folderKeys, newKey, renamed.id());
      put(mailbox.folders, renamed.id(), current.renamed(renamed.name()));
    }

    @Override
    public void delete(ParticipantId owner, FolderId folder) {
      MailboxData mailbox = mailbox(owner);
      Folder current = mailbox.folders.get(folder);
      if (current == null) {
        return;
      }
      remove(mailbox.folderKeys, current.name().key());
      remove(mailbox.folders, folder);
      NavigableSet<Keyed> index = mailbox.byFolder.get(folder);
      if (index != null && index.isEmpty()) {
        remove(mailbox.byFolder, folder);
      }
    }

    @Override
    public void adjustCounts(ParticipantId owner, FolderId folder, long totalDelta, long unreadDelta) {
      MailboxData mailbox = mailbox(owner);
      Folder current = mailbox.folders.get(folder);
      if (current == null) {
        throw new IllegalStateException("no folder " + folder + " in the mailbox of " + owner);
      }
      put(
          mailbox.folders,
          folder,
          new Folder(
              owner,
              folder,
              current.system(),
              current.name(),
              current.total() + totalDelta,
              current.unread() + unreadDelta));
    }
  }

  private final class DraftsPort implements Drafts {
    @Override
    public void insert(Draft draft) {
      MailboxData mailbox = mailbox(draft.owner());
      if (mailbox.drafts.containsKey(draft.id())) {
        throw new StorageConflictException("draft " + draft.id() + " exists");
      }
      MailboxData.DraftEntry entry = new MailboxData.DraftEntry(draft);
      put(mailbox.drafts, draft.id(), entry);
      add(mailbox.draftsNewestFirst, entry);
    }

    @Override
    public Optional<Draft> find(ParticipantId owner, DraftId draft) {
      return existing(owner).map(m -> m.drafts.get(draft)).map(entry -> entry.draft);
    }

    @Override
    public boolean update(Draft revised, long expectedVersion) {
      MailboxData mailbox = mailbox(revised.owner());
      MailboxData.DraftEntry current = mailbox.drafts.get(revised.id());
      if (current == null || current.draft.version() != expectedVersion) {
        return false;
      }
      MailboxData.DraftEntry entry = new MailboxData.DraftEntry(revised);
      removeFrom(mailbox.draftsNewestFirst, current);
      put(mailbox.drafts, revised.id(), entry);
      add(mailbox.draftsNewestFirst, entry);
      return true;
    }

    @Override
    public void delete(ParticipantId owner, DraftId draft) {
      MailboxData mailbox = mailbox(owner);
      MailboxData.DraftEntry current = mailbox.drafts.get(draft);
      if (current != null) {
        removeFrom(mailbox.draftsNewestFirst, current);
        remove(mailbox.drafts, draft);
      }
    }

    @Override
    public List<Draft> page(ParticipantId owner, Optional<PageKey> after, int limit) {
      return existing(owner)
          .map(m -> InMemoryStore.page(m.draftsNewestFirst, after, limit, (MailboxData.DraftEntry e) -> e.draft))
          .orElse(List.of());
    }
  }

  private final class AutoRespondersPort implements AutoResponders {
    @Override
    public Optional<AutoResponderState> find(ParticipantId owner) {
      return existing(owner).map(m -> m.autoResponder);
    }

    @Override
    public void save(ParticipantId owner, AutoResponderState state) {
      MailboxData mailbox = mailbox(owner);
      AutoResponderState previous = mailbox.autoResponder;
      mailbox.autoResponder = state;
      undo().record(() -> mailbox.autoResponder = previous);
    }

    @Override
    public Optional<AutoReplyRecord> lastReply(ParticipantId owner, ParticipantId correspondent) {
      return existing(owner).map(m -> m.autoReplies.get(correspondent));
    }

    @Override
    public void recordReply(AutoReplyRecord reply) {
      put(mailbox(reply.owner()).autoReplies, reply.correspondent(), reply);
    }
  }
}
