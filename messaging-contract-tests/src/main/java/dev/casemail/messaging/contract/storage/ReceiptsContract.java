package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.personal;
import static dev.casemail.messaging.contract.storage.StorageScene.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.participant.Participant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The port {@link Receipts}: the sender's record of who first viewed their message, and when. */
public interface ReceiptsContract extends StorageFixture {

  @Test
  default void receiptsStartNeverViewedInTheOrderOfTheRecipients() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant zoe = scene.parent("zoe");
    Participant anna = scene.parent("anna");
    Message message = scene.deliver(personal(1, 1, lee, at(1), zoe, anna));

    assertThat(scene.committed().receipts().of(lee.id(), message.id()))
        .containsExactly(new Receipt(zoe.id(), Optional.empty()), new Receipt(anna.id(), Optional.empty()));
  }

  @Test
  default void aFirstViewIsRecordedOnTheReceiptOfThatRecipientOnly() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant zoe = scene.parent("zoe");
    Participant anna = scene.parent("anna");
    Message message = scene.deliver(personal(1, 1, lee, at(1), zoe, anna));

    scene.open(anna, message, at(7));

    assertThat(scene.committed().receipts().of(lee.id(), message.id()))
        .containsExactly(new Receipt(zoe.id(), Optional.empty()), new Receipt(anna.id(), Optional.of(at(7))));
    scene.open(zoe, message, at(9));
    assertThat(scene.committed().receipts().of(lee.id(), message.id()))
        .containsExactly(new Receipt(zoe.id(), Optional.of(at(9))), new Receipt(anna.id(), Optional.of(at(7))));
  }

  @Test
  default void receiptsAreKeptUnderTheSenderAndNoOneElse() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant mia = scene.practitioner("mia");
    Participant anna = scene.parent("anna");
    Message message = scene.deliver(personal(1, 1, lee, at(1), anna));
    Message other = scene.deliver(personal(2, 2, mia, at(2), anna));

    assertThat(scene.committed().receipts().of(anna.id(), message.id())).isEmpty();
    assertThat(scene.committed().receipts().of(mia.id(), message.id())).isEmpty();
    assertThat(scene.committed().receipts().of(lee.id(), other.id())).isEmpty();
    assertThat(scene.committed().receipts().of(lee.id(), MessageId.of(999))).isEmpty();
    assertThat(scene.committed().receipts().of(mia.id(), other.id()))
        .containsExactly(new Receipt(anna.id(), Optional.empty()));
  }

  @Test
  default void aSystemMessageHasNoReceipts() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Message notification = scene.deliver(system(MessageKind.NOTIFICATION, 1, at(1), anna));

    scene.open(anna, notification, at(2));

    assertThat(scene.committed().receipts().of(anna.id(), notification.id())).isEmpty();
  }
}
