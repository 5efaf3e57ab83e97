package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.api.Consistency;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.core.record.MerkleTree;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordSigners;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One verification: the checks of {@link Check}, in order, each throwing {@link CheckFailed} with what it
 * found wrong; what passed is gathered for the summary line.
 */
final class Verification {

  private final PublicKey key;
  private final String keyId;

  /** The summary's parts, as the checks pass. */
  private final List<String> passed = new ArrayList<>();

  /** The check under way: an unexpected exception is reported as its failure. */
  private Check current = Check.MANIFEST;

  Verification(PublicKey key) {
    this.key = key;
    this.keyId = RecordSigners.keyId(key);
  }

  Verdict run(ExportFile file, Optional<ExportFile> previous, Optional<ExportFile> manifest) {
    try {
      current = Check.MANIFEST;
      try (Evidence evidence = Evidence.read(file, Check.MANIFEST, "the export")) {
        RecordExport export = evidence.export;
        current = Check.SIGNATURE;
        signature(export);
        current = Check.ENTRIES;
        entries(export);
        current = Check.CONSISTENCY;
        consistency(export);
        current = Check.PREVIOUS;
        if (previous.isPresent()) {
          previous(export, previous.get());
        }
        current = Check.TIMESTAMP;
        timestamp(export);
        current = Check.PDF;
        pdf(evidence, manifest);
      }
      return Verdict.verified(String.join("; ", passed));
    } catch (CheckFailed failed) {
      return failed.verdict();
    } catch (RuntimeException | StackOverflowError e) {
      // hostile input must end in a verdict, never a stack trace: the check under way failed
      return Verdict.failed(current, Optional.empty(), current.description() + " could not be checked: " + e);
    }
  }

  // --- 2: the head's signature

  private void signature(RecordExport export) throws CheckFailed {
    SignedTreeHead head = export.head();
    if (!head.mailbox().equals(export.mailbox().id())) {
      throw new CheckFailed(Check.SIGNATURE, "the head is of the record of " + head.mailbox() + ", but the export is of "
          + export.mailbox().id() + "'s");
    }
    signed(head, "the head", Check.SIGNATURE);
  }

  /** The head names the given key and its signature verifies with it. */
  private void signed(SignedTreeHead head, String what, Check check) throws CheckFailed {
    if (!head.algorithm().equals(RecordSigners.ED25519)) {
      throw new CheckFailed(check, what + " is signed with " + head.algorithm() + ", not " + RecordSigners.ED25519
          + ", the algorithm of the record's key");
    }
    if (!head.keyId().equals(keyId)) {
      throw new CheckFailed(check, what + " is signed by another key, key id " + head.keyId() + ", not by the key given "
          + "(key id " + keyId + ")");
    }
    byte[] signature = Base64.getDecoder().decode(head.signature());
    if (!RecordSigners.verify(key, RecordEncoding.signedBytes(head), signature)) {
      throw new CheckFailed(check, what + "'s signature does not verify with the key " + Describe.shortHex(keyId)
          + ": its mailbox, size " + head.size() + ", root " + head.rootHash() + " or time " + head.signedAt()
          + " is not what was signed, or the signature was changed");
    }
  }

  // --- 3: the entries

