package dev.casemail.messaging.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare-collections floor of W1 and W6: the records the in-memory adapter keeps for a sent message,
 * put into plain concurrent maps with no domain logic at all (no validation, no access check, no
 * transaction, no undo, no view). Per copy: the copy by id, its entry in its folder's and in its
 * thread's time-ordered index and in All Messages, the two folder counts; per sent message: the
 * sender's receipts. What the adapter costs above this is the price of its rules.
 */
final class BareCollections {

  static final long INBOX = 1;
  static final long SENT = 5;
  static final long ALL_MESSAGES = 7;

  record Person(String id, String role, String name) {}

  record Message(
      long id, long thread, String kind, Person sender, List<Person> recipients, String subject, String body,
      Instant sentAt) {}

  /** Where a copy sits in its ordered indexes: newest first, ties broken by id. */
  record Key(Instant at, long id) {
    static final Comparator<Key> NEWEST_FIRST =
        Comparator.comparing(Key::at).thenComparingLong(Key::id).reversed();
  }

  static final class Copy {
    final Message message;
    volatile long folder;
    volatile Instant openedAt;

    Copy(Message message, long folder, Instant openedAt) {
      this.message = message;
      this.folder = folder;
      this.openedAt = openedAt;
    }
  }

  static final class Mailbox {
    final Map<Long, Copy> copies = new ConcurrentHashMap<>();
    final Map<Long, Map<Key, Copy>> byFolder = new ConcurrentHashMap<>();
    final Map<Long, Map<Key, Copy>> byThread = new ConcurrentHashMap<>();
    final Map<Key, Copy> allMessages = new ConcurrentSkipListMap<>(Key.NEWEST_FIRST);
    final Map<Long, AtomicLong[]> counts = new ConcurrentHashMap<>();
    final Map<Long, Map<String, Instant>> receipts = new ConcurrentHashMap<>();

    void count(long folder, long total, long unread) {
      AtomicLong[] folderCounts = counts.computeIfAbsent(folder, f -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
      folderCounts[0].addAndGet(total);
      folderCounts[1].addAndGet(unread);
    }
  }

  private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** Stores a personal message: the sender's copy in Sent, each recipient's unread in Inbox. */
  Message send(Person sender, List<Person> recipients, String subject, String body) {
    Message message = new Message(
        ids.incrementAndGet(), ids.incrementAndGet(), "PERSONAL", sender, recipients, subject, body,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    store(sender.id(), message, SENT, message.sentAt());
    for (Person recipient : recipients) {
      store(recipient.id(), message, INBOX, null);
    }
    Map<String, Instant> receipts = new ConcurrentHashMap<>();
    for (Person recipient : recipients) {
      receipts.put(recipient.id(), Instant.EPOCH); // "never opened": a concurrent map holds no null
    }
    mailboxes.get(sender.id()).receipts.put(message.id(), receipts);
    return message;
  }

  private void store(String owner, Message message, long folder, Instant openedAt) {
    Mailbox mailbox = mailboxes.computeIfAbsent(owner, o -> new Mailbox());
    Copy copy = new Copy(message, folder, openedAt);
    Key key = new Key(message.sentAt(), message.id());
    mailbox.copies.put(message.id(), copy);
    mailbox.byFolder.computeIfAbsent(folder, f -> new ConcurrentSkipListMap<>(Key.NEWEST_FIRST)).put(key, copy);
    mailbox.byThread.computeIfAbsent(message.thread(), t -> new ConcurrentSkipListMap<>(Key.NEWEST_FIRST)).put(key, copy);
    mailbox.allMessages.put(key, copy);
    long unread = openedAt == null ? 1 : 0;
    mailbox.count(folder, 1, unread);
    mailbox.count(ALL_MESSAGES, 1, unread);
  }

  /** Copies stored in all mailboxes (to check a run stored what it claims). */
  long copies() {
    return mailboxes.values().stream().mapToLong(m -> m.copies.size()).sum();
  }
}
