package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A message as the acting participant sees their copy of it, with its full body.
 */
@Value.Immutable
public abstract class MessageView {

  MessageView() {}

/** The message's id, the same in every mailbox that holds a copy. */
public abstract MessageId id();

/** The conversation it belongs to. */
public abstract ThreadId thread();

/** Personal, auto-reply, or a system message. */
public abstract MessageKind kind();

/** Whether the actor sent or received it. */
public abstract Direction direction();

/** Who wrote it; empty for a system message. */
public abstract Optional<ParticipantView> sender();

/** Its recipients, in the order the sender listed them. */
public abstract List<ParticipantView> recipients();

/** The subject. */
public abstract String subject();

/** The body, exactly as sent. */
public abstract String body();

/** When it was sent (microsecond precision). */
public abstract Instant sentAt();

/** The message it answers, if it is a reply or an auto-reply. */
public abstract Optional<MessageId> inReplyTo();

/** The real folder the actor's copy is in now. */
public abstract FolderId folder();

/**
 * For a received copy, when the actor first opened it (empty if never); for a sent copy, the time it
 * was sent, since a sender's own copy is never unread.
 */
public abstract Optional<Instant> openedAt();

/** For the sender: each recipient's first-viewed time, in recipient order. Empty for a received copy. */
public abstract List<ReadReceipt> receipts();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MessageView}. */
  public static final class Builder extends ImmutableMessageView.Builder {}
}
