package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventId;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.event.DeadDelivery;
import dev.casemail.messaging.core.event.EventCursor;
import dev.casemail.messaging.core.event.EventRange;
import dev.casemail.messaging.core.event.NewEvent;
import dev.casemail.messaging.core.event.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox: the tables {@code outbox_events}, {@code event_consumers}, {@code event_cursors},
 * {@code event_dead} and {@code event_cursors_due}, and each mailbox's event count on its row in
 * {@code mailboxes} (read with the mailbox's lock, see {@link JdbcStore}; written with the record's
 * head, see {@link MailboxRows}). A lease locks the consumer's cursors with
 * {@code FOR UPDATE SKIP LOCKED}, which PostgreSQL (9.5 and newer) and H2 (2.2 and newer) share.
 */
final class OutboxRows implements Outbox {

  private static final String EVENT_COLUMNS = "owner_id, event_number, event_type, occurred_at, message_id,"
      + " thread_id, message_kind, counterpart_id, export_number";

  private static final String CURSOR_COLUMNS = "c.owner_id, c.settled_through, c.lease_token, c.leased_until,"
      + " c.leased_through, c.attempts, c.served_at,"
      + " (SELECT m.event_count FROM mailboxes m WHERE m.owner_id = c.owner_id) AS event_count";

  private static final String DEAD_COLUMNS =
      "owner_id, event_number, attempts, reason, died_at, replaying, lease_token, leased_until";

  private final Sql sql;
  /** Each locked mailbox's event count, as the lock read it, then as this transaction's appends left it. */
  private final Map<ParticipantId, Long> counts = new HashMap<>();
  /** What the registration check read of each consumer in this transaction. */
  private final Map<String, Checked> checked = new HashMap<>();

  /**
   * Read with a consumer's registration: whether its cursors were made once for every mailbox with
   * events, whether some mailbox's cursors are due ({@code event_cursors_due}), and whether it had any
   * dead event being replayed.
   */
  private record Checked(boolean cursorsMade, boolean cursorsDue, boolean replaysPending) {}

  OutboxRows(Sql sql) {
    this.sql = sql;
  }

  /** What the mailboxes' lock read: the event count of a locked mailbox. */
  void locked(ParticipantId owner, long eventCount) {
    counts.put(owner, eventCount);
  }

  // the writer's side, from ChangeWriter

