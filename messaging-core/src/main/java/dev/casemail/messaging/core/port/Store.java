package dev.casemail.messaging.core.port;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Participants;
import java.util.Collection;

/**
 * The storage ports of one transaction. Each is a small interface named after what it stores and
 * living next to the domain concept it serves; an adapter implements all of them. Adapters store and
 * find; every rule is the core's.
 */
public interface Store {

  Participants participants();

  Families families();

  AccessLinks accessLinks();

  MessageCopies copies();

  Receipts receipts();

  SentKeys sentKeys();

  Folders folders();

  Drafts drafts();

  AutoResponders autoResponders();

  /**
   * Announces, before anything else is read, every mailbox a write is about to touch, so that a
   * transactional store can lock them all at once and in a fixed order (fewer round trips, no
   * deadlock between two sends in opposite directions). A store that locks otherwise may ignore it;
   * a store must still be correct for mailboxes touched without being announced.
   */
  default void lockMailboxes(Collection<ParticipantId> owners) {}
}
