package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Objects;

/**
 * Remembers that an idempotent call of {@code owner} produced {@code message}.
 *
 * @param key the namespaced key (the kind of call and the caller's key)
 * @param fingerprint a digest of the call's content, to tell a retry from a reuse of the key
 */
public record SentKey(ParticipantId owner, String key, String fingerprint, MessageId message) {

  public SentKey {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(message, "message");
  }
}
