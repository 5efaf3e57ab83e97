package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.record.RecordHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one mailbox change writes to the mailboxes' own rows in {@code mailboxes}: each record's new
 * head, each mailbox's new event count and, for a mailbox whose access links changed, the next version
 * of its links, gathered while the change is written and then written in one batch of one {@code UPDATE}
 * per mailbox row, whatever it carries: one round trip. Every update is guarded by the values the
 * mailbox's lock read (the head's size the entries were sealed onto, the event count the events were
 * numbered from): a row that no longer has them is a conflict, and the call is tried again.
 */
final class MailboxRows {

  /** One mailbox row's new values, and what it must still hold. */
  private static final class Pending {
    RecordHead head;
    long sealedOnto;
    boolean counted;
    long eventCount;
    long countedFrom;
    boolean linksChanged;
  }

  private final Sql sql;
  // in key order, as every write here locks
  private final Map<ParticipantId, Pending> pending = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

  MailboxRows(Sql sql) {
    this.sql = sql;
  }

  /** The record's new head, written where the stored head's size is still {@code sealedOnto}. */
  void head(ParticipantId owner, RecordHead head, long sealedOnto) {
    Pending row = pending.computeIfAbsent(owner, o -> new Pending());
    if (row.head != null) {
      throw new IllegalStateException("two heads of the record of " + owner + " in one write");
    }
    row.head = head;
    row.sealedOnto = sealedOnto;
  }

  /** The mailbox's new event count, written where the stored count is still {@code countedFrom}. */
  void eventCount(ParticipantId owner, long eventCount, long countedFrom) {
    Pending row = pending.computeIfAbsent(owner, o -> new Pending());
    if (row.counted) {
      throw new IllegalStateException("two event counts of " + owner + " in one write");
    }
    row.counted = true;
    row.eventCount = eventCount;
    row.countedFrom = countedFrom;
  }

  /** The owner's access links changed: their version moves on by one ({@link AccessLinkRows#statusesOf}). */
  void linksChanged(ParticipantId owner) {
    pending.computeIfAbsent(owner, o -> new Pending()).linksChanged = true;
  }

  /**
   * Writes what was gathered in one batch of one statement: a part a row does not carry (the head of a
   * mailbox that gained events only, the count of one whose record alone grew) is left as it is, and
   * not guarded.
   */
  void write() {
    if (pending.isEmpty()) {
      return;
    }
    List<Object[]> updates = new ArrayList<>(pending.size());
    if (pending.values().stream().noneMatch(row -> row.counted || row.linksChanged)) {
      // heads alone: a change without events or links, and the record backfill of schema version 5,
      // which runs before version 6 adds event_count
      pending.forEach((owner, row) -> updates.add(new Object[] {
        row.head.size(), row.head.frontierHex(), owner.value(), row.sealedOnto
      }));
      pending.clear();
      sql.batchOfOnes(
          "UPDATE mailboxes SET record_size = ?, record_frontier = ? WHERE owner_id = ? AND record_size = ?", updates);
      return;
    }
    pending.forEach((owner, row) -> updates.add(new Object[] {
      row.head == null ? Sql.Null.BIGINT : (Object) row.head.size(),
      row.head == null ? Sql.Null.TEXT : row.head.frontierHex(),
      row.counted ? (Object) row.eventCount : Sql.Null.BIGINT,
      row.linksChanged ? 1L : 0L,
      owner.value(),
      row.head == null ? Sql.Null.BIGINT : (Object) row.sealedOnto,
      row.counted ? (Object) row.countedFrom : Sql.Null.BIGINT
    }));
    pending.clear();
    sql.batchOfOnes("UPDATE mailboxes SET record_size = COALESCE(?, record_size),"
        + " record_frontier = COALESCE(?, record_frontier), event_count = COALESCE(?, event_count),"
        + " links_version = links_version + ?"
        + " WHERE owner_id = ? AND record_size = COALESCE(?, record_size) AND event_count = COALESCE(?, event_count)",
        updates);
  }
}
