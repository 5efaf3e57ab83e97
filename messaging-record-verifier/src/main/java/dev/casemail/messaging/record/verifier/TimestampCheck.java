package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.core.record.MerkleTree;
import dev.casemail.messaging.core.record.RecordEncoding;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Check 6: the RFC 3161 time-stamp token over the head. Its message imprint must be the SHA-256 of the
 * head's signed bytes, and its signature must verify with the signer's certificate that the token carries
 * (which must be valid at the time it attests, with the time-stamping extended key usage, as RFC 3161
 * asks). Whether to trust that authority is the reader's decision: the verdict names it and the time.
 * Verified with the JDK's own providers; Bouncy Castle only parses.
 */
final class TimestampCheck {

  /**
   * What a token attests.
   *
   * @param authority the subject of the authority's certificate
   * @param at the time it attests (the token's genTime)
   */
  record Attestation(String authority, Instant at) {}

  private TimestampCheck() {}

  static Attestation check(String tokenBase64, SignedTreeHead head) throws CheckFailed {
    TimeStampToken token = parse(tokenBase64);
    TimeStampTokenInfo info = token.getTimeStampInfo();
    ASN1ObjectIdentifier algorithm = info.getMessageImprintAlgOID();
    if (!NISTObjectIdentifiers.id_sha256.equals(algorithm)) {
      throw fail("its message imprint is a hash of algorithm " + algorithm + ", not SHA-256 ("
          + NISTObjectIdentifiers.id_sha256 + ")");
    }
    byte[] expected = MerkleTree.sha256Of(RecordEncoding.signedBytes(head));
    byte[] imprint = info.getMessageImprintDigest();
    if (!MessageDigest.isEqual(imprint, expected)) {
      throw fail("it is over other bytes: its message imprint " + RecordEncoding.hex(imprint)
          + " is not the SHA-256 of the head's signed bytes, " + RecordEncoding.hex(expected));
    }
    X509CertificateHolder certificate = null;
    for (X509CertificateHolder candidate : token.getCertificates().getMatches(null)) {
      if (token.getSID().match(candidate)) {
        certificate = candidate;
        break;
      }
    }
    if (certificate == null) {
      throw fail("it carries no certificate of the authority that signed it, so its signature cannot be checked");
    }
    SignerInformationVerifier verifier;
    try {
      verifier = new JcaSimpleSignerInfoVerifierBuilder().build(certificate);
    } catch (OperatorCreationException | CertificateException | RuntimeException e) {
      throw fail("the certificate it carries (" + certificate.getSubject() + ") cannot be read: " + e.getMessage());
    }
    try {
      token.validate(verifier);
    } catch (TSPException | RuntimeException e) {
      throw fail("its signature does not verify with the certificate it carries (" + certificate.getSubject() + "): "
          + e.getMessage());
    }
    return new Attestation(certificate.getSubject().toString(), info.getGenTime().toInstant());
  }

  private static TimeStampToken parse(String tokenBase64) throws CheckFailed {
    try {
      return new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(tokenBase64)));
    } catch (CMSException | TSPException | IOException | RuntimeException e) {
      throw fail("it is not an RFC 3161 time-stamp token: " + e.getMessage());
    }
  }

  private static CheckFailed fail(String reason) {
    return new CheckFailed(Check.TIMESTAMP, "the time-stamp token: " + reason);
  }
}
