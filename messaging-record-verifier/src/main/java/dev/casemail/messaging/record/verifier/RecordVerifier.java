package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.api.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a record export offline, against the host's public key alone: the checks of {@link Check}, in
 * their order, stopping at the first that fails ({@code docs/record-verifier.md}). What {@code java -jar
 * casemail-record-verifier.jar verify} runs, callable without a process. Stateless and thread-safe.
 */
public final class RecordVerifier {

  private RecordVerifier() {}

  /**
   * Verifies an export (its PDF or its manifest) with the public key of the record's signer.
   *
   * @throws NullPointerException if either is null
   */
  public static Verdict verify(ExportFile export, PublicKey key) {
    return verify(export, key, Optional.empty(), Optional.empty());
  }

  /**
   * Verifies an export (its PDF or its manifest) with the public key of the record's signer; with an
   * earlier export of the same record that the reader kept ({@code previous}: this export must prove that it
   * extends that one's head), and with the manifest that came beside the PDF ({@code manifest}: it must be
   * the one the PDF embeds).
   *
   * @throws NullPointerException if an argument is null
   */
  public static Verdict verify(ExportFile export, PublicKey key, Optional<ExportFile> previous, Optional<ExportFile> manifest) {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(manifest, "manifest");
    return new Verification(key).run(export, previous, manifest);
  }

  /**
   * Verifies the files the command names: the export, the key's PEM file, and optionally an earlier export
   * and the manifest beside the PDF.
   *
   * @throws IOException if a file cannot be read
   * @throws dev.casemail.messaging.api.InvalidInputException if the key file is not an Ed25519 public key
   *     as PEM ({@code -----BEGIN PUBLIC KEY-----})
   */
  public static Verdict verify(Path export, Path publicKeyPem, Optional<Path> previous, Optional<Path> manifest)
      throws IOException {
    PublicKey key = readKey(publicKeyPem);
    ExportFile exportFile = ExportFile.read(export);
    Optional<ExportFile> previousFile = previous.isPresent() ? Optional.of(ExportFile.read(previous.get())) : Optional.empty();
    Optional<ExportFile> manifestFile = manifest.isPresent() ? Optional.of(ExportFile.read(manifest.get())) : Optional.empty();
    return verify(exportFile, key, previousFile, manifestFile);
  }

  /**
   * Reads an Ed25519 public key from a PEM file.
   *
   * @throws IOException if the file cannot be read
   * @throws dev.casemail.messaging.api.InvalidInputException if it holds no such key
   */
  public static PublicKey readKey(Path publicKeyPem) throws IOException {
    byte[] bytes = ExportFile.read(publicKeyPem).content();
    String pem;
    try {
      // strictly: a file that is not text (an export given as the key, say) is no PEM, not an unreadable file
      pem = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("publicKey", "is not an Ed25519 public key as PEM (-----BEGIN PUBLIC KEY-----): "
          + "it is not text");
    }
    return RecordSigners.publicKey(pem);
  }
}
