package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.RecordContract;
import dev.casemail.messaging.core.record.RecordSigners;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's H2 file as the previous version wrote it (schema version 3, before the record; see
 * {@code version3/README.md} beside this test's resources) is migrated by today's
 * {@link JdbcMessaging#migrate}: every copy of every mailbox reads back with its subject, body,
 * folder and opened state, every first view is kept, every mailbox's record holds exactly its messages
 * and first views and proves itself, and the participants go on messaging.
 */
class UpgradeFromVersion3Test {

  @TempDir Path directory;

  @Test
  void theSamplesFileOfVersion3MigratesKeepsEveryMessageAndRecordsIt() throws IOException {
    Path file = directory.resolve("walkthrough.mv.db");
    try (InputStream stored = getClass().getResourceAsStream("version3/walkthrough-v3.mv.db")) {
      Files.copy(stored, file);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("walkthrough"));
    config.setUsername("sa"); // as the sample opens it
    config.setPassword("");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      assertThat(TestSql.column(pool,
          "SELECT \"version\" FROM \"casemail_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
          .containsExactly("1", "2", "3");
      Set<String> copiesBefore = new TreeSet<>(TestSql.column(pool,
          "SELECT owner_id || '|' || message_id || '|' || subject || '|' || body || '|' || folder_id || '|'"
              + " || CASE WHEN opened_at IS NULL THEN 'unread' ELSE 'opened' END FROM copies"));
      long firstViewsBefore = Long.parseLong(TestSql.column(pool,
          "SELECT COUNT(*) FROM receipts WHERE first_viewed_at IS NOT NULL").get(0));
      List<String> ids = TestSql.column(pool, "SELECT participant_id FROM participants ORDER BY participant_id");
      // the first run: Dana 11 copies (8 personal, 2 action items, a notification), Alex 5, Sam 7; the second, without
      // access requests: Dana 9, Alex 4, Sam 6
      assertThat(copiesBefore).hasSize(42);
      assertThat(firstViewsBefore).as("Alex opened the invitation once in each run").isEqualTo(2);

      JdbcMessaging.migrate(pool);
      RecordSigner signer = RecordSigners.generatedForDemo();
      Messaging messaging = JdbcMessaging.create(pool, MessagingConfiguration.builder().recordSigner(signer).build());

      Set<String> copiesAfter = new TreeSet<>();
      long firstViewsRecorded = 0;
      for (String id : ids) {
        ParticipantMessaging owner = messaging.actingAs(ParticipantId.of(id));
        for (FolderView folder : owner.folders()) {
          if (folder.id().equals(SystemFolder.DRAFTS.id()) || folder.id().equals(SystemFolder.ALL_MESSAGES.id())) {
            continue;
          }
          List<MessageSummary> listed = owner.messagesIn(folder.id()).toList();
          assertThat(listed).as(id + "'s " + folder.name()).hasSize((int) folder.total());
          for (MessageSummary summary : listed) {
            MessageView view = owner.preview(summary.id());
            copiesAfter.add(id + "|" + view.id().value() + "|" + view.subject() + "|" + view.body() + "|"
                + view.folder().value() + "|" + (view.openedAt().isPresent() ? "opened" : "unread"));
          }
        }
        RecordExport export = owner.exportRecord(RecordScope.all());
        RecordContract.assertProven(export, signer);
        assertThat(export.entries()).filteredOn(e -> e.entry().content() instanceof RecordedMessage)
            .as(id + "'s recorded messages").hasSize((int) copiesBefore.stream().filter(c -> c.startsWith(id + "|")).count());
        firstViewsRecorded += export.entries().stream()
            .filter(e -> e.entry().content() instanceof RecordedFirstView view && !view.viewer().value().equals(id))
            .count();
      }
      assertThat(copiesAfter).as("every copy of every mailbox, read through the API").isEqualTo(copiesBefore);
      assertThat(firstViewsRecorded).as("each recipient's first view, recorded in the sender's record")
          .isEqualTo(firstViewsBefore);

      ParticipantId dana = ParticipantId.of("dana.reyes");
      ParticipantId alex = ParticipantId.of("alex.morgan");
      MessageView fresh = messaging.actingAs(alex).send(NewMessage.builder().addRecipients(dana)
          .subject("After the upgrade").body("Still here.").build());
      assertThat(messaging.actingAs(dana).open(fresh.id()).subject()).isEqualTo("After the upgrade");
      RecordContract.assertProven(messaging.actingAs(dana).exportRecord(RecordScope.all()), signer);
    }
  }
}
