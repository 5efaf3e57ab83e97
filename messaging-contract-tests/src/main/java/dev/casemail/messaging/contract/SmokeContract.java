package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import org.junit.jupiter.api.Test;

/** The shortest path through the library: grant access, send, read. */
public interface SmokeContract extends MessagingFixture {

  @Test
  default void aMessageSentAfterAccessIsGrantedArrivesUnreadAndCanBeOpened() {
    World world = newWorld();
    ParticipantId practitioner = world.practitioner("pr");
    ParticipantId parent = world.parent("pa");
    world.family("f", parent);
    world.grant(practitioner, parent);

    MessageView sent = world.send(practitioner, "Hearing", "See you on Monday.", parent);

    assertThat(world.list(parent, SystemFolder.INBOX)).extracting(s -> s.id()).containsExactly(sent.id());
    assertThat(world.folder(parent, SystemFolder.INBOX).unread()).isEqualTo(1);
    MessageView opened = world.as(parent).open(sent.id());
    assertThat(opened.body()).isEqualTo("See you on Monday.");
    assertThat(world.folder(parent, SystemFolder.INBOX).unread()).isZero();
    assertThat(world.list(practitioner, SystemFolder.SENT)).extracting(s -> s.id()).containsExactly(sent.id());
  }
}
