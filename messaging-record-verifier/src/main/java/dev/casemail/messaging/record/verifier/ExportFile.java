package dev.casemail.messaging.record.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file a verification reads, as it was given: an export's PDF (the manifest embedded in it) or its
 * JSON manifest. Which one it is comes from its bytes, not its name: a PDF starts with {@code %PDF-}.
 */
public final class ExportFile {

  private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  /** PDF readers look for the header in the first kilobyte. */
  private static final int PDF_HEADER_WITHIN = 1024;

  private final String name;
  private final byte[] bytes;

  private ExportFile(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  /**
   * The file's bytes, under the name a verdict calls it by.
   *
   * @throws NullPointerException if either is null
   */
  public static ExportFile of(String name, byte[] bytes) {
    return new ExportFile(name, bytes);
  }

  /**
   * Reads a file, named by its path.
   *
   * @throws IOException if it cannot be read (missing, a directory, no permission); its message names the
   *     file
   */
  public static ExportFile read(Path path) throws IOException {
    try {
      return new ExportFile(path.toString(), Files.readAllBytes(path));
    } catch (FileSystemException e) {
      throw e; // its message names the file
    } catch (IOException e) {
      // "Is a directory", with no file name
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  /** What the verdict calls the file (its path, when read from one). */
  public String name() {
    return name;
  }

  /** A copy of the file's bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Whether it is a PDF: whether {@code %PDF-} is in its first kilobyte. Otherwise it is taken for a manifest. */
  public boolean isPdf() {
    int last = Math.min(bytes.length, PDF_HEADER_WITHIN) - PDF_HEADER.length;
    for (int at = 0; at <= last; at++) {
      boolean match = true;
      for (int i = 0; i < PDF_HEADER.length && match; i++) {
        match = bytes[at + i] == PDF_HEADER[i];
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  byte[] content() {
    return bytes;
  }

  @Override
  public String toString() {
    return name + " (" + (isPdf() ? "PDF, " : "") + bytes.length + " bytes)";
  }
}
