package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.personal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.mailbox.Delivery;
import dev.casemail.messaging.core.mailbox.MailboxLocks;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The port {@link MailboxLocks}: every write transaction locks, once and before it reads, every
 * mailbox it is going to write, registered or not, or none at all.
 */
public interface MailboxLocksContract extends StorageFixture {

  @Test
  default void aWriteMayLockMailboxesNotRegisteredYet() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    ParticipantId ghost = ParticipantId.of("ghost");

    String done = scene.write(store -> {
      store.locks().lock(Set.of(ghost, lee.id()));
      return "committed";
    });

    assertThat(done).isEqualTo("committed");
    assertThat(scene.committed().participants().find(ghost)).isEmpty();
  }

  @Test
  default void aWriteMayLockNoMailboxAtAll() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Family family = new Family(FamilyId.of("miller"), "The Millers", Set.of(anna.id()));

    scene.write(store -> {
      store.locks().lock(Set.of());
      store.families().insert(family);
      return null;
    });

    assertThat(scene.committed().families().find(family.id())).contains(family);
  }

  @Test
  default void theLockedMailboxesAreWrittenInTheSameTransaction() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant zoe = scene.practitioner("zoe");
    Participant anna = scene.parent("anna");
    Participant mia = scene.parent("mia");
    Message message = personal(1, 1, zoe, at(1), mia, anna);
    Set<ParticipantId> owners = new HashSet<>(List.of(mia.id(), zoe.id(), anna.id()));

    scene.write(store -> {
      store.locks().lock(owners);
      store.changes().apply(Delivery.of(message));
      return null;
    });

    assertThat(scene.committed().copies().find(anna.id(), message.id()))
        .contains(MessageCopy.forRecipient(message, anna.id()));
    assertThat(scene.committed().copies().find(mia.id(), message.id()))
        .contains(MessageCopy.forRecipient(message, mia.id()));
    assertThat(scene.committed().copies().find(zoe.id(), message.id())).contains(MessageCopy.forSender(message));
  }
}
