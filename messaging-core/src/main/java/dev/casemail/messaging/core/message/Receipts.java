package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.List;
import java.util.Map;

/**
 * Read receipts, stored under the sender (a storage port, used within one transaction), written
 * through {@code MailboxChanges}.
 */
public interface Receipts {

  /** The receipts of a message the sender sent, in the order of its recipients. */
  List<Receipt> of(ParticipantId sender, MessageId message);

  /** The receipts of every message the sender sent, by message (for an export of the sender's record). */
  Map<MessageId, List<Receipt>> every(ParticipantId sender);
}
