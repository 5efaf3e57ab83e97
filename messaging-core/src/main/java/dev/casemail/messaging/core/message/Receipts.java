package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.List;

/**
 * Read receipts, stored under the sender (a storage port, used within one transaction), written
 * through {@code MailboxChanges}.
 */
public interface Receipts {

  /** The receipts of a message the sender sent, in the order of its recipients. */
  List<Receipt> of(ParticipantId sender, MessageId message);
}
