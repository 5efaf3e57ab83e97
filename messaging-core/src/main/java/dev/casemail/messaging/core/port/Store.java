package dev.casemail.messaging.core.port;

import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Participants;

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
}
