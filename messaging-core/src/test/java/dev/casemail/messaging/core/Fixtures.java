package dev.casemail.messaging.core;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The people and messages the core's unit tests talk about. */
public final class Fixtures {

  /** When things happen, unless a test says otherwise. */
  public static final Instant NOW = Instant.parse("2025-03-01T09:30:00Z");

  public static final Participant MEDIATOR = practitioner("mediator", "Mia Mediator");
  public static final Participant ATTORNEY = practitioner("attorney", "Alan Attorney");
  public static final Participant MOTHER = parent("mother", "Maria Parent");
  public static final Participant FATHER = parent("father", "Frank Parent");

  private Fixtures() {}

  public static Participant practitioner(String id, String displayName) {
    return new Participant(ParticipantId.of(id), ParticipantRole.PRACTITIONER, displayName);
  }

  public static Participant parent(String id, String displayName) {
    return new Participant(ParticipantId.of(id), ParticipantRole.PARENT, displayName);
  }

  /** A personal message sent {@link #NOW}. */
  public static Message personal(long id, Participant from, Participant... to) {
    return message(id, MessageKind.PERSONAL, Optional.of(from), List.of(to), "Handover on Friday", "See you at six.");
  }

  /** An auto-reply sent {@link #NOW}. */
  public static Message autoReply(long id, Participant from, Participant to) {
    return message(id, MessageKind.AUTO_REPLY, Optional.of(from), List.of(to), "Away", "Back on Monday.");
  }

  /** An action item, from the system. */
  public static Message actionItem(long id, Participant to) {
    return message(id, MessageKind.ACTION_ITEM, Optional.empty(), List.of(to), "Access request", "Please answer.");
  }

  /** A notification, from the system. */
  public static Message notification(long id, Participant to) {
    return message(id, MessageKind.NOTIFICATION, Optional.empty(), List.of(to), "Journal entry shared", "Read it.");
  }

  public static Message message(
      long id, MessageKind kind, Optional<Participant> from, List<Participant> to, String subject, String body) {
    return new Message(MessageId.of(id), ThreadId.of(id), kind, from, to, subject, body, NOW, Optional.empty());
  }
}
