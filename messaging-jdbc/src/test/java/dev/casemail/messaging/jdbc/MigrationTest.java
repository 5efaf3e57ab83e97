package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.StorageException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The schema ships in the jar and one documented call applies it: on PostgreSQL and H2, {@link
 * JdbcMessaging#migrate} creates every table, records its version, and is a no-op when run again; a
 * library on a database that was never migrated fails with the API's {@link StorageException}, never
 * with a raw SQL exception.
 */
class MigrationTest {

  private static final Set<String> TABLES = Set.of(
      "participants", "families", "family_parents", "mailboxes", "access_links", "access_events", "folders",
      "copies", "receipts", "sent_keys", "drafts", "auto_responders", "auto_replies", "casemail_keys",
      "record_entries", "record_exports", "outbox_events", "event_consumers", "event_cursors", "event_dead", "event_cursors_due",
      "blob_contents", "blob_chunks", "message_attachments", "draft_attachments", "message_contents");

  /** Every version shipped in the jar, in order: what a migration of an empty database applies. */
  private static final List<String> SHIPPED_VERSIONS =
      List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "11.1");

  private static final AtomicInteger COUNTER = new AtomicInteger();

  @Test
  void theMigrationsAreInTheJarWhereTheDocumentationSaysTheyAre() throws Exception {
    String path = JdbcMessaging.MIGRATIONS_LOCATION.substring("classpath:".length()) + "/V1__messaging.sql";
    try (InputStream sql = JdbcMessaging.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(sql).as(path).isNotNull();
      assertThat(new String(sql.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("CREATE TABLE copies");
    }
  }

  @Test
  void migratingAnEmptyPostgresSchemaCreatesEveryTableOnceAndAgainChangesNothing() throws SQLException {
    String schema = "migration" + COUNTER.incrementAndGet();
    TestDatabases.execute(TestDatabases.postgres().getPostgresDatabase(), "CREATE SCHEMA " + schema);
    try (HikariDataSource pool = TestDatabases.postgresPool(schema, 2)) {
      migratesOnceAndIsUsable(pool);
    }
  }

  @Test
  void migratingAnEmptyH2DatabaseCreatesEveryTableOnceAndAgainChangesNothing() throws SQLException {
    try (HikariDataSource pool = h2("migration" + COUNTER.incrementAndGet())) {
      migratesOnceAndIsUsable(pool);
    }
  }

  @Test
  void aLibraryOnADatabaseThatWasNeverMigratedFailsWithAStorageException() {
    try (HikariDataSource pool = h2("unmigrated" + COUNTER.incrementAndGet())) {
      Messaging messaging = JdbcMessaging.create(pool);
      assertThatThrownBy(() -> messaging.directory()
              .register(ParticipantRegistration.parent(ParticipantId.of("p"), "Parent p")))
          .isInstanceOf(StorageException.class);
    }
  }

  private static void migratesOnceAndIsUsable(DataSource dataSource) throws SQLException {
    JdbcMessaging.migrate(dataSource);
    assertThat(tables(dataSource)).containsAll(TABLES).contains(JdbcMessaging.HISTORY_TABLE);
    assertThat(versions(dataSource)).containsExactlyElementsOf(SHIPPED_VERSIONS);

    JdbcMessaging.migrate(dataSource);
    assertThat(versions(dataSource)).as("a second migration applies nothing").containsExactlyElementsOf(SHIPPED_VERSIONS);

    Messaging messaging = JdbcMessaging.create(dataSource);
    assertThat(messaging.directory().register(ParticipantRegistration.parent(ParticipantId.of("p"), "Parent p"))
            .displayName())
        .isEqualTo("Parent p");
  }

  private static Set<String> tables(DataSource dataSource) throws SQLException {
    Set<String> tables = new TreeSet<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.getMetaData()
            .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return tables;
  }

  private static List<String> versions(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT \"version\" FROM \"" + JdbcMessaging.HISTORY_TABLE + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      List<String> versions = new java.util.ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
      return versions;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HikariDataSource h2(String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }
}
