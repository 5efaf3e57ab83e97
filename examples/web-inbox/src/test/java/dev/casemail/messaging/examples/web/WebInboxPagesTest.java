package dev.casemail.messaging.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.examples.SamplePractice;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The library's refusals as pages, over plain HTTP (no browser needed): unknown ids are the 404 page,
 * a refused form comes back with what was typed and the reason, never a stack trace; and the pages a
 * browser test does not reach (deleting a folder, a stale draft, the PDF's headers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebInboxPagesTest {

  private static final Path DATA = Path.of("target", "pages-test-" + UUID.randomUUID());

  @LocalServerPort
  int port;

  @Autowired
  Messaging messaging;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry properties) {
    properties.add("casemail.web.data-dir", () -> DATA.toAbsolutePath().toString());
  }

  private Http signedIn(String participant) {
    Http http = new Http(port);
    http.signInAs(participant);
    return http;
  }

  @Test
  void unknownIdsAndPagesAreThe404Page() {
    Http dana = signedIn(SamplePractice.MEDIATOR.value());
    HttpResponse<String> message = dana.get("/messages/999");
    assertThat(message.statusCode()).isEqualTo(404);
    assertThat(message.body()).contains("There is no message 999 in your mailbox.").doesNotContain("Exception");
    assertThat(dana.get("/messages/not-a-number").statusCode()).isEqualTo(404);
    assertThat(dana.get("/folders/0").statusCode()).isEqualTo(404);
    assertThat(dana.get("/drafts/42").body()).contains("There is no draft 42 in your mailbox.");
    HttpResponse<String> page = dana.get("/no/such/page");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Not found").doesNotContain("Whitelabel");
  }

  @Test
  void someoneElsesMessageIsNotFoundEither() {
    MessageView toSam = messaging.actingAs(SamplePractice.ALEX).send(NewMessage.builder()
        .addRecipients(SamplePractice.SAM).subject("Between parents").body("Only for Sam").build());
    HttpResponse<String> dana = signedIn(SamplePractice.MEDIATOR.value()).get("/messages/" + toSam.id().value());
    assertThat(dana.statusCode()).isEqualTo(404);
    assertThat(dana.body()).doesNotContain("Only for Sam");
  }

  @Test
  void aRefusedMessageComesBackWithWhatWasTypedAndWhy() {
    Http alex = signedIn(SamplePractice.ALEX.value());
    HttpResponse<String> page = alex.post("/compose", Map.of("_csrf", alex.csrfToken("/compose"),
        "subject", "No one to send to", "body", "typed <carefully>", "action", "send"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Not sent. Recipients")
        .contains("value=\"No one to send to\"")
        .contains("typed &lt;carefully&gt;");
  }

  @Test
  void messagingSomeoneWithoutAccessIsRefusedNamingThem() {
    Http dana = signedIn(SamplePractice.MEDIATOR.value());
    HttpResponse<String> page = dana.post("/compose", Map.of("_csrf", dana.csrfToken("/compose"),
        "recipient", SamplePractice.SAM.value(), "subject", "Hello", "body", "Hi Sam", "action", "send"));
    assertThat(page.body()).contains("Not sent. Not allowed: you may not message Sam Morgan.");
    assertThat(messaging.actingAs(SamplePractice.SAM).folderView(SystemFolder.INBOX.id()).total()).isZero();
  }

  @Test
  void deletingACustomFolderMovesWhatItHeldToArchive() {
    ParticipantMessaging sam = messaging.actingAs(SamplePractice.SAM);
    MessageView fromAlex = messaging.actingAs(SamplePractice.ALEX).send(NewMessage.builder()
        .addRecipients(SamplePractice.SAM).subject("School run").body("Monday?").build());
    FolderView kept = sam.createFolder("Kept");
    sam.move(MoveRequest.of(fromAlex.id(), kept.id()));

    Http browser = signedIn(SamplePractice.SAM.value());
    HttpResponse<String> deleted = browser.post("/folders/" + kept.id().value() + "/delete",
        Map.of("_csrf", browser.csrfToken("/folders/" + kept.id().value())));
    assertThat(deleted.statusCode()).isEqualTo(302);
    HttpResponse<String> archive = browser.get(deleted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    assertThat(archive.body()).contains("Folder \u201cKept\u201d deleted; the 1 message it held are in Archive.".replace("message it held are", "message it held are"))
        .contains("School run");
    assertThat(sam.folders()).noneMatch(FolderView::isCustom);
    assertThat(sam.folderView(SystemFolder.ARCHIVE.id()).total()).isEqualTo(1);
  }

  @Test
  void aDuplicateFolderNameIsRefusedOnTheForm() {
    messaging.actingAs(SamplePractice.ALEX).createFolder("School");
    Http alex = signedIn(SamplePractice.ALEX.value());
    HttpResponse<String> page = alex.post("/folders", Map.of("_csrf", alex.csrfToken("/folders/new"), "name", "school"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("class=\"problem\"").contains("value=\"school\"");
    HttpResponse<String> system = alex.post("/folders", Map.of("_csrf", alex.csrfToken("/folders/new"), "name", "Inbox"));
    assertThat(system.body()).contains("class=\"problem\"");
  }

  @Test
  void aLongFolderIsReadAPageAtATimeByItsCursor() {
    ParticipantMessaging riley = messaging.actingAs(DemoPractice.RILEY);
    for (int i = 1; i <= PageRequest.DEFAULT_SIZE + 1; i++) {
      riley.send(NewMessage.builder().addRecipients(DemoPractice.JORDAN).subject("Note " + i).body("n").build());
    }
    Http jordan = signedIn(DemoPractice.JORDAN.value());
    HttpResponse<String> first = jordan.get("/folders/" + SystemFolder.INBOX.id().value());
    assertThat(first.body()).contains(">Note " + (PageRequest.DEFAULT_SIZE + 1) + "<").doesNotContain(">Note 1<");
    Matcher older = Pattern.compile("href=\"(/folders/1\\?after=[^\"]+)\">Older messages").matcher(first.body());
    assertThat(older.find()).as("a link to the older messages").isTrue();
    HttpResponse<String> second = jordan.get(older.group(1).replace("&amp;", "&"));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains(">Note 1<").doesNotContain(">Note 2<").contains("Newest");
    assertThat(jordan.get("/folders/1?after=forged").statusCode()).as("a cursor not issued here").isEqualTo(400);
  }

  @Test
  void theRecordDownloadsAsAPdf() {
    Http jordan = signedIn(DemoPractice.JORDAN.value());
    HttpResponse<String> pdf = jordan.post("/record/export", Map.of("_csrf", jordan.csrfToken("/record")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
        assertThat(disposition).startsWith("attachment").contains("record-jordan.patel-export-"));
    assertThat(pdf.body()).startsWith("%PDF-");
  }
}
