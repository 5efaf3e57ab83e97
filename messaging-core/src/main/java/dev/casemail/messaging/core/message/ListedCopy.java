package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One participant's copy as a folder page or a thread page lists it: everything a listing shows and
 * nothing more, so that storage can keep it in the owner's mailbox while a message's content (its body
 * and its recipients) is stored once, whatever the number of mailboxes holding it. Built by {@link
 * #of(MessageCopy)}, the one place that decides what a listing shows.
 *
 * @param recipients the recipients as the listing shows them: on the sender's copy every recipient in
 *     the sender's order; on a received copy none (opening the message shows them)
 * @param preview the start of the body on one line ({@link #preview(String)})
 * @param openedAt when the owner first opened it
 */
public record ListedCopy(
    ParticipantId owner,
    MessageId id,
    ThreadId thread,
    MessageKind kind,
    Optional<Participant> sender,
    List<Participant> recipients,
    String subject,
    String preview,
    Instant sentAt,
    FolderId folder,
    Optional<Instant> openedAt) {

  /** The most characters (code points) of a {@linkplain #preview(String) preview}. */
  public static final int PREVIEW_LENGTH = 120;

  public ListedCopy {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sender, "sender");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(preview, "preview");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /** The copy as a listing shows it. */
  public static ListedCopy of(MessageCopy copy) {
    return of(copy, preview(copy.message().body()));
  }

  /**
   * What a listing shows of {@code copy}, with its message's {@link #preview(String) preview} made
   * already (a store that writes a message's copies makes it once, not once per mailbox).
   */
  public static ListedCopy of(MessageCopy copy, String preview) {
    Message message = copy.message();
    return new ListedCopy(
        copy.owner(),
        message.id(),
        message.thread(),
        message.kind(),
        message.sender(),
        listedRecipients(copy),
        message.subject(),
        preview,
        message.sentAt(),
        copy.folder(),
        copy.openedAt());
  }

  /**
   * The recipients a listing of {@code copy} shows: all of them on the sender's copy (Sent shows
   * "To"), none on a received copy, which would otherwise repeat the whole list in every recipient's
   * mailbox (50 recipients: about 2 KB in each of 50 mailboxes).
   */
  public static List<Participant> listedRecipients(MessageCopy copy) {
    return copy.direction() == Direction.SENT ? copy.message().recipients() : List.of();
  }

  /**
   * The start of a body on one line: whitespace runs become one space, leading and trailing whitespace
   * goes, at most {@value #PREVIEW_LENGTH} characters.
   */
  public static String preview(String body) {
    StringBuilder preview = new StringBuilder(Math.min(body.length(), PREVIEW_LENGTH + 1));
    int codePoints = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < body.length() && codePoints < PREVIEW_LENGTH; ) {
      int codePoint = body.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.isWhitespace(codePoint)) {
        pendingSpace = preview.length() > 0;
        continue;
      }
      if (pendingSpace) {
        preview.append(' ');
        codePoints++;
        pendingSpace = false;
        if (codePoints == PREVIEW_LENGTH) {
          break;
        }
      }
      preview.appendCodePoint(codePoint);
      codePoints++;
    }
    return preview.toString();
  }

  public Direction direction() {
    return sender.map(s -> s.id().equals(owner)).orElse(false) ? Direction.SENT : Direction.RECEIVED;
  }

  /** Its position in every listing: (sent time, id). */
  public PageKey key() {
    return new PageKey(sentAt, id.value());
  }
}
