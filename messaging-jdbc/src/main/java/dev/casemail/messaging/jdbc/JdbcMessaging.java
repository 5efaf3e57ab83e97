package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.CoreMessaging;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The library on a JDBC {@link DataSource}: PostgreSQL (12 or newer) in production, H2 2.x embedded.
 * One database transaction per call; several service instances may share one database.
 *
 * <pre>{@code
 * JdbcMessaging.migrate(dataSource);              // once at start-up: creates or upgrades the schema
 * Messaging messaging = JdbcMessaging.create(dataSource);
 * }</pre>
 *
 * <p>The schema is versioned SQL shipped in this jar under {@link #MIGRATIONS_LOCATION}, applied by
 * Flyway with its history in the table {@value #HISTORY_TABLE}. A host that runs its own migrations
 * may take the same files from the jar and apply them itself instead of calling {@link #migrate}.
 * Use a connection pool (HikariCP or any other) as the data source: the library borrows one
 * connection per call and gives it back as it found it.
 */
public final class JdbcMessaging {

  /** Where the versioned migrations live in the jar, as a Flyway location. */
  public static final String MIGRATIONS_LOCATION = "classpath:dev/casemail/messaging/jdbc/migration";

  /** The table in which Flyway records which migrations ran. */
  public static final String HISTORY_TABLE = "casemail_schema_history";

  private JdbcMessaging() {}

  /**
   * Creates or upgrades the library's tables in the data source's default schema. Safe to call on
   * every start and from several instances at once (Flyway serializes them).
   *
   * @throws StorageException if the migration fails
   */
  public static void migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(MIGRATIONS_LOCATION)
          .javaMigrations(new RecordBackfill(), new PreviewBackfill())
          .table(HISTORY_TABLE)
          .baselineOnMigrate(false)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StorageException("the schema migration failed: " + e.getMessage(), e);
    }
  }

  /** The library on {@code dataSource} with the production defaults; the schema must be migrated. */
  public static Messaging create(DataSource dataSource) {
    return create(dataSource, MessagingConfiguration.defaults());
  }

  /**
   * The library on {@code dataSource} configured by the host: its clock, access policy, limits and record
   * keys ({@link MessagingConfiguration}, in {@code messaging-api}); the schema must be migrated.
   * Attachments' bytes go to the configuration's blob store, or, when it names none, to a
   * {@link JdbcBlobStore} on the same {@code dataSource}.
   */
  public static Messaging create(DataSource dataSource, MessagingConfiguration configuration) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(configuration, "configuration");
    MessagingConfiguration withBlobs = configuration.blobStore().isPresent()
        ? configuration
        : MessagingConfiguration.builder().from(configuration).blobStore(JdbcBlobStore.create(dataSource)).build();
    return CoreMessaging.create(new JdbcStorage(dataSource), withBlobs);
  }
}