  private void entries(RecordExport export) throws CheckFailed {
    SignedTreeHead head = export.head();
    byte[] root = RecordEncoding.unhex(head.rootHash());
    List<ProvenEntry> entries = export.entries();
    long before = -1;
    for (ProvenEntry proven : entries) {
      RecordEntry entry = proven.entry();
      long index = entry.index();
      String name = Describe.entry(entry);
      if (index <= before) {
        throw new CheckFailed(Check.ENTRIES, index, name + " is out of record order: it comes after entry " + before);
      }
      if (index >= head.size()) {
        throw new CheckFailed(Check.ENTRIES, index, name + " is beyond the head, whose record has " + head.size()
            + " entries (0 to " + (head.size() - 1) + ")");
      }
      byte[] leaf;
      try {
        leaf = RecordEncoding.leafHash(entry);
      } catch (IllegalArgumentException e) {
        throw new CheckFailed(Check.ENTRIES, index, name + ": its content has no bytes in the record's encoding: "
            + e.getMessage());
      }
      if (!RecordEncoding.hex(leaf).equals(proven.leafHash())) {
        throw new CheckFailed(Check.ENTRIES, index, name + ": its leaf hash " + proven.leafHash()
            + " is not the hash of its content, " + RecordEncoding.hex(leaf));
      }
      if (!MerkleTree.verifyInclusion(leaf, index, head.size(), unhex(proven.inclusionProof()), root)) {
        throw new CheckFailed(Check.ENTRIES, index, name + ": its inclusion proof does not lead to the head's root "
            + head.rootHash() + ": it is not entry " + index + " of the record the head signs");
      }
      before = index;
    }
    if (entries.isEmpty()) {
      throw new CheckFailed(Check.ENTRIES, "the export holds no entry, not even its own");
    }
    ProvenEntry last = entries.get(entries.size() - 1);
    long lastIndex = last.entry().index();
    if (lastIndex != head.size() - 1) {
      throw new CheckFailed(Check.ENTRIES, "the export's own entry is missing: the last entry of the record the head "
          + "signs is entry " + (head.size() - 1) + ", but the export's last is " + Describe.entry(last.entry()));
    }
    if (!(last.entry().content() instanceof RecordedExport own) || !own.equals(export.export())) {
      throw new CheckFailed(Check.ENTRIES, lastIndex, Describe.entry(last.entry()) + ", the last of the record the head "
          + "signs, is not the export's own entry: the manifest's export is " + export.export());
    }
    if (export.export().scope().kind() == RecordScope.Kind.ALL && entries.size() != head.size()) {
      long missing = 0;
      while (entries.get((int) missing).entry().index() == missing) {
        missing++;
      }
      throw new CheckFailed(Check.ENTRIES, missing, "entry " + missing + " is missing: the export is of the whole "
          + "record, whose head has " + head.size() + " entries, but it holds " + entries.size());
    }
    passed.add("export " + export.export().exportNumber() + " of the record of " + export.mailbox().id() + " ("
        + export.mailbox().displayName() + ")"
        + export.export().courtOrder().map(order -> ", under court order " + order).orElse("")
        + ": " + entries.size() + " of " + head.size() + " entries proven against head " + head.size() + " signed "
        + Describe.instant(head.signedAt()) + " by key " + Describe.shortHex(keyId));
  }

  // --- 4: the consistency proofs

  private void consistency(RecordExport export) throws CheckFailed {
    SignedTreeHead head = export.head();
    long number = export.export().exportNumber();
    List<Consistency> consistency = export.consistency();
    if (consistency.size() != number - 1) {
      throw new CheckFailed(Check.CONSISTENCY, "export " + number + " carries consistency proofs from "
          + Describe.count(consistency.size(), "earlier export") + ", not from its " + (number - 1));
    }
    long before = 0;
    for (int i = 0; i < consistency.size(); i++) {
      SignedTreeHead earlier = consistency.get(i).earlier();
      String what = "the head of export " + (i + 1) + ", " + Describe.head(earlier) + ",";
      if (!earlier.mailbox().equals(head.mailbox())) {
        throw new CheckFailed(Check.CONSISTENCY, what + " is of the record of " + earlier.mailbox() + ", not "
            + head.mailbox() + "'s");
      }
      signed(earlier, what, Check.CONSISTENCY);
      if (earlier.size() <= before || earlier.size() >= head.size()) {
        throw new CheckFailed(Check.CONSISTENCY, what + " is out of order: the heads of earlier exports grow, oldest "
            + "first, and are all smaller than this export's, " + head.size());
      }
      if (!MerkleTree.verifyConsistency(earlier.size(), RecordEncoding.unhex(earlier.rootHash()), head.size(),
          RecordEncoding.unhex(head.rootHash()), unhex(consistency.get(i).proof()))) {
        throw new CheckFailed(Check.CONSISTENCY, "the consistency proof from " + what + " to head " + head.size()
            + " does not verify: the record as it was then is not the start of the record now");
      }
      before = earlier.size();
    }
    // an earlier export's own entry is the last of its head
    for (ProvenEntry proven : export.entries()) {
      if (proven.entry().content() instanceof RecordedExport recorded && recorded.exportNumber() < number) {
        long expected = recorded.exportNumber() <= consistency.size()
            ? consistency.get((int) recorded.exportNumber() - 1).earlier().size() - 1 : -1;
        if (proven.entry().index() != expected) {
          throw new CheckFailed(Check.CONSISTENCY, proven.entry().index(), Describe.entry(proven.entry())
              + " is not the last entry of the head of export " + recorded.exportNumber() + " (entry " + expected + ")");
        }
      }
    }
    passed.add(consistency.isEmpty() ? "the first export of this record"
        : "consistent with " + Describe.count(consistency.size(), "earlier export"));
  }

  // --- 5: an earlier export the reader kept

