package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A message as a folder page or a thread lists it: everything but the body, plus a short preview.
 * Listing never counts as opening.
 */
@Value.Immutable
public abstract class MessageSummary {

  MessageSummary() {}

/** The message's id. */
public abstract MessageId id();

/** Its conversation. */
public abstract ThreadId thread();

/** Personal, auto-reply, or a system message. */
public abstract MessageKind kind();

/** Whether the actor sent or received it. */
public abstract Direction direction();

/** Who wrote it; empty for a system message. */
public abstract Optional<ParticipantView> sender();

/**
 * Its recipients as a listing shows them: on the sender's copy ({@link Direction#SENT}) every recipient,
 * in the sender's order; on a received copy none, since a message's recipients are kept once, not in
 * every mailbox that received it. Opening the message ({@link MessageView#recipients()}) shows them all.
 */
public abstract List<ParticipantView> recipients();

/** The subject. */
public abstract String subject();

/** The start of the body on one line, at most 120 characters. */
public abstract String preview();

/** When it was sent. */
public abstract Instant sentAt();

/** The real folder the actor's copy is in now. */
public abstract FolderId folder();

/** As {@link MessageView#openedAt()}. */
public abstract Optional<Instant> openedAt();

/** Whether the actor has not opened their copy yet. */
public boolean unread() {
  return openedAt().isEmpty();
}

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link MessageSummary}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableMessageSummary.Builder values = new ImmutableMessageSummary.Builder();

    /** An empty builder, as {@link MessageSummary#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code messageSummary}. @throws InvalidInputException if it is null */
    public Builder from(MessageSummary messageSummary) {
      values.from(InputRules.required("messageSummary", messageSummary));
      return this;
    }

    /** Sets {@link MessageSummary#id()}. @throws InvalidInputException if it is null */
    public Builder id(MessageId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Sets {@link MessageSummary#thread()}. @throws InvalidInputException if it is null */
    public Builder thread(ThreadId thread) {
      values.thread(InputRules.required("thread", thread));
      return this;
    }

    /** Sets {@link MessageSummary#kind()}. @throws InvalidInputException if it is null */
    public Builder kind(MessageKind kind) {
      values.kind(InputRules.required("kind", kind));
      return this;
    }

    /** Sets {@link MessageSummary#direction()}. @throws InvalidInputException if it is null */
    public Builder direction(Direction direction) {
      values.direction(InputRules.required("direction", direction));
      return this;
    }

    /** Sets {@link MessageSummary#sender()}; null means absent. */
    public Builder sender(ParticipantView sender) {
      values.sender(sender);
      return this;
    }

    /** Sets or clears {@link MessageSummary#sender()}. @throws InvalidInputException if the optional itself is null */
    public Builder sender(Optional<? extends ParticipantView> sender) {
      values.sender(Arguments.optional("sender", sender));
      return this;
    }

    /** Adds one to {@link MessageSummary#recipients()}. @throws InvalidInputException if it is null */
    public Builder addRecipients(ParticipantView element) {
      values.addRecipients(Arguments.element("recipients", element));
      return this;
    }

    /** Adds to {@link MessageSummary#recipients()}. @throws InvalidInputException if the array or an element is null */
    public Builder addRecipients(ParticipantView... recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets {@link MessageSummary#recipients()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder recipients(Iterable<? extends ParticipantView> recipients) {
      values.recipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Adds to {@link MessageSummary#recipients()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllRecipients(Iterable<? extends ParticipantView> recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets {@link MessageSummary#subject()}. @throws InvalidInputException if it is null */
    public Builder subject(String subject) {
      values.subject(InputRules.required("subject", subject));
      return this;
    }

    /** Sets {@link MessageSummary#preview()}. @throws InvalidInputException if it is null */
    public Builder preview(String preview) {
      values.preview(InputRules.required("preview", preview));
      return this;
    }

    /** Sets {@link MessageSummary#sentAt()}. @throws InvalidInputException if it is null */
    public Builder sentAt(Instant sentAt) {
      values.sentAt(InputRules.required("sentAt", sentAt));
      return this;
    }

    /** Sets {@link MessageSummary#folder()}. @throws InvalidInputException if it is null */
    public Builder folder(FolderId folder) {
      values.folder(InputRules.required("folder", folder));
      return this;
    }

    /** Sets {@link MessageSummary#openedAt()}; null means absent. */
    public Builder openedAt(Instant openedAt) {
      values.openedAt(openedAt);
      return this;
    }

    /** Sets or clears {@link MessageSummary#openedAt()}. @throws InvalidInputException if the optional itself is null */
    public Builder openedAt(Optional<? extends Instant> openedAt) {
      values.openedAt(Arguments.optional("openedAt", openedAt));
      return this;
    }

    /** The messageSummary. */
    public MessageSummary build() {
      return values.build();
    }
  }
}
