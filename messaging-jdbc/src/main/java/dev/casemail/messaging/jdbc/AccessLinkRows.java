package dev.casemail.messaging.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.UnreadableEvidenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables {@code access_links} and {@code access_events}: a link and its events are stored under
 * each side ({@code owner_id}), so either side reads its links from its own mailbox. A link row keeps
 * its number of events, so that its latest events are one range of the events' primary key, however
 * long the history.
 *
 * <p>Every transaction that changes a link moves the version of each side's links on by one
 * ({@code mailboxes.links_version}, in the update of the rows {@link MailboxRows} writes), under the
 * row's lock. The statuses of a participant's links, which a send reads for its access check, are
 * therefore kept per service instance with the version they were read at ({@link VersionedStatuses}),
 * and used again by a transaction that locked the participant's mailbox and found the same version
 * there: no write can have changed them meanwhile, on any instance, and none can until the lock is
 * released. Each version is committed once (a transaction that rolls back leaves the previous one, and
 * what it read after its own change is never kept), so a version names one set of links.
 */
final class AccessLinkRows implements AccessLinks {

  /** A participant's link statuses as they were when their mailbox row had {@code version}. */
  record VersionedStatuses(long version, Map<ParticipantId, AccessStatus> statuses) {}

  /** A link with its events, the latest {@code ?} or all, oldest first; one row per event. */
  private static final String LINKS_WITH_EVENTS =
      "SELECT l.counterpart_id, l.practitioner_id, l.parent_id, l.status AS link_status, l.requested_by,"
          + " l.event_count, e.status, e.actor_id, e.happened_at"
          + " FROM access_links l JOIN access_events e"
          + " ON e.owner_id = l.owner_id AND e.counterpart_id = l.counterpart_id AND e.seq > l.event_count - ?"
          + " WHERE l.owner_id = ?";

  private final Sql sql;
  private final Cache<ParticipantId, VersionedStatuses> kept;
  /** The links' version each mailbox this transaction locked had, while this transaction has not changed its links. */
  private final Map<ParticipantId, Long> lockedVersions = new HashMap<>();
  /** The statuses this transaction read at a locked version, kept once it commits. */
  private final Map<ParticipantId, VersionedStatuses> toKeep = new HashMap<>();

  /** Rows that keep no statuses (outside a service instance: the record backfill of a migration). */
  AccessLinkRows(Sql sql) {
    this(sql, CacheBuilder.newBuilder().maximumSize(0).build());
  }

  AccessLinkRows(Sql sql, Cache<ParticipantId, VersionedStatuses> kept) {
    this.sql = sql;
    this.kept = kept;
  }

  /**
   * Keeps what this transaction read at a locked version, once it committed (a call that failed and is
   * tried again reads them again, as it did the first time), unless a newer version is kept already.
   */
  void committed() {
    toKeep.forEach((participant, read) -> kept.asMap().merge(
        participant, read, (known, now) -> known.version() > now.version() ? known : now));
  }

  /** What the mailboxes' lock read: the version of the links of a locked mailbox. */
  void locked(ParticipantId owner, long linksVersion) {
    lockedVersions.put(owner, linksVersion);
  }

  @Override
  public Optional<AccessLink> find(ParticipantId practitioner, ParticipantId parent) {
    return one(practitioner, parent, AccessLink.LATEST_EVENTS);
  }

  @Override
  public Optional<AccessLink> withHistory(ParticipantId practitioner, ParticipantId parent) {
    return one(practitioner, parent, Integer.MAX_VALUE);
  }

  private Optional<AccessLink> one(ParticipantId practitioner, ParticipantId parent, int events) {
    List<AccessLink> links = links(
        LINKS_WITH_EVENTS + " AND l.counterpart_id = ? ORDER BY e.seq", events, practitioner.value(), parent.value());
    return links.stream().findFirst();
  }

  @Override
  public List<Instant> requestTimes(
      ParticipantId practitioner, ParticipantId parent, ParticipantId requester, int limit) {
    return sql.query(
        "SELECT happened_at FROM access_events WHERE owner_id = ? AND counterpart_id = ? AND status = ?"
            + " AND actor_id = ? ORDER BY seq DESC FETCH FIRST ? ROWS ONLY",
        row -> Sql.instant(row, "happened_at"),
        practitioner.value(),
        parent.value(),
        AccessStatus.REQUESTED.name(),
        requester.value(),
        limit);
  }

  /**
   * The statuses of the participant's links: those kept at the version the participant's locked
   * mailbox row has, if any; otherwise read, and kept if that row is locked and this transaction
   * commits.
   */
  @Override
  public Map<ParticipantId, AccessStatus> statusesOf(ParticipantId participant) {
    Long version = lockedVersions.get(participant);
    if (version != null) {
      VersionedStatuses known = kept.getIfPresent(participant);
      if (known != null && known.version() == version) {
        return known.statuses();
      }
    }
    Map<ParticipantId, AccessStatus> statuses = new LinkedHashMap<>();
    sql.query(
        "SELECT counterpart_id, status FROM access_links WHERE owner_id = ?",
        row -> statuses.put(ParticipantId.of(row.getString(1)), AccessStatus.valueOf(row.getString(2))),
        participant.value());
    Map<ParticipantId, AccessStatus> read = Collections.unmodifiableMap(statuses);
    if (version != null) {
      toKeep.put(participant, new VersionedStatuses(version, read));
    }
    return read;
  }

