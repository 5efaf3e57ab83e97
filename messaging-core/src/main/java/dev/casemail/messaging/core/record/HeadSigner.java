package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.SignedTreeHead;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/** Signs record heads with the host's {@link RecordSigner}, and checks signed heads. */
public final class HeadSigner {

  private final RecordSigner signer;

  public HeadSigner(RecordSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /** {@code head} of {@code mailbox}'s record, signed at {@code at}. */
  public SignedTreeHead sign(ParticipantId mailbox, RecordHead head, Instant at) {
    return sign(mailbox, head.size(), head.root(), at);
  }

  /** A head of {@code size} entries with {@code root}, signed at {@code at}. */
  public SignedTreeHead sign(ParticipantId mailbox, long size, byte[] root, Instant at) {
    String keyId = RecordSigners.keyId(signer.publicKey());
    byte[] bytes = RecordEncoding.signedBytes(mailbox, size, root, at, keyId, signer.algorithm());
    byte[] signature = signer.sign(bytes);
    return new SignedTreeHead(
        mailbox, size, RecordEncoding.hex(root), at, keyId, signer.algorithm(), Base64.getEncoder().encodeToString(signature));
  }

  /** Whether {@code head} is signed by this signer's key. */
  public boolean signed(SignedTreeHead head) {
    return head.keyId().equals(RecordSigners.keyId(signer.publicKey()))
        && RecordSigners.verify(signer.publicKey(), RecordEncoding.signedBytes(head), Base64.getDecoder().decode(head.signature()));
  }
}
