package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.Event;

import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.StoredEntry;
import dev.casemail.messaging.core.record.StoredExport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything stored for one mailbox owner, with the indexes every read seeks in: copies by folder,
 * by thread, and those in All Messages, each ordered by (sent time, id) so that a page is a seek and a
 * short walk, whatever the mailbox's size.
 */
final class MailboxData {

  final Map<FolderId, Folder> folders = new HashMap<>();
  final Map<String, FolderId> folderKeys = new HashMap<>();

  final Map<MessageId, CopyEntry> copies = new HashMap<>();
  final Map<FolderId, NavigableSet<Keyed>> byFolder = new HashMap<>();
  final NavigableSet<Keyed> allMessages = new TreeSet<>(CopyEntry.NEWEST_FIRST);
  /**
   * Every copy ordered by (thread, sent time, id): one index for all threads rather than one per
   * thread, since most threads hold a single message and a set per thread would cost more than the
   * copy itself.
   */
  final NavigableSet<ThreadKeyed> byThread = new TreeSet<>(ThreadKeyed.ORDER);

  /** Per sent message, each recipient's first-viewed time (null: never), in recipient order. */
  final Map<MessageId, LinkedHashMap<ParticipantId, Instant>> receipts = new HashMap<>();
  final Map<String, SentKey> sentKeys = new HashMap<>();

  final Map<DraftId, DraftEntry> drafts = new HashMap<>();
  final NavigableSet<Keyed> draftsNewestFirst = new TreeSet<>(CopyEntry.NEWEST_FIRST);

  AutoResponderState autoResponder;

  /** The mailbox's record: its entries in order (where each one's content is found, and its leaf hash), its head, its exports. */
  final List<StoredEntry> record = new ArrayList<>();
  RecordHead recordHead = RecordHead.EMPTY;
  final List<StoredExport> exports = new ArrayList<>();
  final Map<ParticipantId, AutoReplyRecord> autoReplies = new HashMap<>();

  /** The mailbox's events, in order: event number n at index n - 1 (null once purged). */
  final List<Event> events = new ArrayList<>();

  NavigableSet<Keyed> folderIndex(FolderId folder) {
    return byFolder.computeIfAbsent(folder, f -> new TreeSet<>(CopyEntry.NEWEST_FIRST));
  }

  /** The copies of one thread, oldest first, strictly after {@code after} if given. */
  NavigableSet<ThreadKeyed> thread(ThreadId thread, Optional<PageKey> after) {
    long id = thread.value();
    ThreadKeyed from = after
        .map(key -> ThreadKeyed.probe(id, key.at(), key.id()))
        .orElseGet(() -> ThreadKeyed.probe(id, Instant.MIN, Long.MIN_VALUE));
    // the last position a copy of this thread can have: no id + 1, which overflows at Long.MAX_VALUE
    ThreadKeyed to = ThreadKeyed.probe(id, Instant.MAX, Long.MAX_VALUE);
    return byThread.subSet(from, after.isEmpty(), to, true);
  }

  /** A draft as stored, listed by (updated time, id). */
  static final class DraftEntry implements Keyed {
    final Draft draft;

    DraftEntry(Draft draft) {
      this.draft = draft;
    }

    @Override
    public Instant at() {
      return draft.updatedAt();
    }

    @Override
    public long id() {
      return draft.id().value();
    }
  }
}
