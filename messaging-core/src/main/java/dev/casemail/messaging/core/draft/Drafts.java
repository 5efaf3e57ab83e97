package dev.casemail.messaging.core.draft;

import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.paging.PageKey;
import java.util.List;
import java.util.Optional;

/** Drafts (a storage port, used within one transaction), scoped to their owner, written through {@code MailboxChanges}. */
public interface Drafts {

  Optional<Draft> find(ParticipantId owner, DraftId draft);

  /** The owner's drafts, most recently saved first by (updated time, id). */
  List<Draft> page(ParticipantId owner, Optional<PageKey> after, int limit);
}
