package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.SignedTreeHead;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs record heads with the host's {@link RecordSigner}, and checks signed heads against its key and
 * the keys that signed before it.
 */
public final class HeadSigner {

  private final RecordSigner signer;
  /** Key id to key. */
  private final Map<String, PublicKey> formerKeys = new LinkedHashMap<>();

  public HeadSigner(RecordSigner signer) {
    this(signer, List.of());
  }

  /** A signer whose heads, and those signed with {@code formerKeys} before it, are checked. */
  public HeadSigner(RecordSigner signer, List<PublicKey> formerKeys) {
    this.signer = Objects.requireNonNull(signer, "signer");
    formerKeys.forEach(key -> this.formerKeys.put(RecordSigners.keyId(key), key));
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

  /**
   * Whether {@code head} is signed, with the algorithm it names, by the key it names: this signer's or
   * a former one. A head naming another key, or not well formed (a root or a signature that is not
   * hex or base64), is not.
   */
  public boolean signed(SignedTreeHead head) {
    PublicKey key = head.keyId().equals(RecordSigners.keyId(signer.publicKey()))
        ? signer.publicKey()
        : formerKeys.get(head.keyId());
    if (key == null) {
      return false;
    }
    try {
      return RecordSigners.verify(
          key, head.algorithm(), RecordEncoding.signedBytes(head), Base64.getDecoder().decode(head.signature()));
    } catch (IllegalArgumentException notWellFormed) {
      return false;
    }
  }
}
