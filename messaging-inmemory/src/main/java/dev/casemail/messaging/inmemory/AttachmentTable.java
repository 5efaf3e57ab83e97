package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.core.attachment.AttachmentIndex;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What messages and drafts carry, read from the copies and drafts themselves (a message's files live in
 * its {@code Message}): the quota walks the owner's mailbox, the clean-up's question walks every mailbox.
 * Both are walks in memory, which is what this adapter is for; the JDBC adapter seeks on indexes.
 */
final class AttachmentTable implements AttachmentIndex {

  private final InMemoryStorage data;

  AttachmentTable(InMemoryStorage data) {
    this.data = data;
  }

  @Override
  public long quotaUsage(ParticipantId owner) {
    MailboxData mailbox = data.mailboxes.get(owner);
    if (mailbox == null) {
      return 0;
    }
    long used = 0;
    for (CopyEntry copy : mailbox.copies.values()) {
      if (copy.message.isFrom(owner)) {
        used += bytes(copy.message.attachments());
      }
    }
    for (MailboxData.DraftEntry draft : mailbox.drafts.values()) {
      used += bytes(draft.draft.attachments());
    }
    return used;
  }

  @Override
  public Set<ContentHash> referenced(Collection<ContentHash> hashes) {
    Set<ContentHash> wanted = new HashSet<>(hashes);
    Set<ContentHash> found = new HashSet<>();
    for (MailboxData mailbox : data.mailboxes.values()) {
      for (CopyEntry copy : mailbox.copies.values()) {
        collect(copy.message.attachments(), wanted, found);
      }
      for (MailboxData.DraftEntry draft : mailbox.drafts.values()) {
        collect(draft.draft.attachments(), wanted, found);
      }
    }
    return found;
  }

  private static void collect(List<AttachmentView> files, Set<ContentHash> wanted, Set<ContentHash> found) {
    for (AttachmentView file : files) {
      if (wanted.contains(file.hash())) {
        found.add(file.hash());
      }
    }
  }

  private static long bytes(List<AttachmentView> files) {
    long sum = 0;
    for (AttachmentView file : files) {
      sum += file.size();
    }
    return sum;
  }
}
