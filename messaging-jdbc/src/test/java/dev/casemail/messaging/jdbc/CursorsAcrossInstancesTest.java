package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cursors are authenticated with a secret kept in the database, so a cursor one service instance
 * issued continues on every other instance on the same database, and on no other database.
 */
class CursorsAcrossInstancesTest {

  @Test
  void aCursorIssuedByOneInstanceContinuesOnAnotherAndNowhereElse() {
    String schema = TestDatabases.migratedPostgresSchema();
    String otherSchema = TestDatabases.migratedPostgresSchema();
    try (HikariDataSource poolA = TestDatabases.postgresPool(schema, 2);
        HikariDataSource poolB = TestDatabases.postgresPool(schema, 2);
        HikariDataSource elsewhere = TestDatabases.postgresPool(otherSchema, 2)) {
      Messaging nodeA = JdbcMessaging.create(poolA, MessagingConfiguration.defaults());
      Messaging nodeB = JdbcMessaging.create(poolB, MessagingConfiguration.defaults());
      Messaging otherDatabase = JdbcMessaging.create(elsewhere, MessagingConfiguration.defaults());
      MessagingFixture throughA = (configuration, ids) -> nodeA;
      World world = throughA.newWorld();
      ParticipantId lee = world.practitioner("lee");
      ParticipantId anna = world.parent("anna");
      world.grant(lee, anna);
      for (int i = 0; i < 5; i++) {
        world.send(lee, "Message " + i, "", anna);
      }
      MessagingFixture throughOther = (configuration, ids) -> otherDatabase;
      World other = throughOther.newWorld();
      other.practitioner("lee");
      other.parent("anna");
      other.grant(lee, anna);
      for (int i = 0; i < 5; i++) {
        other.send(lee, "Message " + i, "", anna);
      }

      FolderPage first = nodeA.actingAs(anna).folder(SystemFolder.INBOX.id(), PageRequest.first(2));
      List<MessageSummary> read = new ArrayList<>(first.items());
      PageRequest next = PageRequest.first(2).next(first.next().orElseThrow());
      FolderPage second = nodeB.actingAs(anna).folder(SystemFolder.INBOX.id(), next);
      read.addAll(second.items());
      FolderPage third = nodeA.actingAs(anna).folder(SystemFolder.INBOX.id(), PageRequest.first(2)
          .next(second.next().orElseThrow()));
      read.addAll(third.items());

      assertThat(read).extracting(MessageSummary::subject).containsExactly(
          "Message 4", "Message 3", "Message 2", "Message 1", "Message 0");
      assertThatThrownBy(() -> otherDatabase.actingAs(anna).folder(SystemFolder.INBOX.id(), next))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
  }
}
