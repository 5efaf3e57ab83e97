package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.participant.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Puts a sent message into mailboxes: one copy for the sender (in Sent) and one for each recipient (in
 * its home folder), and the sender's read receipts, every recipient "never viewed". Every kind of
 * message (personal, auto-reply, system) is delivered here and nowhere else.
 */
public final class Delivery {

  private Delivery() {}

  /** The change that delivers {@code message}. */
  public static MailboxChange of(Message message) {
    MailboxChange.Builder change = MailboxChange.builder();
    message.sender().ifPresent(sender -> change.place(MessageCopy.forSender(message)));
    for (Participant recipient : message.recipients()) {
      change.place(MessageCopy.forRecipient(message, recipient.id()));
    }
    message.sender().ifPresent(sender -> change.startReceipts(
        sender.id(),
        message.id(),
        message.recipients().stream().map(Participant::id).collect(Collectors.toList())));
    return change.build();
  }

  /** Every mailbox the message lands in: the sender's (if any) and each recipient's. */
  public static List<ParticipantId> mailboxesOf(Message message) {
    List<ParticipantId> owners = new ArrayList<>();
    message.sender().ifPresent(sender -> owners.add(sender.id()));
    message.recipients().forEach(recipient -> owners.add(recipient.id()));
    return owners;
  }
}
