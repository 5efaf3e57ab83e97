package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schema version 7 on a database version 6 wrote, with events, consumers and cursors: the consumers
 * registered before it look once at every mailbox on their next lease, so one with a cursor missing
 * still gets it (and the mailbox's events), and a mailbox's first event after the upgrade is listed
 * due until every consumer has its cursor.
 */
class UpgradeToVersion7Test {

  private static final Duration LEASE = Duration.ofMinutes(1);

  @Test
  void onPostgresTheCountsStartFromTheRowsThere() {
    try (HikariDataSource pool = TestDatabases.postgresPool(TestDatabases.migratedPostgresSchema(), 2)) {
      theCountsStartFromTheRowsThere(pool);
    }
  }

  @Test
  void onH2TheCountsStartFromTheRowsThere() {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:mem:upgrade7;DB_CLOSE_DELAY=-1");
      JdbcMessaging.migrate(pool);
      theCountsStartFromTheRowsThere(pool);
    }
  }

  private static void theCountsStartFromTheRowsThere(HikariDataSource pool) {
    Messaging messaging = JdbcMessaging.create(pool);
    World world = ((MessagingFixture) (configuration, ids) -> messaging).newWorld();
    ParticipantId drlee = world.practitioner("drlee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.grant(drlee, anna);
    world.grant(drlee, ben);
    world.send(drlee, "Before", "the upgrade", anna, ben);
    Events events = messaging.events();
    events.register("mailer");
    List<Event> before = drain(events, "mailer"); // every cursor of mailer made
    events.register("archiver"); // no cursor yet
    long withEvents = TestSql.number(pool, "SELECT COUNT(*) FROM mailboxes WHERE event_count > 0");
    assertThat(withEvents).isGreaterThanOrEqualTo(2);

    // back to version 6, as that version left it (the later versions undone too, newest first, so that
    // Flyway applies 7 again in order)
    UpgradeToVersion8Test.backToVersion7(pool);
    TestSql.update(pool, "DROP INDEX event_dead_replays");
    TestSql.update(pool, "DROP TABLE event_cursors_due");
    TestSql.update(pool, "ALTER TABLE event_consumers DROP COLUMN cursors_made");
    TestSql.update(pool, "DELETE FROM \"" + JdbcMessaging.HISTORY_TABLE + "\" WHERE \"version\" = '7'");
    JdbcMessaging.migrate(pool);

    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM event_consumers WHERE cursors_made")).isZero();
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM event_cursors_due")).isZero();

    Messaging upgraded = JdbcMessaging.create(pool);
    assertThat(drain(upgraded.events(), "archiver")).as("every event, for the consumer without cursors")
        .containsExactlyInAnyOrderElementsOf(before);
    ParticipantId cleo = world.parent("cleo");
    world.grant(drlee, cleo);
    world.send(drlee, "After", "the upgrade", cleo);
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM event_cursors_due")).as("cleo's").isEqualTo(1);
    assertThat(drain(upgraded.events(), "mailer")).extracting(e -> e.id().mailbox()).contains(cleo);
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM event_cursors_due")).as("both consumers have cleo's").isZero();
    assertThat(drain(upgraded.events(), "archiver")).extracting(e -> e.id().mailbox()).contains(cleo);
  }

  private static List<Event> drain(Events events, String consumer) {
    List<Event> all = new ArrayList<>();
    for (EventBatch batch = events.lease(consumer, 100, LEASE); !batch.events().isEmpty();
        batch = events.lease(consumer, 100, LEASE)) {
      all.addAll(batch.events());
      events.acknowledge(batch.lease(), batch.events().stream().map(Event::id).toList());
    }
    return all;
  }
}
