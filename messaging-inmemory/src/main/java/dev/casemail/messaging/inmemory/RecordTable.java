package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.record.RecordAppend;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.Records;
import dev.casemail.messaging.core.record.SealedRecord;
import dev.casemail.messaging.core.record.StoredEntry;
import dev.casemail.messaging.core.record.StoredExport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every mailbox's record: its entries, its head and its exports. */
final class RecordTable implements Records {

  private final Mailboxes mailboxes;
  private final UndoLog undo;

  RecordTable(Mailboxes mailboxes, UndoLog undo) {
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  @Override
  public RecordHead head(ParticipantId owner) {
    return mailboxes.existing(owner).map(m -> m.recordHead).orElse(RecordHead.EMPTY);
  }

  @Override
  public List<StoredEntry> entries(ParticipantId owner) {
    return mailboxes.existing(owner).map(m -> List.copyOf(m.record)).orElse(List.of());
  }

  @Override
  public Optional<StoredEntry> entry(ParticipantId owner, long index) {
    return mailboxes.existing(owner).filter(m -> index >= 0 && index < m.record.size()).map(m -> m.record.get((int) index));
  }

  @Override
  public List<StoredExport> exports(ParticipantId owner) {
    return mailboxes.existing(owner).map(m -> List.copyOf(m.exports)).orElse(List.of());
  }

  void saveExports(List<StoredExport> exports) {
    for (StoredExport export : exports) {
      MailboxData mailbox = mailboxes.forWrite(export.head().mailbox());
      long expected = mailbox.exports.size() + 1L;
      if (export.export().exportNumber() != expected) {
        throw new StorageConflictException("export #" + export.export().exportNumber() + " of " + export.head().mailbox()
            + " is not the next (#" + expected + ")");
      }
      undo.append(mailbox.exports, export);
    }
  }

  void append(SealedRecord record) {
    for (RecordAppend append : record.appends()) {
      MailboxData mailbox = mailboxes.forWrite(append.entry().mailbox());
      if (append.entry().index() != mailbox.record.size()) {
        throw new StorageConflictException("entry #" + append.entry().index() + " of the record of "
            + append.entry().mailbox() + " was sealed onto another head");
      }
      undo.append(mailbox.record, append.stored());
    }
    for (Map.Entry<ParticipantId, RecordHead> head : record.heads().entrySet()) {
      MailboxData mailbox = mailboxes.forWrite(head.getKey());
      RecordHead previous = mailbox.recordHead;
      undo.record(() -> mailbox.recordHead = previous);
      mailbox.recordHead = head.getValue();
    }
  }
}
