package dev.casemail.messaging.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Real databases for the tests: one PostgreSQL 17 server per test JVM, started from the embedded
 * distribution on Maven Central, and H2 in memory. Each {@code fresh…} call gives an empty, migrated
 * database (a new PostgreSQL schema, a new H2 database) behind its own small connection pool.
 *
 * <p>Tests use one library at a time: each new database closes the pools of those handed out before
 * it, so thousands of property tries do not pile up connections.
 */
final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final List<HikariDataSource> OPEN = new ArrayList<>();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** The embedded PostgreSQL server, started on first use and stopped when the JVM exits. */
  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is going away; the server's temporary directory is cleaned by the OS
        }
      }));
    }
    return postgres;
  }

  /** A new, empty, migrated schema on the embedded PostgreSQL server. */
  static synchronized DataSource freshPostgres() {
    releaseEarlier();
    String schema = "t" + COUNTER.incrementAndGet();
    execute(postgres().getPostgresDatabase(), "CREATE SCHEMA " + schema);
    HikariDataSource pool = postgresPool(schema, 8);
    JdbcMessaging.migrate(pool);
    OPEN.add(pool);
    return pool;
  }

  /**
   * The name of a new, empty, migrated schema on the embedded PostgreSQL server, for a test that opens
   * its own pools on it ({@link #postgresPool}) and closes them itself. The pools handed out earlier
   * stay open.
   */
  static String migratedPostgresSchema() {
    String schema = "t" + COUNTER.incrementAndGet();
    execute(postgres().getPostgresDatabase(), "CREATE SCHEMA " + schema);
    try (HikariDataSource pool = postgresPool(schema, 2)) { // Flyway holds two connections at once
      JdbcMessaging.migrate(pool);
    }
    return schema;
  }

  /** A pool on an existing schema of the embedded server, for tests that need two "service instances". */
  static HikariDataSource postgresPool(String schema, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setPoolName("pg-" + schema);
    return new HikariDataSource(config);
  }

  /** A new, empty, migrated H2 database in memory. */
  static synchronized DataSource freshH2() {
    releaseEarlier();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:t" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(0);
    HikariDataSource pool = new HikariDataSource(config);
    JdbcMessaging.migrate(pool);
    OPEN.add(pool);
    return pool;
  }

  private static void releaseEarlier() {
    List<HikariDataSource> earlier = List.copyOf(OPEN);
    OPEN.clear();
    for (HikariDataSource pool : earlier) {
      try {
        if (pool.getJdbcUrl().startsWith("jdbc:h2:")) {
          execute(pool, "SHUTDOWN"); // frees the in-memory database
        }
      } catch (IllegalStateException alreadyClosed) {
        // a test may have shut it down itself
      } finally {
        pool.close();
      }
    }
  }

  static void execute(DataSource dataSource, String statement) {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      sql.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }
}
