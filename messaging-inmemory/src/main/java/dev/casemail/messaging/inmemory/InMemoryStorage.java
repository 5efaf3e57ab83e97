package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.Store;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.core.event.DeadDelivery;
import dev.casemail.messaging.core.event.EventCursor;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The whole store in memory, behind one read-write lock: a write transaction holds the write lock
 * from its first read to its end, so transactions are serializable (locking mailboxes is then already
 * done, and in one order); reads share the read lock. A write that throws is undone change by change
 * before the lock is released, so no reader ever sees half of it.
 */
final class InMemoryStorage implements Storage {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  final Map<ParticipantId, Participant> participants = new HashMap<>();
  final Map<FamilyId, Family> families = new HashMap<>();
  final Map<ParticipantId, Set<FamilyId>> familiesByParent = new HashMap<>();
  final Map<List<ParticipantId>, AccessLinkTable.Entry> links = new HashMap<>();
  final Map<ParticipantId, Set<List<ParticipantId>>> linksByParticipant = new HashMap<>();
  final Map<ParticipantId, MailboxData> mailboxes = new HashMap<>();
  final byte[] cursorSecret = new byte[32];
  /** The outbox: the mailboxes that have events, in key order; the consumers, their cursors and dead events. */
  final Set<ParticipantId> mailboxesWithEvents = new TreeSet<>(Comparator.comparing(ParticipantId::value));
  final Map<String, Instant> consumers = new TreeMap<>();
  final Map<String, Map<ParticipantId, EventCursor>> cursors = new HashMap<>();
  final Map<String, Map<EventId, DeadDelivery>> dead = new HashMap<>();

  /** The ports of every read-only transaction: they hold no state of their own, so one set serves all. */
  private final Store readOnly;

  InMemoryStorage() {
    new SecureRandom().nextBytes(cursorSecret);
    readOnly = store(UndoLog.READ_ONLY);
  }

  @Override
  public <T> T write(Function<Store, T> work) {
    lock.writeLock().lock();
    try {
      UndoLog undo = UndoLog.forWrite();
      try {
        return work.apply(store(undo));
      } catch (RuntimeException | Error e) {
        undo.rollback();
        throw e;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public <T> T read(Function<Store, T> work) {
    lock.readLock().lock();
    try {
      return work.apply(readOnly);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The ports of one transaction, every write recorded in {@code undo}. */
  private Store store(UndoLog undo) {
    Mailboxes mailboxes = new Mailboxes(this, undo);
    CopyTable copies = new CopyTable(mailboxes, undo);
    ReceiptTable receipts = new ReceiptTable(mailboxes, undo);
    FolderTable folders = new FolderTable(mailboxes, undo);
    DraftTable drafts = new DraftTable(mailboxes, undo);
    AutoResponderTable autoResponders = new AutoResponderTable(mailboxes, undo);
    SentKeyTable sentKeys = new SentKeyTable(mailboxes, undo);
    AccessLinkTable links = new AccessLinkTable(this, undo);
    RecordTable records = new RecordTable(mailboxes, undo);
    OutboxTable outbox = new OutboxTable(this, mailboxes, undo);
    return new Store(
        new ParticipantTable(this, undo),
        new FamilyTable(this, undo),
        links,
        copies,
        receipts,
        sentKeys,
        folders,
        drafts,
        autoResponders,
        () -> cursorSecret.clone(),
        records,
        outbox,
        owners -> heads(owners), // the write lock is held already: every mailbox is locked, and in one order
        new ChangeWriter(copies, receipts, folders, drafts, autoResponders, sentKeys, links, records, outbox),
        new AttachmentTable(this));
  }

  /** The record heads of those {@code owners} whose mailbox exists. */
  private Map<ParticipantId, RecordHead> heads(Set<ParticipantId> owners) {
    Map<ParticipantId, RecordHead> heads = new HashMap<>();
    for (ParticipantId owner : owners) {
      MailboxData mailbox = mailboxes.get(owner);
      if (mailbox != null) {
        heads.put(owner, mailbox.recordHead);
      }
    }
    return heads;
  }

  static List<ParticipantId> linkKey(ParticipantId practitioner, ParticipantId parent) {
    return List.of(practitioner, parent);
  }
}
