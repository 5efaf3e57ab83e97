package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thread's id is unique in every mailbox: an id source that hands out a thread id again (two
 * service instances, a clock set back) never merges two conversations; the call is retried with fresh
 * ids and starts a thread of its own. A message id handed out again, even for a message between other
 * people, never shows one message's content in place of another's.
 */
public interface ThreadIdsContract extends MessagingFixture {

  @Test
  default void aRepeatedThreadIdStartsANewThreadInsteadOfJoiningTheOldOne() {
    RepeatingIds ids = new RepeatingIds();
    World world = newWorld(MessagingConfiguration.builder(), ids);
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageView hearing = world.send(lee, "Hearing", "On Monday", anna);

    // every id the next send draws first is the hearing's thread id: the new message would land in it
    ids.repeat(hearing.thread().value(), hearing.thread().value());
    MessageView school = world.send(anna, "School trip", "Can he go?", lee);

    assertThat(ids.pending()).as("the repeated ids were drawn").isZero();
    assertThat(school.thread()).isNotEqualTo(hearing.thread());
    for (ParticipantId owner : List.of(lee, anna)) {
      assertThat(world.as(owner).thread(hearing.thread(), PageRequest.first()).items())
          .extracting(MessageSummary::id).as("the hearing's thread for " + owner).containsExactly(hearing.id());
      assertThat(world.as(owner).thread(school.thread(), PageRequest.first()).items())
          .extracting(MessageSummary::id).containsExactly(school.id());
    }
  }

  @Test
  default void aRepeatedThreadIdNeverMergesASystemMessageIntoAConversation() {
    RepeatingIds ids = new RepeatingIds();
    World world = newWorld(MessagingConfiguration.builder(), ids);
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageView hearing = world.send(lee, "Hearing", "On Monday", anna);

    ids.repeat(hearing.thread().value(), hearing.thread().value());
    world.messaging.postNotification(
        NewNotification.builder().recipient(anna).subject("A journal entry was shared").body("").build());

    assertThat(world.as(anna).thread(hearing.thread(), PageRequest.first()).items())
        .extracting(MessageSummary::id).containsExactly(hearing.id());
    assertThat(world.list(anna, SystemFolder.NOTIFICATIONS)).singleElement()
        .satisfies(n -> assertThat(n.thread()).isNotEqualTo(hearing.thread()));
  }

  @Test
  default void aMessageIdRepeatedBetweenOtherPeopleNeverShowsTheFirstMessagesContent() {
    RepeatingIds ids = new RepeatingIds();
    World world = newWorld(MessagingConfiguration.builder(), ids);
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId kim = world.practitioner("kim");
    ParticipantId bob = world.parent("bob");
    world.grant(lee, anna);
    world.grant(kim, bob);
    MessageView hearing = world.send(lee, "Hearing", "On Monday", anna);

    // the next send, between two people who hold nothing of the hearing, draws the hearing's id first
    ids.repeat(hearing.id().value());
    MessageView school = world.send(kim, "School trip", "Can he go on Friday?", bob);

    assertThat(ids.pending()).as("the repeated id was drawn").isZero();
    MessageView received = world.as(bob).open(school.id());
    assertThat(received.subject()).isEqualTo("School trip");
    assertThat(received.body()).isEqualTo("Can he go on Friday?");
    assertThat(received.recipients()).extracting(r -> r.id()).containsExactly(bob);
    assertThat(world.as(kim).open(school.id()).body()).isEqualTo("Can he go on Friday?");
    MessageView hearingAgain = world.as(anna).open(hearing.id());
    assertThat(hearingAgain.body()).isEqualTo("On Monday");
    assertThat(hearingAgain.recipients()).extracting(r -> r.id()).containsExactly(anna);
  }
}
