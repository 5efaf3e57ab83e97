package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Optional;

/** The mailboxes of one transaction: read as they are, or created (undoably) on the first write. */
final class Mailboxes {

  private final InMemoryStorage data;
  private final UndoLog undo;

  Mailboxes(InMemoryStorage data, UndoLog undo) {
    this.data = data;
    this.undo = undo;
  }

  /** The owner's mailbox for reading; empty if nothing was ever stored for them. */
  Optional<MailboxData> existing(ParticipantId owner) {
    return Optional.ofNullable(data.mailboxes.get(owner));
  }

  /** The owner's mailbox for writing, created if new. */
  MailboxData forWrite(ParticipantId owner) {
    MailboxData mailbox = data.mailboxes.get(owner);
    if (mailbox == null) {
      mailbox = new MailboxData();
      undo.put(data.mailboxes, owner, mailbox);
    }
    return mailbox;
  }
}
