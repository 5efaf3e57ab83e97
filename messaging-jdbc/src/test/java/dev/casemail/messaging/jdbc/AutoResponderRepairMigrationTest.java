package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.FolderName;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of the library could store auto-responder settings that no read accepts now: a window that
 * is empty at the microseconds the database keeps (saved from nanoseconds), instants before year 1 or
 * after 9999, a subject with bidirectional controls or with nothing visible. Migration 3 repairs them,
 * on PostgreSQL and H2: an empty window (which never answered) becomes a disabled auto-responder
 * without a window, a start before year 1 becomes "always", an end after 9999 becomes "never ends",
 * the bidirectional controls leave a draft's or an auto-responder's subject, and an enabled
 * auto-responder whose subject has nothing visible is disabled. Afterwards every such mailbox reads and
 * saves again.
 *
 * <p>The rows are written as version 1 wrote them, with SQL on a database migrated to version 1 only
 * (today's library needs the later versions' tables), then the database is migrated fully.
 */
class AutoResponderRepairMigrationTest {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant BC = Instant.parse("-0005-03-01T00:00:00Z");
  private static final Instant EARLY_BC = Instant.parse("-0010-03-01T00:00:00Z");
  private static final Instant FAR = Instant.parse("+12000-01-01T00:00:00Z");
  private static final Instant FARTHER = Instant.parse("+13000-01-01T00:00:00Z");

  @Test
  void onPostgresTheRowsVersionOneCouldHoldAreRepaired() {
    String schema = "repair" + COUNTER.incrementAndGet();
    TestDatabases.execute(TestDatabases.postgres().getPostgresDatabase(), "CREATE SCHEMA " + schema);
    try (HikariDataSource pool = TestDatabases.postgresPool(schema, 2)) {
      repairs(pool);
    }
  }

