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
 * ids and starts a thread of its own.
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
}
