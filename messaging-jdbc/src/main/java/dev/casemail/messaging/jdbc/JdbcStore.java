package dev.casemail.messaging.jdbc;

import com.google.common.cache.Cache;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.mailbox.MailboxLocks;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import dev.casemail.messaging.core.record.RecordHead;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ports of one transaction on one connection, in SQL that PostgreSQL and H2 share: one class per
 * table (or pair of tables), all on the transaction's {@link Sql}. Adapters store and find; every rule
 * is the core's.
 */
final class JdbcStore {

  /**
   * Locks the mailboxes' rows in {@code mailboxes} in key order, in one statement: writes to one
   * mailbox are serialized across every connection and service instance, and since every write locks
   * all its mailboxes at once in this one order, two writes never wait for each other in a cycle. With
   * the lock it reads what the transaction's rows need to know of each mailbox: the record's head, the
   * event count, the version of its access links and whether its owner ever saved auto-responder settings.
   */
  static final String LOCK_MAILBOXES = "SELECT owner_id, record_size, record_frontier, event_count, links_version,"
      + " auto_responder_saved FROM mailboxes WHERE owner_id IN (%s) ORDER BY owner_id FOR UPDATE";

  /** The lock statement for 1 to {@value #LOCK_STATEMENTS_KEPT} mailboxes, built once (every write begins with it). */
  private static final int LOCK_STATEMENTS_KEPT = 64;

  private static final String[] LOCK_STATEMENTS = new String[LOCK_STATEMENTS_KEPT + 1];

  static {
    for (int count = 1; count <= LOCK_STATEMENTS_KEPT; count++) {
      LOCK_STATEMENTS[count] = String.format(LOCK_MAILBOXES, Sql.marks(count));
    }
  }

  private static String lockStatement(int count) {
    return count <= LOCK_STATEMENTS_KEPT ? LOCK_STATEMENTS[count] : String.format(LOCK_MAILBOXES, Sql.marks(count));
  }

  private JdbcStore() {}

  /** The ports of one transaction, and what to do once it committed. */
  record Opened(Store store, Runnable committed) {}

  static Opened open(
      Sql sql,
      Cache<ParticipantId, Participant> directory,
      Cache<ParticipantId, AccessLinkRows.VersionedStatuses> linkStatuses) {
    AttachmentRows attachments = new AttachmentRows(sql);
    CopyRows copies = new CopyRows(sql, attachments);
    ReceiptRows receipts = new ReceiptRows(sql);
    FolderRows folders = new FolderRows(sql);
    DraftRows drafts = new DraftRows(sql, attachments);
    AutoResponderRows autoResponders = new AutoResponderRows(sql);
    SentKeyRows sentKeys = new SentKeyRows(sql);
    AccessLinkRows links = new AccessLinkRows(sql, linkStatuses);
    RecordRows records = new RecordRows(sql);
    OutboxRows outbox = new OutboxRows(sql);
    Store store = new Store(
        new ParticipantRows(sql, directory),
        new FamilyRows(sql),
        links,
        copies,
        receipts,
        sentKeys,
        folders,
        drafts,
        autoResponders,
        new CursorSecretRows(sql),
        records,
        outbox,
        locks(sql, outbox, links, autoResponders),
        new ChangeWriter(
            copies, receipts, folders, drafts, autoResponders, sentKeys, links, records, outbox, new MailboxRows(sql)),
        attachments);
    return new Opened(store, links::committed);
  }

  private static MailboxLocks locks(
      Sql sql, OutboxRows outbox, AccessLinkRows links, AutoResponderRows autoResponders) {
    return new MailboxLocks() {
      private boolean locked;

      @Override
      public Map<ParticipantId, RecordHead> lock(Set<ParticipantId> owners) {
        sql.requireWritable();
        if (locked) {
          throw new IllegalStateException("a write transaction locks its mailboxes once, all at once");
        }
        locked = true;
        Map<ParticipantId, RecordHead> heads = new HashMap<>();
        if (owners.isEmpty()) {
          return heads;
        }
        String[] ids = new String[owners.size()];
        int next = 0;
        for (ParticipantId owner : owners) {
          ids[next++] = owner.value();
        }
        Arrays.sort(ids);
        sql.query(
            lockStatement(ids.length),
            row -> {
              ParticipantId owner = ParticipantId.of(row.getString("owner_id"));
              outbox.locked(owner, row.getLong("event_count"));
              links.locked(owner, row.getLong("links_version"));
              autoResponders.locked(owner, row.getBoolean("auto_responder_saved"));
              return heads.put(owner, RecordRows.head(row));
            },
            (Object[]) ids);
        return heads;
      }
    };
  }
}
