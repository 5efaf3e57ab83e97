package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A message that entered the mailbox, sent or received, system messages included, as it was sent:
 * it never changes.
 *
 * @param sender the sender as registered when it was sent; empty for a system message
 * @param recipients the recipients as registered when it was sent, in the sender's order
 * @param attachments the SHA-256 (lowercase hex) of each file the message carries, in order
 */
public record RecordedMessage(
    MessageId id,
    ThreadId thread,
    MessageKind kind,
    Optional<ParticipantView> sender,
    List<ParticipantView> recipients,
    String subject,
    String body,
    Instant sentAt,
    Optional<MessageId> inReplyTo,
    List<String> attachments)
    implements RecordContent {

  /** @throws InvalidInputException if a part is null */
  public RecordedMessage {
    InputRules.required("id", id);
    InputRules.required("thread", thread);
    InputRules.required("kind", kind);
    InputRules.required("sender", sender);
    recipients = List.copyOf(InputRules.size("recipients", recipients, 1, InputRules.MAX_RECIPIENTS));
    InputRules.required("subject", subject);
    InputRules.required("body", body);
    InputRules.required("sentAt", sentAt);
    InputRules.required("inReplyTo", inReplyTo);
    attachments = List.copyOf(InputRules.size("attachments", attachments, 0, Integer.MAX_VALUE));
  }

  @Override
  public Instant at() {
    return sentAt;
  }

  @Override
  public Set<ParticipantId> involving() {
    Set<ParticipantId> involving = new LinkedHashSet<>();
    sender.ifPresent(s -> involving.add(s.id()));
    recipients.forEach(r -> involving.add(r.id()));
    return involving;
  }
}
