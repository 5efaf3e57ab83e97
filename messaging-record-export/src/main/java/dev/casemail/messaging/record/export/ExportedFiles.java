package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.blob.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP of an export's files: the manifest, then each file of each exported message, streamed from
 * where the host opens it, its SHA-256 checked against the export's as it is written. Entry names are
 * the writer's own, never the sender's text as it is: see {@link #entryName}.
 */
final class ExportedFiles {

  /** The manifest's entry in the ZIP. */
  static final String MANIFEST = "manifest.json";
  /** The folder of the files in the ZIP. */
  static final String FOLDER = "files/";
  /** At most this many characters of a file's own name are kept (its extension included). */
  static final int MAX_NAME = 100;
  private static final int MAX_EXTENSION = 16;

  /** One file of the export: the message entry's leaf index, its place in the message, what is known of it. */
  record File(long index, int position, String hash, Optional<AttachmentView> view) {}

  private ExportedFiles() {}

  /** Every file of every exported message, in record order, then in the message's order. */
  static List<File> of(RecordExport export) {
    List<File> files = new ArrayList<>();
    for (ProvenEntry proven : export.entries()) {
      if (proven.entry().content() instanceof RecordedMessage message) {
        for (int i = 0; i < message.attachments().size(); i++) {
          Optional<AttachmentView> view = message.files().isEmpty() ? Optional.empty() : Optional.of(message.files().get(i));
          files.add(new File(proven.entry().index(), i + 1, message.attachments().get(i), view));
        }
      }
    }
    return files;
  }

  /** Writes the ZIP to {@code out}, which is finished but not closed. */
  static void write(RecordExport export, byte[] manifest, RecordExports.Content content, OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    ZipEntry manifestEntry = new ZipEntry(MANIFEST);
    manifestEntry.setTime(export.export().exportedAt().toEpochMilli());
    zip.putNextEntry(manifestEntry);
    zip.write(manifest);
    zip.closeEntry();
    Set<String> names = new HashSet<>();
    for (File file : of(export)) {
      String name = entryName(file);
      if (!names.add(name)) {
        throw new IllegalStateException("two files of the export would share the entry " + name);
      }
      ZipEntry entry = new ZipEntry(name);
      entry.setTime(export.export().exportedAt().toEpochMilli());
      zip.putNextEntry(entry);
      MessageDigest sha256 = sha256();
      long size;
      try (InputStream stream = content.open(ContentHash.of(file.hash()))) {
        if (stream == null) {
          throw new IOException("no content for the file " + file.hash() + " of entry " + file.index());
        }
        size = new DigestInputStream(stream, sha256).transferTo(zip);
      }
      String read = ContentHash.ofDigest(sha256.digest()).hex();
      if (!read.equals(file.hash())) {
        throw new IOException("the content given for file " + file.position() + " of entry " + file.index()
            + " has the SHA-256 " + read + ", not the export's " + file.hash() + ": not written");
      }
      if (file.view().isPresent() && file.view().get().size() != size) {
        throw new IOException("the content given for file " + file.position() + " of entry " + file.index() + " is "
            + size + " bytes, not the export's " + file.view().get().size() + ": not written");
      }
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  /**
   * {@code files/entry-<leaf index, six digits or more>-<position in the message>-<name>}: the leaf index
   * and position make every entry unique, and {@code <name>} is the file's own name made safe (see
   * {@link #safeName}), or {@code file} when the export does not know it.
   */
  static String entryName(File file) {
    String name = file.view().map(view -> safeName(view.name())).orElse("file");
    return FOLDER + "entry-" + String.format(Locale.ROOT, "%06d", file.index()) + "-" + file.position() + "-" + name;
  }

  /**
   * A name safe as the last part of a path on every file system and in every unzip tool: in Unicode
   * normalization form C; letters, digits, marks and {@code . - _ ( ) ,} kept, every other character
   * (separators, {@code :}, control and format characters such as the bidirectional controls, spaces,
   * anything a shell or Windows treats specially) and every run of them one {@code _}; no dot, {@code _}
   * or {@code -} at its start and no dot or {@code _} at its end; at most {@value #MAX_NAME} characters,
   * the extension kept; {@code file} if nothing is left.
   */
  static String safeName(String name) {
    String normal = Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder();
    normal.codePoints().forEach(c -> {
      boolean kept = Character.isLetterOrDigit(c) || isMark(c) || c == '.' || c == '-' || c == '_' || c == '('
          || c == ')' || c == ',';
      if (kept) {
        out.appendCodePoint(c);
      } else if (out.length() == 0 || out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    });
    String safe = out.toString().replaceAll("\\.{2,}", ".");
    safe = safe.replaceAll("^[._\\-]+", "").replaceAll("[._]+$", "");
    if (safe.codePointCount(0, safe.length()) > MAX_NAME) {
      int dot = safe.lastIndexOf('.');
      String extension = dot > 0 && safe.length() - dot <= MAX_EXTENSION ? safe.substring(dot) : "";
      String stem = extension.isEmpty() ? safe : safe.substring(0, dot);
      int keep = MAX_NAME - extension.length();
      stem = stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))));
      safe = stem.replaceAll("[._]+$", "") + extension;
    }
    return safe.isEmpty() ? "file" : safe;
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
