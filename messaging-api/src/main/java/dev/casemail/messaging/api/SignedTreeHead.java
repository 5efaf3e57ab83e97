package dev.casemail.messaging.api;

import java.time.Instant;

/**
 * A signed statement of a mailbox's record at one moment: how many entries it had and the root of
 * their Merkle tree (RFC 9162), signed with the host's record key. Anyone with the public key can
 * check that an entry was in the record (an inclusion proof) and that a later head extends an earlier
 * one (a consistency proof). The signed bytes are defined in {@code docs/record-format.md}.
 *
 * @param size the number of entries
 * @param rootHash the root of the tree of the first {@code size} entries, lowercase hex
 * @param signedAt when it was signed
 * @param keyId the SHA-256 (lowercase hex) of the public key's X.509 encoding
 * @param algorithm the signature algorithm, e.g. {@code Ed25519}
 * @param signature the signature, base64
 */
public record SignedTreeHead(
    ParticipantId mailbox, long size, String rootHash, Instant signedAt, String keyId, String algorithm, String signature) {

  /** @throws InvalidInputException if a part is null or the size negative */
  public SignedTreeHead {
    InputRules.required("mailbox", mailbox);
    if (size < 0) {
      throw new InvalidInputException("size", "must not be negative (was " + size + ")");
    }
    InputRules.required("rootHash", rootHash);
    InputRules.required("signedAt", signedAt);
    InputRules.required("keyId", keyId);
    InputRules.required("algorithm", algorithm);
    InputRules.required("signature", signature);
  }
}
