package dev.casemail.messaging.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.RecordSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 record signers through the JDK, and their keys as PEM. The known answers are RFC 8032's
 * first Ed25519 test vector (section 7.1, TEST 1): its key, written as PKCS #8 and X.509 PEM, signs
 * the empty message to its published signature. These keys are published test keys: never sign a real
 * record with them.
 */
class RecordSignersTest {

  /** RFC 8032 section 7.1 TEST 1: the secret key 9d61b1…7f60 as PKCS #8. A PUBLISHED TEST KEY. */
  static final String RFC_8032_PRIVATE_PEM = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
      -----END PRIVATE KEY-----
      """;

  /** RFC 8032 section 7.1 TEST 1: the public key d75a98…511a as X.509 SubjectPublicKeyInfo. */
  static final String RFC_8032_PUBLIC_PEM = """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
      -----END PUBLIC KEY-----
      """;

  /** RFC 8032 section 7.1 TEST 1: the signature of the empty message. */
  static final String RFC_8032_EMPTY_MESSAGE_SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  /** SHA-256 of the DER of {@link #RFC_8032_PUBLIC_PEM}, as {@code openssl pkey -pubin -outform DER | sha256sum} prints it. */
  static final String RFC_8032_KEY_ID = "06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9";

  /** Another key pair, as {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} wrote it. A TEST KEY. */
  static final String OTHER_PRIVATE_PEM = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIKOSdghaSvb/fk8fSA1YuUVJJb5OSYyC6INyqV1znesJ
      -----END PRIVATE KEY-----
      """;

  static final String OTHER_PUBLIC_PEM = """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEAsuFEeV+YO7xmWtvCo7XgQ6SYfs4oCL7JZzH5yE560kQ=
      -----END PUBLIC KEY-----
      """;

  /** An Ed448 public key: X.509, but not Ed25519. */
  static final String ED448_PUBLIC_PEM = """
      -----BEGIN PUBLIC KEY-----
      MEMwBQYDK2VxAzoAITB5qj+LnWoTZG4ZlEwErZo6SlsznqHsajnIIGakiYmANbiH
      7JJIjuPcgvHj59/bZDpielf0oemA
      -----END PUBLIC KEY-----
      """;

