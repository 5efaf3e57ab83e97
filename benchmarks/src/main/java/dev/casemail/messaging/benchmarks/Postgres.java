package dev.casemail.messaging.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The same real PostgreSQL 17 the tests use (the embedded distribution from Maven Central, started by
 * the benchmark itself), with the library's schema migrated into a fresh schema behind a HikariCP
 * pool, as a host would configure it.
 */
final class Postgres implements AutoCloseable {

  private final EmbeddedPostgres server;
  private final HikariDataSource pool;

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
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres") + "&currentSchema=bench");
    config.setMaximumPoolSize(4);
    config.setPoolName("bench");
    HikariDataSource pool = new HikariDataSource(config);
    JdbcMessaging.migrate(pool);
    return new Postgres(server, pool);
  }

  DataSource dataSource() {
    return pool;
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
    pool.close();
    server.close();
  }
}
