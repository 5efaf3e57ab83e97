package dev.casemail.messaging.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database transaction per call, on a connection borrowed from the host's {@link DataSource}.
 *
 * <p>Writes run at READ COMMITTED and lock, in one statement and in key order, the rows in
 * {@code mailboxes} of every mailbox they will write, before they read anything that may change
 * ({@link JdbcStore#LOCK_MAILBOXES}): writes to one mailbox are serialized, every statement sees what
 * the previous holder committed, mailboxes that are not shared never wait for each other, and since
 * every write takes its locks at once in one global order, crossing writes never deadlock. Reads run on one snapshot of the whole database, so that a page and its folder's counts
 * agree, without blocking any writer:
 * <ul>
 *   <li>PostgreSQL (and any database but H2): REPEATABLE READ, which in PostgreSQL is one snapshot,
 *       taken at the transaction's first statement, of every table;</li>
 *   <li>H2: SNAPSHOT (H2's own level, JDBC constant {@value #H2_SNAPSHOT}). H2's REPEATABLE READ takes
 *       each table's snapshot at the first statement that reads that table, so copies committed after
 *       the folder row was read would still appear in the page (phantoms across tables). SNAPSHOT
 *       takes every table's snapshot at the first statement, and like every H2 level it takes no read
 *       locks. H2 2.3 treats its SERIALIZABLE exactly alike today, but documents it as not quite
 *       serializable yet: SNAPSHOT is the level whose meaning is the one relied on here. Its cost is
 *       one snapshot per table of the whole H2 database on every read, about half a microsecond per
 *       table: nothing for the library's tables, noticeable in a database that also holds hundreds of
 *       the host's.</li>
 * </ul>
 * The database and the level the data source lends its connections at are read once, from the first
 * connection ({@link DatabaseMetaData#getDatabaseProductName()}, {@link
 * Connection#getTransactionIsolation()}): a pool lends every connection alike, to one database. A
 * level is changed (and restored) only when it differs from the lent one.
 *
 * <p>A unique key taken by a concurrent transaction, a deadlock, a serialization failure or a lock
 * timeout becomes a {@link StorageConflictException} (the core retries the call); any other SQL
 * failure an {@link IllegalStateException} carrying it (the core reports a {@code StorageException}).
 */
final class JdbcStorage implements Storage {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);

  private static final int DIRECTORY_CACHE_SIZE = 100_000;

  /** The link statuses kept, counted in links (and one per participant). */
  private static final int LINK_STATUSES_KEPT = 200_000;

  /** SQL states of a race a retry may win: unique violation, serialization failure, deadlock, lock timeouts. */
  private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00");

  /** H2's SNAPSHOT isolation level ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}, H2 1.4.200 and newer). */
  static final int H2_SNAPSHOT = 6;

  /** What {@link DatabaseMetaData#getDatabaseProductName()} answers for H2. */
  private static final String H2 = "H2";

  private final DataSource dataSource;
  /** Learnt from the first connection; null until then. */
  private volatile Levels levels;

  /**
   * Participants already read, for every later call: a registration never changes and is never
   * removed (the API has no such call), so the copy can never be stale. Bounded, least recently used
   * out first.
   */
  private final Cache<ParticipantId, Participant> directory =
      CacheBuilder.newBuilder().maximumSize(DIRECTORY_CACHE_SIZE).build();

  /**
   * The statuses of participants' access links with the version their mailbox row had when they were
   * read ({@link AccessLinkRows}): used again only by a transaction that locked that row and found the
   * same version, so never stale, whichever instance changed a link. Bounded by the links kept.
   */
  private final Cache<ParticipantId, AccessLinkRows.VersionedStatuses> linkStatuses = CacheBuilder.newBuilder()
      .maximumWeight(LINK_STATUSES_KEPT)
      .weigher((ParticipantId owner, AccessLinkRows.VersionedStatuses kept) -> 1 + kept.statuses().size())
      .build();

  JdbcStorage(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public <T> T write(Function<Store, T> work) {
    return inTransaction(work, false);
  }

  @Override
  public <T> T read(Function<Store, T> work) {
    return inTransaction(work, true);
  }

  private <T> T inTransaction(Function<Store, T> work, boolean readOnly) {
    try (Connection connection = dataSource.getConnection()) {
      // asking a PostgreSQL connection its isolation is a round trip: ask once, pooled connections share it
      Levels known = levels(connection);
      int wanted = readOnly ? known.read() : Connection.TRANSACTION_READ_COMMITTED;
      int lent = known.lent();
      boolean autoCommit = connection.getAutoCommit();
      try {
        if (autoCommit) {
          connection.setAutoCommit(false);
        }
        if (lent != wanted) {
          connection.setTransactionIsolation(wanted);
        }
        T result;
        try {
          JdbcStore.Opened opened = JdbcStore.open(new Sql(connection, readOnly), directory, linkStatuses);
          result = work.apply(opened.store());
          connection.commit();
          opened.committed().run();
        } catch (RuntimeException | Error e) {
          rollback(connection, e);
          throw e;
        } catch (SQLException e) {
          rollback(connection, e);
          throw e;
        }
        return result;
      } finally {
        restore(connection, autoCommit, lent != wanted ? lent : -1);
      }
    } catch (SQLException e) {
      throw translate(e);
    } catch (Sql.SqlFailure e) {
      throw translate(e.sqlException());
    }
  }

  /**
   * The level the data source lends its connections at, and the level reads run at: what the first
   * connection says.
   */
  private record Levels(int lent, int read) {}

  private Levels levels(Connection connection) throws SQLException {
    Levels known = levels;
    if (known == null) {
      known = new Levels(
          connection.getTransactionIsolation(), readIsolation(connection.getMetaData().getDatabaseProductName()));
      levels = known;
    }
    return known;
  }

  /** The level that gives a read one snapshot of every table, without read locks, on this database. */
  static int readIsolation(String databaseProductName) {
    return H2.equals(databaseProductName) ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ;
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Gives a pooled connection back as it was lent ({@code isolation} -1: unchanged); a failure here
   * only means the pool drops it.
   */
  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      if (isolation >= 0) {
        connection.setTransactionIsolation(isolation);
      }
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.debug("could not restore the connection's settings", e);
    }
  }

  static RuntimeException translate(SQLException e) {
    String state = e.getSQLState();
    if (state != null && CONFLICT_STATES.contains(state)) {
      LOG.debug("transaction lost a race (SQL state {}): {}", state, e.getMessage());
      return new StorageConflictException("the transaction lost a race (SQL state " + state + ")", e);
    }
    return new IllegalStateException("database failure (SQL state " + state + "): " + e.getMessage(), e);
  }
}
