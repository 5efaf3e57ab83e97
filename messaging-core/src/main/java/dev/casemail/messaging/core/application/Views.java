package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ReadReceipt;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.message.ListedCopy;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns domain records into the API's views. */
final class Views {

  private Views() {}

  /** The owner's copy with its body; for a sent copy, with each recipient's first-viewed time. */
  static MessageView message(Store store, MessageCopy copy) {
    Map<ParticipantId, Optional<Instant>> viewed = new HashMap<>();
    if (copy.direction() == Direction.SENT) {
      for (Receipt receipt : store.receipts().of(copy.owner(), copy.message().id())) {
        viewed.put(receipt.recipient(), receipt.firstViewedAt());
      }
    }
    return message(copy, viewed);
  }

  /** The sender's copy of a message sent in this very transaction: nobody can have viewed it yet. */
  static MessageView justSent(MessageCopy copy) {
    return message(copy, Map.of());
  }

  private static MessageView message(MessageCopy copy, Map<ParticipantId, Optional<Instant>> viewed) {
    Message message = copy.message();
    MessageView.Builder view =
        MessageView.builder()
            .id(message.id())
            .thread(message.thread())
            .kind(message.kind())
            .direction(copy.direction())
            .sender(message.sender().map(Participant::view))
            .recipients(message.recipients().stream().map(Participant::view).collect(Collectors.toList()))
            .subject(message.subject())
            .body(message.body())
            .sentAt(message.sentAt())
            .inReplyTo(message.inReplyTo())
            .folder(copy.folder())
            .openedAt(copy.openedAt())
            .attachments(message.attachments());
    if (copy.direction() == Direction.SENT) {
      for (Participant recipient : message.recipients()) {
        view.addReceipts(
            ReadReceipt.builder()
                .recipient(recipient.view())
                .firstViewedAt(viewed.getOrDefault(recipient.id(), Optional.empty()))
                .build());
      }
    }
    return view.build();
  }

  /** The owner's copy as a listing shows it. */
  static MessageSummary summary(ListedCopy copy) {
    return MessageSummary.builder()
        .id(copy.id())
        .thread(copy.thread())
        .kind(copy.kind())
        .direction(copy.direction())
        .sender(copy.sender().map(Participant::view))
        .recipients(copy.recipients().stream().map(Participant::view).collect(Collectors.toList()))
        .subject(copy.subject())
        .preview(copy.preview())
        .sentAt(copy.sentAt())
        .folder(copy.folder())
        .openedAt(copy.openedAt())
        .build();
  }

  static AccessLinkView link(AccessLink link, Map<ParticipantId, Participant> participants) {
    return AccessLinkView.builder()
        .practitioner(participants.get(link.practitioner()).view())
        .parent(participants.get(link.parent()).view())
        .status(link.status())
        .requestedBy(link.requestedBy())
        .history(link.history())
        .eventCount(link.eventCount())
        .build();
  }

  static List<ParticipantId> sides(AccessLink link) {
    return List.of(link.practitioner(), link.parent());
  }
}
