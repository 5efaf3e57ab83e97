package dev.casemail.messaging.contract.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.core.paging.CursorSecrets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The port {@link CursorSecrets}: at least 32 random bytes, created when first needed, the same from
 * then on in every transaction, so that a cursor issued by one call is accepted by every later one.
 */
public interface CursorSecretsContract extends StorageFixture {

  @Test
  default void theSecretHasAtLeast32BytesAndIsNotBlank() {
    StorageScene scene = StorageScene.on(newStorage());

    byte[] secret = scene.committed().cursorSecrets().cursorSecret();

    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
    assertThat(secret).isNotEqualTo(new byte[secret.length]);
  }

  @Test
  default void theSecretIsTheSameOnEveryCallAndInEveryLaterTransaction() {
    StorageScene scene = StorageScene.on(newStorage());

    List<byte[]> firstRead = scene.read(store -> List.of(
        store.cursorSecrets().cursorSecret(), store.cursorSecrets().cursorSecret()));
    byte[] secret = firstRead.get(0);

    assertThat(firstRead.get(1)).isEqualTo(secret);
    byte[] inAWrite = scene.write(store -> {
      store.locks().lock(Set.of());
      return store.cursorSecrets().cursorSecret();
    });
    assertThat(inAWrite).isEqualTo(secret);
    assertThat(scene.committed().cursorSecrets().cursorSecret()).isEqualTo(secret);
  }

  @Test
  default void aSecretFirstNeededInAWriteIsKeptForTheReadsAfterIt() {
    StorageScene scene = StorageScene.on(newStorage());

    byte[] secret = scene.write(store -> {
      store.locks().lock(Set.of());
      return store.cursorSecrets().cursorSecret();
    });

    assertThat(scene.committed().cursorSecrets().cursorSecret()).isEqualTo(secret);
    assertThat(scene.committed().cursorSecrets().cursorSecret()).isEqualTo(secret);
  }

  @Test
  default void changingTheBytesReturnedChangesNothingStored() {
    StorageScene scene = StorageScene.on(newStorage());
    byte[] secret = scene.committed().cursorSecrets().cursorSecret();
    byte[] kept = secret.clone();

    secret[0] ^= (byte) 0xFF;

    assertThat(scene.committed().cursorSecrets().cursorSecret()).isEqualTo(kept);
  }
}
