package dev.casemail.messaging.core.port;

import dev.casemail.messaging.core.attachment.AttachmentIndex;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.event.Outbox;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.mailbox.MailboxChanges;
import dev.casemail.messaging.core.mailbox.MailboxLocks;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.paging.CursorSecrets;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Participants;
import dev.casemail.messaging.core.record.Records;
import java.util.Objects;

/**
 * The storage ports of one transaction, as an adapter hands them to the core. Each is a small
 * interface named after what it stores, living next to the domain concept it serves. The ports read;
 * every change to a mailbox goes through {@link #changes()} after {@link #locks()}; only the
 * directory ({@link #participants()}, {@link #families()}) is written directly. Adapters store and
 * find; every rule is the core's.
 */
public record Store(
    Participants participants,
    Families families,
    AccessLinks accessLinks,
    MessageCopies copies,
    Receipts receipts,
    SentKeys sentKeys,
    Folders folders,
    Drafts drafts,
    AutoResponders autoResponders,
    CursorSecrets cursorSecrets,
    Records records,
    Outbox outbox,
    MailboxLocks locks,
    MailboxChanges changes,
    AttachmentIndex attachments) {

  public Store {
    Objects.requireNonNull(participants, "participants");
    Objects.requireNonNull(families, "families");
    Objects.requireNonNull(accessLinks, "accessLinks");
    Objects.requireNonNull(copies, "copies");
    Objects.requireNonNull(receipts, "receipts");
    Objects.requireNonNull(sentKeys, "sentKeys");
    Objects.requireNonNull(folders, "folders");
    Objects.requireNonNull(drafts, "drafts");
    Objects.requireNonNull(autoResponders, "autoResponders");
    Objects.requireNonNull(cursorSecrets, "cursorSecrets");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(locks, "locks");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(attachments, "attachments");
  }
}
