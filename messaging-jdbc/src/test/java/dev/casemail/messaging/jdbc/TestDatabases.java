package dev.casemail.messaging.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

  /** The database every test uses unless it asks for one of its own. */
  private static final String DEFAULT_DATABASE = "postgres";

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
    applySchema(pool);
    OPEN.add(pool);
    return pool;
  }

  /**
   * The name of a new, empty, migrated schema on the embedded PostgreSQL server, for a test that opens
   * its own pools on it ({@link #postgresPool}) and closes them itself. The pools handed out earlier
   * stay open.
   */
  static String migratedPostgresSchema() {
    return migratedPostgresSchema(DEFAULT_DATABASE);
  }

  /** As {@link #migratedPostgresSchema()}, in a database made by {@link #newPostgresDatabase}. */
  static String migratedPostgresSchema(String database) {
    String schema = "t" + COUNTER.incrementAndGet();
    execute(postgres().getDatabase("postgres", database), "CREATE SCHEMA " + schema);
    try (HikariDataSource pool = postgresPool(database, schema, 2)) { // Flyway holds two connections at once
      JdbcMessaging.migrate(pool);
    }
    return schema;
  }

  /**
   * The name of a new, empty database on the embedded server, whose connections start with the given
   * settings ({@code "deadlock_timeout = '20ms'"}, …): for a test that reads the statistics PostgreSQL
   * keeps per database ({@code pg_stat_database}), which the other tests' calls must not move.
   */
  static String newPostgresDatabase(String... settings) {
    String database = "d" + COUNTER.incrementAndGet();
    DataSource server = postgres().getPostgresDatabase();
    execute(server, "CREATE DATABASE " + database);
    for (String setting : settings) {
      execute(server, "ALTER DATABASE " + database + " SET " + setting);
    }
    return database;
  }

  /** A pool on an existing schema of the embedded server, for tests that need two "service instances". */
  static HikariDataSource postgresPool(String schema, int size) {
    return postgresPool(DEFAULT_DATABASE, schema, size);
  }

  /** A pool on an existing schema of a database of the embedded server. */
  static HikariDataSource postgresPool(String database, String schema, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres().getJdbcUrl("postgres", database) + "&currentSchema=" + schema);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setPoolName("pg-" + database + "-" + schema);
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
    applySchema(pool);
    OPEN.add(pool);
    return pool;
  }

  /**
   * Runs the shipped migration scripts, in version order, straight on a new database: the same SQL
   * {@link JdbcMessaging#migrate} applies, without Flyway's bookkeeping, which would cost about
   * 100 ms for each of the thousand-odd databases the suites create. {@code MigrationTest} and the
   * sample application cover {@code migrate} itself.
   */
  static void applySchema(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      for (String statement : SCHEMA) {
        sql.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not apply the schema: " + e.getMessage(), e);
    }
  }

  private static final List<String> SCHEMA = readSchema();

  private static List<String> readSchema() {
    String folder = JdbcMessaging.MIGRATIONS_LOCATION.substring("classpath:".length());
    try {
      URL url = JdbcMessaging.class.getClassLoader().getResource(folder);
      if (url == null || !"file".equals(url.getProtocol())) {
        throw new IllegalStateException("the migrations are not a folder on the test class path: " + url);
      }
      List<Path> scripts;
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
            .sorted(Comparator.comparingInt(
                f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*$", "$1"))))
            .collect(Collectors.toList());
      }
      List<String> statements = new ArrayList<>();
      for (Path script : scripts) {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
          if (!line.strip().startsWith("--")) {
            text.append(line).append('\n');
          }
        }
        for (String statement : text.toString().split(";")) {
          if (!statement.isBlank()) {
            statements.add(statement.strip());
          }
        }
      }
      if (statements.isEmpty()) {
        throw new IllegalStateException("no migration found in " + url);
      }
      return List.copyOf(statements);
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("could not read the migrations", e);
    }
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
