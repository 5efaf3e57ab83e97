package dev.casemail.messaging.contract.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.participant.Participant;
import org.junit.jupiter.api.Test;

/** The port {@link SentKeys}: an idempotency key is found as remembered, under its owner only. */
public interface SentKeysContract extends StorageFixture {

  @Test
  default void aRememberedKeyIsFoundWithItsFingerprintAndMessage() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    SentKey key = new SentKey(lee.id(), "send:7f3a-öß 😀", "sha256:0123abcd", MessageId.of(Long.MAX_VALUE));

    scene.apply(MailboxChange.builder().rememberKey(key).build());

    assertThat(scene.committed().sentKeys().find(lee.id(), key.key())).contains(key);
  }

  @Test
  default void aKeyIsFoundOnlyUnderItsOwnerAndExactlyAsWritten() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    SentKey key = new SentKey(lee.id(), "send:k1", "f1", MessageId.of(1));
    scene.apply(MailboxChange.builder().rememberKey(key).build());

    assertThat(scene.committed().sentKeys().find(anna.id(), "send:k1")).isEmpty();
    assertThat(scene.committed().sentKeys().find(ParticipantId.of("ghost"), "send:k1")).isEmpty();
    assertThat(scene.committed().sentKeys().find(lee.id(), "send:K1")).isEmpty();
    assertThat(scene.committed().sentKeys().find(lee.id(), "send:k2")).isEmpty();
    assertThat(scene.committed().sentKeys().find(lee.id(), "reply:k1")).isEmpty();
  }

  @Test
  default void twoOwnersMayUseTheSameKey() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    SentKey lees = new SentKey(lee.id(), "send:k1", "f1", MessageId.of(1));
    SentKey annas = new SentKey(anna.id(), "send:k1", "f2", MessageId.of(2));

    scene.apply(MailboxChange.builder().rememberKey(lees).rememberKey(annas).build());

    assertThat(scene.committed().sentKeys().find(lee.id(), "send:k1")).contains(lees);
    assertThat(scene.committed().sentKeys().find(anna.id(), "send:k1")).contains(annas);
  }
}
