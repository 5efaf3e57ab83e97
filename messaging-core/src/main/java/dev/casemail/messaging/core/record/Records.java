package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.ParticipantId;
import java.util.List;
import java.util.Optional;

/**
 * The mailboxes' records (a storage port, used within one transaction), written through
 * {@code MailboxChanges}: each mailbox's entries in order, its head, and its exports.
 */
public interface Records {

  /** The head of the owner's record as stored; {@link RecordHead#EMPTY} if nothing was recorded. */
  RecordHead head(ParticipantId owner);

  /** Every stored entry of the owner's record, in index order (an export reads all of them). */
  List<StoredEntry> entries(ParticipantId owner);

  /**
   * The stored entry at {@code index} of the owner's record, if there is one: an export asks for the
   * place its own entry will take, which only a record changed behind the library's back has filled.
   */
  Optional<StoredEntry> entry(ParticipantId owner, long index);

  /** Every export of the owner's record, in number order. */
  List<StoredExport> exports(ParticipantId owner);
}
