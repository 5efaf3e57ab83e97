package dev.casemail.messaging.api;

import dev.casemail.messaging.api.blob.ContentHash;
import org.immutables.value.Value;

/**
 * A file attached to a message or a draft, as stored: its name, the content type detected from its
 * bytes, its size and the SHA-256 of its bytes, which the message's record entry carries and under which
 * {@link ParticipantMessaging#openAttachment} finds it.
 */
@Value.Immutable
public abstract class AttachmentView {

  AttachmentView() {}

  /** The file's name, as checked by {@link InputRules#attachmentName}. */
  public abstract String name();

  /** The content type detected from the bytes, such as {@code "application/pdf"}. */
  public abstract String contentType();

  /** The number of bytes. */
  public abstract long size();

  /** The SHA-256 of the bytes. */
  public abstract ContentHash hash();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (size() < 0) {
      throw new InvalidInputException("size", "must be at least 0 (was " + size() + ")");
    }
  }

  /**
   * Builds an {@link AttachmentView}. Every method refuses a null with an {@link InvalidInputException}
   * naming the field and leaves the builder as it was.
   */
  public static final class Builder {
    private final ImmutableAttachmentView.Builder values = new ImmutableAttachmentView.Builder();

    /** An empty builder, as {@link AttachmentView#builder()} returns. */
    public Builder() {}

    /** Sets {@link AttachmentView#name()}. @throws InvalidInputException if it is null */
    public Builder name(String name) {
      values.name(InputRules.required("name", name));
      return this;
    }

    /** Sets {@link AttachmentView#contentType()}. @throws InvalidInputException if it is null */
    public Builder contentType(String contentType) {
      values.contentType(InputRules.required("contentType", contentType));
      return this;
    }

    /** Sets {@link AttachmentView#size()}. */
    public Builder size(long size) {
      values.size(size);
      return this;
    }

    /** Sets {@link AttachmentView#hash()}. @throws InvalidInputException if it is null */
    public Builder hash(ContentHash hash) {
      values.hash(InputRules.required("hash", hash));
      return this;
    }

    /** The view. @throws InvalidInputException if the size is negative */
    public AttachmentView build() {
      return values.build();
    }
  }
}
