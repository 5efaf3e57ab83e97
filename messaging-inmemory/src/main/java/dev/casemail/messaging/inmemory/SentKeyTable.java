package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.util.Optional;

/** Idempotency keys, per owner. */
final class SentKeyTable implements SentKeys {

  private final Mailboxes mailboxes;
  private final UndoLog undo;

  SentKeyTable(Mailboxes mailboxes, UndoLog undo) {
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  @Override
  public Optional<SentKey> find(ParticipantId owner, String key) {
    return mailboxes.existing(owner).map(m -> m.sentKeys.get(key));
  }

  void insert(SentKey key) {
    MailboxData mailbox = mailboxes.forWrite(key.owner());
    if (mailbox.sentKeys.containsKey(key.key())) {
      throw new StorageConflictException("idempotency key taken");
    }
    undo.put(mailbox.sentKeys, key.key(), key);
  }
}
