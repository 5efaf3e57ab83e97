package dev.casemail.messaging.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the sample keeps its mailboxes, set up as a host service would at start-up: a HikariCP pool
 * on the database, {@link JdbcMessaging#migrate} (creates the tables on first use, a no-op later),
 * then {@link JdbcMessaging#create}. By default an H2 database in a file, so that every run adds to
 * the history of the runs before it; PostgreSQL (or any database the adapter supports) when given
 * a JDBC URL in the system property {@value #JDBC_URL}. The records' heads are signed with the
 * {@link SampleRecordKey} kept in the data directory, where exports are written too ({@value #EXPORTS}).
 */
final class SampleDatabase implements AutoCloseable {

  /** The JDBC URL of a database to use instead of the H2 file, e.g. {@code jdbc:postgresql://localhost/casemail}. */
  static final String JDBC_URL = "casemail.jdbcUrl";

  /** The user for {@value #JDBC_URL}, if the URL does not carry one. */
  static final String JDBC_USER = "casemail.jdbcUser";

  /** The password for {@value #JDBC_URL}, if the URL does not carry one. */
  static final String JDBC_PASSWORD = "casemail.jdbcPassword";

  /** The directory of the default H2 file; the demo profile sets it to {@code examples/data}. */
  static final String DATA_DIR = "casemail.dataDir";

  static final String H2_FILE = "walkthrough";

  /** The directory, in the data directory, that exports of records are written to. */
  static final String EXPORTS = "exports";

  private final HikariDataSource pool;
  private final Messaging messaging;
  private final String description;
  private final SampleRecordKey recordKey;
  private final Path exports;

  private SampleDatabase(HikariDataSource pool, String description, Path dataDir) {
    this.pool = pool;
    this.description = description;
    try {
      this.recordKey = SampleRecordKey.in(dataDir);
      this.exports = dataDir.resolve(EXPORTS);
      JdbcMessaging.migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    this.messaging = JdbcMessaging.create(
        pool, MessagingConfiguration.builder().recordSigner(recordKey.signer()).build());
  }

  /**
   * The database {@code settings} name (the system properties, when run): {@value #JDBC_URL} if set,
   * else the H2 file {@value #H2_FILE} in {@value #DATA_DIR} (default: {@code data} in the working
   * directory). The record key and the exports are in {@value #DATA_DIR} either way.
   */
  static SampleDatabase from(Properties settings) {
    Path dataDir = Path.of(settings.getProperty(DATA_DIR, "data")).toAbsolutePath().normalize();
    String url = settings.getProperty(JDBC_URL, "").strip();
    if (url.isEmpty()) {
      return h2File(dataDir);
    }
    return open(url, settings.getProperty(JDBC_USER), settings.getProperty(JDBC_PASSWORD), dataDir);
  }

  /** An H2 database in {@value #H2_FILE}{@code .mv.db} in {@code dataDir}, created with it on first use. */
  private static SampleDatabase h2File(Path dataDir) {
    Path file = dataDir.resolve(H2_FILE);
    HikariConfig config = poolConfig("jdbc:h2:file:" + file);
    config.setUsername("sa");
    config.setPassword("");
    return new SampleDatabase(new HikariDataSource(config), "H2 file " + file + ".mv.db", dataDir);
  }

  /** The database at {@code jdbcUrl}; {@code user} and {@code password} may be null. */
  private static SampleDatabase open(String jdbcUrl, String user, String password, Path dataDir) {
    HikariConfig config = poolConfig(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    // the query part of a URL may hold a password: never print it
    int query = jdbcUrl.indexOf('?');
    return new SampleDatabase(new HikariDataSource(config), query < 0 ? jdbcUrl : jdbcUrl.substring(0, query), dataDir);
  }

  private static HikariConfig poolConfig(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("casemail-sample");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    return config;
  }

  /** The library on this database. */
  Messaging messaging() {
    return messaging;
  }

  /** The key the records' heads are signed with. */
  SampleRecordKey recordKey() {
    return recordKey;
  }

  /** The directory exports are written to. */
  Path exports() {
    return exports;
  }

  /** Which database this is, without credentials. */
  String description() {
    return description;
  }

  /** Closes the pool; an H2 file database closes with its last connection. */
  @Override
  public void close() {
    pool.close();
  }
}
