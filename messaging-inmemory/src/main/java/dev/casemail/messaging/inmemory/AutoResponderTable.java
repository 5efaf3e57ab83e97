package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Each mailbox's auto-responder settings and its last auto-reply to each correspondent. */
final class AutoResponderTable implements AutoResponders {

  private final Mailboxes mailboxes;
  private final UndoLog undo;

  AutoResponderTable(Mailboxes mailboxes, UndoLog undo) {
    this.mailboxes = mailboxes;
    this.undo = undo;
  }

  @Override
  public Optional<AutoResponderState> find(ParticipantId owner) {
    return mailboxes.existing(owner).map(m -> m.autoResponder);
  }

  @Override
  public Map<ParticipantId, AutoResponderState> findAll(Collection<ParticipantId> owners) {
    Map<ParticipantId, AutoResponderState> found = new LinkedHashMap<>();
    for (ParticipantId owner : owners) {
      find(owner).ifPresent(state -> found.put(owner, state));
    }
    return found;
  }

  @Override
  public OptionalLong version(ParticipantId owner) {
    return find(owner).map(state -> OptionalLong.of(state.version())).orElse(OptionalLong.empty());
  }

  @Override
  public Map<ParticipantId, AutoReplyRecord> lastReplies(Collection<ParticipantId> owners, ParticipantId correspondent) {
    Map<ParticipantId, AutoReplyRecord> found = new LinkedHashMap<>();
    for (ParticipantId owner : owners) {
      mailboxes.existing(owner).map(m -> m.autoReplies.get(correspondent)).ifPresent(reply -> found.put(owner, reply));
    }
    return found;
  }

  void save(ParticipantId owner, AutoResponderState state) {
    MailboxData mailbox = mailboxes.forWrite(owner);
    AutoResponderState previous = mailbox.autoResponder;
    undo.record(() -> mailbox.autoResponder = previous); // first: a read-only transaction refuses before anything changes
    mailbox.autoResponder = state;
  }

  void recordReply(AutoReplyRecord reply) {
    undo.put(mailboxes.forWrite(reply.owner()).autoReplies, reply.correspondent(), reply);
  }
}
