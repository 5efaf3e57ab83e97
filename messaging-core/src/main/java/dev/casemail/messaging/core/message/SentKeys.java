package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Optional;

/**
 * Idempotency keys (a storage port, used within one transaction), written through
 * {@code MailboxChanges}. A store must refuse a second key with the same owner and key atomically (a
 * unique key, not a read-then-write), signalling it with a {@code StorageConflictException} so the call
 * is retried and finds the first.
 */
public interface SentKeys {

  Optional<SentKey> find(ParticipantId owner, String key);
}
