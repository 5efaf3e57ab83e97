package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of the library could store auto-responder settings that no read accepts: a window that is
 * empty at the microseconds the database keeps (saved from nanoseconds), and instants before year 1 or
 * after 9999. Migration 2 repairs them, on PostgreSQL and H2: an empty window (which never answered)
 * becomes a disabled auto-responder without a window, a start before year 1 becomes "always", an end
 * after 9999 becomes "never ends". It also removes the bidirectional controls version 1 let into a
 * draft's or an auto-responder's subject, which single-line texts now refuse, and disables an
 * auto-responder whose subject has nothing visible. Afterwards every such mailbox reads and saves
 * again.
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
    Messaging version1 = JdbcMessaging.create(dataSource);
    String[] owners = {"empty", "backwards", "ancient", "far", "both", "never-began", "never-ends", "fine", "bidi",
        "only-controls", "invisible", "zero-width-inside"};
    for (String owner : owners) {
      version1.directory().register(ParticipantRegistration.practitioner(ParticipantId.of(owner), "Dr " + owner));
      version1.actingAs(ParticipantId.of(owner)).configureAutoResponder(AutoResponderSettings.builder()
          .enabled(true).subject("Away").body("Back soon").replyInterval(Duration.ofDays(2)).build());
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
    version1.actingAs(ParticipantId.of("bidi")).saveDraft(DraftContent.builder().subject("Draft").build());
    subject(dataSource, "drafts", "bidi", "\u2067Draft\u2069 for \u202Bcourt");

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
