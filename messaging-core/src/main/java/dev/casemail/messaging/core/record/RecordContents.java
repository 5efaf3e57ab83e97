package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What the record says of the domain's facts: a message, a first view, the latest step of a link. */
public final class RecordContents {

  private RecordContents() {}

  /** A message as the record keeps it: every field that never changes, the senders' names as sent. */
  public static RecordedMessage message(Message message) {
    return new RecordedMessage(
        message.id(),
        message.thread(),
        message.kind(),
        message.sender().map(Participant::view),
        message.recipients().stream().map(Participant::view).collect(Collectors.toList()),
        message.subject(),
        message.body(),
        message.sentAt(),
        message.inReplyTo(),
        message.attachments().stream().map(file -> file.hash().hex()).collect(Collectors.toList()),
        message.attachments());
  }

  /** {@code viewer}'s first view of a message. */
  public static RecordedFirstView firstView(Message message, ParticipantId viewer, Instant at) {
    return new RecordedFirstView(message.id(), viewer, at);
  }

  /** The step that brought {@code link} to its state: its last event. */
  public static RecordedAccessEvent lastStep(AccessLink link) {
    AccessEvent event = link.lastEvent();
    return new RecordedAccessEvent(
        link.practitioner(), link.parent(), link.eventCount(), event.status(), event.actor(), event.at());
  }
}
