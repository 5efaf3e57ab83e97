package dev.casemail.messaging.api;

import java.util.List;

/**
 * An entry of an export with what proves it: its leaf hash and its inclusion proof in the export's
 * signed tree head (RFC 9162 section 2.1.3).
 *
 * @param leafHash SHA-256(0x00 ‖ the entry's bytes), lowercase hex
 * @param inclusionProof the audit path from the leaf to the root of the signed head, lowercase hex,
 *     nearest the leaf first
 */
public record ProvenEntry(RecordEntry entry, String leafHash, List<String> inclusionProof) {

  /** @throws InvalidInputException if a part is null */
  public ProvenEntry {
    InputRules.required("entry", entry);
    InputRules.required("leafHash", leafHash);
    inclusionProof = List.copyOf(InputRules.size("inclusionProof", inclusionProof, 0, 64));
  }
}
