package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A draft in its owner's Drafts folder.
 */
@Value.Immutable
public abstract class DraftView {

  DraftView() {}

/** Its id. */
public abstract DraftId id();

/** Recipients so far. */
public abstract List<ParticipantId> recipients();

/** Subject so far. */
public abstract Optional<String> subject();

/** Body so far. */
public abstract String body();

/** The message it answers, if any. */
public abstract Optional<MessageId> inReplyTo();

/** When it was first saved. */
public abstract Instant createdAt();

/** When it was last saved. */
public abstract Instant updatedAt();

/** Increases with every save; pass it to an update to detect a change made meanwhile. */
public abstract long version();

/** The files it carries, in order; empty when none. */
public abstract List<AttachmentView> attachments();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DraftView}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableDraftView.Builder values = new ImmutableDraftView.Builder();

    /** An empty builder, as {@link DraftView#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code draftView}. @throws InvalidInputException if it is null */
    public Builder from(DraftView draftView) {
      values.from(InputRules.required("draftView", draftView));
      return this;
    }

    /** Sets {@link DraftView#id()}. @throws InvalidInputException if it is null */
    public Builder id(DraftId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Adds one to {@link DraftView#recipients()}. @throws InvalidInputException if it is null */
    public Builder addRecipients(ParticipantId element) {
      values.addRecipients(Arguments.element("recipients", element));
      return this;
    }

    /** Adds to {@link DraftView#recipients()}. @throws InvalidInputException if the array or an element is null */
    public Builder addRecipients(ParticipantId... recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets {@link DraftView#recipients()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder recipients(Iterable<? extends ParticipantId> recipients) {
      values.recipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Adds to {@link DraftView#recipients()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllRecipients(Iterable<? extends ParticipantId> recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets {@link DraftView#subject()}; null means absent. */
    public Builder subject(String subject) {
      values.subject(subject);
      return this;
    }

    /** Sets or clears {@link DraftView#subject()}. @throws InvalidInputException if the optional itself is null */
    public Builder subject(Optional<String> subject) {
      values.subject(Arguments.optional("subject", subject));
      return this;
    }

    /** Sets {@link DraftView#body()}. @throws InvalidInputException if it is null */
    public Builder body(String body) {
      values.body(InputRules.required("body", body));
      return this;
    }

    /** Sets {@link DraftView#inReplyTo()}; null means absent. */
    public Builder inReplyTo(MessageId inReplyTo) {
      values.inReplyTo(inReplyTo);
      return this;
    }

    /** Sets or clears {@link DraftView#inReplyTo()}. @throws InvalidInputException if the optional itself is null */
    public Builder inReplyTo(Optional<? extends MessageId> inReplyTo) {
      values.inReplyTo(Arguments.optional("inReplyTo", inReplyTo));
      return this;
    }

    /** Sets {@link DraftView#createdAt()}. @throws InvalidInputException if it is null */
    public Builder createdAt(Instant createdAt) {
      values.createdAt(InputRules.required("createdAt", createdAt));
      return this;
    }

    /** Sets {@link DraftView#updatedAt()}. @throws InvalidInputException if it is null */
    public Builder updatedAt(Instant updatedAt) {
      values.updatedAt(InputRules.required("updatedAt", updatedAt));
      return this;
    }

    /** Sets {@link DraftView#version()}. */
    public Builder version(long version) {
      values.version(version);
      return this;
    }

    /** Adds one to {@link DraftView#attachments()}. @throws InvalidInputException if it is null */
    public Builder addAttachments(AttachmentView element) {
      values.addAttachments(Arguments.element("attachments", element));
      return this;
    }

    /** Sets {@link DraftView#attachments()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder attachments(Iterable<? extends AttachmentView> attachments) {
      values.attachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** The draftView. */
    public DraftView build() {
      return values.build();
    }
  }
}
