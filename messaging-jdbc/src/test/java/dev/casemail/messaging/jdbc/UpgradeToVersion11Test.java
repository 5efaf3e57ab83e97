package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import dev.casemail.messaging.core.record.RecordSigners;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Schema version 11 on a database version 10 wrote: the content every copy carried moves, byte for
 * byte, into one row per message, the copies get their previews (step 11.1), and a received copy stops
 * listing the recipients. Everything a participant can see reads back identical (folders and their
 * pages, every message opened, every thread), and every record still verifies with the same entries.
 *
 * <p>Version 10's library is not on the class path: the messages are written through this one, then
 * the tables are put back as version 10 kept them ({@link #backToVersion10}: the body and the whole
 * recipient list in every copy, no preview, no contents table), which is what version 10 wrote.
 */
class UpgradeToVersion11Test {

  @Test
  void onPostgresEveryMessageReadsBackIdentical() {
    try (HikariDataSource pool = TestDatabases.postgresPool(TestDatabases.migratedPostgresSchema(), 2)) {
      everyMessageReadsBackIdentical(pool);
    }
  }

  @Test
  void onH2EveryMessageReadsBackIdentical() {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:mem:upgrade11;DB_CLOSE_DELAY=-1");
      JdbcMessaging.migrate(pool);
      everyMessageReadsBackIdentical(pool);
    }
  }

  /**
   * Puts the tables back as version 10 kept them, with what version 11 holds: the content back into
   * every copy, the recipients into every copy, the preview and the contents table gone, and versions
   * 11 and 11.1 out of the history so that Flyway applies them again.
   */
  static void backToVersion10(DataSource pool) {
    TestSql.update(pool, "ALTER TABLE copies ADD COLUMN body VARCHAR(65536)");
    TestSql.update(pool, "UPDATE copies SET"
        + " body = (SELECT m.body FROM message_contents m WHERE m.message_id = copies.message_id),"
        + " recipients = (SELECT m.recipients FROM message_contents m WHERE m.message_id = copies.message_id)");
    TestSql.update(pool, "ALTER TABLE copies ALTER COLUMN body SET NOT NULL");
    TestSql.update(pool, "ALTER TABLE copies ALTER COLUMN recipients SET NOT NULL");
    TestSql.update(pool, "ALTER TABLE copies DROP COLUMN preview");
    TestSql.update(pool, "DROP TABLE message_contents");
    TestSql.update(pool, "DELETE FROM \"" + JdbcMessaging.HISTORY_TABLE + "\" WHERE \"version\" IN ('11', '11.1')");
  }

  private static void everyMessageReadsBackIdentical(HikariDataSource pool) {
    MessagingConfiguration configuration = MessagingConfiguration.builder().recordSigner(ed25519()).build();
    Messaging messaging = JdbcMessaging.create(pool, configuration);
    World world = ((MessagingFixture) (settings, ids) -> messaging).newWorld();
    ParticipantId drlee = world.practitioner("drlee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("anna-and-ben", anna, ben);
    world.grant(drlee, anna);
    world.grant(drlee, ben);
    MessageView hearing = world.send(drlee, "Hearing on Monday — 10:00 ✓",
        "Dear Anna, dear Ben,\r\n\tsee you there 😀\n\n> quoted\n", anna, ben);
    world.send(anna, "  Spaces  ", "   Yes." + " ".repeat(500) + "x".repeat(200) + "\n", drlee);
    world.as(ben).replyAll(Reply.builder().message(hearing.id()).body("The 14th suits me.").build());
    world.send(drlee, "Long", "ü".repeat(32_768), anna, ben); // 64 KiB of UTF-8
    world.send(drlee, "Nothing to add", "", ben);
    world.as(anna).open(hearing.id());
    world.as(ben).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Away").body("Back on Monday.").build());
    world.send(drlee, "Pickup", "At five.", anna, ben);
    ParticipantId[] everyone = {drlee, anna, ben};
    long copies = TestSql.number(pool, "SELECT COUNT(*) FROM copies");

    Map<ParticipantId, Object> seen = world.snapshot(everyone);
    Map<String, Object> opened = openEverything(world, everyone);
    Map<ParticipantId, List<ProvenEntry>> records = new LinkedHashMap<>();
    for (ParticipantId owner : everyone) {
      records.put(owner, world.as(owner).exportRecord(RecordScope.all()).entries());
    }

    backToVersion10(pool);
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM copies WHERE body IS NULL OR recipients IS NULL"))
        .as("every copy carries the content again, as version 10 kept it").isZero();
    JdbcMessaging.migrate(pool);

    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM copies")).isEqualTo(copies);
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM copies WHERE preview IS NULL")).isZero();
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM message_contents"))
        .isEqualTo(TestSql.number(pool, "SELECT COUNT(DISTINCT message_id) FROM copies"));
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM copies WHERE recipients IS NOT NULL"
        + " AND (sender_id IS NULL OR sender_id <> owner_id)")).as("received copies listing recipients").isZero();

    Messaging upgraded = JdbcMessaging.create(pool, configuration);
    World after = ((MessagingFixture) (settings, ids) -> upgraded).newWorld();
    assertThat(after.snapshot(everyone)).as("folders, pages, drafts, links, settings").isEqualTo(seen);
    assertThat(openEverything(after, everyone)).as("every message opened, every thread").isEqualTo(opened);
    for (ParticipantId owner : everyone) {
      RecordExport export = after.as(owner).exportRecord(RecordScope.all());
      List<ProvenEntry> before = records.get(owner);
      assertThat(leaves(export.entries().subList(0, before.size())))
          .as("the record of " + owner + ", which still verifies").isEqualTo(leaves(before));
    }
  }

  private static RecordSigner ed25519() {
    try {
      return RecordSigners.ed25519(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries and their leaf hashes (the inclusion proofs grow with the record). */
  private static List<List<Object>> leaves(List<ProvenEntry> entries) {
    return entries.stream().map(e -> List.<Object>of(e.entry(), e.leafHash())).toList();
  }

  /** Every message of every folder, previewed (opening would change it), and every thread's page. */
  private static Map<String, Object> openEverything(World world, ParticipantId... participants) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (ParticipantId owner : participants) {
      for (MessageSummary summary : world.list(owner, SystemFolder.ALL_MESSAGES)) {
        all.put(owner + " " + summary.id(), world.as(owner).preview(summary.id()));
        all.put(owner + " thread " + summary.thread(),
            world.as(owner).thread(summary.thread(), PageRequest.first(100)).items());
      }
      for (SystemFolder folder : List.of(SystemFolder.ACTION_ITEMS, SystemFolder.NOTIFICATIONS)) {
        for (MessageSummary summary : world.list(owner, folder)) {
          all.put(owner + " " + summary.id(), world.as(owner).preview(summary.id()));
        }
      }
    }
    assertThat(all).hasSizeGreaterThan(10);
    return all;
  }
}
