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

/** The files it carries, in order; empty when none. */
public abstract List<AttachmentView> attachments();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link MessageView}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableMessageView.Builder values = new ImmutableMessageView.Builder();

    /** An empty builder, as {@link MessageView#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code messageView}. @throws InvalidInputException if it is null */
    public Builder from(MessageView messageView) {
      values.from(InputRules.required("messageView", messageView));
      return this;
    }

    /** Sets {@link MessageView#id()}. @throws InvalidInputException if it is null */
    public Builder id(MessageId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Sets {@link MessageView#thread()}. @throws InvalidInputException if it is null */
    public Builder thread(ThreadId thread) {
      values.thread(InputRules.required("thread", thread));
      return this;
    }

    /** Sets {@link MessageView#kind()}. @throws InvalidInputException if it is null */
    public Builder kind(MessageKind kind) {
      values.kind(InputRules.required("kind", kind));
      return this;
    }

    /** Sets {@link MessageView#direction()}. @throws InvalidInputException if it is null */
    public Builder direction(Direction direction) {
      values.direction(InputRules.required("direction", direction));
      return this;
    }

    /** Sets {@link MessageView#sender()}; null means absent. */
    public Builder sender(ParticipantView sender) {
      values.sender(sender);
      return this;
    }

    /** Sets or clears {@link MessageView#sender()}. @throws InvalidInputException if the optional itself is null */
    public Builder sender(Optional<? extends ParticipantView> sender) {
      values.sender(Arguments.optional("sender", sender));
      return this;
    }

    /** Adds one to {@link MessageView#recipients()}. @throws InvalidInputException if it is null */
    public Builder addRecipients(ParticipantView element) {
      values.addRecipients(Arguments.element("recipients", element));
      return this;
    }

    /** Adds to {@link MessageView#recipients()}. @throws InvalidInputException if the array or an element is null */
    public Builder addRecipients(ParticipantView... recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets {@link MessageView#recipients()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder recipients(Iterable<? extends ParticipantView> recipients) {
      values.recipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Adds to {@link MessageView#recipients()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllRecipients(Iterable<? extends ParticipantView> recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets {@link MessageView#subject()}. @throws InvalidInputException if it is null */
    public Builder subject(String subject) {
      values.subject(InputRules.required("subject", subject));
      return this;
    }

    /** Sets {@link MessageView#body()}. @throws InvalidInputException if it is null */
    public Builder body(String body) {
      values.body(InputRules.required("body", body));
      return this;
    }

    /** Sets {@link MessageView#sentAt()}. @throws InvalidInputException if it is null */
    public Builder sentAt(Instant sentAt) {
      values.sentAt(InputRules.required("sentAt", sentAt));
      return this;
    }

    /** Sets {@link MessageView#inReplyTo()}; null means absent. */
    public Builder inReplyTo(MessageId inReplyTo) {
      values.inReplyTo(inReplyTo);
      return this;
    }

    /** Sets or clears {@link MessageView#inReplyTo()}. @throws InvalidInputException if the optional itself is null */
    public Builder inReplyTo(Optional<? extends MessageId> inReplyTo) {
      values.inReplyTo(Arguments.optional("inReplyTo", inReplyTo));
      return this;
    }

    /** Sets {@link MessageView#folder()}. @throws InvalidInputException if it is null */
    public Builder folder(FolderId folder) {
      values.folder(InputRules.required("folder", folder));
      return this;
    }

    /** Sets {@link MessageView#openedAt()}; null means absent. */
    public Builder openedAt(Instant openedAt) {
      values.openedAt(openedAt);
      return this;
    }

    /** Sets or clears {@link MessageView#openedAt()}. @throws InvalidInputException if the optional itself is null */
    public Builder openedAt(Optional<? extends Instant> openedAt) {
      values.openedAt(Arguments.optional("openedAt", openedAt));
      return this;
    }

    /** Adds one to {@link MessageView#receipts()}. @throws InvalidInputException if it is null */
    public Builder addReceipts(ReadReceipt element) {
      values.addReceipts(Arguments.element("receipts", element));
      return this;
    }

    /** Adds to {@link MessageView#receipts()}. @throws InvalidInputException if the array or an element is null */
    public Builder addReceipts(ReadReceipt... receipts) {
      values.addAllReceipts(Arguments.elements("receipts", receipts));
      return this;
    }

    /** Sets {@link MessageView#receipts()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder receipts(Iterable<? extends ReadReceipt> receipts) {
      values.receipts(Arguments.elements("receipts", receipts));
      return this;
    }

    /** Adds to {@link MessageView#receipts()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllReceipts(Iterable<? extends ReadReceipt> receipts) {
      values.addAllReceipts(Arguments.elements("receipts", receipts));
      return this;
    }

    /** Adds one to {@link MessageView#attachments()}. @throws InvalidInputException if it is null */
    public Builder addAttachments(AttachmentView element) {
      values.addAttachments(Arguments.element("attachments", element));
      return this;
    }

    /** Sets {@link MessageView#attachments()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder attachments(Iterable<? extends AttachmentView> attachments) {
      values.attachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** The messageView. */
    public MessageView build() {
      return values.build();
    }
  }
}
