package dev.casemail.messaging.examples;

import static dev.casemail.messaging.examples.PracticeWalkthrough.ALEX;
import static dev.casemail.messaging.examples.PracticeWalkthrough.MEDIATOR;
import static dev.casemail.messaging.examples.PracticeWalkthrough.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample application runs to its end and leaves the mailboxes the help page describes. */
class PracticeWalkthroughTest {

  private final Messaging messaging = InMemoryMessaging.create();
  private String output;

  @BeforeEach
  void runTheWalkthrough() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new PracticeWalkthrough(messaging, out).run();
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theMessageToTheCoParentWithoutAccessIsRefusedByName() {
    assertThat(output).contains("refused: dana.reyes may not message [sam.morgan]");
  }

  @Test
  void theRecipientChooserListedOnlyTheParentWhoGrantedAccess() {
    assertThat(output).contains("▸ Morgan family: Alex Morgan\n");
  }

  @Test
  void theMediatorsMailboxEndsAsAPersonWouldExpect() {
    Map<String, FolderView> folders = folders(MEDIATOR);
    assertThat(folders.get("Inbox").total()).isZero();
    assertThat(folders.get("Morgan mediation").total()).isEqualTo(4);
    assertThat(folders.get("Sent").total()).isEqualTo(4);
    assertThat(folders.get("Archive").total()).isEqualTo(1);
    assertThat(folders.get("Action Items").total()).isEqualTo(2);
    assertThat(folders.get("Drafts").total()).isZero();
    assertThat(folders.get("All Messages").total()).isEqualTo(8);
  }

  @Test
  void samGotExactlyOneAutoReplyForTwoMessages() {
    assertThat(messaging.actingAs(SAM).folder(SystemFolder.INBOX.id(), PageRequest.first()).items())
        .filteredOn(message -> message.kind() == MessageKind.AUTO_REPLY)
        .hasSize(1);
  }

  @Test
  void alexsFirstViewWasRecordedForTheSender() {
    assertThat(output).contains("Alex Morgan first viewed it: never");
    assertThat(output).containsPattern("Alex Morgan first viewed it: \\d{4}-\\d{2}-\\d{2}T");
    assertThat(folders(ALEX).get("Inbox").unread()).isEqualTo(1);
  }

  private Map<String, FolderView> folders(ParticipantId owner) {
    return messaging.actingAs(owner).folders().stream()
        .collect(Collectors.toMap(FolderView::name, folder -> folder));
  }
}
