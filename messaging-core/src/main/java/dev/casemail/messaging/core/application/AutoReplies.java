package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.access.AccessFacts;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponder;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sends the auto-replies a newly delivered message calls for, in the same transaction. */
final class AutoReplies {

  private final Context context;

  AutoReplies(Context context) {
    this.context = context;
  }

  void answer(Store store, Message incoming, Instant now) {
    if (incoming.kind() != MessageKind.PERSONAL) {
      return;
    }
    Participant sender = incoming.sender().orElseThrow();
    AccessFacts facts = new StoreAccessFacts(store);
    Map<ParticipantId, AutoResponderState> states = store.autoResponders()
        .findAll(incoming.recipients().stream().map(Participant::id).collect(Collectors.toList()));
    for (Participant owner : incoming.recipients()) {
      Optional<AutoResponderState> state = Optional.ofNullable(states.get(owner.id()));
      if (state.isEmpty() || !state.get().settings().isActiveAt(now)) {
        continue;
      }
      Optional<AutoReplyRecord> last = store.autoResponders().lastReply(owner.id(), sender.id());
      if (!AutoResponder.shouldAnswer(owner.id(), incoming, state, last, now)
          || !context.policy.mayMessage(owner, sender, facts)) {
        continue;
      }
      AutoResponderSettings settings = state.get().settings();
      Message reply = new Message(
          new MessageId(context.nextId()),
          incoming.thread(),
          MessageKind.AUTO_REPLY,
          Optional.of(owner),
          List.of(sender),
          settings.subject(),
          settings.body(),
          now,
          Optional.of(incoming.id()));
      Delivery.deliver(store, reply);
      store.autoResponders().recordReply(new AutoReplyRecord(owner.id(), sender.id(), now, state.get().version()));
    }
  }
}
