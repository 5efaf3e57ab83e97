package dev.casemail.messaging.core.autoresponder;

import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.message.Message;
import java.time.Instant;
import java.util.Optional;

/**
 * Should the owner's auto-responder answer this message? Only while active, only a personal message
 * (never an auto-reply, so two auto-responders never ping-pong, and never a system message), never
 * the owner's own message, and at most once per sender per interval, counted afresh whenever the
 * settings change. Whether the owner may message the sender at all is the access policy's to say,
 * and is asked separately.
 */
public final class AutoResponder {

  private AutoResponder() {}

  public static boolean shouldAnswer(
      ParticipantId owner,
      Message incoming,
      Optional<AutoResponderState> state,
      Optional<AutoReplyRecord> lastReply,
      Instant now) {
    if (state.isEmpty() || !state.get().settings().isActiveAt(now)) {
      return false;
    }
    if (incoming.kind() != MessageKind.PERSONAL || incoming.isFrom(owner) || incoming.sender().isEmpty()) {
      return false;
    }
    if (lastReply.isEmpty() || lastReply.get().settingsVersion() != state.get().version()) {
      return true;
    }
    Instant nextAllowed = lastReply.get().at().plus(state.get().settings().replyInterval());
    return !now.isBefore(nextAllowed);
  }
}
