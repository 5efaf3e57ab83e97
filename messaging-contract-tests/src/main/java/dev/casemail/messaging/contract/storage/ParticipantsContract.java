package dev.casemail.messaging.contract.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.core.mailbox.Mailbox;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.participant.Participants;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The port {@link Participants}: registrations are found as inserted, never twice, never half. */
public interface ParticipantsContract extends StorageFixture {

  @Test
  default void aRegisteredParticipantIsFoundAsItWasInserted() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.register(
        new Participant(ParticipantId.of("anna müller 😀"), ParticipantRole.PARENT, "Anna Müller-Łęcka 😀"));

    assertThat(scene.committed().participants().find(lee.id())).contains(lee);
    assertThat(scene.committed().participants().find(anna.id())).contains(anna);
  }

  @Test
  default void anUnknownParticipantIsAbsentAndIdsCompareExactly() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");

    assertThat(scene.committed().participants().find(ParticipantId.of("ghost"))).isEmpty();
    assertThat(scene.committed().participants().find(ParticipantId.of("LEE"))).isEmpty();
    assertThat(scene.committed().participants().find(lee.id())).contains(lee);
  }

  @Test
  default void findAllReturnsTheRegisteredAmongTheIdsAndLeavesTheUnknownOut() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    ParticipantId ghost = ParticipantId.of("ghost");

    assertThat(scene.committed().participants().findAll(List.of(anna.id(), ghost, lee.id(), anna.id())))
        .isEqualTo(Map.of(anna.id(), anna, lee.id(), lee));
    assertThat(scene.committed().participants().findAll(List.of(ghost))).isEmpty();
    assertThat(scene.committed().participants().findAll(List.of())).isEmpty();
  }

  @Test
  default void aParticipantInsertedInATransactionIsFoundInTheSameTransaction() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant ben = new Participant(ParticipantId.of("ben"), ParticipantRole.PARENT, "Ben");

    scene.write(store -> {
      store.locks().lock(Set.of(ben.id()));
      store.participants().insert(ben);
      assertThat(store.participants().find(ben.id())).contains(ben);
      assertThat(store.participants().findAll(List.of(ben.id()))).isEqualTo(Map.of(ben.id(), ben));
      return null;
    });

    assertThat(scene.committed().participants().find(ben.id())).contains(ben);
  }

  @Test
  default void anIdRegisteredAgainIsAConflictAndTheFirstRegistrationStays() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant impostor = new Participant(lee.id(), ParticipantRole.PARENT, "Someone else");

    assertThatThrownBy(() -> scene.write(store -> {
      store.locks().lock(Set.of(lee.id()));
      store.participants().insert(impostor);
      return null;
    })).isInstanceOf(StorageConflictException.class);

    assertThat(scene.committed().participants().find(lee.id())).contains(lee);
  }

  @Test
  default void aRegistrationWhoseTransactionFailsLeavesNothingAndCanBeMadeAgain() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant ben = new Participant(ParticipantId.of("ben"), ParticipantRole.PARENT, "Ben");
    IllegalStateException failure = new IllegalStateException("the work fails after registering");

    assertThatThrownBy(() -> scene.write(store -> {
      store.locks().lock(Set.of(ben.id()));
      store.participants().insert(ben);
      store.changes().apply(Mailbox.open(ben.id()));
      assertThat(store.participants().find(ben.id())).contains(ben);
      throw failure;
    })).isSameAs(failure);

    assertThat(scene.committed().participants().find(ben.id())).isEmpty();
    assertThat(scene.committed().participants().findAll(List.of(ben.id()))).isEmpty();
    assertThat(scene.committed().folders().of(ben.id())).isEmpty();
    scene.register(ben);
    assertThat(scene.committed().participants().find(ben.id())).contains(ben);
  }
}
