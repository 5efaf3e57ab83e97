package dev.casemail.messaging.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An attachment opened for reading, as {@link ParticipantMessaging#openAttachment} returns it: what is
 * known of the file, and a stream of its bytes that reads them in bounded pieces. The caller closes it
 * (try-with-resources), which closes the stream.
 */
public final class OpenedAttachment implements AutoCloseable {

  private final AttachmentView attachment;
  private final InputStream content;

  /** The attachment {@code attachment}, read from {@code content}. */
  public OpenedAttachment(AttachmentView attachment, InputStream content) {
    this.attachment = InputRules.required("attachment", attachment);
    this.content = InputRules.required("content", content);
  }

  /** The file's name, detected type, size and hash. */
  public AttachmentView attachment() {
    return attachment;
  }

  /** The file's bytes; closed by {@link #close()}. */
  public InputStream content() {
    return content;
  }

  /** Closes the stream. @throws UncheckedIOException if closing it fails */
  @Override
  public void close() {
    try {
      content.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "OpenedAttachment{" + Objects.toString(attachment) + "}";
  }
}
