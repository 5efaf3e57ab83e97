package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    store.folders().adjustCounts(countChanges(copies));
    message.sender().ifPresent(sender ->
        store.receipts().insert(
            sender.id(),
            message.id(),
            message.recipients().stream().map(Participant::id).collect(Collectors.toList())));
    return copies.get(0);
  }

  /** One change per folder touched: each copy counts in its folder and, if personal, in All Messages. */
  private static List<CountChange> countChanges(List<MessageCopy> copies) {
    Map<FolderOf, long[]> changes = new LinkedHashMap<>();
    for (MessageCopy copy : copies) {
      long unread = copy.isUnread() ? 1 : 0;
      add(changes, new FolderOf(copy.owner(), copy.folder()), unread);
      if (copy.inAllMessages()) {
        add(changes, new FolderOf(copy.owner(), SystemFolder.ALL_MESSAGES.id()), unread);
      }
    }
    List<CountChange> batch = new ArrayList<>(changes.size());
    changes.forEach((folder, counts) -> batch.add(new CountChange(folder.owner(), folder.id(), counts[0], counts[1])));
    return batch;
  }

  private static void add(Map<FolderOf, long[]> changes, FolderOf folder, long unread) {
    long[] counts = changes.computeIfAbsent(folder, k -> new long[2]);
    counts[0]++;
    counts[1] += unread;
  }

  private record FolderOf(ParticipantId owner, FolderId id) {}
}
