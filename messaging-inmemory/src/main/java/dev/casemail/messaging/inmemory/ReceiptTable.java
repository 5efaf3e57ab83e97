package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Per sent message, each recipient's first-viewed time, kept in the sender's mailbox. */
final class ReceiptTable implements Receipts {

  private final Mailboxes mailboxes;
  private final UndoLog undo;

  ReceiptTable(Mailboxes mailboxes, UndoLog undo) {
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  @Override
  public List<Receipt> of(ParticipantId sender, MessageId message) {
    Map<ParticipantId, Instant> receipts = mailboxes.existing(sender).map(m -> m.receipts.get(message)).orElse(null);
    if (receipts == null) {
      return List.of();
    }
    List<Receipt> found = new ArrayList<>(receipts.size());
    receipts.forEach((recipient, at) -> found.add(new Receipt(recipient, Optional.ofNullable(at))));
    return found;
  }

  @Override
  public Map<MessageId, List<Receipt>> every(ParticipantId sender) {
    Map<MessageId, List<Receipt>> every = new LinkedHashMap<>();
    mailboxes.existing(sender).ifPresent(mailbox -> mailbox.receipts.keySet().forEach(id -> every.put(id, of(sender, id))));
    return every;
  }

  void start(ParticipantId sender, MessageId message, List<ParticipantId> recipients) {
    MailboxData mailbox = mailboxes.forWrite(sender);
    if (mailbox.receipts.containsKey(message)) {
      throw new StorageConflictException("receipts of " + message + " exist");
    }
    LinkedHashMap<ParticipantId, Instant> receipts = new LinkedHashMap<>();
    recipients.forEach(recipient -> receipts.put(recipient, null));
    undo.put(mailbox.receipts, message, receipts);
  }

  void recordFirstView(ParticipantId sender, MessageId message, ParticipantId recipient, Instant at) {
    LinkedHashMap<ParticipantId, Instant> receipts = mailboxes.forWrite(sender).receipts.get(message);
    if (receipts == null || !receipts.containsKey(recipient)) {
      throw new IllegalStateException("no receipt of " + recipient + " for " + message);
    }
    if (receipts.get(recipient) != null) {
      throw new StorageConflictException("the first view of " + recipient + " was recorded meanwhile");
    }
    undo.put(receipts, recipient, at);
  }
}
