package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.config.AccessFacts;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponder;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.mailbox.Delivery;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Decides the auto-replies a newly delivered message calls for, in the same change. */
final class AutoReplies {

  private final Context context;

  AutoReplies(Context context) {
    this.context = context;
  }

  /**
   * The auto-replies to {@code incoming}: each from a recipient whose auto-responder answers it to its
   * sender, who is among the message's mailboxes already. Reads every recipient's settings in one go,
   * and the last replies of those that are active in one more.
   */
  MailboxChange answer(Store store, Message incoming, Instant now, AccessFacts facts) {
    if (incoming.kind() != MessageKind.PERSONAL) {
      return MailboxChange.NONE;
    }
    Participant sender = incoming.sender().orElseThrow();
    Map<ParticipantId, AutoResponderState> states = store.autoResponders()
        .findAll(incoming.recipients().stream().map(Participant::id).collect(Collectors.toList()));
    List<Participant> active = new ArrayList<>();
    for (Participant owner : incoming.recipients()) {
      AutoResponderState state = states.get(owner.id());
      if (state != null && state.settings().isActiveAt(now)) {
        active.add(owner);
      }
    }
    if (active.isEmpty()) {
      return MailboxChange.NONE;
    }
    Map<ParticipantId, AutoReplyRecord> lastReplies = store.autoResponders()
        .lastReplies(active.stream().map(Participant::id).collect(Collectors.toList()), sender.id());
    MailboxChange.Builder change = MailboxChange.builder();
    for (Participant owner : active) {
      Optional<AutoResponderState> state = Optional.of(states.get(owner.id()));
      Optional<AutoReplyRecord> last = Optional.ofNullable(lastReplies.get(owner.id()));
      if (!AutoResponder.shouldAnswer(owner.id(), incoming, state, last, now)
          || !context.mayMessage(owner, sender, facts)) {
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
      change.add(Delivery.of(reply))
          .recordAutoReply(new AutoReplyRecord(owner.id(), sender.id(), now, state.get().version()));
    }
    return change.build();
  }
}
