package dev.casemail.messaging.examples;

import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.core.record.RecordSigners;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The sample's record key: the Ed25519 key pair that signs the heads of the mailboxes' records, kept
 * beside the database as PEM files, {@value #PRIVATE_FILE} (PKCS #8, readable by its owner only) and
 * {@value #PUBLIC_FILE} (X.509, the file a court's expert verifies exports with). Made on the first
 * run, read on every later one, so that a later run can export a record whose earlier exports an
 * earlier run signed.
 *
 * <p>A demo's key only: a host keeps its private key in a secrets store or a hardware security module
 * and gives the library a {@link RecordSigner} for it; it publishes the public key where a court can
 * fetch it. The files are what {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey
 * -pubout} write, so a host can make its own key with them.
 */
public final class SampleRecordKey {

  /** The private key's file name. */
  public static final String PRIVATE_FILE = "record-key.pem";
  /** The public key's file name. */
  public static final String PUBLIC_FILE = "record-key.pub.pem";

  private final RecordSigner signer;
  private final Path publicKeyFile;
  private final boolean created;

  private SampleRecordKey(RecordSigner signer, Path publicKeyFile, boolean created) {
    this.signer = signer;
    this.publicKeyFile = publicKeyFile;
    this.created = created;
  }

  /** The key in {@code directory}: read if both files are there, otherwise made and written. */
  public static SampleRecordKey in(Path directory) {
    Path privateFile = directory.resolve(PRIVATE_FILE);
    Path publicFile = directory.resolve(PUBLIC_FILE);
    try {
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        RecordSigner signer = RecordSigners.ed25519(
            Files.readString(privateFile, StandardCharsets.US_ASCII), Files.readString(publicFile, StandardCharsets.US_ASCII));
        return new SampleRecordKey(signer, publicFile, false);
      }
      if (Files.exists(privateFile) || Files.exists(publicFile)) {
        throw new IllegalStateException("only one half of the record key is in " + directory + ": restore "
            + (Files.exists(privateFile) ? PUBLIC_FILE : PRIVATE_FILE) + ", or remove the data directory to start afresh");
      }
      Files.createDirectories(directory);
      KeyPair keys = KeyPairGenerator.getInstance(RecordSigners.ED25519).generateKeyPair();
      String privatePem = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      writeOnce(privateFile, privatePem, true);
      writeOnce(publicFile, RecordSigners.publicKeyPem(keys.getPublic()), false);
      return new SampleRecordKey(RecordSigners.ed25519(keys), publicFile, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the record key in " + directory, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
    }
  }

  /** Writes under a temporary name, then moves into place; never over an existing file. */
  private static void writeOnce(Path file, String pem, boolean secret) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), ".record-key", ".tmp");
    try {
      if (secret && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString());
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The signer of the records' heads. */
  public RecordSigner signer() {
    return signer;
  }

  /** The public key's PEM file, which a verifier is given. */
  public Path publicKeyFile() {
    return publicKeyFile;
  }

  /** Whether this run made the key. */
  public boolean created() {
    return created;
  }
}
