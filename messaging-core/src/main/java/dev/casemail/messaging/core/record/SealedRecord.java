package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record part of one change, sealed against the records' heads as they were when the change's
 * mailboxes were locked: each entry gets the next index of its mailbox's record and its leaf hash, and
 * each record its head after them. O(log n) hashes per entry, whatever the records' lengths.
 */
public record SealedRecord(List<RecordAppend> appends, Map<ParticipantId, RecordHead> heads) {

  /** Nothing recorded. */
  public static final SealedRecord NONE = new SealedRecord(List.of(), Map.of());

  public SealedRecord {
    appends = List.copyOf(appends);
    heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
  }

  /**
   * Seals {@code recordings}, in their order, onto {@code before} (a record not in it is empty: a
   * mailbox opened by this very change).
   */
  public static SealedRecord seal(List<Recording> recordings, Map<ParticipantId, RecordHead> before) {
    if (recordings.isEmpty()) {
      return NONE;
    }
    Map<ParticipantId, RecordHead> heads = new LinkedHashMap<>();
    List<RecordAppend> appends = new ArrayList<>(recordings.size());
    for (Recording recording : recordings) {
      RecordHead head = heads.computeIfAbsent(recording.mailbox(), owner -> before.getOrDefault(owner, RecordHead.EMPTY));
      RecordEntry entry = new RecordEntry(recording.mailbox(), head.size(), recording.content());
      byte[] leafHash = RecordEncoding.leafHash(entry);
      appends.add(new RecordAppend(entry, leafHash));
      heads.put(recording.mailbox(), head.append(leafHash));
    }
    return new SealedRecord(appends, heads);
  }

  public boolean isEmpty() {
    return appends.isEmpty();
  }
}