  @Test
  void onH2TheRowsVersionOneCouldHoldAreRepaired() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:repair" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      repairs(pool);
    }
  }

  private static void repairs(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(JdbcMessaging.MIGRATIONS_LOCATION)
        .table(JdbcMessaging.HISTORY_TABLE)
        .target("1")
        .load()
        .migrate();
    String[] owners = {"empty", "backwards", "ancient", "far", "both", "never-began", "never-ends", "fine", "bidi",
        "only-controls", "invisible", "zero-width-inside"};
    for (String owner : owners) {
      version1Mailbox(dataSource, owner);
      version1AutoResponder(dataSource, owner, "Away");
    }
    // what version 1 could store: saved from nanoseconds, or from instants outside years 1 to 9999
    window(dataSource, "empty", JAN, JAN);
    window(dataSource, "backwards", JUN, JAN);
    window(dataSource, "ancient", BC, JUN);
    window(dataSource, "far", JAN, FAR);
    window(dataSource, "both", BC, FAR);
    window(dataSource, "never-began", EARLY_BC, BC); // a window that ended before year 1 never answered
    window(dataSource, "never-ends", FAR, FARTHER); // nor one that starts after 9999
    window(dataSource, "fine", JAN, JUN);
    subject(dataSource, "auto_responders", "bidi", "Away \u202Efrom\u202C office \u2067\u2069");
    subject(dataSource, "auto_responders", "only-controls", "\u202E\u2066");
    subject(dataSource, "auto_responders", "invisible", "\u200B\u00A0\u2060 \u3164\uFEFF");
    subject(dataSource, "auto_responders", "zero-width-inside", "Aw\u200Bay");
    version1Draft(dataSource, "bidi", "\u2067Draft\u2069 for \u202Bcourt");

    JdbcMessaging.migrate(dataSource);

    Messaging messaging = JdbcMessaging.create(dataSource);
    AutoResponderSettings away = AutoResponderSettings.builder()
        .enabled(true).subject("Away").body("Back soon").replyInterval(Duration.ofDays(2)).build();
    AutoResponderSettings disabled = AutoResponderSettings.builder().from(away).enabled(false).build();
    assertThat(settings(messaging, "empty")).isEqualTo(disabled);
    assertThat(settings(messaging, "backwards")).isEqualTo(disabled);
    assertThat(settings(messaging, "ancient"))
        .isEqualTo(AutoResponderSettings.builder().from(away).activeUntil(JUN).build());
    assertThat(settings(messaging, "far"))
        .isEqualTo(AutoResponderSettings.builder().from(away).activeFrom(JAN).build());
    assertThat(settings(messaging, "both")).isEqualTo(away);
    assertThat(settings(messaging, "never-began")).isEqualTo(disabled);
    assertThat(settings(messaging, "never-ends")).isEqualTo(disabled);
    assertThat(settings(messaging, "fine"))
        .isEqualTo(AutoResponderSettings.builder().from(away).activeFrom(JAN).activeUntil(JUN).build());
    assertThat(settings(messaging, "bidi"))
        .isEqualTo(AutoResponderSettings.builder().from(away).subject("Away from office").build());
    assertThat(settings(messaging, "only-controls"))
        .isEqualTo(AutoResponderSettings.builder().from(disabled).subject("").build());
    assertThat(settings(messaging, "invisible"))
        .isEqualTo(AutoResponderSettings.builder().from(disabled).subject("").build());
    assertThat(settings(messaging, "zero-width-inside"))
        .isEqualTo(AutoResponderSettings.builder().from(away).subject("Aw\u200Bay").build());
    assertThat(messaging.actingAs(ParticipantId.of("bidi")).drafts(PageRequest.first()).items())
        .singleElement().satisfies(draft -> assertThat(draft.subject()).contains("Draft for court"));

    for (String owner : owners) {
      assertThat(messaging.actingAs(ParticipantId.of(owner)).configureAutoResponder(AutoResponderSettings.disabled()))
          .isEqualTo(AutoResponderSettings.disabled());
      assertThat(settings(messaging, owner)).isEqualTo(AutoResponderSettings.disabled());
    }
  }

  /** A practitioner's rows as version 1 wrote them at registration: the participant, the mailbox, the system folders. */
  private static void version1Mailbox(DataSource dataSource, String owner) {
    TestSql.update(dataSource, "INSERT INTO participants (participant_id, role, display_name) VALUES (?, ?, ?)",
        owner, "PRACTITIONER", "Dr " + owner);
    TestSql.update(dataSource, "INSERT INTO mailboxes (owner_id) VALUES (?)", owner);
    for (SystemFolder folder : SystemFolder.values()) {
      TestSql.update(dataSource,
          "INSERT INTO folders (owner_id, folder_id, system_folder, name, name_key, total, unread)"
              + " VALUES (?, ?, ?, ?, ?, 0, 0)",
          owner, folder.id().value(), folder.name(), folder.displayName(), new FolderName(folder.displayName()).key());
    }
  }

  /** Enabled settings as version 1 saved them: subject, body, a two-day interval, no window yet. */
  private static void version1AutoResponder(DataSource dataSource, String owner, String subject) {
    TestSql.update(dataSource,
        "INSERT INTO auto_responders (owner_id, enabled, subject, body, active_from, active_until, interval_seconds,"
            + " version, saved_at) VALUES (?, TRUE, ?, 'Back soon', NULL, NULL, ?, 1, ?)",
        owner, subject, Duration.ofDays(2).getSeconds(), JAN);
  }

  /** A draft without recipients as version 1 saved it, counted in the owner's Drafts. */
  private static void version1Draft(DataSource dataSource, String owner, String subject) {
    TestSql.update(dataSource,
        "INSERT INTO drafts (owner_id, draft_id, recipients, subject, body, in_reply_to, created_at, updated_at, version)"
            + " VALUES (?, 1, '', ?, 'Monday', NULL, ?, ?, 1)",
        owner, subject, JAN, JAN);
    TestSql.update(dataSource, "UPDATE folders SET total = 1 WHERE owner_id = ? AND folder_id = ?",
        owner, SystemFolder.DRAFTS.id().value());
  }

  private static void window(DataSource dataSource, String owner, Instant from, Instant until) {
    int changed = TestSql.update(dataSource,
        "UPDATE auto_responders SET active_from = ?, active_until = ? WHERE owner_id = ?", from, until, owner);
    assertThat(changed).as(owner).isEqualTo(1);
  }

  private static void subject(DataSource dataSource, String table, String owner, String subject) {
    int changed = TestSql.update(dataSource, "UPDATE " + table + " SET subject = ? WHERE owner_id = ?", subject, owner);
    assertThat(changed).as(owner).isEqualTo(1);
  }

  private static AutoResponderSettings settings(Messaging messaging, String owner) {
    return messaging.actingAs(ParticipantId.of(owner)).autoResponder();
  }
}
