package dev.casemail.messaging.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A file to attach to a message, a reply or a draft: its name, the content type the host declares for
 * it, and where its bytes come from. The library detects the real type from the bytes and refuses the
 * file if the declared type contradicts it or the type is not on the host's allow-list (README,
 * "Attachments"); the other rules (size, number, quota) are checked when the file is sent or saved.
 *
 * <p>The name is trimmed, 1 to {@value InputRules#MAX_ATTACHMENT_NAME_LENGTH} characters, and may not
 * hold a path separator ({@code /} or {@code \}), a control character, a bidirectional control or mark,
 * or be {@code "."} or {@code ".."} ({@link InputRules#attachmentName}).
 */
@Value.Immutable
public abstract class NewAttachment {

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

  NewAttachment() {}

  /**
   * Where the bytes come from. The library calls {@link #open()} once for each call that carries the
   * attachment (so a host may pass the same value to two sends), reads the stream to its end (or to the
   * first byte past a limit) and closes it, whether the call succeeds or not. An {@link IOException}
   * (or any other exception) from it fails the call with an {@link InvalidInputException} on field
   * {@code "attachments"} and changes nothing.
   */
  @FunctionalInterface
  public interface Content {
    /** A new stream of the file's bytes, which the library closes. */
    InputStream open() throws IOException;
  }

  /** The file's name, trimmed. */
  public abstract String name();

  /**
   * The content type the host declares, such as {@code "application/pdf"}: lowercased, without
   * parameters ({@code "text/plain; charset=UTF-8"} is {@code "text/plain"}).
   */
  public abstract String declaredType();

  /** Where the bytes come from. */
  public abstract Content content();

  /** An attachment with this name, declared type and content. @throws InvalidInputException if a rule is broken */
  public static NewAttachment of(String name, String declaredType, Content content) {
    return builder().name(name).declaredType(declaredType).content(content).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  NewAttachment check() {
    String name = InputRules.attachmentName("name", name());
    String raw = InputRules.singleLine("declaredType", declaredType(), 255);
    int semicolon = raw.indexOf(';');
    String type = (semicolon < 0 ? raw : raw.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    if (!MEDIA_TYPE.matcher(type).matches()) {
      throw new InvalidInputException("declaredType", "must be a media type such as application/pdf (was " + raw + ")");
    }
    if (name.equals(name()) && type.equals(declaredType())) {
      return this;
    }
    return new ImmutableNewAttachment.Builder().from(this).name(name).declaredType(type).build();
  }

  /**
   * Builds a {@link NewAttachment}. Every method refuses a null with an {@link InvalidInputException}
   * naming the field and leaves the builder as it was; {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableNewAttachment.Builder values = new ImmutableNewAttachment.Builder();

    /** An empty builder, as {@link NewAttachment#builder()} returns. */
    public Builder() {}

    /** Sets the file's name. @throws InvalidInputException if it is null */
    public Builder name(String name) {
      values.name(InputRules.required("name", name));
      return this;
    }

    /** Sets the declared content type. @throws InvalidInputException if it is null */
    public Builder declaredType(String declaredType) {
      values.declaredType(InputRules.required("declaredType", declaredType));
      return this;
    }

    /** Sets where the bytes come from. @throws InvalidInputException if it is null */
    public Builder content(Content content) {
      values.content(InputRules.required("content", content));
      return this;
    }

    /** The attachment. @throws InvalidInputException if a value is missing or a rule is broken */
    public NewAttachment build() {
      try {
        return values.build();
      } catch (IllegalStateException e) {
        throw new InvalidInputException("attachment", "needs a name, a declared type and a content");
      }
    }
  }
}
