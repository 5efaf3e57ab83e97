package dev.casemail.messaging.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import java.sql.Connection;
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
 * every write takes its locks at once in one global order, crossing writes never deadlock. Reads run at REPEATABLE READ, so that a page and its folder's counts come from one snapshot.
 * The level the data source lends its connections at is read once, from the first connection, and
 * changed (and restored) only when it differs: a pool lends every connection alike.
 *
 * <p>A unique key taken by a concurrent transaction, a deadlock, a serialization failure or a lock
 * timeout becomes a {@link StorageConflictException} (the core retries the call); any other SQL
 * failure an {@link IllegalStateException} carrying it (the core reports a {@code StorageException}).
 */
final class JdbcStorage implements Storage {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);

  private static final int DIRECTORY_CACHE_SIZE = 100_000;

  /** SQL states of a race a retry may win: unique violation, serialization failure, deadlock, lock timeouts. */
  private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00");

  private final DataSource dataSource;
  private volatile int defaultIsolation = -1;

  /**
   * Participants already read, for every later call: a registration never changes and is never
   * removed (the API has no such call), so the copy can never be stale. Bounded, least recently used
   * out first.
   */
  private final Cache<ParticipantId, Participant> directory =
      CacheBuilder.newBuilder().maximumSize(DIRECTORY_CACHE_SIZE).build();

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
      int wanted = readOnly ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED;
      // asking a PostgreSQL connection its isolation is a round trip: ask once, pooled connections share it
      int lent = defaultIsolation(connection);
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
          result = work.apply(JdbcStore.open(new Sql(connection, readOnly), directory));
          connection.commit();
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

  /** The isolation level the data source lends its connections at, read from the first one. */
  private int defaultIsolation(Connection connection) throws SQLException {
    int known = defaultIsolation;
    if (known < 0) {
      known = connection.getTransactionIsolation();
      defaultIsolation = known;
    }
    return known;
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
