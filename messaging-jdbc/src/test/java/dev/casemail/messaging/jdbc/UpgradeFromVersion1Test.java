package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.RecordContract;
import dev.casemail.messaging.core.record.RecordSigners;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by version 1 of the library (see {@code version1/README.md} beside this test's
 * resources) is migrated by today's {@link JdbcMessaging#migrate} and keeps every message: every copy
 * in every mailbox reads back through the API with its subject, body and folder, first views and
 * access histories are kept, and every participant can go on working, even those whose ids or names
 * today's registration would refuse.
 */
class UpgradeFromVersion1Test {

  @TempDir Path directory;

  @Test
  void aVersion1DatabaseMigratesAndKeepsEveryMessage() throws IOException {
    Path file = directory.resolve("walkthrough.mv.db");
    try (InputStream stored = getClass().getResourceAsStream("version1/walkthrough-v1.mv.db")) {
      Files.copy(stored, file);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("walkthrough"));
    try (HikariDataSource pool = new HikariDataSource(config)) {
      assertThat(TestSql.column(pool, "SELECT \"version\" FROM \"casemail_schema_history\" WHERE \"version\" IS NOT NULL"))
          .containsExactly("1");
      Set<String> copiesBefore = new TreeSet<>(TestSql.column(pool,
          "SELECT owner_id || '|' || message_id || '|' || subject || '|' || body || '|' || folder_id FROM copies"));
      List<String> ids = TestSql.column(pool, "SELECT participant_id FROM participants ORDER BY participant_id");
      assertThat(copiesBefore).hasSize(19);

      JdbcMessaging.migrate(pool);
      RecordSigner signer = RecordSigners.generatedForDemo();
      Messaging messaging = JdbcMessaging.create(pool, MessagingConfiguration.builder().recordSigner(signer).build());

      Set<String> copiesAfter = new TreeSet<>();
      for (String id : ids) {
        ParticipantMessaging owner = messaging.actingAs(ParticipantId.of(id));
        for (FolderView folder : owner.folders()) {
          if (folder.id().equals(SystemFolder.DRAFTS.id()) || folder.id().equals(SystemFolder.ALL_MESSAGES.id())) {
            continue;
          }
          List<MessageSummary> listed = all(owner, folder);
          assertThat(listed).as(id + "'s " + folder.name()).hasSize((int) folder.total());
          for (MessageSummary summary : listed) {
            MessageView view = owner.preview(summary.id());
            copiesAfter.add(id + "|" + view.id().value() + "|" + view.subject() + "|" + view.body() + "|"
                + view.folder().value());
          }
        }
        owner.accessLinks();
        owner.cases();
        owner.recipients();
        owner.autoResponder();
        DraftPage drafts = owner.drafts(PageRequest.first());
        assertThat(drafts.items()).allSatisfy(d -> assertThat(d.subject().orElse("")).doesNotContain("\u202E"));
      }
      assertThat(copiesAfter).as("every copy of every mailbox, read through the API").isEqualTo(copiesBefore);

      // migration 5 recorded what version 1 held: every mailbox's record is complete and proves itself
      for (String id : ids) {
        RecordExport export = messaging.actingAs(ParticipantId.of(id)).exportRecord(RecordScope.all());
        RecordContract.assertProven(export, signer);
        assertThat(export.entries()).filteredOn(e -> e.entry().content() instanceof RecordedMessage)
            .as(id + "'s recorded messages").hasSize((int) copiesBefore.stream().filter(c -> c.startsWith(id + "|")).count());
      }

      ParticipantId lee = ParticipantId.of("dr lee");
      ParticipantId anna = ParticipantId.of("anna\u200Bmiller");
      ParticipantId ben = ParticipantId.of("ben-miller");
      // the first view recorded by version 1 is still there, the history of a refused and repeated request too
      MessageView sent = messaging.actingAs(lee).preview(all(messaging.actingAs(lee), folder(messaging, lee, SystemFolder.SENT))
          .stream().filter(s -> s.subject().startsWith("Hearing")).findFirst().orElseThrow().id());
      assertThat(sent.receipts()).filteredOn(r -> r.recipient().id().equals(anna))
          .singleElement().satisfies(r -> assertThat(r.firstViewedAt()).isPresent());
      AccessLinkView withBen = messaging.actingAs(lee).accessLink(ben);
      assertThat(withBen.eventCount()).isEqualTo(4);
      assertThat(withBen.history()).hasSize(4);
      // the empty window version 1 stored is switched off, and every setting can be replaced
      assertThat(messaging.actingAs(ben).autoResponder().enabled()).isFalse();
      messaging.actingAs(ben).configureAutoResponder(AutoResponderSettings.disabled());
      // and the participants version 1 registered go on messaging each other
      MessageView fresh = messaging.actingAs(anna).send(NewMessage.builder().addRecipients(lee)
          .subject("After the upgrade").body("Still here.").build());
      assertThat(messaging.actingAs(lee).open(fresh.id()).subject()).isEqualTo("After the upgrade");
    }
  }

  private static FolderView folder(Messaging messaging, ParticipantId owner, SystemFolder folder) {
    return messaging.actingAs(owner).folders().stream().filter(f -> f.id().equals(folder.id())).findFirst().orElseThrow();
  }

  private static List<MessageSummary> all(ParticipantMessaging owner, FolderView folder) {
    List<MessageSummary> all = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    while (true) {
      FolderPage page = owner.folder(folder.id(), request);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      request = request.next(page.next().get());
    }
  }
}
