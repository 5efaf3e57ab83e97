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
 * @param attachments the SHA-256 (lowercase hex) of each file the message carries, in order: what the
 *     entry's bytes, and so its leaf hash, cover
 * @param files what is known of each of those files, in the same order: its name, detected type, size
 *     and hash, where the hash of the i-th is the i-th of {@code attachments}. The entry's bytes do not
 *     cover the names, types and sizes (they are shown beside the hashes for people, as the message's
 *     views list them). Empty when they are not known, though the message carries files (a manifest of
 *     format version 1, written before exports carried them), or when it carries none.
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
    List<String> attachments,
    List<AttachmentView> files)
    implements RecordContent {

  /**
   * A message whose files are known by their hashes alone ({@code files} empty).
   *
   * @throws InvalidInputException if a part is null
   */
  public RecordedMessage(MessageId id, ThreadId thread, MessageKind kind, Optional<ParticipantView> sender,
      List<ParticipantView> recipients, String subject, String body, Instant sentAt, Optional<MessageId> inReplyTo,
      List<String> attachments) {
    this(id, thread, kind, sender, recipients, subject, body, sentAt, inReplyTo, attachments, List.of());
  }

  /**
   * @throws InvalidInputException if a part is null, or {@code files} is neither empty nor one file for
   *     each of {@code attachments}, in order, with that hash
   */
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
    files = List.copyOf(InputRules.size("files", files, 0, Integer.MAX_VALUE));
    if (!files.isEmpty()) {
      if (files.size() != attachments.size()) {
        throw new InvalidInputException("files", "must describe each of the " + attachments.size()
            + " attachments, or none (was " + files.size() + ")");
      }
      for (int i = 0; i < files.size(); i++) {
        if (!files.get(i).hash().hex().equals(attachments.get(i))) {
          throw new InvalidInputException("files", "file " + i + " (" + files.get(i).name() + ") has the hash "
              + files.get(i).hash().hex() + ", but attachment " + i + " is " + attachments.get(i));
        }
      }
    }
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
