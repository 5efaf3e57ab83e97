package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.record.export.RecordManifest;
import dev.casemail.messaging.record.export.RecordManifestException;
import dev.casemail.messaging.record.export.RecordPdf;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * An export file read: its manifest's bytes and the export they describe, and the PDF they were embedded
 * in, if the file is a PDF. Closing it closes the PDF.
 */
final class Evidence implements AutoCloseable {

  /** Past this depth a name tree is taken for a loop, not a tree. */
  private static final int MAX_NAME_TREE_DEPTH = 32;

  final ExportFile file;
  final byte[] manifest;
  final RecordExport export;
  final Optional<PDDocument> pdf;

  private Evidence(ExportFile file, byte[] manifest, RecordExport export, Optional<PDDocument> pdf) {
    this.file = file;
    this.manifest = manifest;
    this.export = export;
    this.pdf = pdf;
  }

  /**
   * Reads an export file; a failure is {@code check}'s, its reason starting with {@code what} (the file's
   * role: "the export", "the earlier export").
   */
  static Evidence read(ExportFile file, Check check, String what) throws CheckFailed {
    if (!file.isPdf()) {
      return new Evidence(file, file.content(), manifest(file.content(), check, what + " " + file.name() + ": "),
          Optional.empty());
    }
    PDDocument document;
    try {
      document = Loader.loadPDF(file.content());
    } catch (IOException e) {
      throw new CheckFailed(check, what + " " + file.name() + " is not a PDF that can be read: " + e.getMessage());
    }
    try {
      byte[] manifest = embeddedManifest(document, check, what + " " + file.name());
      Evidence evidence = new Evidence(file, manifest, manifest(manifest, check, what + " " + file.name() + ": its embedded "), Optional.of(document));
      document = null;
      return evidence;
    } finally {
      closeQuietly(document);
    }
  }

  /** The export of a manifest; {@code what} is put before the reader's reason, "manifest at /head: …". */
  private static RecordExport manifest(byte[] manifest, Check check, String what) throws CheckFailed {
    try {
      return RecordManifest.read(manifest);
    } catch (RecordManifestException e) {
      throw new CheckFailed(check, what + e.getMessage());
    }
  }

  /** The one embedded file {@code manifest.json}, as docs/record-manifest.md places it. */
  private static byte[] embeddedManifest(PDDocument document, Check check, String what) throws CheckFailed {
    PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
    PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
    if (tree == null) {
      throw new CheckFailed(check, what + " has no embedded files: the manifest " + RecordPdf.MANIFEST_NAME + " is missing");
    }
    Map<String, PDComplexFileSpecification> files = new TreeMap<>();
    try {
      collect(tree, files, 0);
    } catch (IOException e) {
      throw new CheckFailed(check, what + ": its embedded files cannot be read: " + e.getMessage());
    }
    PDComplexFileSpecification spec = files.get(RecordPdf.MANIFEST_NAME);
    if (spec == null) {
      throw new CheckFailed(check, what + " embeds no " + RecordPdf.MANIFEST_NAME + " (it embeds " + files.keySet() + ")");
    }
    if (files.size() > 1) {
      throw new CheckFailed(check, what + " embeds other files beside " + RecordPdf.MANIFEST_NAME + ": " + files.keySet());
    }
    try {
      byte[] plain = bytes(spec.getEmbeddedFile());
      byte[] unicode = bytes(spec.getEmbeddedFileUnicode());
      if (plain == null && unicode == null) {
        throw new CheckFailed(check, what + ": its " + RecordPdf.MANIFEST_NAME + " holds no embedded file stream");
      }
      if (plain != null && unicode != null && !Arrays.equals(plain, unicode)) {
        throw new CheckFailed(check, what + " embeds two different files as " + RecordPdf.MANIFEST_NAME);
      }
      return plain != null ? plain : unicode;
    } catch (IOException e) {
      throw new CheckFailed(check, what + ": its " + RecordPdf.MANIFEST_NAME + " cannot be read: " + e.getMessage());
    }
  }

  private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, PDComplexFileSpecification> files, int depth)
      throws IOException {
    if (depth > MAX_NAME_TREE_DEPTH) {
      throw new IOException("its name tree is deeper than " + MAX_NAME_TREE_DEPTH + " levels");
    }
    Map<String, PDComplexFileSpecification> here = node.getNames();
    if (here != null) {
      for (Map.Entry<String, PDComplexFileSpecification> file : here.entrySet()) {
        if (files.put(file.getKey(), file.getValue()) != null) {
          throw new IOException("it names " + file.getKey() + " twice");
        }
      }
    }
    if (node.getKids() != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
        collect(kid, files, depth + 1);
      }
    }
  }

  private static byte[] bytes(PDEmbeddedFile file) throws IOException {
    return file == null ? null : file.toByteArray();
  }

  @Override
  public void close() {
    pdf.ifPresent(Evidence::closeQuietly);
  }

  private static void closeQuietly(PDDocument document) {
    if (document != null) {
      try {
        document.close();
      } catch (IOException e) {
        // nothing was written to it: closing only releases memory
      }
    }
  }
}
