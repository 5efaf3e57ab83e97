package dev.casemail.messaging.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The help page's walkthrough, end to end in headless Chromium against the web inbox on a random port
 * and its own H2 file: a parent writes to the mediator through a draft, the mediator sees it unread,
 * opens and answers it, the parent sees when it was first viewed; access is asked for and granted in
 * My Cases; messages are filed with checkboxes into a custom folder; the auto-responder answers; the
 * record downloads as a PDF. Every page is saved under {@code target/screenshots/}. Skipped, saying how
 * to install them, without Chromium and chromedriver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebInboxWalkthroughTest {

  private static final Path DATA = Path.of("target", "walkthrough-test-" + UUID.randomUUID());
  private static final String DANA = "dana.reyes";
  private static final String ALEX = "alex.morgan";
  private static final String SAM = "sam.morgan";
  private static final String TIME = "\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC";

  private static Browser browser;

  @LocalServerPort
  int port;

  @Autowired
  Messaging messaging;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry properties) {
    properties.add("casemail.web.data-dir", () -> DATA.toAbsolutePath().toString());
  }

  @BeforeAll
  static void clearScreenshots() throws IOException {
    Browser.clearScreenshots();
  }

  /** Each test is reported skipped, with how to install the browser, when Chromium is not there. */
  @BeforeEach
  void chromium() {
    Chromium.assumeInstalled();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** The one browser of this class, signed out: each test starts as a new visitor. */
  private Browser browser() throws IOException {
    if (browser == null) {
      browser = new Browser(port, Files.createDirectories(DATA.resolve("downloads")));
    }
    browser.forget();
    return browser;
  }

  /** On a failure, the page as it was then, beside the others: what the assertion saw. */
  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = context -> {
    if (context.getExecutionException().isPresent() && browser != null) {
      browser.shot("FAILED-" + context.getRequiredTestMethod().getName());
    }
  };

  @Test
  void theHelpPagesWalkthroughInTheBrowser() throws IOException {
    Browser b = browser();

    // the demo sign-in, said so
    b.go("/");
    assertThat(b.path()).isEqualTo("/signin");
    assertThat(b.heading()).isEqualTo("Demo sign-in");
    assertThat(b.page()).contains("This is a demo sign-in: there are no passwords.");
    b.shot("signin");

    // Alex writes to the mediator: the recipient chooser groups by family, a triangle opens each group
    b.signInAs(ALEX);
    assertThat(b.heading()).startsWith("Inbox");
    assertThat(b.text(".who")).contains("Signed in as Alex Morgan");
    b.shot("alex-inbox");
    b.click("a.button.primary");
    assertThat(b.heading()).isEqualTo("New message");
    assertThat(b.all("details summary")).extracting(summary -> summary.getText().replaceAll(" \\(\\d+\\)$", ""))
        .containsExactly("Morgan family", "Practitioners");
    assertThat(b.all("details[open]")).isEmpty();
    b.chooseRecipient("Practitioners", DANA);
    b.type("#subject", "Pick-up on Friday");
    b.type("#body", "Can we move the pick-up to 5 pm?");
    b.shot("compose");

    // ... saves it as a draft, edits it later, and sends it
    b.click("#save");
    assertThat(b.notice()).isEqualTo("Draft saved.");
    assertThat(b.heading()).isEqualTo("Edit draft");
    assertThat(b.byId("to-" + DANA).isSelected()).isTrue();
    assertThat(b.count("Drafts")).isEqualTo("0 / 1");
    b.shot("draft-saved");
    b.folder("Drafts");
    assertThat(b.subjects()).containsExactly("Pick-up on Friday");
    b.shot("drafts");
    b.open("Pick-up on Friday");
    b.type("#body", "Can we move the pick-up on Friday to 5 pm? Sam agrees.");
    b.click("#save");
    assertThat(b.notice()).isEqualTo("Draft saved.");
    assertThat(b.find("#body").getAttribute("value")).isEqualTo("Can we move the pick-up on Friday to 5 pm? Sam agrees.");
    b.click("#send");
    assertThat(b.notice()).isEqualTo("Draft sent.");
    assertThat(b.heading()).isEqualTo("Pick-up on Friday");
    assertThat(b.text(".receipts")).contains("Dana Reyes (mediator)").contains("never viewed yet");
    assertThat(b.count("Drafts")).isEqualTo("0 / 0");
    b.shot("sent-draft-never-viewed");

    // Alex writes to Dana and Sam
    b.click("a.button.primary");
    b.chooseRecipient("Practitioners", DANA);
    b.chooseRecipient("Morgan family", SAM);
    b.type("#subject", "Holiday schedule");
    b.type("#body", "Could we discuss the winter holidays at the next session?");
    b.click("#send");
    assertThat(b.notice()).isEqualTo("Message sent.");

    // the mediator sees the unread count, opens the message and replies
    b.signInAs(DANA);
    assertThat(b.count("Inbox")).isEqualTo("3 / 3");
    assertThat(b.heading()).contains("3 unread, 3 messages");
    assertThat(b.subjects()).containsExactly("Holiday schedule", "Pick-up on Friday", "Documents for Friday");
    assertThat(b.row("Pick-up on Friday").getAttribute("class")).contains("unread");
    b.shot("dana-inbox-unread");
    b.open("Pick-up on Friday");
    assertThat(b.text(".message .body")).isEqualTo("Can we move the pick-up on Friday to 5 pm? Sam agrees.");
    assertThat(b.text("dl.headers")).contains("Alex Morgan").contains("Dana Reyes (mediator)");
    assertThat(b.count("Inbox")).isEqualTo("2 / 3");
    b.shot("dana-opens");
    b.click("#reply");
    assertThat(b.heading()).isEqualTo("Reply");
    assertThat(b.text("#reply-to")).isEqualTo("Alex Morgan");
    b.type("#body", "Yes, 5 pm works for me.");
    b.shot("reply");
    b.click("#send");
    assertThat(b.notice()).isEqualTo("Reply sent.");
    assertThat(b.heading()).isEqualTo("Re: Pick-up on Friday");
    assertThat(b.text(".message .body")).startsWith("Yes, 5 pm works for me.").contains("Can we move the pick-up");

    // Reply All reaches Sam too, whom Dana has no access to yet: refused, the reason on the page
    b.folder("Inbox");
    b.open("Holiday schedule");
    b.click("#reply-all");
    assertThat(b.text("#reply-to")).isEqualTo("Alex Morgan, Sam Morgan");
    b.type("#body", "Yes, I have added it to the agenda.");
    b.click("#send");
    assertThat(b.problem()).startsWith("Not sent. Not allowed: you may not message Sam Morgan.");
    assertThat(b.find("#body").getAttribute("value")).isEqualTo("Yes, I have added it to the agenda.");
    b.shot("reply-all-refused");

    // My Cases: Dana asks Sam for access; Sam approves from his own My Cases
    b.clickLink("My Cases");
    assertThat(b.byId("link-" + ALEX).getText()).contains("approved");
    b.follow(b.byId("request-" + SAM));
    assertThat(b.notice()).startsWith("Access requested from Sam Morgan");
    assertThat(b.byId("link-" + SAM).getText()).contains("requested").contains("you");
    b.shot("dana-cases-requested");
    b.signInAs(SAM);
    assertThat(b.count("Action Items")).isEqualTo("1 / 1");
    b.folder("Action Items");
    b.shot("sam-action-items");
    b.clickLink("My Cases");
    b.follow(b.byId("approve-" + DANA));
    assertThat(b.notice()).startsWith("You approved access for Dana Reyes (mediator)");
    assertThat(b.byId("link-" + DANA).getText()).contains("approved");
    b.shot("sam-approves");

    // the answer is in Dana's Action Items; now Reply All goes to both parents
    b.signInAs(DANA);
    assertThat(b.count("Action Items")).isEqualTo("3 / 3");
    b.folder("Inbox");
    b.open("Holiday schedule");
    b.click("#reply-all");
    b.type("#body", "Yes, I have added it to the agenda.");
    b.click("#send");
    assertThat(b.notice()).isEqualTo("Reply sent to everyone.");
    assertThat(b.text("dl.headers")).contains("Alex Morgan, Sam Morgan");

    // Alex sees when Dana first viewed the message, and the replies
    b.signInAs(ALEX);
    b.folder("Sent");
    b.open("Pick-up on Friday");
    assertThat(b.text(".receipts td")).matches("first viewed " + TIME);
    b.shot("alex-sees-first-viewed");
    b.folder("Inbox");
    assertThat(b.subjects()).containsExactly("Re: Holiday schedule", "Re: Pick-up on Friday");

    // a custom folder, and moving with checkboxes
    b.signInAs(DANA);
    b.click("a[href='/folders/new']");
    assertThat(b.heading()).isEqualTo("New Folder");
    b.type("#name", "Morgan mediation");
    b.shot("new-folder");
    b.click("#save-folder");
    assertThat(b.notice()).isEqualTo("Folder \u201cMorgan mediation\u201d created.");
    b.folder("Inbox");
    tick(b, "Pick-up on Friday");
    tick(b, "Holiday schedule");
    b.select("#target", "Morgan mediation");
    b.shot("move-ticked");
    b.click("#move");
    assertThat(b.notice()).isEqualTo("Moved 2 messages to Morgan mediation.");
    assertThat(b.subjects()).containsExactly("Documents for Friday");
    assertThat(b.count("Morgan mediation")).isEqualTo("0 / 2");
    b.folder("Morgan mediation");
    assertThat(b.subjects()).containsExactly("Holiday schedule", "Pick-up on Friday");
    b.shot("custom-folder");

    // a move the rules forbid names the message and why, and moves nothing
    tick(b, "Pick-up on Friday");
    b.select("#target", "Sent");
    b.click("#move");
    assertThat(b.problem()).startsWith("Nothing was moved. \u201cPick-up on Friday\u201d cannot go to Sent:");
    assertThat(b.subjects()).containsExactly("Holiday schedule", "Pick-up on Friday");
    b.shot("illegal-move");

    // renaming keeps what the folder holds
    b.type("#rename", "Morgan case");
    b.click("form[action$='/rename'] button");
    assertThat(b.notice()).isEqualTo("Folder renamed to \u201cMorgan case\u201d.");
    assertThat(b.count("Morgan case")).isEqualTo("0 / 2");

    // All Messages: everything Dana received or sent, wherever it is; nothing to tick
    b.folder("All Messages");
    assertThat(b.subjects()).containsExactly("Re: Holiday schedule", "Re: Pick-up on Friday", "Holiday schedule",
        "Pick-up on Friday", "Documents for Friday");
    assertThat(b.all("input[name='message']")).isEmpty();
    assertThat(b.page()).contains("Nothing can be moved into or out of it.");
    b.shot("all-messages");

    // the auto-responder: on, and Alex's next message is answered
    b.clickLink("Auto-responder");
    assertThat(b.text("h1 .status")).isEqualTo("disabled");
    b.find("#enabled").click();
    b.type("#subject", "Away until Monday");
    b.type("#body", "I am away until Monday. For urgent matters please call the court office.");
    b.click("#save");
    assertThat(b.notice()).isEqualTo("Auto-reply enabled.");
    assertThat(b.text("h1 .status")).isEqualTo("enabled");
    b.shot("auto-responder");
    b.signInAs(ALEX);
    b.click("a.button.primary");
    b.chooseRecipient("Practitioners", DANA);
    b.type("#subject", "Question about Monday");
    b.type("#body", "Is Monday's session still on?");
    b.click("#send");
    b.folder("Inbox");
    assertThat(b.subjects()).first().isEqualTo("Away until Monday");
    assertThat(b.row("Away until Monday").getText()).containsIgnoringCase("auto-reply").contains("Dana Reyes (mediator)");
    b.shot("alex-gets-auto-reply");

    // Dana downloads her record as a PDF
    b.signInAs(DANA);
    b.clickLink("My record (PDF)");
    assertThat(b.heading()).isEqualTo("My record");
    b.shot("record");
    b.find("#export").click(); // a download: the page stays
    Path pdf = b.downloaded(".pdf");
    assertThat(pdf.getFileName().toString()).isEqualTo("record-dana.reyes-export-1.pdf");
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(bytes.length).isGreaterThan(5_000);

    // an unknown id is the 404 page, not a stack trace
    b.go("/messages/123456789");
    assertThat(b.heading()).isEqualTo("Not found");
    assertThat(b.page()).contains("There is no message 123456789 in your mailbox.").doesNotContain("Exception");
    assertThat(b.text(".who")).as("still signed in, with the way out").contains("Signed in as Dana Reyes (mediator)");
    b.shot("not-found");
    Browser.assertNoScript(b);
  }

  @Test
  void namesInAnyDirectionAndMarkupInSubjectsShowAsText() throws IOException {
    ParticipantId noa = ParticipantId.of("noa.cohen");
    messaging.directory().register(ParticipantRegistration.parent(noa, "\u05e0\u05d5\u05e2\u05d4 \u05db\u05d4\u05df"));
    messaging.directory().registerFamily(FamilyRegistration.of(FamilyId.of("cohen-family"),
        "\u05de\u05e9\u05e4\u05d7\u05ea \u05db\u05d4\u05df", new LinkedHashSet<>(List.of(noa, DemoPractice.JORDAN))));
    String subject = "<script>alert('x')</script> & <b>not bold</b> \u0645\u0648\u0639\u062f 12:30";
    messaging.actingAs(noa).send(NewMessage.builder().addRecipients(DemoPractice.JORDAN).subject(subject)
        .body("\u05e9\u05dc\u05d5\u05dd Jordan,\n<img src=x> 3 > 2").build());

    Browser b = browser();
    b.signInAs(DemoPractice.JORDAN.value());
    assertThat(b.subjects()).contains(subject);
    assertThat(b.row(subject).findElement(org.openqa.selenium.By.cssSelector("td.who bdi")).getText())
        .isEqualTo("\u05e0\u05d5\u05e2\u05d4 \u05db\u05d4\u05df");
    b.shot("bidi-and-markup");
    b.open(subject);
    assertThat(b.heading()).isEqualTo(subject);
    assertThat(b.text(".message .body")).isEqualTo("\u05e9\u05dc\u05d5\u05dd Jordan,\n<img src=x> 3 > 2");
    assertThat(b.all("main img")).isEmpty();
    assertThat(b.all("main b")).isEmpty();
    Browser.assertNoScript(b);
    b.click("a.button.primary");
    assertThat(b.all("details summary bdi")).extracting(org.openqa.selenium.WebElement::getText)
        .containsExactly("Patel family", "\u05de\u05e9\u05e4\u05d7\u05ea \u05db\u05d4\u05df", "Practitioners");
    b.chooseRecipient("\u05de\u05e9\u05e4\u05d7\u05ea \u05db\u05d4\u05df", noa.value());
    b.shot("bidi-chooser");
  }

  @Test
  void alexAttachesAPdfAndDanaDownloadsTheSameBytes() throws Exception {
    byte[] pdf = schoolReport();
    Path upload = Files.write(Files.createDirectories(DATA.resolve("uploads")).resolve("School report, spring term.pdf"), pdf);

    Browser b = browser();
    b.go("/signin"); // a new visitor: the page another test left open has a sign-out form of a forgotten session
    b.signInAs(ALEX);
    b.click("a.button.primary");
    b.chooseRecipient("Practitioners", DANA);
    b.type("#subject", "School report");
    b.type("#body", "Dana, here is Jamie's school report.");
    b.find("#file").sendKeys(upload.toAbsolutePath().toString());
    b.shot("compose-with-file");
    b.click("#send");
    assertThat(b.notice()).isEqualTo("Message sent.");
    assertThat(b.text(".attachments")).contains("1 attached file", "School report, spring term.pdf", "application/pdf",
        pdf.length + " bytes", "SHA-256");
    b.shot("sent-with-file");

    b.signInAs(DANA);
    b.open("School report");
    assertThat(b.text(".attachments a.download")).isEqualTo("School report, spring term.pdf");
    String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
    assertThat(b.find(".attachments code").getAttribute("title")).isEqualTo(hash);
    b.shot("received-with-file");
    b.find(".attachments a.download").click(); // a download: the page stays
    Path downloaded = b.downloaded("spring term.pdf");
    assertThat(downloaded.getFileName().toString()).isEqualTo("School report, spring term.pdf");
    assertThat(Files.readAllBytes(downloaded)).isEqualTo(pdf);
    assertThat(b.heading()).isEqualTo("School report");
    Browser.assertNoScript(b);
  }

  /** A real one-page PDF, made now. */
  private static byte[] schoolReport() throws IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
      document.addPage(page);
      try (org.apache.pdfbox.pdmodel.PDPageContentStream text = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA_BOLD), 18);
        text.newLineAtOffset(72, 700);
        text.showText("School report, spring term");
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private static void tick(Browser b, String subject) {
    b.row(subject).findElement(org.openqa.selenium.By.cssSelector("input[type='checkbox']")).click();
  }
}
