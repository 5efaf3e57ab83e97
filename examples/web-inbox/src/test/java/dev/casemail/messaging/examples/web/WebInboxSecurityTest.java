package dev.casemail.messaging.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.examples.SamplePractice;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sessions and CSRF, over plain HTTP (no browser needed): every page but the sign-in needs a
 * signed-in participant, a POST without the session's CSRF token is refused and changes nothing, and
 * the same POST with it goes through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebInboxSecurityTest {

  private static final Path DATA = Path.of("target", "security-test-" + UUID.randomUUID());

  @LocalServerPort
  int port;

  @Autowired
  Messaging messaging;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry properties) {
    properties.add("casemail.web.data-dir", () -> DATA.toAbsolutePath().toString());
  }

  @Test
  void everyPageButTheSignInNeedsASignedInParticipant() {
    Http anonymous = new Http(port);
    for (String page : new String[] {"/", "/folders/1", "/compose", "/drafts", "/cases", "/autoresponder", "/record"}) {
      HttpResponse<String> response = anonymous.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(to -> assertThat(to).endsWith("/signin"));
    }
    assertThat(anonymous.get("/signin").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/signin").body()).contains("This is a demo sign-in: there are no passwords.");
  }

  @Test
  void aSignInWithoutTheCsrfTokenIsRefused() {
    Http forger = new Http(port);
    forger.get("/signin");
    HttpResponse<String> response = forger.post("/signin", Map.of("participant", SamplePractice.MEDIATOR.value()));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(forger.get("/folders/1").statusCode()).as("still signed out").isEqualTo(302);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndSendsNothing() {
    Http alex = new Http(port);
    alex.signInAs(SamplePractice.ALEX.value());
    long sentBefore = sentBy(SamplePractice.ALEX.value());

    HttpResponse<String> forged = alex.post("/compose", Map.of(
        "recipient", SamplePractice.MEDIATOR.value(), "subject", "Forged", "body", "sent by another site", "action", "send"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).doesNotContain("Exception");
    assertThat(sentBy(SamplePractice.ALEX.value())).isEqualTo(sentBefore);

    HttpResponse<String> genuine = alex.post("/compose", Map.of("_csrf", alex.csrfToken("/compose"),
        "recipient", SamplePractice.MEDIATOR.value(), "subject", "Genuine", "body", "from the form", "action", "send"));
    assertThat(genuine.statusCode()).isEqualTo(302);
    assertThat(sentBy(SamplePractice.ALEX.value())).isEqualTo(sentBefore + 1);
  }

  @Test
  void signingOutNeedsTheTokenToo() {
    Http alex = new Http(port);
    alex.signInAs(SamplePractice.ALEX.value());
    assertThat(alex.post("/signout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(alex.get("/folders/1").statusCode()).as("still signed in").isEqualTo(200);
    assertThat(alex.post("/signout", Map.of("_csrf", alex.csrfToken("/folders/1"))).statusCode()).isEqualTo(302);
    assertThat(alex.get("/folders/1").statusCode()).as("signed out").isEqualTo(302);
  }

  @Test
  void signingInAsSomeoneTheDemoDoesNotOfferIsRefused() {
    Http stranger = new Http(port);
    HttpResponse<String> response = stranger.post("/signin", Map.of("_csrf", stranger.csrfToken("/signin"), "participant", "mallory"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Pick one of the people below to sign in as.");
    assertThat(stranger.get("/folders/1").statusCode()).isEqualTo(302);
  }

  @Test
  void aFileDownloadsToItsHolderAsAnAttachmentAndIsA404ToAnyoneElse() {
    byte[] text = "Jamie's timetable for the spring term.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    dev.casemail.messaging.api.MessageView sent = messaging.actingAs(SamplePractice.ALEX).send(
        dev.casemail.messaging.api.NewMessage.builder().addRecipients(SamplePractice.MEDIATOR).subject("Timetable")
            .addAttachments(dev.casemail.messaging.api.NewAttachment.of("Timetable – spring \"term\".txt", "text/plain",
                () -> new java.io.ByteArrayInputStream(text)))
            .build());
    String hash = sent.attachments().get(0).hash().hex();
    long received = messaging.actingAs(SamplePractice.MEDIATOR).folder(SystemFolder.INBOX.id(),
        dev.casemail.messaging.api.PageRequest.first()).items().stream()
        .filter(m -> m.subject().equals("Timetable")).findFirst().orElseThrow().id().value();
    String url = "/messages/" + received + "/attachments/" + hash;

    Http dana = new Http(port);
    dana.signInAs(SamplePractice.MEDIATOR.value());
    HttpResponse<String> download = dana.get(url);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(new String(text, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment; ")
        .contains("filename*=UTF-8''Timetable%20%E2%80%93%20spring%20%22term%22.txt"));
    assertThat(dana.get("/messages/" + received).body()).contains("Timetable – spring &quot;term&quot;.txt", "text/plain",
        "SHA-256", hash.substring(0, 12));

    // Sam holds no copy of the message (nor does anyone but Alex and Dana): the 404 page, as for an unknown id
    Http sam = new Http(port);
    sam.signInAs(SamplePractice.SAM.value());
    assertThat(sam.get(url).statusCode()).isEqualTo(404);
    assertThat(sam.get(url).body()).doesNotContain("Jamie");
    assertThat(sam.get("/messages/" + sent.id().value() + "/attachments/" + hash).statusCode()).isEqualTo(404);
    // a hash the message does not carry, and one that is not a hash at all
    assertThat(dana.get("/messages/" + received + "/attachments/" + "0".repeat(64)).statusCode()).isEqualTo(404);
    assertThat(dana.get("/messages/" + received + "/attachments/..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);
    assertThat(new Http(port).get(url).statusCode()).as("signed out").isEqualTo(302);
  }

  @Test
  void aFileUploadedWithTheComposeFormIsSentAndAForgedUploadSendsNothing() {
    Http alex = new Http(port);
    alex.signInAs(SamplePractice.ALEX.value());
    long sentBefore = sentBy(SamplePractice.ALEX.value());
    byte[] text = "Pick-up times for the holidays.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Map<String, String> fields = Map.of("recipient", SamplePractice.MEDIATOR.value(), "subject", "Holiday pick-ups",
        "body", "See the attached list.", "action", "send");

    HttpResponse<String> forged = alex.postMultipart("/compose", fields, "pick-ups.txt", "text/plain", text);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(sentBy(SamplePractice.ALEX.value())).isEqualTo(sentBefore);

    Map<String, String> genuine = new java.util.HashMap<>(fields);
    genuine.put("_csrf", alex.csrfToken("/compose"));
    HttpResponse<String> sent = alex.postMultipart("/compose", genuine, "C:\\Users\\alex\\pick-ups.txt", "text/plain", text);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    assertThat(sentBy(SamplePractice.ALEX.value())).isEqualTo(sentBefore + 1);
    String message = sent.headers().firstValue("Location").orElseThrow();
    String page = alex.get(message.substring(message.indexOf("/messages/"))).body();
    assertThat(page).contains("1 attached file", "pick-ups.txt", "text/plain", "32 bytes").doesNotContain("Users");
  }

  private long sentBy(String participant) {
    return messaging.actingAs(dev.casemail.messaging.api.ParticipantId.of(participant))
        .folderView(SystemFolder.SENT.id()).total();
  }
}
