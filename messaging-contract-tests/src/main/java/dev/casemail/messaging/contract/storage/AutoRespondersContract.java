package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The port {@link AutoResponders}: each mailbox's saved settings with their version, and the last
 * auto-reply each owner sent to each correspondent.
 */
public interface AutoRespondersContract extends StorageFixture {

  @Test
  default void savedSettingsAreFoundWithTheirVersionAndANewerSaveReplacesThem() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    AutoResponderState holiday = new AutoResponderState(AutoResponderSettings.builder()
        .enabled(true)
        .subject("Out of office ✓")
        .body("Back on Monday.\nUrgent: call the office 😀")
        .activeFrom(at(10))
        .activeUntil(at(1000))
        .replyInterval(Duration.ofDays(3))
        .build(), 1, at(1));
    AutoResponderState off = new AutoResponderState(AutoResponderSettings.disabled(), 2, at(2));

    scene.apply(MailboxChange.builder().saveAutoResponder(lee.id(), holiday).build());
    assertThat(scene.committed().autoResponders().find(lee.id())).contains(holiday);
    assertThat(scene.committed().autoResponders().version(lee.id())).isEqualTo(OptionalLong.of(1));

    scene.apply(MailboxChange.builder().saveAutoResponder(lee.id(), off).build());
    assertThat(scene.committed().autoResponders().find(lee.id())).contains(off);
    assertThat(scene.committed().autoResponders().version(lee.id())).isEqualTo(OptionalLong.of(2));
  }

  @Test
  default void aMailboxWithoutSettingsHasNone() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    scene.apply(MailboxChange.builder().saveAutoResponder(anna.id(), state("anna", 1)).build());

    assertThat(scene.committed().autoResponders().find(lee.id())).isEmpty();
    assertThat(scene.committed().autoResponders().version(lee.id())).isEmpty();
    assertThat(scene.committed().autoResponders().find(ParticipantId.of("ghost"))).isEmpty();
    assertThat(scene.committed().autoResponders().version(ParticipantId.of("ghost"))).isEmpty();
    assertThat(scene.committed().autoResponders().findAll(List.of(lee.id(), ParticipantId.of("ghost")))).isEmpty();
  }

  @Test
  default void findAllReturnsTheSettingsOfThoseOwnersThatHaveAny() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Participant carl = scene.parent("carl");
    AutoResponderState annas = state("anna", 3);
    AutoResponderState carls = state("carl", 1);
    scene.apply(MailboxChange.builder()
        .saveAutoResponder(anna.id(), annas)
        .saveAutoResponder(carl.id(), carls)
        .build());

    assertThat(scene.committed().autoResponders().findAll(List.of(anna.id(), ben.id(), carl.id(), anna.id())))
        .isEqualTo(Map.of(anna.id(), annas, carl.id(), carls));
    assertThat(scene.committed().autoResponders().findAll(List.of(carl.id()))).isEqualTo(Map.of(carl.id(), carls));
    assertThat(scene.committed().autoResponders().findAll(List.of())).isEmpty();
  }

  @Test
  default void theLastAutoReplyToACorrespondentReplacesTheOneBefore() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant mia = scene.practitioner("mia");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Participant carl = scene.parent("carl");
    scene.apply(MailboxChange.builder()
        .recordAutoReply(new AutoReplyRecord(anna.id(), lee.id(), at(1), 1))
        .recordAutoReply(new AutoReplyRecord(anna.id(), mia.id(), at(3), 1))
        .recordAutoReply(new AutoReplyRecord(ben.id(), lee.id(), at(4), 7))
        .build());
    AutoReplyRecord latest = new AutoReplyRecord(anna.id(), lee.id(), at(5), 2);

    scene.apply(MailboxChange.builder().recordAutoReply(latest).build());

    assertThat(scene.committed().autoResponders().lastReplies(List.of(anna.id(), ben.id(), carl.id()), lee.id()))
        .isEqualTo(Map.of(anna.id(), latest, ben.id(), new AutoReplyRecord(ben.id(), lee.id(), at(4), 7)));
    assertThat(scene.committed().autoResponders().lastReplies(List.of(anna.id()), mia.id()))
        .isEqualTo(Map.of(anna.id(), new AutoReplyRecord(anna.id(), mia.id(), at(3), 1)));
    assertThat(scene.committed().autoResponders().lastReplies(List.of(carl.id()), lee.id())).isEmpty();
    assertThat(scene.committed().autoResponders().lastReplies(List.of(lee.id()), anna.id())).isEmpty();
    assertThat(scene.committed().autoResponders().lastReplies(List.of(), lee.id())).isEmpty();
  }

  private static AutoResponderState state(String owner, long version) {
    return new AutoResponderState(
        AutoResponderSettings.builder().enabled(true).subject("Away: " + owner).build(), version, at(version));
  }
}
