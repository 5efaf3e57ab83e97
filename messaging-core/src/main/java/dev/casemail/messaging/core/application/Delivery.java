package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Puts a sent message into mailboxes: one copy for the sender (in Sent) and one for each recipient (in
 * its home folder), the folder counts that follow, and the sender's read receipts. Every kind of
 * message (personal, auto-reply, system) is delivered here and nowhere else.
 */
final class Delivery {

  private Delivery() {}

  static MessageCopy deliver(Store store, Message message) {
    List<MessageCopy> copies = new ArrayList<>(message.recipients().size() + 1);
    message.sender().ifPresent(sender -> copies.add(MessageCopy.forSender(message)));
    for (Participant recipient : message.recipients()) {
      copies.add(MessageCopy.forRecipient(message, recipient.id()));
    }
    store.copies().insert(copies);
    for (MessageCopy copy : copies) {
      count(store.folders(), copy, 1);
    }
    message.sender().ifPresent(sender ->
        store.receipts().insert(
            sender.id(),
            message.id(),
            message.recipients().stream().map(Participant::id).collect(Collectors.toList())));
    return copies.get(0);
  }

  /** Adds ({@code sign} 1) or removes ({@code sign} -1) a copy from the counts of its folder and of All Messages. */
  static void count(Folders folders, MessageCopy copy, int sign) {
    long unread = copy.isUnread() ? sign : 0;
    folders.adjustCounts(copy.owner(), copy.folder(), sign, unread);
    if (copy.inAllMessages()) {
      folders.adjustCounts(copy.owner(), SystemFolder.ALL_MESSAGES.id(), sign, unread);
    }
  }
}
