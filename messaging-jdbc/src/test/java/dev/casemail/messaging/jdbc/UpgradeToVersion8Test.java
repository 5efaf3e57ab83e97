package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Schema version 8 on a database version 7 wrote: every message stays; the owners who had saved
 * auto-responder settings are marked as having some, so their auto-replies still answer; the links'
 * versions start at 0, and the first link change after the upgrade is still what the next send obeys.
 */
class UpgradeToVersion8Test {

  @Test
  void onPostgresEveryMessageStaysAndAutoRespondersStillAnswer() {
    try (HikariDataSource pool = TestDatabases.postgresPool(TestDatabases.migratedPostgresSchema(), 2)) {
      everyMessageStaysAndAutoRespondersStillAnswer(pool);
    }
  }

  @Test
  void onH2EveryMessageStaysAndAutoRespondersStillAnswer() {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:mem:upgrade8;DB_CLOSE_DELAY=-1");
      JdbcMessaging.migrate(pool);
      everyMessageStaysAndAutoRespondersStillAnswer(pool);
    }
  }

  private static void everyMessageStaysAndAutoRespondersStillAnswer(HikariDataSource pool) {
    World before = world(JdbcMessaging.create(pool));
    ParticipantId drlee = before.practitioner("drlee");
    ParticipantId anna = before.parent("anna");
    ParticipantId ben = before.parent("ben");
    before.grant(drlee, anna);
    before.grant(drlee, ben);
    before.as(anna).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Away").body("Back soon").build());
    before.send(drlee, "Before", "the upgrade", anna, ben);
    List<MessageSummary> drleeInbox = before.list(drlee, SystemFolder.INBOX);
    List<MessageSummary> annaInbox = before.list(anna, SystemFolder.INBOX);
    List<MessageSummary> benInbox = before.list(ben, SystemFolder.INBOX);
    assertThat(drleeInbox).as("anna's auto-reply").singleElement()
        .satisfies(reply -> assertThat(reply.kind()).isEqualTo(MessageKind.AUTO_REPLY));

    // back to version 7, as that version left it (the later versions undone too, newest first, so that
    // Flyway applies 8 again in order)
    backToVersion7(pool);
    JdbcMessaging.migrate(pool);

    assertThat(TestSql.column(pool, "SELECT owner_id FROM mailboxes WHERE auto_responder_saved"))
        .as("the one owner with settings").containsExactly(anna.value());
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM mailboxes WHERE links_version <> 0")).isZero();

    World after = world(JdbcMessaging.create(pool));
    assertThat(after.list(drlee, SystemFolder.INBOX)).as("every message kept").isEqualTo(drleeInbox);
    assertThat(after.list(anna, SystemFolder.INBOX)).isEqualTo(annaInbox);
    assertThat(after.list(ben, SystemFolder.INBOX)).isEqualTo(benInbox);

    after.as(ben).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Out").body("Until Friday").build());
    after.send(drlee, "After", "the upgrade", anna, ben);
    assertThat(after.list(drlee, SystemFolder.INBOX)).filteredOn(m -> m.kind() == MessageKind.AUTO_REPLY)
        .as("anna's second auto-reply waits for its interval; ben's first answers")
        .extracting(m -> m.sender().orElseThrow().id())
        .containsExactlyInAnyOrder(anna, ben);

    after.as(ben).removeAccess(drlee);
    assertThatThrownBy(() -> after.send(drlee, "Later", "after ben removed access", anna, ben))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static World world(Messaging messaging) {
    return ((MessagingFixture) (configuration, ids) -> messaging).newWorld();
  }

  /**
   * Undoes versions 11 down to 8, newest first, leaving the database as version 7 left it (what the
   * upgrade tests of version 8 and of earlier versions start from).
   */
  static void backToVersion7(DataSource pool) {
    UpgradeToVersion11Test.backToVersion10(pool);
    TestSql.update(pool, "DROP TABLE draft_attachments");
    TestSql.update(pool, "DROP TABLE message_attachments");
    TestSql.update(pool, "DELETE FROM \"" + JdbcMessaging.HISTORY_TABLE + "\" WHERE \"version\" = '10'");
    TestSql.update(pool, "DROP TABLE blob_chunks");
    TestSql.update(pool, "DROP TABLE blob_contents");
    TestSql.update(pool, "DELETE FROM \"" + JdbcMessaging.HISTORY_TABLE + "\" WHERE \"version\" = '9'");
    TestSql.update(pool, "ALTER TABLE mailboxes DROP COLUMN links_version");
    TestSql.update(pool, "ALTER TABLE mailboxes DROP COLUMN auto_responder_saved");
    TestSql.update(pool, "DELETE FROM \"" + JdbcMessaging.HISTORY_TABLE + "\" WHERE \"version\" = '8'");
  }
}
