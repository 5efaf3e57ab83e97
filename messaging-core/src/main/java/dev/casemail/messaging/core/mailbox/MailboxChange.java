package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.event.NewEvent;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.record.RecordContents;
import dev.casemail.messaging.core.record.Recording;
import dev.casemail.messaging.core.record.SealedRecord;
import dev.casemail.messaging.core.record.StoredExport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one call changes in the mailboxes it touches, as the domain decided it: copies placed,
 * moved or opened, the read receipts that follow, folders added, renamed or removed, drafts, the
 * idempotency keys, auto-responder state and access links, and the folder count changes that all of
 * it causes, and the events it tells the participants of ({@link #events()}). A storage adapter applies a change as a whole, in batches, inside the call's
 * transaction ({@link MailboxChanges}); no service writes a mailbox any other way, so no operation can
 * forget a count.
 *
 * <p>Counts follow one rule, applied here and nowhere else: a copy counts in the folder it sits in
 * and, if it is a personal message or an auto-reply, in All Messages; it counts as unread there until
 * its owner opens it. Placing a copy enters it; moving or opening one leaves its old state and enters
 * the new one; a draft counts in Drafts. So count changes are never written by hand.
 *
 * <p>Built with {@link #builder()}; immutable once built. Changes combine with {@link #and}.
 */
public final class MailboxChange {

  /** A change that changes nothing. */
  public static final MailboxChange NONE = builder().build();

  /** The read receipts, one per recipient and "never viewed", that a sent message starts in its sender's mailbox. */
  public record ReceiptsStarted(ParticipantId sender, MessageId message, List<ParticipantId> recipients) {
    public ReceiptsStarted {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(message, "message");
      recipients = List.copyOf(recipients);
    }
  }

  /** Copies of one owner put into one folder. */
  public record CopiesMoved(ParticipantId owner, List<MessageId> messages, FolderId target) {
    public CopiesMoved {
      Objects.requireNonNull(owner, "owner");
      messages = List.copyOf(messages);
      Objects.requireNonNull(target, "target");
    }
  }

  /** Every copy in folder {@code from} put into {@code into}, before {@code from} is removed. */
  public record FolderEmptied(ParticipantId owner, FolderId from, FolderId into) {
    public FolderEmptied {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(into, "into");
    }
  }

  /** The owner opened an unopened copy at {@code at}. */
  public record CopyOpened(ParticipantId owner, MessageId message, Instant at) {
    public CopyOpened {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(at, "at");
    }
  }

  /** A recipient's first view, recorded on the receipt in the sender's mailbox. */
  public record FirstView(ParticipantId sender, MessageId message, ParticipantId recipient, Instant at) {
    public FirstView {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(at, "at");
    }
  }

  /** An empty custom folder removed. */
  public record FolderRemoved(ParticipantId owner, FolderId folder) {
    public FolderRemoved {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(folder, "folder");
    }
  }

  /** A draft saved again; the stored one must still be at {@code expectedVersion}. */
  public record DraftRevised(Draft draft, long expectedVersion) {
    public DraftRevised {
      Objects.requireNonNull(draft, "draft");
    }
  }

  /** A draft removed (deleted, or sent). */
  public record DraftRemoved(ParticipantId owner, DraftId draft) {
    public DraftRemoved {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(draft, "draft");
    }
  }

  /** New auto-responder settings saved for a mailbox. */
  public record AutoResponderSaved(ParticipantId owner, AutoResponderState state) {
    public AutoResponderSaved {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(state, "state");
    }
  }

  private final List<MessageCopy> placed;
  private final List<ReceiptsStarted> receipts;
  private final List<CopiesMoved> moves;
  private final List<FolderEmptied> emptied;
  private final List<CopyOpened> openings;
  private final List<FirstView> firstViews;
  private final List<Folder> foldersAdded;
  private final List<Folder> foldersRenamed;
  private final List<FolderRemoved> foldersRemoved;
  private final List<Draft> draftsAdded;
  private final List<DraftRevised> draftsRevised;
  private final List<DraftRemoved> draftsRemoved;
  private final List<SentKey> keys;
  private final List<AutoReplyRecord> autoReplies;
  private final List<AutoResponderSaved> autoResponders;
  private final List<AccessLink> links;
  private final List<CountChange> counts;
  private final List<Recording> recordings;
  private final List<StoredExport> exportsSaved;
  private final List<NewEvent> events;
  private final SealedRecord record;
  private final Set<ParticipantId> owners;

  /** Takes over what the builder collected; the builder starts afresh. */
  private MailboxChange(Builder builder) {
    this.placed = frozen(builder.placed);
    this.receipts = frozen(builder.receipts);
    List<CopiesMoved> moved = null;
    if (builder.moves != null) {
      moved = new ArrayList<>(builder.moves.size());
      for (Map.Entry<Builder.FolderOf, List<MessageId>> move : builder.moves.entrySet()) {
        moved.add(new CopiesMoved(move.getKey().owner(), move.getValue(), move.getKey().folder()));
      }
    }
    this.moves = frozen(moved);
    this.emptied = frozen(builder.emptied);
    this.openings = frozen(builder.openings);
    this.firstViews = frozen(builder.firstViews);
    this.foldersAdded = frozen(builder.foldersAdded);
    this.foldersRenamed = frozen(builder.foldersRenamed);
    this.foldersRemoved = frozen(builder.foldersRemoved);
    this.draftsAdded = frozen(builder.draftsAdded);
    this.draftsRevised = frozen(builder.draftsRevised);
    this.draftsRemoved = frozen(builder.draftsRemoved);
    this.keys = frozen(builder.keys);
    this.autoReplies = frozen(builder.autoReplies);
    this.autoResponders = frozen(builder.autoResponders);
    this.links = frozen(builder.links);
    List<CountChange> changes = null;
    if (builder.counts != null) {
      changes = new ArrayList<>(builder.counts.size());
      for (Map.Entry<Builder.FolderOf, long[]> count : builder.counts.entrySet()) {
        long[] delta = count.getValue();
        if (delta[0] != 0 || delta[1] != 0) {
          changes.add(new CountChange(count.getKey().owner(), count.getKey().folder(), delta[0], delta[1]));
        }
      }
    }
    this.counts = frozen(changes);
    this.recordings = frozen(builder.recordings);
    this.exportsSaved = frozen(builder.exportsSaved);
    this.events = frozen(builder.events);
    this.record = SealedRecord.NONE;
    this.owners = builder.owners == null ? Set.of() : Collections.unmodifiableSet(builder.owners);
  }

  /** {@code change} with its record sealed. */
  private MailboxChange(MailboxChange change, SealedRecord record) {
    this.placed = change.placed;
    this.receipts = change.receipts;
    this.moves = change.moves;
    this.emptied = change.emptied;
    this.openings = change.openings;
    this.firstViews = change.firstViews;
    this.foldersAdded = change.foldersAdded;
    this.foldersRenamed = change.foldersRenamed;
    this.foldersRemoved = change.foldersRemoved;
    this.draftsAdded = change.draftsAdded;
    this.draftsRevised = change.draftsRevised;
    this.draftsRemoved = change.draftsRemoved;
    this.keys = change.keys;
    this.autoReplies = change.autoReplies;
    this.autoResponders = change.autoResponders;
    this.links = change.links;
    this.counts = change.counts;
    this.recordings = change.recordings;
    this.exportsSaved = change.exportsSaved;
    this.events = change.events;
    this.record = record;
    this.owners = change.owners;
  }

  /**
   * This change with its recordings sealed onto the records' heads: what the core applies. The
   * recordings of the sealed record must be this change's.
   */
  public MailboxChange sealed(SealedRecord sealed) {
    if (sealed.appends().size() != recordings.size()) {
      throw new IllegalArgumentException("a sealed record of " + sealed.appends().size() + " entries for "
          + recordings.size() + " recordings");
    }
    return new MailboxChange(this, sealed);
  }

  /** A list the builder will not touch again, as a read-only list (most parts of a change are empty). */
  private static <T> List<T> frozen(List<T> list) {
    return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(list);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This change followed by {@code other}, as one change (their count changes summed per folder). */
  public MailboxChange and(MailboxChange other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return builder().add(this).add(other).build();
  }

  /** Whether it changes nothing at all. */
  public boolean isEmpty() {
    return owners.isEmpty();
  }

  /** Every mailbox it writes to: each must be locked by the call before the change is applied. */
  public Set<ParticipantId> owners() {
    return owners;
  }

  /** New copies, in the order they were placed; the copies of one message are adjacent. */
  public List<MessageCopy> placed() {
    return placed;
  }

  public List<ReceiptsStarted> receipts() {
    return receipts;
  }

  /**
   * Copies moved, one entry per owner and target folder; a copy moved more than once in the change is
   * listed once, under where it ends, so the entries may be applied in any order.
   */
  public List<CopiesMoved> moves() {
    return moves;
  }

  public List<FolderEmptied> emptied() {
    return emptied;
  }

  public List<CopyOpened> openings() {
    return openings;
  }

  public List<FirstView> firstViews() {
    return firstViews;
  }

  public List<Folder> foldersAdded() {
    return foldersAdded;
  }

  public List<Folder> foldersRenamed() {
    return foldersRenamed;
  }

  /** Custom folders removed; what they held is moved out first ({@link #emptied()}). */
  public List<FolderRemoved> foldersRemoved() {
    return foldersRemoved;
  }

  public List<Draft> draftsAdded() {
    return draftsAdded;
  }

  public List<DraftRevised> draftsRevised() {
    return draftsRevised;
  }

  public List<DraftRemoved> draftsRemoved() {
    return draftsRemoved;
  }

  /** Idempotency keys to remember. */
  public List<SentKey> keys() {
    return keys;
  }

  /** The latest auto-reply to a correspondent, replacing any earlier record. */
  public List<AutoReplyRecord> autoReplies() {
    return autoReplies;
  }

  public List<AutoResponderSaved> autoResponders() {
    return autoResponders;
  }

  /**
   * Access links in a new state, each with exactly one new event: the last of its history, which is
   * event number {@link AccessLink#eventCount()} of the link. Stored under both sides.
   */
  public List<AccessLink> links() {
    return links;
  }

  /**
   * What the change records, in order: a message entry for every copy placed, a first-view entry in
   * the viewer's and in the sender's record for every copy opened, an access-event entry in both
   * sides' records for every link saved, and an export entry for every export.
   */
  public List<Recording> recordings() {
    return recordings;
  }

  /** Exports of records, with the heads they were signed with. */
  public List<StoredExport> exportsSaved() {
    return exportsSaved;
  }

  /**
   * The events the change causes, in order, each in the mailbox of the participant who should hear of
   * it: a message received (or an auto-reply, or a notification) for every recipient's copy placed, an
   * auto-reply sent in the sender's own copy of an auto-reply, a first view for the sender of every copy
   * opened, an access step for the side that did not take it, an export for the record's owner. They
   * follow from the other parts, like the counts and the recordings, and are never added by hand.
   */
  public List<NewEvent> events() {
    return events;
  }

  /** The recordings sealed (see {@link #sealed}); {@link SealedRecord#NONE} until then. */
  public SealedRecord record() {
    return record;
  }

  /** The count changes, at most one per folder, none that is zero. */
  public List<CountChange> counts() {
    return counts;
  }

  @Override
  public String toString() {
    return "MailboxChange[owners=" + owners + ", placed=" + placed.size() + ", moves=" + moves.size()
        + ", openings=" + openings.size() + ", counts=" + counts + "]";
  }

  /** Collects a change; each method states the count rule's consequence, so callers never count. */
  public static final class Builder {

    private record FolderOf(ParticipantId owner, FolderId folder) {}

    private record CopyOf(ParticipantId owner, MessageId message) {}

    // every part is created on first use: most changes have few parts, and a call makes several
    private List<MessageCopy> placed;
    private List<ReceiptsStarted> receipts;
    private Map<FolderOf, List<MessageId>> moves;
    private Map<CopyOf, FolderOf> movedTo;
    private List<FolderEmptied> emptied;
    private List<CopyOpened> openings;
    private List<FirstView> firstViews;
    private List<Folder> foldersAdded;
    private List<Folder> foldersRenamed;
    private List<FolderRemoved> foldersRemoved;
    private List<Draft> draftsAdded;
    private List<DraftRevised> draftsRevised;
    private List<DraftRemoved> draftsRemoved;
    private List<SentKey> keys;
    private List<AutoReplyRecord> autoReplies;
    private List<AutoResponderSaved> autoResponders;
    private List<AccessLink> links;
    private Map<FolderOf, long[]> counts;
    private List<Recording> recordings;
    private List<StoredExport> exportsSaved;
    private List<NewEvent> events;
    private Set<ParticipantId> owners;

    private Builder() {}

    /** A new copy in its owner's mailbox: it enters its folder. */
    public Builder place(MessageCopy copy) {
      placed = append(placed, copy);
      enter(copy);
      recordings = append(recordings, new Recording(copy.owner(), RecordContents.message(copy.message())));
      NewEvent.placed(copy).ifPresent(event -> events = append(events, event));
      return this;
    }

    /** Starts the sender's receipts of a message just sent: every recipient "never viewed". */
    public Builder startReceipts(ParticipantId sender, MessageId message, List<ParticipantId> recipients) {
      receipts = append(receipts, new ReceiptsStarted(sender, message, recipients));
      owner(sender);
      return this;
    }

    /** Moves a copy: it leaves its folder and enters {@code target}. A move to where it is is nothing. */
    public Builder move(MessageCopy copy, FolderId target) {
      if (copy.folder().equals(target)) {
        return this;
      }
      moved(copy.owner(), copy.message().id(), target);
      leave(copy);
      enter(copy.in(target));
      return this;
    }

    /**
     * Removes a custom folder, moving everything it holds into {@code into} first: {@code into} gains
     * the folder's counts (kept equal to a recount of what it holds), and All Messages is unchanged.
     * {@code folder}'s counts must be what it holds at this point of the change: the service that
     * deletes a folder does it in a change of its own, from the folder as read under the lock.
     */
    public Builder removeFolderInto(Folder folder, FolderId into) {
      FolderCounts held = folder.counts();
      if (held.total() > 0) {
        emptied = append(emptied, new FolderEmptied(folder.owner(), folder.id(), into));
        count(folder.owner(), into, held.total(), held.unread());
      }
      foldersRemoved = append(foldersRemoved, new FolderRemoved(folder.owner(), folder.id()));
      owner(folder.owner());
      return this;
    }

    /**
     * The owner opens an unopened copy: it stops counting as unread, and the first view is recorded in
     * the sender's mailbox (system messages have no sender).
     */
    public Builder open(MessageCopy copy, Instant at) {
      if (!copy.isUnread()) {
        throw new IllegalArgumentException("copy of " + copy.message().id() + " is already open");
      }
      openings = append(openings, new CopyOpened(copy.owner(), copy.message().id(), at));
      leave(copy);
      enter(copy.openedAt(at));
      RecordedFirstView view = RecordContents.firstView(copy.message(), copy.owner(), at);
      recordings = append(recordings, new Recording(copy.owner(), view));
      copy.message().sender().ifPresent(sender -> {
        firstViews = append(firstViews, new FirstView(sender.id(), copy.message().id(), copy.owner(), at));
        recordings = append(recordings, new Recording(sender.id(), view));
        owner(sender.id());
      });
      NewEvent.firstView(copy, at).ifPresent(event -> events = append(events, event));
      return this;
    }

    public Builder addFolder(Folder folder) {
      foldersAdded = append(foldersAdded, folder);
      owner(folder.owner());
      return this;
    }

    public Builder renameFolder(Folder renamed) {
      foldersRenamed = append(foldersRenamed, renamed);
      owner(renamed.owner());
      return this;
    }

    /** A new draft: it counts in Drafts. */
    public Builder addDraft(Draft draft) {
      draftsAdded = append(draftsAdded, draft);
      count(draft.owner(), SystemFolder.DRAFTS.id(), 1, 0);
      return this;
    }

    public Builder reviseDraft(Draft revised, long expectedVersion) {
      draftsRevised = append(draftsRevised, new DraftRevised(revised, expectedVersion));
      owner(revised.owner());
      return this;
    }

    /** A draft deleted or sent: it no longer counts in Drafts. */
    public Builder removeDraft(ParticipantId owner, DraftId draft) {
      draftsRemoved = append(draftsRemoved, new DraftRemoved(owner, draft));
      count(owner, SystemFolder.DRAFTS.id(), -1, 0);
      return this;
    }

    public Builder rememberKey(SentKey key) {
      keys = append(keys, key);
      owner(key.owner());
      return this;
    }

    public Builder recordAutoReply(AutoReplyRecord reply) {
      autoReplies = append(autoReplies, reply);
      owner(reply.owner());
      return this;
    }

    public Builder saveAutoResponder(ParticipantId owner, AutoResponderState state) {
      autoResponders = append(autoResponders, new AutoResponderSaved(owner, state));
      owner(owner);
      return this;
    }

    /** An access link after one more step of its lifecycle; it is stored under both sides. */
    public Builder saveLink(AccessLink link) {
      links = append(links, link);
      RecordedAccessEvent step = RecordContents.lastStep(link);
      recordings = append(recordings, new Recording(link.practitioner(), step));
      recordings = append(recordings, new Recording(link.parent(), step));
      events = append(events, NewEvent.accessStep(link));
      owner(link.practitioner());
      owner(link.parent());
      return this;
    }

    /**
     * An export of {@code owner}'s record: its entry in the record, and the export kept with the head
     * it was signed with (the head after that entry).
     */
    public Builder recordExport(ParticipantId owner, RecordedExport export, SignedTreeHead head) {
      recordings = append(recordings, new Recording(owner, export));
      exportsSaved = append(exportsSaved, new StoredExport(export, head));
      events = append(events, NewEvent.exported(owner, export));
      owner(owner);
      return this;
    }

    /** Everything in {@code change}, after what this builder holds. */
    public Builder add(MailboxChange change) {
      placed = appendAll(placed, change.placed);
      receipts = appendAll(receipts, change.receipts);
      for (CopiesMoved move : change.moves) {
        for (MessageId message : move.messages()) {
          moved(move.owner(), message, move.target());
        }
      }
      emptied = appendAll(emptied, change.emptied);
      openings = appendAll(openings, change.openings);
      firstViews = appendAll(firstViews, change.firstViews);
      foldersAdded = appendAll(foldersAdded, change.foldersAdded);
      foldersRenamed = appendAll(foldersRenamed, change.foldersRenamed);
      foldersRemoved = appendAll(foldersRemoved, change.foldersRemoved);
      draftsAdded = appendAll(draftsAdded, change.draftsAdded);
      draftsRevised = appendAll(draftsRevised, change.draftsRevised);
      draftsRemoved = appendAll(draftsRemoved, change.draftsRemoved);
      keys = appendAll(keys, change.keys);
      autoReplies = appendAll(autoReplies, change.autoReplies);
      autoResponders = appendAll(autoResponders, change.autoResponders);
      links = appendAll(links, change.links);
      if (!change.record.isEmpty()) {
        throw new IllegalArgumentException("a sealed change is applied as it is, never added to another");
      }
      recordings = appendAll(recordings, change.recordings);
      exportsSaved = appendAll(exportsSaved, change.exportsSaved);
      events = appendAll(events, change.events);
      for (CountChange count : change.counts) {
        count(count.owner(), count.folder(), count.total(), count.unread());
      }
      for (ParticipantId owner : change.owners) {
        owner(owner);
      }
      return this;
    }

    /** The change collected so far; the builder then starts afresh, empty. */
    public MailboxChange build() {
      MailboxChange change = new MailboxChange(this);
      placed = null;
      receipts = null;
      moves = null;
      movedTo = null;
      emptied = null;
      openings = null;
      firstViews = null;
      foldersAdded = null;
      foldersRenamed = null;
      foldersRemoved = null;
      draftsAdded = null;
      draftsRevised = null;
      draftsRemoved = null;
      keys = null;
      autoReplies = null;
      autoResponders = null;
      links = null;
      counts = null;
      recordings = null;
      exportsSaved = null;
      events = null;
      owners = null;
      return change;
    }

    /**
     * Records that a copy goes to {@code target}, taking it off the list of where an earlier decision of
     * this change sent it: a store applies the moves target by target, so a copy listed under two targets
     * (archived, filed, archived again) would end under whichever it applies last, not where the counts
     * say it is.
     */
    private void moved(ParticipantId owner, MessageId message, FolderId target) {
      FolderOf to = new FolderOf(owner, target);
      if (moves == null) {
        moves = new LinkedHashMap<>(4);
        movedTo = new HashMap<>(4);
      }
      FolderOf earlier = movedTo.put(new CopyOf(owner, message), to);
      if (earlier != null) {
        List<MessageId> there = moves.get(earlier);
        there.remove(message);
        if (there.isEmpty()) {
          moves.remove(earlier);
        }
      }
      moves.computeIfAbsent(to, k -> new ArrayList<>(4)).add(message);
    }

    /** The count rule: a copy counts in its folder and, if personal, in All Messages; unread until opened. */
    private void enter(MessageCopy copy) {
      countCopy(copy, 1);
    }

    private void leave(MessageCopy copy) {
      countCopy(copy, -1);
    }

    private void countCopy(MessageCopy copy, int sign) {
      long unread = copy.isUnread() ? sign : 0;
      count(copy.owner(), copy.folder(), sign, unread);
      if (copy.inAllMessages()) {
        count(copy.owner(), SystemFolder.ALL_MESSAGES.id(), sign, unread);
      }
    }

    private void count(ParticipantId owner, FolderId folder, long total, long unread) {
      if (counts == null) {
        counts = new LinkedHashMap<>(8);
      }
      long[] delta = counts.computeIfAbsent(new FolderOf(owner, folder), k -> new long[2]);
      delta[0] += total;
      delta[1] += unread;
      owner(owner);
    }

    private void owner(ParticipantId owner) {
      if (owners == null) {
        owners = new LinkedHashSet<>(4);
      }
      owners.add(owner);
    }

    private static <T> List<T> append(List<T> list, T item) {
      List<T> to = list == null ? new ArrayList<>(4) : list;
      to.add(item);
      return to;
    }

    private static <T> List<T> appendAll(List<T> list, List<T> items) {
      if (items.isEmpty()) {
        return list;
      }
      List<T> to = list == null ? new ArrayList<>(items.size()) : list;
      to.addAll(items);
      return to;
    }
  }
}
