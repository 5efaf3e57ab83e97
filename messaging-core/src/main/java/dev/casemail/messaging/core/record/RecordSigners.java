package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.RecordSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Record signers, and the keys they sign with as PEM: Ed25519 through the JDK (no other library), from
 * a key pair the host keeps, from PEM text, or generated for a demo.
 */
public final class RecordSigners {

  /** The algorithm of the library's own signer. */
  public static final String ED25519 = "Ed25519";

  private static final Logger LOG = LoggerFactory.getLogger(RecordSigners.class);

  private RecordSigners() {}

  /** A signer with the host's Ed25519 key pair. */
  public static RecordSigner ed25519(KeyPair keys) {
    Objects.requireNonNull(keys, "keys");
    return new Ed25519(keys.getPrivate(), keys.getPublic());
  }

  /**
   * A signer with an Ed25519 key written as PEM: the private key as PKCS #8 ({@code -----BEGIN PRIVATE
   * KEY-----}), the public key as X.509 ({@code -----BEGIN PUBLIC KEY-----}), as {@code openssl genpkey
   * -algorithm ed25519} and {@code openssl pkey -pubout} write them.
   *
   * @throws InvalidInputException if either is not such a key, or they are not one pair
   */
  public static RecordSigner ed25519(String privateKeyPem, String publicKeyPem) {
    try {
      KeyFactory factory = KeyFactory.getInstance(ED25519);
      PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pem("PRIVATE KEY", privateKeyPem, "privateKey")));
      PublicKey publicKey = publicKey(publicKeyPem);
      RecordSigner signer = new Ed25519(privateKey, publicKey);
      byte[] probe = "a pair?".getBytes(StandardCharsets.US_ASCII);
      if (!verify(publicKey, probe, signer.sign(probe))) {
        throw new InvalidInputException("publicKey", "is not the public key of the private key");
      }
      return signer;
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("privateKey", "is not an Ed25519 private key: " + e.getMessage());
    }
  }

  /**
   * A signer with a key generated now, for demos and tests only: the key lives as long as the process,
   * so nothing it signed can be checked against a key anyone kept. Logged as a warning.
   */
  public static RecordSigner generatedForDemo() {
    try {
      KeyPair keys = KeyPairGenerator.getInstance(ED25519).generateKeyPair();
      RecordSigner signer = new Ed25519(keys.getPrivate(), keys.getPublic());
      LOG.warn("Record heads are signed with a key generated for this process only (key id {}): exports signed "
          + "with it can be checked only against the public key it writes now. Give "
          + "MessagingConfiguration.recordSigner the host's own key in production.", keyId(keys.getPublic()));
      return signer;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
    }
  }

  /**
   * The default signer: it generates its key the first time it signs (with {@link #generatedForDemo()}'s
   * warning), so a library that never signs never generates one or warns.
   */
  public static RecordSigner generatedOnFirstUse() {
    return new RecordSigner() {
      private volatile RecordSigner generated;

      private RecordSigner signer() {
        RecordSigner known = generated;
        if (known == null) {
          synchronized (this) {
            if (generated == null) {
              generated = generatedForDemo();
            }
            known = generated;
          }
        }
        return known;
      }

      @Override
      public String algorithm() {
        return ED25519;
      }

      @Override
      public PublicKey publicKey() {
        return signer().publicKey();
      }

      @Override
      public byte[] sign(byte[] message) {
        return signer().sign(message);
      }

      @Override
      public String toString() {
        return "RecordSigner[generated on first use, for demos]";
      }
    };
  }

  /** The id of a public key: the SHA-256 of its X.509 encoding, lowercase hex. */
  public static String keyId(PublicKey key) {
    return RecordEncoding.hex(MerkleTree.sha256().digest(key.getEncoded()));
  }

  /** A public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509), for a verifier. */
  public static String publicKeyPem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * An Ed25519 public key from PEM.
   *
   * @throws InvalidInputException if it is not one
   */
  public static PublicKey publicKey(String publicKeyPem) {
    try {
      return KeyFactory.getInstance(ED25519).generatePublic(new X509EncodedKeySpec(pem("PUBLIC KEY", publicKeyPem, "publicKey")));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("publicKey", "is not an Ed25519 public key: " + e.getMessage());
    }
  }

  /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code message}. */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    return verify(key, ED25519, message, signature);
  }

  /**
   * Whether {@code signature} is {@code key}'s signature of {@code message} with {@code algorithm} (a
   * name the JDK knows, as {@link RecordSigner#algorithm()} gives it); false
   * for an algorithm the JDK does not know or that does not fit the key.
   */
  public static boolean verify(PublicKey key, String algorithm, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] pem(String label, String pem, String field) {
    if (pem == null) {
      throw new InvalidInputException(field, "is required");
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new InvalidInputException(field, "is not PEM text between " + begin + " and " + end);
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "is not base64 inside its PEM markers");
    }
  }

  /** Ed25519 through the JDK. */
  private static final class Ed25519 implements RecordSigner {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    Ed25519(PrivateKey privateKey, PublicKey publicKey) {
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
      this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    @Override
    public String algorithm() {
      return ED25519;
    }

    @Override
    public PublicKey publicKey() {
      return publicKey;
    }

    @Override
    public byte[] sign(byte[] message) {
      try {
        Signature signature = Signature.getInstance(ED25519);
        signature.initSign(privateKey);
        signature.update(message);
        return signature.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("signing a record head failed", e);
      }
    }
  }
}
