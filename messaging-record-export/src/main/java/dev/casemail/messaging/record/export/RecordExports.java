package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.blob.ContentHash;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes an export's PDF and its manifest into a directory in one call, under names made from the
 * mailbox id and the export number: {@code record-<mailbox>-export-<n>.pdf} and {@code
 * record-<mailbox>-export-<n>.manifest.json}. The mailbox part keeps only ASCII letters, digits and
 * hyphens, in lowercase, at most 64 of them; where that changed the id, eight hex digits of the id's
 * SHA-256 follow, so that two ids never share a name. Whatever the id holds (slashes, dots, {@code ..},
 * separators of any file system), both files are in {@code directory} itself.
 */
public final class RecordExports {

  /**
   * The two files written.
   *
   * @param pdf the PDF, with the manifest embedded
   * @param manifest the manifest on its own (the same bytes as the embedded one)
   */
  public record Written(Path pdf, Path manifest) {}

  /**
   * Where the bytes of an exported file come from, for {@link #writeZip}: a host passes {@code hash ->
   * messaging.openExportedAttachment(export, hash).content()}, which opens only what the export lists.
   */
  @FunctionalInterface
  public interface Content {
    /** A new stream of the bytes of the file with this SHA-256, which the writer reads to its end and closes. */
    InputStream open(ContentHash hash) throws IOException;
  }

  private static final Pattern SAFE_NAME =
      Pattern.compile("record-[a-z0-9-]+-export-[0-9]+\\.(?:pdf|manifest\\.json|files\\.zip)");

  private RecordExports() {}

  /**
   * Writes {@code export}'s PDF (with the manifest embedded) and its manifest into {@code directory},
   * creating the directory if it is missing. Each file is written under a temporary name first and
   * then renamed, so a file of that name is whole or absent; an existing file is never replaced.
   *
   * @return the paths of the PDF and of the manifest
   * @throws FileAlreadyExistsException if either file is there already (an export is written once)
   * @throws IllegalArgumentException if the export cannot be written (as {@link RecordManifest#write})
   * @throws IOException if writing fails; nothing is left under a temporary name
   */
  public static Written write(RecordExport export, Path directory) throws IOException {
    if (export == null || directory == null) {
      throw new NullPointerException(export == null ? "export is required" : "directory is required");
    }
    Files.createDirectories(directory);
    String stem = Names.fileStem(export);
    Path pdf = inside(directory, stem + ".pdf");
    Path manifest = inside(directory, stem + ".manifest.json");
    for (Path target : List.of(pdf, manifest)) {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString(), null, "an export is written once; not replaced");
      }
    }
    byte[] manifestBytes = RecordManifest.toBytes(export);
    List<Path> temporary = new ArrayList<>();
    try {
      Path manifestTemp = temporary(directory, stem, temporary);
      Files.write(manifestTemp, manifestBytes);
      Path pdfTemp = temporary(directory, stem, temporary);
      try (OutputStream out = Files.newOutputStream(pdfTemp)) {
        new PdfWriter(export).write(manifestBytes, out);
      }
      Files.move(manifestTemp, manifest);
      temporary.remove(manifestTemp);
      Files.move(pdfTemp, pdf);
      temporary.remove(pdfTemp);
    } finally {
      for (Path left : temporary) {
        Files.deleteIfExists(left);
      }
    }
    return new Written(pdf, manifest);
  }

  /**
   * Writes {@code record-<mailbox>-export-<n>.files.zip} into {@code directory} (created if missing),
   * beside the PDF and the manifest {@link #write} writes: the manifest as {@code manifest.json}, then
   * every file of every exported message, in record order, as {@code
   * files/entry-<leaf index>-<position in the message>-<name>}. The leaf index (six digits or more) is
   * the message entry's, as the PDF and the manifest show it; the name is the file's own, made safe
   * (docs/record-manifest.md, "The files"), never a path: no separator, no {@code ..}, no drive, no
   * control or bidirectional character, at most 100 characters; no two entries share a name. Each file
   * is streamed from {@code content} into the ZIP, never held whole, and its SHA-256 (and, where the
   * export knows it, its size) checked against the export's as it is written: a file that differs fails
   * the call. The ZIP is written under a temporary name and renamed; an existing file is never replaced.
   *
   * @return the path of the ZIP
   * @throws FileAlreadyExistsException if the ZIP is there already
   * @throws IOException if {@code content} fails or gives bytes whose hash or size is not the export's,
   *     or writing fails; nothing is left under a temporary name
   * @throws IllegalArgumentException if the export cannot be written (as {@link RecordManifest#write})
   */
  public static Path writeZip(RecordExport export, Path directory, Content content) throws IOException {
    if (export == null || directory == null || content == null) {
      throw new NullPointerException((export == null ? "export" : directory == null ? "directory" : "content")
          + " is required");
    }
    Files.createDirectories(directory);
    String stem = Names.fileStem(export);
    Path zip = inside(directory, stem + ".files.zip");
    if (Files.exists(zip)) {
      throw new FileAlreadyExistsException(zip.toString(), null, "an export is written once; not replaced");
    }
    byte[] manifest = RecordManifest.toBytes(export);
    List<Path> temporary = new ArrayList<>();
    try {
      Path zipTemp = temporary(directory, stem, temporary);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zipTemp))) {
        ExportedFiles.write(export, manifest, content, out);
      }
      Files.move(zipTemp, zip);
      temporary.remove(zipTemp);
    } finally {
      for (Path left : temporary) {
        Files.deleteIfExists(left);
      }
    }
    return zip;
  }

  /** {@code directory/name}, checked to be a file of {@code directory} itself: the names are made safe, this proves it. */
  private static Path inside(Path directory, String name) {
    Path path = directory.resolve(name);
    if (!SAFE_NAME.matcher(name).matches() || !directory.equals(path.getParent())) {
      throw new IllegalStateException("not a file of " + directory + ": " + name);
    }
    return path;
  }

  private static Path temporary(Path directory, String stem, List<Path> temporary) throws IOException {
    Path path = Files.createTempFile(directory, "." + stem + "-", ".part");
    temporary.add(path);
    return path;
  }
}
