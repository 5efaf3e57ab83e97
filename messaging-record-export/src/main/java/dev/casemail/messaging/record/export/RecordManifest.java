package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.RecordExport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The JSON manifest of a record export, for machines: every entry of the export with all its content
 * (enough to recompute its bytes and leaf hash), its inclusion proof, the signed head, the previous
 * export's head with the consistency proof, and the time-stamp token. Its format, {@value #FORMAT}, is
 * specified in {@code docs/record-manifest.md}.
 *
 * <p>{@link #read} gives back exactly the export {@link #write} was given ({@code read(write(e))}
 * equals {@code e}), and the same export is always written as the same bytes. Stateless and
 * thread-safe.
 */
public final class RecordManifest {

  /**
   * The value of the manifest's {@code format} field as {@link #write} writes it: this format, version 2
   * (a message's files with their names, types and sizes beside their hashes). {@link #read} also reads
   * version 1, {@value ManifestRules#FORMAT_1}, whose messages give their files' hashes alone.
   */
  public static final String FORMAT = ManifestRules.FORMAT;

  /** The manifest's media type. */
  public static final String MEDIA_TYPE = "application/json";

  private RecordManifest() {}

  /**
   * Writes the manifest of {@code export} as UTF-8 JSON. The stream is flushed, not closed.
   *
   * @throws IllegalArgumentException if the export cannot be written as a manifest the reader accepts:
   *     a head or an entry of another mailbox than the export's, a hash that is not 64 lowercase hex
   *     digits, a signature or token that is not base64, a text with an unpaired surrogate
   * @throws IOException if the stream fails
   */
  public static void write(RecordExport export, OutputStream out) throws IOException {
    ManifestWriter.write(requireNonNull(export, "export"), requireNonNull(out, "out"));
  }

  /**
   * The manifest of {@code export}, as {@link #write} writes it.
   *
   * @throws IllegalArgumentException as {@link #write} does
   */
  public static byte[] toBytes(RecordExport export) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try {
      write(export, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array does not fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a manifest. The stream is read to its end, not closed.
   *
   * @return the export it describes
   * @throws RecordManifestException if the input is not a manifest of version 1 or 2 of this format (not
   *     JSON, another format or version, a field missing, unknown or of the wrong type, bad hex, bad
   *     base64, a time that is not ISO-8601 UTC, a value the record's own rules refuse), naming where
   * @throws IOException if the stream fails
   */
  public static RecordExport read(InputStream in) throws IOException {
    return ManifestReader.read(requireNonNull(in, "in"));
  }

  /**
   * Reads a manifest from its bytes.
   *
   * @throws RecordManifestException as {@link #read(InputStream)} does
   */
  public static RecordExport read(byte[] manifest) throws RecordManifestException {
    try {
      return read(new ByteArrayInputStream(requireNonNull(manifest, "manifest")));
    } catch (RecordManifestException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array does not fail", e);
    }
  }

  private static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " is required");
    }
    return value;
  }
}
