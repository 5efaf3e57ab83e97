package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.Store;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The whole store in memory, behind one read-write lock: a write transaction holds the write lock
 * from its first read to its end, so transactions are serializable; reads share the read lock. A
 * write that throws is undone change by change before the lock is released, so no reader ever sees
 * half of it.
 */
final class InMemoryStorage implements Storage {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  final Map<ParticipantId, Participant> participants = new HashMap<>();
  final Map<FamilyId, Family> families = new HashMap<>();
  final Map<ParticipantId, Set<FamilyId>> familiesByParent = new HashMap<>();
  final Map<List<ParticipantId>, AccessLink> links = new HashMap<>();
  final Map<ParticipantId, Set<List<ParticipantId>>> linksByParticipant = new HashMap<>();
  final Map<ParticipantId, MailboxData> mailboxes = new HashMap<>();

  @Override
  public <T> T write(Function<Store, T> work) {
    lock.writeLock().lock();
    try {
      UndoLog undo = new UndoLog();
      try {
        return work.apply(new InMemoryStore(this, undo));
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
      return work.apply(new InMemoryStore(this, null));
    } finally {
      lock.readLock().unlock();
    }
  }

  static List<ParticipantId> linkKey(ParticipantId practitioner, ParticipantId parent) {
    return List.of(practitioner, parent);
  }

  static <K, V> Set<V> setOf(Map<K, Set<V>> index, K key) {
    return index.computeIfAbsent(key, k -> new LinkedHashSet<>());
  }
}