  static final byte[] MESSAGE = "a tree head".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aSignatureVerifiesWithTheSignersPublicKeyAndNothingElseDoes() {
    RecordSigner signer = RecordSigners.generatedForDemo();
    RecordSigner other = RecordSigners.generatedForDemo();

    byte[] signature = signer.sign(MESSAGE);

    assertThat(signer.algorithm()).isEqualTo("Ed25519");
    assertThat(signature).hasSize(64);
    assertThat(RecordSigners.verify(signer.publicKey(), MESSAGE, signature)).isTrue();
    assertThat(RecordSigners.verify(other.publicKey(), MESSAGE, signature)).isFalse();
    assertThat(RecordSigners.verify(signer.publicKey(), "another head".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
    byte[] altered = signature.clone();
    altered[10] ^= 1;
    assertThat(RecordSigners.verify(signer.publicKey(), MESSAGE, altered)).isFalse();
  }

  @Test
  void theKeyOfRfc8032SignsTheEmptyMessageToItsPublishedSignature() {
    RecordSigner signer = RecordSigners.ed25519(RFC_8032_PRIVATE_PEM, RFC_8032_PUBLIC_PEM);

    byte[] signature = signer.sign(new byte[0]);

    assertThat(RecordEncoding.hex(signature)).isEqualTo(RFC_8032_EMPTY_MESSAGE_SIGNATURE);
    assertThat(RecordSigners.verify(RecordSigners.publicKey(RFC_8032_PUBLIC_PEM), new byte[0], signature)).isTrue();
    assertThat(signer.sign(MESSAGE)).as("Ed25519 is deterministic").isEqualTo(signer.sign(MESSAGE));
  }

  @Test
  void aKeyPairWrittenAsPemReadsBackAsTheSameSigner() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String privatePem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";

    RecordSigner fromPem = RecordSigners.ed25519(privatePem, RecordSigners.publicKeyPem(keys.getPublic()));
    RecordSigner fromPair = RecordSigners.ed25519(keys);

    assertThat(fromPem.publicKey()).isEqualTo(keys.getPublic());
    assertThat(fromPem.sign(MESSAGE)).isEqualTo(fromPair.sign(MESSAGE));
    assertThat(RecordSigners.verify(keys.getPublic(), MESSAGE, fromPem.sign(MESSAGE))).isTrue();
    assertThat(RecordSigners.keyId(fromPem.publicKey())).isEqualTo(RecordSigners.keyId(keys.getPublic()));
  }

  @Test
  void aPemPairAsOpensslWritesItIsRead() {
    RecordSigner signer = RecordSigners.ed25519(OTHER_PRIVATE_PEM, OTHER_PUBLIC_PEM);

    assertThat(RecordSigners.verify(RecordSigners.publicKey(OTHER_PUBLIC_PEM), MESSAGE, signer.sign(MESSAGE))).isTrue();
    assertThat(RecordSigners.ed25519(OTHER_PRIVATE_PEM.replace("\n", "\r\n"), "  " + OTHER_PUBLIC_PEM).sign(MESSAGE))
        .isEqualTo(signer.sign(MESSAGE));
  }

  @Test
  void aPrivateKeyWithAnotherPublicKeyIsRefused() {
    assertThatThrownBy(() -> RecordSigners.ed25519(RFC_8032_PRIVATE_PEM, OTHER_PUBLIC_PEM))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("publicKey");
          assertThat(e.rule()).isEqualTo("is not the public key of the private key");
        });
  }

  @Test
  void whatIsNotAnEd25519KeyInPemIsRefusedNamingTheKey() {
    assertRefused(() -> RecordSigners.ed25519(null, RFC_8032_PUBLIC_PEM), "privateKey");
    assertRefused(() -> RecordSigners.ed25519(RFC_8032_PRIVATE_PEM, null), "publicKey");
    assertRefused(() -> RecordSigners.ed25519("MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v", RFC_8032_PUBLIC_PEM), "privateKey");
    assertRefused(() -> RecordSigners.ed25519(RFC_8032_PUBLIC_PEM, RFC_8032_PUBLIC_PEM), "privateKey");
    assertRefused(() -> RecordSigners.ed25519(RFC_8032_PRIVATE_PEM, RFC_8032_PRIVATE_PEM), "publicKey");
    assertRefused(() -> RecordSigners.ed25519(
        "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n", RFC_8032_PUBLIC_PEM), "privateKey");
    assertRefused(() -> RecordSigners.ed25519(
        "-----BEGIN PRIVATE KEY-----\n#not base64#\n-----END PRIVATE KEY-----\n", RFC_8032_PUBLIC_PEM), "privateKey");
    assertRefused(() -> RecordSigners.publicKey(ED448_PUBLIC_PEM), "publicKey");
    assertRefused(() -> RecordSigners.publicKey("-----END PUBLIC KEY----- -----BEGIN PUBLIC KEY-----"), "publicKey");
  }

  @Test
  void aPublicKeyWrittenAsPemReadsBackAsTheSameKey() {
    PublicKey key = RecordSigners.generatedForDemo().publicKey();

    String pem = RecordSigners.publicKeyPem(key);

    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
    assertThat(RecordSigners.publicKey(pem)).isEqualTo(key);
    assertThat(RecordSigners.publicKey(pem).getEncoded()).isEqualTo(key.getEncoded());
    assertThat(RecordSigners.publicKeyPem(RecordSigners.publicKey(RFC_8032_PUBLIC_PEM))).isEqualTo(RFC_8032_PUBLIC_PEM);
  }

  @Test
  void theKeyIdIsTheSha256OfTheX509EncodingAndTheSameEveryTimeTheKeyIsRead() {
    PublicKey key = RecordSigners.publicKey(RFC_8032_PUBLIC_PEM);

    assertThat(RecordSigners.keyId(key)).isEqualTo(RFC_8032_KEY_ID);
    assertThat(RecordSigners.keyId(RecordSigners.publicKey(RFC_8032_PUBLIC_PEM))).isEqualTo(RFC_8032_KEY_ID);
    assertThat(RecordSigners.keyId(RecordSigners.ed25519(RFC_8032_PRIVATE_PEM, RFC_8032_PUBLIC_PEM).publicKey()))
        .isEqualTo(RFC_8032_KEY_ID);
    assertThat(RecordSigners.keyId(RecordSigners.publicKey(OTHER_PUBLIC_PEM))).isNotEqualTo(RFC_8032_KEY_ID).matches("[0-9a-f]{64}");
  }

  @Test
  void aSignatureThatIsNotOneIsFalseNotAnError() {
    PublicKey key = RecordSigners.publicKey(RFC_8032_PUBLIC_PEM);

    assertThat(RecordSigners.verify(key, MESSAGE, new byte[0])).isFalse();
    assertThat(RecordSigners.verify(key, MESSAGE, new byte[63])).isFalse();
    assertThat(RecordSigners.verify(key, MESSAGE, new byte[64])).isFalse();
    assertThat(RecordSigners.verify(key, MESSAGE, new byte[65])).isFalse();
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
