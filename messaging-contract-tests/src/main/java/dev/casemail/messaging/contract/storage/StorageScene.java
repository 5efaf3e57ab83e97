package dev.casemail.messaging.contract.storage;

import dev.casemail.messaging.core.attachment.AttachmentIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.access.RequestLimit;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.event.Outbox;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.mailbox.MailboxChanges;
import dev.casemail.messaging.core.mailbox.MailboxLocks;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.paging.CursorSecrets;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Participants;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.mailbox.Delivery;
import dev.casemail.messaging.core.mailbox.Mailbox;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.mailbox.Opening;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.ListedCopy;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.Records;
import dev.casemail.messaging.core.record.SealedRecord;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One storage under test, driven the way the core drives it: every write is one transaction that locks
 * the mailboxes of its change first, then applies it. The scene remembers every participant, message,
 * key, family and link a test mentioned, so that {@link #snapshot()} reads back everything stored about
 * them, and a test can say "the store holds exactly what it held before".
 */
final class StorageScene {

  /** The tests' first instant; every instant has microseconds at most, as the core stores them. */
  static final Instant T0 = Instant.parse("2024-03-04T09:15:30.123456Z");

  /** A limit above anything a test stores: the listing read whole. */
  static final int WHOLE = 10_000;

  private final Storage storage;
  private final Set<ParticipantId> owners = new TreeSet<>();
  private final Set<MessageId> messages = new TreeSet<>();
  private final Set<String> keys = new TreeSet<>();
  private final Set<FamilyId> families = new TreeSet<>();
  private final Set<List<ParticipantId>> links = new LinkedHashSet<>();

  private StorageScene(Storage storage) {
    this.storage = storage;
  }

  static StorageScene on(Storage storage) {
    return new StorageScene(storage);
  }

  /** {@link #T0} plus {@code seconds}. */
  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  // ------------------------------------------------------------------ the directory

  Participant practitioner(String id) {
    return register(new Participant(ParticipantId.of(id), ParticipantRole.PRACTITIONER, "Practitioner " + id));
  }

  Participant parent(String id) {
    return register(new Participant(ParticipantId.of(id), ParticipantRole.PARENT, "Parent " + id));
  }

  /** Registers a participant and opens their mailbox, in one transaction, as the core does. */
  Participant register(Participant participant) {
    mention(participant.id());
    storage.write(store -> {
      store.locks().lock(Set.of(participant.id()));
      store.participants().insert(participant);
      store.changes().apply(Mailbox.open(participant.id()));
      return null;
    });
    return participant;
  }

  /** Registers a family of {@code parents}, in this order. */
  Family family(String id, Participant... parents) {
    Family family = new Family(
        FamilyId.of(id), "The " + id + " family",
        Arrays.stream(parents).map(Participant::id).collect(Collectors.toCollection(LinkedHashSet::new)));
    mention(family.id());
    storage.write(store -> {
      store.locks().lock(Set.of());
      store.families().insert(family);
      return null;
    });
    return family;
  }

  // ------------------------------------------------------------------ messages

  /**
   * A personal message: it starts thread {@code thread} if its id is the thread's, and otherwise joins
   * it as a reply to message number {@code thread} (a store refuses a second message starting a thread
   * in one mailbox).
   */
  static Message personal(long id, long thread, Participant from, Instant at, Participant... to) {
    Optional<MessageId> answering = id == thread ? Optional.empty() : Optional.of(MessageId.of(thread));
    return message(MessageKind.PERSONAL, id, thread, Optional.of(from), at, answering, to);
  }

  /** A personal message that answers {@code answering} and so joins {@code thread}, whatever its id. */
  static Message reply(long id, long thread, Participant from, Instant at, MessageId answering, Participant... to) {
    return message(MessageKind.PERSONAL, id, thread, Optional.of(from), at, Optional.of(answering), to);
  }

  static Message autoReply(long id, long thread, Participant from, Instant at, MessageId answering, Participant to) {
    return message(MessageKind.AUTO_REPLY, id, thread, Optional.of(from), at, Optional.of(answering), to);
  }

  /** A system message of {@code kind} (an action item or a notification): it has no sender. */
  static Message system(MessageKind kind, long id, Instant at, Participant... to) {
    return message(kind, id, id, Optional.empty(), at, Optional.empty(), to);
  }

  private static Message message(
      MessageKind kind, long id, long thread, Optional<Participant> from, Instant at, Optional<MessageId> inReplyTo,
      Participant... to) {
    return new Message(
        MessageId.of(id), ThreadId.of(thread), kind, from, List.of(to),
        "Subject " + id, "Body of message " + id + "\nsecond line", at, inReplyTo);
  }

  // ------------------------------------------------------------------ access links

  /** An access request by {@code actor} on top of {@code existing}, never held back by a request limit. */
  static AccessLink request(
      Optional<AccessLink> existing, Participant practitioner, Participant parent, Participant actor, Instant when) {
    RequestLimit noLimit = new RequestLimit(1000, Duration.ofMinutes(1)); // the store is under test, not the limit
    return AccessLink.request(existing, practitioner.id(), parent.id(), actor.id(), when, noLimit, List.of());
  }

  // ------------------------------------------------------------------ transactions

  /** Applies {@code change} in one write transaction that first locks every mailbox it writes. */
  void apply(MailboxChange change) {
    track(change);
    storage.write(store -> {
      Map<ParticipantId, RecordHead> heads = store.locks().lock(change.owners());
      // sealed as the core seals every change: each entry the next place of its record
      store.changes().apply(
          change.recordings().isEmpty() ? change : change.sealed(SealedRecord.seal(change.recordings(), heads)));
      return null;
    });
  }

  /** Delivers {@code message} to its sender's and its recipients' mailboxes. */
  Message deliver(Message message) {
    apply(Delivery.of(message));
    return message;
  }

  /** The owner opens their copy of {@code message} at {@code at}. */
  void open(Participant owner, Message message, Instant at) {
    apply(Opening.of(copy(owner, message), at));
  }

  /** The owner's copy of {@code message}, which must exist. */
  MessageCopy copy(Participant owner, Message message) {
    return read(store -> store.copies().find(owner.id(), message.id()))
        .orElseThrow(() -> new AssertionError("no copy of " + message.id() + " in the mailbox of " + owner.id()));
  }

  /** The owner's folder {@code id}, which must exist. */
  Folder folder(Participant owner, FolderId id) {
    return read(store -> store.folders().find(owner.id(), id))
        .orElseThrow(() -> new AssertionError("no folder " + id + " in the mailbox of " + owner.id()));
  }

  <T> T read(Function<Store, T> work) {
    return storage.read(work);
  }

  /**
   * The store as committed: every call of one of its ports runs in a read transaction of its own, so
   * that a test reads what earlier transactions left, one question at a time.
   */
  Store committed() {
    return new Store(
        port(Participants.class, Store::participants),
        port(Families.class, Store::families),
        port(AccessLinks.class, Store::accessLinks),
        port(MessageCopies.class, Store::copies),
        port(Receipts.class, Store::receipts),
        port(SentKeys.class, Store::sentKeys),
        port(Folders.class, Store::folders),
        port(Drafts.class, Store::drafts),
        port(AutoResponders.class, Store::autoResponders),
        port(CursorSecrets.class, Store::cursorSecrets),
        port(Records.class, Store::records),
        port(Outbox.class, Store::outbox),
        port(MailboxLocks.class, Store::locks),
        port(MailboxChanges.class, Store::changes),
        port(AttachmentIndex.class, Store::attachments));
  }

  private <P> P port(Class<P> type, Function<Store, P> which) {
    InvocationHandler handler = (proxy, method, arguments) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("equals") ? proxy == arguments[0]
            : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
            : "committed " + type.getSimpleName();
      }
      return storage.read(store -> {
        try {
          return method.invoke(which.apply(store), arguments);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof RuntimeException) {
            throw (RuntimeException) e.getCause();
          }
          if (e.getCause() instanceof Error) {
            throw (Error) e.getCause();
          }
          throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      });
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  <T> T write(Function<Store, T> work) {
    return storage.write(work);
  }

  Storage storage() {
    return storage;
  }

  // ------------------------------------------------------------------ what the store holds

  /** Makes {@link #snapshot()} read back what the store holds about everything {@code change} names. */
  void track(MailboxChange change) {
    owners.addAll(change.owners());
    change.placed().forEach(copy -> messages.add(copy.message().id()));
    change.receipts().forEach(started -> messages.add(started.message()));
    change.keys().forEach(key -> keys.add(key.key()));
    change.autoReplies().forEach(reply -> owners.add(reply.correspondent()));
    change.links().forEach(link -> links.add(List.of(link.practitioner(), link.parent())));
  }

  void mention(ParticipantId... participants) {
    owners.addAll(List.of(participants));
  }

  void mention(FamilyId family) {
    families.add(family);
  }

  void mention(SentKey key) {
    owners.add(key.owner());
    keys.add(key.key());
  }

  /** Everything the store holds about what the scene knows of, read in one read transaction. */
  Snapshot snapshot() {
    return read(store -> {
      Map<ParticipantId, MailboxState> mailboxes = new LinkedHashMap<>();
      for (ParticipantId owner : owners) {
        mailboxes.put(owner, mailbox(store, owner));
      }
      Map<FamilyId, Optional<FamilyState>> families = new LinkedHashMap<>();
      for (FamilyId family : this.families) {
        families.put(family, store.families().find(family).map(FamilyState::of));
      }
      Map<List<ParticipantId>, Optional<AccessLink>> histories = new LinkedHashMap<>();
      for (List<ParticipantId> link : links) {
        histories.put(link, store.accessLinks().withHistory(link.get(0), link.get(1)));
      }
      return new Snapshot(mailboxes, families, histories);
    });
  }

  private MailboxState mailbox(Store store, ParticipantId owner) {
    List<Folder> folders = store.folders().of(owner).stream()
        .sorted(Comparator.comparing(Folder::id))
        .collect(Collectors.toList());
    Map<FolderId, List<ListedCopy>> contents = new LinkedHashMap<>();
    for (Folder folder : folders) {
      contents.put(folder.id(), store.copies().inFolder(owner, folder.id(), Optional.empty(), WHOLE));
    }
    List<MessageCopy> copies = store.copies().findAll(owner, messages).stream()
        .sorted(Comparator.comparing(copy -> copy.message().id()))
        .collect(Collectors.toList());
    Map<MessageId, List<Receipt>> receipts = new LinkedHashMap<>();
    for (MessageId message : messages) {
      receipts.put(message, store.receipts().of(owner, message));
    }
    Map<String, Optional<SentKey>> sentKeys = new LinkedHashMap<>();
    for (String key : keys) {
      sentKeys.put(key, store.sentKeys().find(owner, key));
    }
    Map<ParticipantId, AutoReplyRecord> replies = new LinkedHashMap<>();
    for (ParticipantId correspondent : owners) {
      Optional.ofNullable(store.autoResponders().lastReplies(List.of(owner), correspondent).get(owner))
          .ifPresent(reply -> replies.put(correspondent, reply));
    }
    List<AccessLink> ownLinks = store.accessLinks().of(owner).stream()
        .sorted(Comparator.comparing(AccessLink::practitioner).thenComparing(AccessLink::parent))
        .collect(Collectors.toList());
    List<FamilyState> ownFamilies = store.families().ofParent(owner).stream()
        .map(FamilyState::of)
        .sorted(Comparator.comparing(FamilyState::id))
        .collect(Collectors.toList());
    return new MailboxState(
        store.participants().find(owner),
        folders,
        contents,
        store.copies().inAllMessages(owner, Optional.empty(), WHOLE),
        copies,
        receipts,
        sentKeys,
        store.drafts().page(owner, Optional.empty(), WHOLE),
        store.autoResponders().find(owner),
        replies,
        ownLinks,
        Map.copyOf(store.accessLinks().statusesOf(owner)),
        ownFamilies,
        store.outbox().events(owner, 0, Integer.MAX_VALUE));
  }

  /** What the store holds about the scene's participants, families and links. */
  record Snapshot(
      Map<ParticipantId, MailboxState> mailboxes,
      Map<FamilyId, Optional<FamilyState>> families,
      Map<List<ParticipantId>, Optional<AccessLink>> linkHistories) {}

  /** Everything stored under one owner, as the ports read it. */
  record MailboxState(
      Optional<Participant> participant,
      List<Folder> folders,
      Map<FolderId, List<ListedCopy>> folderContents,
      List<ListedCopy> allMessages,
      List<MessageCopy> copies,
      Map<MessageId, List<Receipt>> receipts,
      Map<String, Optional<SentKey>> keys,
      List<Draft> drafts,
      Optional<AutoResponderState> autoResponder,
      Map<ParticipantId, AutoReplyRecord> autoReplies,
      List<AccessLink> links,
      Map<ParticipantId, AccessStatus> linkStatuses,
      List<FamilyState> families,
      List<Event> events) {}

  /** A family with its parents in registration order (a {@link Family} compares its parents as a set). */
  record FamilyState(FamilyId id, String name, List<ParticipantId> parents) {
    static FamilyState of(Family family) {
      return new FamilyState(family.id(), family.name(), List.copyOf(family.parents()));
    }
  }

  // ------------------------------------------------------------------ assertions

  /** {@code change} is refused with a {@link StorageConflictException}, and none of it stays. */
  void assertRefused(MailboxChange change) {
    track(change);
    Snapshot before = snapshot();
    assertThatThrownBy(() -> apply(change))
        .as("applying a change the store must refuse")
        .isInstanceOf(StorageConflictException.class);
    assertThat(snapshot()).as("what the store holds after the refused change").isEqualTo(before);
  }

  /**
   * Every count of the owner's folders equals a recount of what the folder holds: the copies in a real
   * folder, the personal messages and auto-replies wherever they sit for All Messages, the drafts for
   * Drafts; unread the copies not opened.
   */
  void assertCountsMatchARecount(Participant owner) {
    read(store -> {
      for (Folder folder : store.folders().of(owner.id())) {
        List<ListedCopy> held = folder.is(SystemFolder.ALL_MESSAGES)
            ? store.copies().inAllMessages(owner.id(), Optional.empty(), WHOLE)
            : store.copies().inFolder(owner.id(), folder.id(), Optional.empty(), WHOLE);
        long total = folder.is(SystemFolder.DRAFTS)
            ? store.drafts().page(owner.id(), Optional.empty(), WHOLE).size()
            : held.size();
        long unread = held.stream().filter(copy -> copy.openedAt().isEmpty()).count();
        assertThat(folder.counts())
            .as("the counts of %s's folder %s", owner.id(), folder.name().value())
            .isEqualTo(new FolderCounts(total, unread));
      }
      return null;
    });
  }

  /**
   * Every page of a listing of {@code limit} entries at most, each continued strictly after the last
   * entry of the one before, until a page comes back short: all of them, in order.
   */
  static <T> List<T> walk(int limit, Function<T, PageKey> key, BiFunction<Optional<PageKey>, Integer, List<T>> page) {
    List<T> all = new ArrayList<>();
    Optional<PageKey> after = Optional.empty();
    while (true) {
      List<T> next = page.apply(after, limit);
      assertThat(next).as("a page of at most %d after %s", limit, after).hasSizeLessThanOrEqualTo(limit);
      all.addAll(next);
      if (next.size() < limit) {
        return all;
      }
      after = Optional.of(key.apply(next.get(next.size() - 1)));
      if (all.size() > WHOLE) {
        throw new AssertionError("the listing never ends: the pages repeat what came before");
      }
    }
  }

  /** The message ids of {@code copies}, in order. */
  static List<Long> ids(List<?> copies) {
    return copies.stream().map(StorageScene::id).collect(Collectors.toList());
  }

  /** The message id of a {@link MessageCopy} or a {@link ListedCopy}. */
  private static long id(Object copy) {
    if (copy instanceof MessageCopy found) {
      return found.message().id().value();
    }
    return ((ListedCopy) copy).id().value();
  }
}
