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

  private long sentBy(String participant) {
    return messaging.actingAs(dev.casemail.messaging.api.ParticipantId.of(participant))
        .folderView(SystemFolder.SENT.id()).total();
  }
}
