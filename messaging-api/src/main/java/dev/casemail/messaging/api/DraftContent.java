package dev.casemail.messaging.api;

import dev.casemail.messaging.api.blob.ContentHash;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a draft holds. Unlike a {@link NewMessage} a draft may lack recipients and subject; the full
 * rules (and the access policy) apply when the draft is sent.
 */
@Value.Immutable
public abstract class DraftContent {

  DraftContent() {}

  /** 0 to {@value InputRules#MAX_RECIPIENTS} recipients. */
  public abstract Set<ParticipantId> recipients();

  /**
   * The subject so far, trimmed; a blank subject (empty, or only {@linkplain InputRules#isInvisible
   * invisible} characters) is stored as absent.
   */
  public abstract Optional<String> subject();

  /** The body so far, up to {@value InputRules#MAX_BODY_BYTES} bytes of UTF-8. */
  @Value.Default
  public String body() {
    return "";
  }

  /** The message this draft answers, if it is a reply; sending it joins that message's thread. */
  public abstract Optional<MessageId> inReplyTo();

  /**
   * New files to attach, read once each when the draft is saved or updated, checked and stored (README,
   * "Attachments"); with {@link #keptAttachments()} at most {@value InputRules#MAX_ATTACHMENTS} in all.
   */
  public abstract List<NewAttachment> attachments();

  /**
   * On an update, the hashes ({@link AttachmentView#hash()}) of the draft's attachments it keeps: every
   * attachment of the draft with one of these hashes stays, the others are removed. Each must be an
   * attachment of that draft (a new draft has none). The kept ones come first, in the draft's order,
   * then the new ones.
   */
  public abstract Set<ContentHash> keptAttachments();

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  DraftContent check() {
    InputRules.size("recipients", recipients(), 0, InputRules.MAX_RECIPIENTS);
    if (attachments().size() + keptAttachments().size() > InputRules.MAX_ATTACHMENTS) {
      throw new InvalidInputException("attachments", "must hold 0 to " + InputRules.MAX_ATTACHMENTS
          + " entries with the kept ones (was " + (attachments().size() + keptAttachments().size()) + ")");
    }
    InputRules.multiLine("body", body(), InputRules.MAX_BODY_BYTES);
    if (subject().isEmpty()) {
      return this;
    }
    String raw = subject().get();
    if (InputRules.isBlank(raw)) {
      return new ImmutableDraftContent.Builder().from(this).subject(Optional.empty()).build();
    }
    String subject = InputRules.singleLine("subject", raw, InputRules.MAX_SUBJECT_LENGTH);
    return subject.equals(raw) ? this : new ImmutableDraftContent.Builder().from(this).subject(subject).build();
  }

  /**
   * Builds a {@link DraftContent}. Every method refuses a null with an {@link InvalidInputException}
   * naming the field and leaves the builder as it was, except the setters of an optional value, which
   * take null as "absent"; {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableDraftContent.Builder values = new ImmutableDraftContent.Builder();

    /** An empty builder, as {@link DraftContent#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code content}. @throws InvalidInputException if it is null */
    public Builder from(DraftContent content) {
      values.from(InputRules.required("content", content));
      return this;
    }

    /** Adds a recipient. @throws InvalidInputException if it is null */
    public Builder addRecipients(ParticipantId recipient) {
      values.addRecipients(Arguments.element("recipients", recipient));
      return this;
    }

    /** Adds recipients. @throws InvalidInputException if the array or one of them is null */
    public Builder addRecipients(ParticipantId... recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets the recipients, replacing any added before. @throws InvalidInputException if they or one of them is null */
    public Builder recipients(Iterable<? extends ParticipantId> recipients) {
      values.recipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Adds recipients. @throws InvalidInputException if they or one of them is null */
    public Builder addAllRecipients(Iterable<? extends ParticipantId> recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets the subject; null means none. */
    public Builder subject(String subject) {
      values.subject(subject);
      return this;
    }

    /** Sets or clears the subject. @throws InvalidInputException if the optional itself is null */
    public Builder subject(Optional<String> subject) {
      values.subject(Arguments.optional("subject", subject));
      return this;
    }

    /** Sets the body. @throws InvalidInputException if it is null */
    public Builder body(String body) {
      values.body(InputRules.required("body", body));
      return this;
    }

    /** Sets the message this draft answers; null means none. */
    public Builder inReplyTo(MessageId inReplyTo) {
      values.inReplyTo(inReplyTo);
      return this;
    }

    /** Sets or clears the message this draft answers. @throws InvalidInputException if the optional itself is null */
    public Builder inReplyTo(Optional<? extends MessageId> inReplyTo) {
      values.inReplyTo(Arguments.optional("inReplyTo", inReplyTo));
      return this;
    }

    /** Adds a file to attach. @throws InvalidInputException if it is null */
    public Builder addAttachments(NewAttachment attachment) {
      values.addAttachments(Arguments.element("attachments", attachment));
      return this;
    }

    /** Adds files to attach. @throws InvalidInputException if the array or one of them is null */
    public Builder addAttachments(NewAttachment... attachments) {
      values.addAllAttachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** Sets the files to attach, replacing any added before. @throws InvalidInputException if they or one of them is null */
    public Builder attachments(Iterable<? extends NewAttachment> attachments) {
      values.attachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** Adds files to attach. @throws InvalidInputException if they or one of them is null */
    public Builder addAllAttachments(Iterable<? extends NewAttachment> attachments) {
      values.addAllAttachments(Arguments.elements("attachments", attachments));
      return this;
    }

    /** Keeps the draft's attachments with this hash. @throws InvalidInputException if it is null */
    public Builder addKeptAttachments(ContentHash hash) {
      values.addKeptAttachments(Arguments.element("keptAttachments", hash));
      return this;
    }

    /** Sets the hashes of the attachments kept, replacing any added before. @throws InvalidInputException if they or one is null */
    public Builder keptAttachments(Iterable<? extends ContentHash> hashes) {
      values.keptAttachments(Arguments.elements("keptAttachments", hashes));
      return this;
    }

    /** The draft content. @throws InvalidInputException if a rule is broken */
    public DraftContent build() {
      return values.build();
    }
  }
}
