package dev.casemail.messaging.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The same real PostgreSQL 17 the tests use (the embedded distribution from Maven Central, started by
 * the benchmark itself), with the library's schema migrated into a fresh schema behind a HikariCP
 * pool, as a host would configure it; more pools on the same schema stand for more service instances.
 */
final class Postgres implements AutoCloseable {

  private static final int POOL_SIZE = 4;

  private final EmbeddedPostgres server;
  private final HikariDataSource pool;
  private final List<HikariDataSource> morePools = new ArrayList<>();

  private Postgres(EmbeddedPostgres server, HikariDataSource pool) {
    this.server = server;
    this.pool = pool;
  }

  /** Starts a server, creates schema {@code bench}, migrates it and opens a pool of four connections on it. */
  static Postgres start() {
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    }
    execute(server.getPostgresDatabase(), "CREATE SCHEMA bench");
    HikariDataSource pool = pool(server, "bench");
    JdbcMessaging.migrate(pool);
    return new Postgres(server, pool);
  }

  private static HikariDataSource pool(EmbeddedPostgres server, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres") + "&currentSchema=bench");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  DataSource dataSource() {
    return pool;
  }

  /** Another pool of four connections on the same schema, as a second service instance has; closed with this. */
  DataSource anotherPool() {
    HikariDataSource another = pool(server, "bench-" + (morePools.size() + 2));
    morePools.add(another);
    return another;
  }

  /**
   * The deadlocks the server has broken so far ({@code pg_stat_database.deadlocks}). A backend publishes
   * its counts at most once a second when it goes idle, so every connection of every pool is first made
   * to publish them ({@code pg_stat_force_next_flush()}, which a backend does before it answers the
   * next query); call it while no benchmark thread holds a connection.
   */
  long deadlocks() {
    List<HikariDataSource> all = new ArrayList<>(morePools);
    all.add(0, pool);
    for (HikariDataSource each : all) {
      publishStatistics(each);
    }
    try (Connection connection = pool.getConnection();
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the deadlock count: " + e.getMessage(), e);
    }
  }

  private static void publishStatistics(HikariDataSource pool) {
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        borrowed.add(pool.getConnection());
      }
      for (Connection connection : borrowed) {
        try (Statement sql = connection.createStatement()) {
          sql.execute("SELECT pg_stat_force_next_flush()");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not publish the statistics: " + e.getMessage(), e);
    } finally {
      for (Connection connection : borrowed) {
        try {
          connection.close();
        } catch (SQLException e) {
          // back to the pool or dropped: not ours any more either way
        }
      }
    }
  }

  /** Runs one statement outside the library (setting up, analysing). */
  void execute(String statement) {
    execute(pool, statement);
  }

  static void execute(DataSource dataSource, String statement) {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      sql.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    morePools.forEach(HikariDataSource::close);
    pool.close();
    server.close();
  }
}
