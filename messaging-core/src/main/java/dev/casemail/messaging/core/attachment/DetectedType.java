package dev.casemail.messaging.core.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The content type of a file as its bytes show it, detected by Apache Tika's registry of magic numbers
 * ({@code tika-core}): the bytes decide; the file's name and then its declared type may only make the
 * answer more specific (Tika reports a Word file as the generic {@code application/x-tika-ooxml}
 * container, and its name {@code .docx} refines it to Word). Bytes that no magic number recognizes are
 * {@code application/octet-stream} whatever their name says, and text without one is {@code text/plain}.
 *
 * @param type the detected type, lowercase {@code type/subtype} without parameters
 */
public record DetectedType(String type) {

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

  /** How many bytes detection reads at most from the start of a file: the stream must be able to reset that far. */
  public static final int PREFIX_BYTES = TYPES.getMinLength();

  public DetectedType {
    Objects.requireNonNull(type, "type");
  }

  /**
   * Detects the type of the bytes {@code content} starts with, reading at most {@link #PREFIX_BYTES} of
   * them and resetting the stream to where it was.
   *
   * @param content a stream that {@linkplain InputStream#markSupported supports mark}
   * @param name the file's name, a hint that may refine what the bytes show
   * @param declared the declared type, a hint that may refine it further
   */
  public static DetectedType detect(InputStream content, String name, String declared) throws IOException {
    if (!content.markSupported()) {
      throw new IllegalArgumentException("detection needs a stream that supports mark");
    }
    MediaType type = REGISTRY.normalize(TYPES.detect(content, new Metadata()));
    if (!type.equals(MediaType.OCTET_STREAM)) {
      Metadata byName = new Metadata();
      byName.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
      type = refined(type, REGISTRY.normalize(TYPES.detect(null, byName)));
      MediaType hint = MediaType.parse(declared);
      if (hint != null) {
        type = refined(type, REGISTRY.normalize(hint));
      }
    }
    return new DetectedType(type.getBaseType().toString());
  }

  /**
   * Whether the bytes agree with {@code declared}: it is the detected type, or the detected type is a
   * kind of it ({@code application/zip} for a Word file, {@code text/plain} for CSV).
   */
  public boolean agreesWith(String declared) {
    MediaType parsed = MediaType.parse(declared);
    if (parsed == null) {
      return false;
    }
    MediaType want = REGISTRY.normalize(parsed).getBaseType();
    MediaType have = MediaType.parse(type);
    return have.equals(want) || REGISTRY.isSpecializationOf(have, want);
  }

  private static MediaType refined(MediaType current, MediaType hint) {
    return REGISTRY.isSpecializationOf(hint, current) ? hint : current;
  }
}