  /**
   * The events in one batch, numbered on from each mailbox's count; each mailbox's new count goes to
   * {@code rows}, to be written on its row with the record's head where the change has one.
   */
  void append(List<NewEvent> events, MailboxRows rows) {
    List<Object[]> inserts = new ArrayList<>(events.size());
    Map<ParticipantId, long[]> moved = new LinkedHashMap<>();
    for (NewEvent event : events) {
      Long count = counts.get(event.mailbox());
      if (count == null) {
        throw new IllegalStateException("an event for " + event.mailbox() + ", whose mailbox this write did not lock");
      }
      long number = count + 1;
      counts.put(event.mailbox(), number);
      moved.computeIfAbsent(event.mailbox(), m -> new long[] {count, 0})[1] = number;
      inserts.add(new Object[] {
        event.mailbox().value(), number, event.type().name(), event.at(),
        Sql.number(event.message().map(MessageId::value)),
        Sql.number(event.thread().map(ThreadId::value)),
        Sql.text(event.kind().map(Enum::name)),
        Sql.text(event.counterpart().map(ParticipantId::value)),
        Sql.number(event.exportNumber())
      });
    }
    sql.requireWritable();
    sql.insertRows("INSERT INTO outbox_events (" + EVENT_COLUMNS + ")", "(?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    moved.forEach((owner, range) -> rows.eventCount(owner, range[1], range[0]));
    List<Object[]> firstEvents = new ArrayList<>();
    moved.forEach((owner, range) -> {
      if (range[0] == 0) {
        firstEvents.add(new Object[] {owner.value()});
      }
    });
    // committed with the events, so listed only once the first event commits, whatever the order
    sql.insertRows("INSERT INTO event_cursors_due (owner_id)", "(?)", firstEvents);
  }

  // the consumers' side

  @Override
  public boolean register(String consumer, Instant at) {
    if (isRegistered(consumer)) {
      return false;
    }
    sql.requireWritable();
    sql.update("INSERT INTO event_consumers (consumer, registered_at) VALUES (?, ?)", consumer, at);
    return true;
  }

  /**
   * With the registration, in the same statement, what a lease of this transaction can then skip: the
   * making of cursors when none is due, the read of replays when there are none. (A replay
   * asked for, or a first event committed, after this statement waits for the next lease, as it would if
   * it came just after the lease.)
   */
  @Override
  public boolean isRegistered(String consumer) {
    Optional<Checked> found = sql.queryOne("SELECT k.cursors_made,"
        + " CASE WHEN EXISTS (SELECT 1 FROM event_cursors_due) THEN 1 ELSE 0 END AS cursors_due,"
        + " CASE WHEN EXISTS (SELECT 1 FROM event_dead d WHERE d.consumer = k.consumer AND d.replaying = TRUE)"
        + " THEN 1 ELSE 0 END AS replays"
        + " FROM event_consumers k WHERE k.consumer = ?",
        row -> new Checked(row.getBoolean("cursors_made"), row.getInt("cursors_due") == 1, row.getInt("replays") == 1),
        consumer);
    found.ifPresent(state -> checked.put(consumer, state));
    return found.isPresent();
  }

  @Override
  public List<String> consumers() {
    return sql.query("SELECT consumer FROM event_consumers ORDER BY consumer", row -> row.getString(1));
  }

  @Override
  public List<EventCursor> leasable(String consumer, Instant now, int max) {
    sql.requireWritable();
    if (!checked.containsKey(consumer)) {
      isRegistered(consumer); // not asked in this transaction yet: what is due comes with it
    }
    Checked state = checked.getOrDefault(consumer, new Checked(false, true, true));
    if (!state.cursorsMade()) {
      makeEveryCursor(consumer);
    }
    if (state.cursorsDue()) {
      makeDueCursors();
    }
    checked.put(consumer, new Checked(true, false, state.replaysPending()));
    return sql.query("SELECT " + CURSOR_COLUMNS + " FROM event_cursors c WHERE c.consumer = ?"
        + " AND c.settled_through < (SELECT m.event_count FROM mailboxes m WHERE m.owner_id = c.owner_id)"
        + " AND (c.leased_until IS NULL OR c.leased_until <= ?)"
        + " ORDER BY c.served_at, c.owner_id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED",
        OutboxRows::cursor, consumer, now, max);
  }

  /**
   * The consumer's first lease (after its registration committed, so that no first event can be
   * listed due and handled without it meanwhile) makes its cursor of every mailbox with events,
   * looking at every mailbox, once. Two instances that race to make one collide on its key, and the
   * call is tried again; and so below.
   */
  private void makeEveryCursor(String consumer) {
    sql.update("INSERT INTO event_cursors"
        + " (consumer, owner_id, settled_through, leased_through, attempts, served_at)"
        + " SELECT ?, m.owner_id, 0, 0, 0, ? FROM mailboxes m WHERE m.event_count > 0 AND NOT EXISTS"
        + " (SELECT 1 FROM event_cursors e WHERE e.consumer = ? AND e.owner_id = m.owner_id)"
        + " ORDER BY m.owner_id", // in key order, as everything here locks: two such inserts never cross
        consumer, InputRules.MIN_INSTANT, consumer);
    sql.update("UPDATE event_consumers SET cursors_made = TRUE WHERE consumer = ?", consumer);
  }

  /**
   * The cursors of the mailboxes listed due, for every registered consumer, then the mailboxes every
   * consumer now has a cursor of are no longer due. A consumer whose registration commits meanwhile
   * has not made its cursors yet: its first lease does.
   */
  private void makeDueCursors() {
    sql.update("INSERT INTO event_cursors"
        + " (consumer, owner_id, settled_through, leased_through, attempts, served_at)"
        + " SELECT k.consumer, d.owner_id, 0, 0, 0, ? FROM event_consumers k CROSS JOIN event_cursors_due d"
        + " WHERE NOT EXISTS (SELECT 1 FROM event_cursors e WHERE e.consumer = k.consumer AND e.owner_id = d.owner_id)"
        + " ORDER BY k.consumer, d.owner_id", InputRules.MIN_INSTANT);
    sql.update("DELETE FROM event_cursors_due WHERE NOT EXISTS (SELECT 1 FROM event_consumers k WHERE NOT EXISTS"
        + " (SELECT 1 FROM event_cursors e WHERE e.consumer = k.consumer AND e.owner_id = event_cursors_due.owner_id))");
  }

  @Override
  public Map<ParticipantId, EventCursor> cursors(String consumer, Collection<ParticipantId> mailboxes) {
    Map<ParticipantId, EventCursor> found = new LinkedHashMap<>();
    if (mailboxes.isEmpty()) {
      return found;
    }
    List<String> ids = mailboxes.stream().map(ParticipantId::value).sorted().toList();
    sql.requireWritable();
    for (EventCursor cursor : sql.query("SELECT " + CURSOR_COLUMNS + " FROM event_cursors c WHERE c.consumer = ?"
        + " AND c.owner_id IN (" + Sql.marks(ids.size()) + ") ORDER BY c.owner_id FOR UPDATE",
        OutboxRows::cursor, Sql.parameters(ids, consumer))) {
      found.put(cursor.mailbox(), cursor);
    }
    return found;
  }

  @Override
  public List<EventCursor> heldCursors(String consumer, String token) {
    sql.requireWritable();
    return sql.query("SELECT " + CURSOR_COLUMNS + " FROM event_cursors c WHERE c.consumer = ? AND c.lease_token = ?"
        + " ORDER BY c.owner_id FOR UPDATE", OutboxRows::cursor, consumer, token);
  }

  @Override
  public List<DeadDelivery> heldDead(String consumer, String token) {
    sql.requireWritable();
    return sql.query("SELECT " + DEAD_COLUMNS + " FROM event_dead WHERE consumer = ? AND lease_token = ?"
        + " ORDER BY owner_id, event_number FOR UPDATE", OutboxRows::dead, consumer, token);
  }

  @Override
  public void saveCursors(String consumer, List<EventCursor> cursors) {
    List<Object[]> rows = new ArrayList<>(cursors.size());
    for (EventCursor cursor : cursors) {
      rows.add(new Object[] {
        cursor.position(), Sql.text(cursor.leaseToken()), Sql.instant(cursor.leasedUntil()), cursor.leasedThrough(),
        cursor.attempts(), cursor.servedAt(), consumer, cursor.mailbox().value()
      });
    }
    sql.batchOfOnes("UPDATE event_cursors SET settled_through = ?, lease_token = ?, leased_until = ?,"
        + " leased_through = ?, attempts = ?, served_at = ? WHERE consumer = ? AND owner_id = ?", rows);
  }

  @Override
  public Map<ParticipantId, List<Event>> events(List<EventRange> ranges) {
    Map<ParticipantId, List<Event>> found = new LinkedHashMap<>();
    if (ranges.isEmpty()) {
      return found;
    }
    // one statement for every range: each its own index scan of the mailbox's events, with its own limit
    String one = "SELECT " + EVENT_COLUMNS + " FROM outbox_events WHERE owner_id = ? AND event_number > ?"
        + " ORDER BY event_number FETCH FIRST ? ROWS ONLY";
    StringBuilder statement = new StringBuilder();
    List<Object> parameters = new ArrayList<>(ranges.size() * 3);
    for (EventRange range : ranges) {
      if (ranges.size() == 1) {
        statement.append(one);
      } else {
        statement.append(statement.length() == 0 ? "(" : " UNION ALL (").append(one).append(')');
      }
      parameters.add(range.mailbox().value());
      parameters.add(range.after());
      parameters.add(range.max());
      found.put(range.mailbox(), new ArrayList<>());
    }
    for (Event event : sql.query(statement.toString(), OutboxRows::event, parameters.toArray())) {
      found.get(event.id().mailbox()).add(event);
    }
    // a union keeps no order across its parts; within a mailbox the numbers give it back
    found.values().forEach(events -> events.sort(Comparator.comparingLong(e -> e.id().sequence())));
    return found;
  }

  @Override
  public List<Event> events(Collection<EventId> ids) {
    List<Event> found = new ArrayList<>(ids.size());
    for (EventId id : ids) {
      sql.queryOne("SELECT " + EVENT_COLUMNS + " FROM outbox_events WHERE owner_id = ? AND event_number = ?",
          OutboxRows::event, id.mailbox().value(), id.sequence()).ifPresent(found::add);
    }
    return found;
  }

  @Override
  public void bury(String consumer, DeadDelivery dead) {
    sql.requireWritable();
    replaysMayBePending(consumer);
    sql.update("DELETE FROM event_dead WHERE consumer = ? AND owner_id = ? AND event_number = ?",
        consumer, dead.event().mailbox().value(), dead.event().sequence());
    sql.update("INSERT INTO event_dead (consumer, " + DEAD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        consumer, dead.event().mailbox().value(), dead.event().sequence(), dead.attempts(), dead.reason(),
        dead.diedAt(), dead.replaying(), Sql.text(dead.leaseToken()), Sql.instant(dead.leasedUntil()));
  }

  @Override
  public List<DeadDelivery> dead(String consumer, int max) {
    return sql.query("SELECT " + DEAD_COLUMNS + " FROM event_dead WHERE consumer = ? AND replaying = FALSE"
        + " ORDER BY died_at, owner_id, event_number FETCH FIRST ? ROWS ONLY", OutboxRows::dead, consumer, max);
  }

  @Override
  public Optional<DeadDelivery> dead(String consumer, EventId event) {
    sql.requireWritable();
    return sql.queryOne("SELECT " + DEAD_COLUMNS + " FROM event_dead WHERE consumer = ? AND owner_id = ?"
        + " AND event_number = ? FOR UPDATE", OutboxRows::dead, consumer, event.mailbox().value(), event.sequence());
  }

  @Override
  public List<DeadDelivery> replayable(String consumer, Instant now, int max) {
    sql.requireWritable();
    if (checked.containsKey(consumer) && !checked.get(consumer).replaysPending()) {
      return List.of();
    }
    return sql.query("SELECT " + DEAD_COLUMNS + " FROM event_dead WHERE consumer = ? AND replaying = TRUE"
        + " AND (leased_until IS NULL OR leased_until <= ?) ORDER BY died_at, owner_id, event_number"
        + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", OutboxRows::dead, consumer, now, max);
  }

  @Override
  public void saveDead(String consumer, DeadDelivery dead) {
    replaysMayBePending(consumer);
    sql.updateOne("UPDATE event_dead SET attempts = ?, reason = ?, died_at = ?, replaying = ?, lease_token = ?,"
        + " leased_until = ? WHERE consumer = ? AND owner_id = ? AND event_number = ?",
        dead.attempts(), dead.reason(), dead.diedAt(), dead.replaying(), Sql.text(dead.leaseToken()),
        Sql.instant(dead.leasedUntil()), consumer, dead.event().mailbox().value(), dead.event().sequence());
  }

  @Override
  public void forgetDead(String consumer, EventId event) {
    sql.updateOne("DELETE FROM event_dead WHERE consumer = ? AND owner_id = ? AND event_number = ?",
        consumer, event.mailbox().value(), event.sequence());
  }

  @Override
  public long purgeSettled(Instant before) {
    sql.requireWritable();
    return sql.update("DELETE FROM outbox_events WHERE occurred_at < ?"
        + " AND EXISTS (SELECT 1 FROM event_consumers)"
        + " AND NOT EXISTS (SELECT 1 FROM event_consumers k WHERE NOT EXISTS (SELECT 1 FROM event_cursors c"
        + " WHERE c.consumer = k.consumer AND c.owner_id = outbox_events.owner_id"
        + " AND c.settled_through >= outbox_events.event_number))"
        + " AND NOT EXISTS (SELECT 1 FROM event_dead d WHERE d.owner_id = outbox_events.owner_id"
        + " AND d.event_number = outbox_events.event_number)", before);
  }

  /** A dead state written in this transaction: what the registration check read of replays no longer holds. */
  private void replaysMayBePending(String consumer) {
    checked.computeIfPresent(consumer, (name, state) -> new Checked(state.cursorsMade(), state.cursorsDue(), true));
  }

  private static EventCursor cursor(ResultSet row) throws SQLException {
    return new EventCursor(
        ParticipantId.of(row.getString("owner_id")),
        row.getLong("settled_through"),
        row.getLong("event_count"),
        Optional.ofNullable(row.getString("lease_token")),
        Sql.optionalInstant(row, "leased_until"),
        row.getLong("leased_through"),
        row.getInt("attempts"),
        Sql.instant(row, "served_at"));
  }

  private static DeadDelivery dead(ResultSet row) throws SQLException {
    return new DeadDelivery(
        new EventId(ParticipantId.of(row.getString("owner_id")), row.getLong("event_number")),
        row.getInt("attempts"),
        row.getString("reason"),
        Sql.instant(row, "died_at"),
        row.getBoolean("replaying"),
        Optional.ofNullable(row.getString("lease_token")),
        Sql.optionalInstant(row, "leased_until"));
  }

  private static Event event(ResultSet row) throws SQLException {
    return new Event(
        new EventId(ParticipantId.of(row.getString("owner_id")), row.getLong("event_number")),
        Sql.instant(row, "occurred_at"),
        EventType.valueOf(row.getString("event_type")),
        Sql.optionalLong(row, "message_id").map(MessageId::new),
        Sql.optionalLong(row, "thread_id").map(ThreadId::new),
        Optional.ofNullable(row.getString("message_kind")).map(MessageKind::valueOf),
        Optional.ofNullable(row.getString("counterpart_id")).map(ParticipantId::of),
        Sql.optionalLong(row, "export_number"));
  }
}
