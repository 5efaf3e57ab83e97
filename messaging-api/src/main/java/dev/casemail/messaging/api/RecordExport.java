package dev.casemail.messaging.api;

import java.util.List;
import java.util.Optional;

/**
 * An export of a mailbox's record, everything a court or an expert needs to check it without trusting
 * the host: the entries in scope (with the content of each, its leaf hash and its inclusion proof),
 * the signed tree head they are proven against, and, from the second export on, the head of every
 * earlier export of the record with the consistency proof that the record only grew since: whoever
 * kept any earlier export can check that nothing recorded before it was changed or removed. The export is itself recorded: its
 * own entry is among the entries, and the head includes it. {@code messaging-record-export} writes it
 * as a PDF for people and a JSON manifest for machines.
 *
 * @param mailbox whose record it is
 * @param export what the export's own entry says: its number, scope, court order and time
 * @param head the signed head every inclusion proof leads to
 * @param consistency from the head of every earlier export of the record to {@code head}, oldest first
 * @param entries the entries in scope, in record order
 * @param timestampToken an RFC 3161 time-stamp token over the head's signed bytes, base64, if the host
 *     has a time-stamping authority
 */
public record RecordExport(
    ParticipantView mailbox,
    RecordedExport export,
    SignedTreeHead head,
    List<Consistency> consistency,
    List<ProvenEntry> entries,
    Optional<String> timestampToken) {

  /** @throws InvalidInputException if a part is null */
  public RecordExport {
    InputRules.required("mailbox", mailbox);
    InputRules.required("export", export);
    InputRules.required("head", head);
    consistency = List.copyOf(InputRules.size("consistency", consistency, 0, Integer.MAX_VALUE));
    entries = List.copyOf(InputRules.size("entries", entries, 0, Integer.MAX_VALUE));
    InputRules.required("timestampToken", timestampToken);
  }

  /** The head of the previous export of the record, if there was one. */
  public Optional<SignedTreeHead> previousHead() {
    return consistency.isEmpty() ? Optional.empty() : Optional.of(consistency.get(consistency.size() - 1).earlier());
  }

  /** The consistency proof from {@link #previousHead()} to {@link #head()}; empty without a previous head. */
  public List<String> consistencyProof() {
    return consistency.isEmpty() ? List.of() : consistency.get(consistency.size() - 1).proof();
  }
}
