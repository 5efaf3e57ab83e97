package dev.casemail.messaging.record.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.TimestampAuthority;
import dev.casemail.messaging.core.record.MerkleTree;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.record.export.RecordExports;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time-stamp check against a real RFC 3161 authority: one built here with Bouncy Castle (an EC key, a
 * self-signed certificate with the critical time-stamping extended key usage, {@link
 * TimeStampTokenGenerator} behind {@link TimeStampResponseGenerator}), plugged into the library through
 * its {@link TimestampAuthority} port, so that the host's exports carry its tokens. The verifier accepts
 * them and names the authority and time; a token over other bytes, one whose signature was changed and
 * garbage fail at {@link Check#TIMESTAMP}.
 */
class TimestampTest {

  @TempDir
  Path directory;

  static final KeyPair KEYS = HostRecord.newKeys();
  static final String AUTHORITY = "CN=casemail test TSA,O=casemail tests,C=GB";

  /** What the authority stamps, and what the host gets back: the token as it is, or changed. */
  private Verdict exportStampedBy(TimestampAuthority authority) throws IOException {
    HostRecord host = HostRecord.danas(KEYS, Optional.of(authority), HostRecord.PICK_UP);
    RecordExport export = host.exportAll();
    RecordExports.Written files = HostRecord.write(export, directory);
    Path key = HostRecord.publicKeyPem(KEYS, directory.resolve("key.pem"));
    return RecordVerifier.verify(files.pdf(), key, Optional.empty(), Optional.empty());
  }

  @Test
  void aTokenOfTheAuthorityVerifiesAndTheVerdictNamesTheAuthorityAndTheTime() throws IOException {
    LocalAuthority tsa = new LocalAuthority(AUTHORITY);

    Verdict verdict = exportStampedBy(tsa);

    assertThat(tsa.stamped).as("the library asked the authority once").hasValue(1);
    assertThat(verdict.verified()).as(verdict.summary()).isTrue();
    assertThat(verdict.summary())
        .contains("; time-stamped by " + AUTHORITY + " at " + LocalAuthority.TIME + ";")
        .contains("PDF text matches");
  }

  @Test
  void theTokenIsOverTheHeadsSignedBytes() throws IOException {
    HostRecord host = HostRecord.danas(KEYS, Optional.of(new LocalAuthority(AUTHORITY)), HostRecord.PICK_UP);
    RecordExport export = host.exportAll();

    TimeStampToken token = TimestampTest.token(Base64.getDecoder().decode(export.timestampToken().orElseThrow()));

    assertThat(token.getTimeStampInfo().getMessageImprintDigest())
        .isEqualTo(MerkleTree.sha256Of(RecordEncoding.signedBytes(export.head())));
    assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256);
  }

  @Test
  void aTokenOverOtherBytesFails() throws IOException {
    LocalAuthority tsa = new LocalAuthority(AUTHORITY);
    TimestampAuthority otherBytes = digest -> tsa.timestamp(MerkleTree.sha256Of(digest));

    Verdict verdict = exportStampedBy(otherBytes);

    assertFailedAtTimestamp(verdict, "the time-stamp token: it is over other bytes: its message imprint ");
  }

  @Test
  void aTokenWhoseSignatureWasChangedFails() throws IOException {
    LocalAuthority tsa = new LocalAuthority(AUTHORITY);
    TimestampAuthority changed = digest -> changeSignature(tsa.timestamp(digest));

    Verdict verdict = exportStampedBy(changed);

    assertFailedAtTimestamp(verdict, "its signature does not verify with the certificate it carries (" + AUTHORITY + ")");
  }

  @Test
  void garbageInTheTokenFieldFails() throws IOException {
    Verdict verdict = exportStampedBy(digest -> "not a time-stamp token".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    assertFailedAtTimestamp(verdict, "the time-stamp token: it is not an RFC 3161 time-stamp token");
  }

  @Test
  void aTokenCopiedFromAnotherExportFails() throws IOException {
    LocalAuthority tsa = new LocalAuthority(AUTHORITY);
    byte[] earlier = tsa.timestamp(MerkleTree.sha256Of(new byte[] {1, 2, 3}));

    Verdict verdict = exportStampedBy(digest -> earlier);

    assertFailedAtTimestamp(verdict, "it is over other bytes");
  }

  private static void assertFailedAtTimestamp(Verdict verdict, String says) {
    assertThat(verdict.failedCheck()).as(verdict.summary()).contains(Check.TIMESTAMP);
    assertThat(verdict.failedEntry()).isEmpty();
    assertThat(verdict.exitCode()).isEqualTo(Verdict.FAILED);
    assertThat(verdict.summary()).startsWith("FAILED: ").contains(says).doesNotContain("\n");
  }

  /** The token with one bit of its signature's value flipped: the TSTInfo it signs is untouched. */
  static byte[] changeSignature(byte[] token) {
    SignerInformation signer = token(token).toCMSSignedData().getSignerInfos().getSigners().iterator().next();
    byte[] signature = signer.getSignature();
    int at = indexOf(token, signature);
    assertThat(at).as("the signature is in the token's bytes").isNotNegative();
    byte[] changed = token.clone();
    changed[at + signature.length / 2] ^= 0x01;
    return changed;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }

  static TimeStampToken token(byte[] der) {
    try {
      return new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(der));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * An RFC 3161 time-stamping authority in this JVM: an EC P-256 key, a self-signed certificate (with the
   * critical extended key usage id-kp-timeStamping that RFC 3161 asks for), and Bouncy
   * Castle's token and response generators. It answers each digest as a TSA answers a request: a granted
   * response, whose token it returns.
   */
  static final class LocalAuthority implements TimestampAuthority {

    /** The time every token attests. */
    static final Instant TIME = Instant.parse("2026-03-02T11:00:00Z");

    final AtomicLong stamped = new AtomicLong();
    private final TimeStampResponseGenerator responses;

    LocalAuthority(String subject) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(20260302L),
            Date.from(TIME.minus(Duration.ofDays(365))), Date.from(TIME.plus(Duration.ofDays(365))), name, keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509CertificateHolder certificate = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        // the signing-certificate attribute (ESSCertIDv2) with SHA-256; the policy an arbitrary test OID
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), certificate),
            new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new CollectionStore<>(List.of(certificate)));
        this.responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
      } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
          | org.bouncycastle.cert.CertIOException | org.bouncycastle.tsp.TSPException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public byte[] timestamp(byte[] digest) {
      try {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        long serial = stamped.incrementAndGet();
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(serial));
        TimeStampResponse response = responses.generate(request, BigInteger.valueOf(serial), Date.from(TIME));
        response.validate(request);
        return response.getTimeStampToken().getEncoded();
      } catch (org.bouncycastle.tsp.TSPException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
