package dev.casemail.messaging.api;

import java.util.List;
import java.util.Optional;

/**
 * An export of a mailbox's record, everything a court or an expert needs to check it without trusting
 * the host: the entries in scope (with the content of each, its leaf hash and its inclusion proof),
 * the signed tree head they are proven against, and, from the second export on, the previous export's
 * head with the consistency proof that the record only grew since. The export is itself recorded: its
 * own entry is among the entries, and the head includes it. {@code messaging-record-export} writes it
 * as a PDF for people and a JSON manifest for machines.
 *
 * @param mailbox whose record it is
 * @param export what the export's own entry says: its number, scope, court order and time
 * @param head the signed head every inclusion proof leads to
 * @param previousHead the head of the mailbox's previous export, if there was one
 * @param consistencyProof from {@code previousHead} to {@code head} (RFC 9162 section 2.1.4),
 *     lowercase hex; empty without a previous head
 * @param entries the entries in scope, in record order
 * @param timestampToken an RFC 3161 time-stamp token over the head's signed bytes, base64, if the host
 *     has a time-stamping authority
 */
public record RecordExport(
    ParticipantView mailbox,
    RecordedExport export,
    SignedTreeHead head,
    Optional<SignedTreeHead> previousHead,
    List<String> consistencyProof,
    List<ProvenEntry> entries,
    Optional<String> timestampToken) {

  /** @throws InvalidInputException if a part is null */
  public RecordExport {
    InputRules.required("mailbox", mailbox);
    InputRules.required("export", export);
    InputRules.required("head", head);
    InputRules.required("previousHead", previousHead);
    consistencyProof = List.copyOf(InputRules.size("consistencyProof", consistencyProof, 0, 128));
    entries = List.copyOf(InputRules.size("entries", entries, 0, Integer.MAX_VALUE));
    InputRules.required("timestampToken", timestampToken);
  }
}
