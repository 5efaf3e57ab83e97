package dev.casemail.messaging.api;

import java.util.List;

/**
 * The proof that a record only grew since an earlier signed head: the RFC 9162 consistency proof
 * (section 2.1.4) from {@code earlier} to the head of the export that carries it.
 *
 * @param earlier the head of an earlier export of the same record
 * @param proof the consistency proof, lowercase hex; empty when the two heads have the same size
 */
public record Consistency(SignedTreeHead earlier, List<String> proof) {

  /** @throws InvalidInputException if a part is null */
  public Consistency {
    InputRules.required("earlier", earlier);
    proof = List.copyOf(InputRules.size("proof", proof, 0, 128));
  }
}
