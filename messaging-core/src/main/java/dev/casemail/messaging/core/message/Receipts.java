package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import java.time.Instant;
import java.util.List;

/** Read receipts, stored under the sender (a storage port, used within one transaction). */
public interface Receipts {

  /** Starts a receipt, "never viewed", for each recipient of a message the sender just sent. */
  void insert(ParticipantId sender, MessageId message, List<ParticipantId> recipients);

  /** Records the first view of the recipient (whose receipt is known to be "never viewed"). */
  void recordFirstView(ParticipantId sender, MessageId message, ParticipantId recipient, Instant at);

  /** The receipts of a message the sender sent, in any order. */
  List<Receipt> of(ParticipantId sender, MessageId message);
}