  @Override
  public List<RecordedAccessEvent> events(ParticipantId participant) {
    return sql.query(
        "SELECT e.counterpart_id, l.practitioner_id, l.parent_id, e.seq, e.status, e.actor_id, e.happened_at"
            + " FROM access_events e JOIN access_links l"
            + " ON l.owner_id = e.owner_id AND l.counterpart_id = e.counterpart_id WHERE e.owner_id = ?",
        row -> event(participant, row),
        participant.value());
  }

  /** An event from its row; one the library did not write (a status with no name, …) is evidence changed. */
  private static RecordedAccessEvent event(ParticipantId owner, ResultSet row) throws SQLException {
    try {
      return new RecordedAccessEvent(
          ParticipantId.of(row.getString("practitioner_id")),
          ParticipantId.of(row.getString("parent_id")),
          row.getInt("seq"),
          AccessStatus.valueOf(row.getString("status")),
          ParticipantId.of(row.getString("actor_id")),
          Sql.instant(row, "happened_at"));
    } catch (RuntimeException e) {
      String counterpart = row.getString("counterpart_id");
      int seq = row.getInt("seq");
      throw new UnreadableEvidenceException(RecordEncoding.ACCESS_EVENT, seq, counterpart,
          "access event " + seq + " with " + counterpart + " in the mailbox of " + owner, e);
    }
  }

  @Override
  public List<AccessLink> of(ParticipantId participant) {
    return links(
        LINKS_WITH_EVENTS + " ORDER BY l.counterpart_id, e.seq", AccessLink.LATEST_EVENTS, participant.value());
  }

  /** Links from rows ordered by link, then event. */
  private List<AccessLink> links(String statement, int events, Object... where) {
    Object[] parameters = new Object[where.length + 1];
    parameters[0] = events;
    System.arraycopy(where, 0, parameters, 1, where.length);
    List<LinkRow> rows = sql.query(statement, LinkRow::read, parameters);
    List<AccessLink> links = new ArrayList<>();
    List<AccessEvent> history = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LinkRow row = rows.get(i);
      history.add(row.event);
      if (i + 1 == rows.size() || !rows.get(i + 1).counterpart.equals(row.counterpart)) {
        links.add(new AccessLink(row.practitioner, row.parent, row.status, row.requestedBy, history, row.eventCount));
        history = new ArrayList<>();
      }
    }
    return links;
  }

  /**
   * Stores a link one event further on under both sides: the link row (inserted with its first event,
   * updated only if it still has the events the core read), the new event, and the next version of each
   * side's links on its mailbox row (written by {@code mailboxRows} with the rest of that row).
   */
  void save(AccessLink link, MailboxRows mailboxRows) {
    sql.requireWritable();
    for (ParticipantId side : List.of(link.practitioner(), link.parent())) {
      // from here on this transaction's reads of the side's links are its own, never kept
      lockedVersions.remove(side);
      toKeep.remove(side);
      mailboxRows.linksChanged(side);
    }
    AccessEvent event = link.lastEvent();
    List<Object[]> events = new ArrayList<>(2);
    for (ParticipantId side : List.of(link.practitioner(), link.parent())) {
      ParticipantId counterpart = link.counterpartOf(side);
      int changed = sql.update(
          "UPDATE access_links SET status = ?, requested_by = ?, event_count = ?"
              + " WHERE owner_id = ? AND counterpart_id = ? AND event_count = ?",
          link.status().name(),
          link.requestedBy().value(),
          link.eventCount(),
          side.value(),
          counterpart.value(),
          link.eventCount() - 1);
      if (changed == 0) {
        if (link.eventCount() != 1) {
          throw new StorageConflictException("the access link of " + side + " with " + counterpart + " changed meanwhile");
        }
        sql.update(
            "INSERT INTO access_links"
                + " (owner_id, counterpart_id, practitioner_id, parent_id, status, requested_by, event_count)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            side.value(),
            counterpart.value(),
            link.practitioner().value(),
            link.parent().value(),
            link.status().name(),
            link.requestedBy().value(),
            link.eventCount());
      }
      events.add(new Object[] {
        side.value(), counterpart.value(), link.eventCount(), event.status().name(), event.actor().value(), event.at()
      });
    }
    sql.batch(
        "INSERT INTO access_events (owner_id, counterpart_id, seq, status, actor_id, happened_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        events);
  }

  /** One row of a link joined with one of its events. */
  private record LinkRow(
      String counterpart,
      ParticipantId practitioner,
      ParticipantId parent,
      AccessStatus status,
      ParticipantId requestedBy,
      int eventCount,
      AccessEvent event) {

    static LinkRow read(ResultSet row) throws SQLException {
      return new LinkRow(
          row.getString("counterpart_id"),
          ParticipantId.of(row.getString("practitioner_id")),
          ParticipantId.of(row.getString("parent_id")),
          AccessStatus.valueOf(row.getString("link_status")),
          ParticipantId.of(row.getString("requested_by")),
          row.getInt("event_count"),
          AccessEvent.builder()
              .status(AccessStatus.valueOf(row.getString("status")))
              .actor(ParticipantId.of(row.getString("actor_id")))
              .at(Sql.instant(row, "happened_at"))
              .build());
    }
  }
}