  private void previous(RecordExport export, ExportFile file) throws CheckFailed {
    SignedTreeHead head = export.head();
    try (Evidence evidence = Evidence.read(file, Check.PREVIOUS, "the earlier export")) {
      RecordExport earlier = evidence.export;
      String what = "the earlier export " + file.name() + " (export " + earlier.export().exportNumber() + ")";
      if (!earlier.mailbox().id().equals(export.mailbox().id())) {
        throw new CheckFailed(Check.PREVIOUS, what + " is of the record of " + earlier.mailbox().id() + ", not of "
            + export.mailbox().id() + "'s");
      }
      SignedTreeHead then = earlier.head();
      if (!then.mailbox().equals(earlier.mailbox().id())) {
        throw new CheckFailed(Check.PREVIOUS, what + ": its head is of the record of " + then.mailbox());
      }
      signed(then, what + "'s head", Check.PREVIOUS);
      if (then.size() > head.size()) {
        throw new CheckFailed(Check.PREVIOUS, what + " has a larger head (" + then.size() + " entries) than this export ("
            + head.size() + "): is it the later of the two?");
      }
      if (then.size() == head.size()) {
        if (!then.rootHash().equals(head.rootHash())) {
          throw new CheckFailed(Check.PREVIOUS, "the record was rewritten: " + what + " has " + Describe.head(then)
              + ", this export the same size with root " + head.rootHash());
        }
      } else {
        Optional<Consistency> from = export.consistency().stream()
            .filter(c -> c.earlier().size() == then.size()).findFirst();
        if (from.isEmpty()) {
          throw new CheckFailed(Check.PREVIOUS, "this export carries no consistency proof from the head of " + what + ", "
              + Describe.head(then) + ": it does not show that the record then is the start of the record now");
        }
        if (!from.get().earlier().rootHash().equals(then.rootHash())) {
          throw new CheckFailed(Check.PREVIOUS, "the record was rewritten since " + what + ": its head had "
              + then.size() + " entries with root " + then.rootHash() + ", but this export proves it extends a record of "
              + then.size() + " entries with root " + from.get().earlier().rootHash());
        }
        if (!MerkleTree.verifyConsistency(then.size(), RecordEncoding.unhex(then.rootHash()), head.size(),
            RecordEncoding.unhex(head.rootHash()), unhex(from.get().proof()))) {
          throw new CheckFailed(Check.PREVIOUS, "the consistency proof from the head of " + what + " does not verify");
        }
      }
      passed.add("extends " + file.name() + " (export " + earlier.export().exportNumber() + ", head " + then.size() + ")");
    }
  }

  // --- 6: the time-stamp

  private void timestamp(RecordExport export) throws CheckFailed {
    if (export.timestampToken().isEmpty()) {
      passed.add("not time-stamped");
      return;
    }
    TimestampCheck.Attestation attestation = TimestampCheck.check(export.timestampToken().get(), export.head());
    passed.add("time-stamped by " + attestation.authority() + " at " + Describe.instant(attestation.at()));
  }

  // --- 7: the PDF

  private void pdf(Evidence evidence, Optional<ExportFile> manifest) throws CheckFailed {
    if (manifest.isPresent()) {
      byte[] given = manifest.get().content();
      if (!Arrays.equals(given, evidence.manifest)) {
        String other = evidence.pdf.isPresent() ? "the one embedded in the PDF" : evidence.file.name();
        throw new CheckFailed(Check.PDF, "the manifest " + manifest.get().name() + " is not " + other + ": "
            + firstDifference(given, manifest.get().name(), evidence.manifest, other));
      }
    }
    if (evidence.pdf.isEmpty()) {
      passed.add("PDF text not checked: " + evidence.file.name() + " is a manifest, not the PDF"
          + manifest.map(m -> "; " + m.name() + " is the same manifest").orElse(""));
      return;
    }
    int pages = PdfTextCheck.check(evidence.pdf.get(), evidence.export);
    passed.add("PDF text matches (" + Describe.count(pages, "page") + ")"
        + manifest.map(m -> "; " + m.name() + " is the embedded manifest").orElse(""));
  }

  /** Where two manifests first differ: the line, and both versions of it. */
  private static String firstDifference(byte[] given, String givenName, byte[] expected, String expectedName) {
    String[] a = new String(given, StandardCharsets.UTF_8).split("\n", -1);
    String[] b = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
    for (int line = 0; line < Math.max(a.length, b.length); line++) {
      String one = line < a.length ? a[line].strip() : "(its end)";
      String other = line < b.length ? b[line].strip() : "(its end)";
      if (!one.equals(other)) {
        return "they differ from line " + (line + 1) + ", which reads " + quoted(one) + " in " + givenName + " and "
            + quoted(other) + " in " + expectedName;
      }
    }
    return "they differ in their whitespace or byte order mark only";
  }

  private static String quoted(String line) {
    return "\"" + (line.length() <= 100 ? line : line.substring(0, 100) + "…") + "\"";
  }

  private static List<byte[]> unhex(List<String> hashes) {
    List<byte[]> bytes = new ArrayList<>(hashes.size());
    for (String hash : hashes) {
      bytes.add(RecordEncoding.unhex(hash));
    }
    return bytes;
  }
}
