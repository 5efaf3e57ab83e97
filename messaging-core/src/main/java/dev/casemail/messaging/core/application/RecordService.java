package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.Consistency;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordIntegrityException;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.Receipt;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import dev.casemail.messaging.core.record.MerkleTree;
import dev.casemail.messaging.core.record.RecordAppend;
import dev.casemail.messaging.core.record.RecordContents;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordHead;
import dev.casemail.messaging.core.record.Recording;
import dev.casemail.messaging.core.record.SealedRecord;
import dev.casemail.messaging.core.record.StoredEntry;
import dev.casemail.messaging.core.record.StoredExport;
import dev.casemail.messaging.core.record.UnreadableEvidenceException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Exports of mailboxes' records and their signed heads.
 *
 * <p>An export is one transaction, under the mailbox's lock. It checks that no entry sits where the
 * export's own goes and that every earlier export's head (which the export hands on) is signed by the
 * record key or a former one; then it rebuilds every entry's content from what the mailbox holds now
 * (the message, the first view, the access event, the export it records), checks that each still
 * hashes to the leaf hash recorded and is stored exactly as the library stores it, that the entries
 * have no gap and their tree has the stored head's root, that every message, first view, access event
 * and export in the mailbox was recorded, and that the record, with the export's own entry appended,
 * has the root of the head kept with every append (the head it signs) and still extends every earlier
 * export's head; then it proves the entries in scope and records the export. A row of evidence the
 * adapter cannot read ({@link UnreadableEvidenceException}) is blamed on the entry that records it.
 * Anything found wrong is a {@link RecordIntegrityException} naming it: nothing is exported and nothing
 * recorded. The host's time-stamping authority, if any, is asked last, inside the transaction: an
 * authority that fails fails the export as a storage failure would, and nothing is recorded.
 */
final class RecordService {

  private final Context context;

  RecordService(Context context) {
    this.context = context;
  }

  RecordExport export(ParticipantId mailbox, RecordScope scope, Optional<String> courtOrder) {
    return context.transactions.write("exportRecord", store -> {
      Participant owner = Context.participant(store, mailbox);
      return Plan.of(List.of(mailbox), () -> {
        RecordHead head = store.records().head(mailbox);
        store.records().entry(mailbox, head.size()).ifPresent(stray -> {
          throw new RecordIntegrityException(stray.index(), "the record of " + mailbox + " holds entry #" + stray.index()
              + " where its head, of " + head.size() + " entries, says the next entry goes: an entry was added, or the"
              + " head changed, behind the library's back");
        });
        List<StoredEntry> stored = store.records().entries(mailbox);
        List<StoredExport> earlier = exports(store, stored, mailbox);
        // the export hands every earlier head on for a court to compare with the one it holds: only as signed
        for (StoredExport before : earlier) {
          if (!context.signer.signed(before.head())) {
            throw new RecordIntegrityException(-1, "the head export #" + before.export().exportNumber()
                + " of the record of " + mailbox + " was signed with is not signed by the record's key, nor by a"
                + " former key the configuration names (key " + before.head().keyId() + "): it was changed behind"
                + " the library's back");
          }
        }
        long number = earlier.isEmpty() ? 1L : earlier.get(earlier.size() - 1).export().exportNumber() + 1;
        Instant now = context.now();
        RecordedExport export = new RecordedExport(number, scope, courtOrder, now);
        // the head the export's own entry makes: the same seal the transaction applies
        RecordHead after = SealedRecord.seal(List.of(new Recording(mailbox, export)), Map.of(mailbox, head))
            .heads().get(mailbox);
        SignedTreeHead signed = context.signer.sign(mailbox, after, now);
        MailboxChange change = MailboxChange.builder().recordExport(mailbox, export, signed).build();
        RecordExport proven = prove(store, owner, head, stored, new Stamp(export, signed, earlier));
        // last, once the record is proven: a failing authority then fails the export, and nothing is recorded
        Optional<String> token = context.timestamps.map(authority -> Base64.getEncoder().encodeToString(
            authority.timestamp(MerkleTree.sha256Of(RecordEncoding.signedBytes(signed)))));
        return Outcome.of(change, new RecordExport(
            proven.mailbox(), proven.export(), proven.head(), proven.consistency(), proven.entries(), token));
      });
    });
  }

  SignedTreeHead head(ParticipantId mailbox) {
    return context.transactions.read("recordHead", store -> {
      Context.participant(store, mailbox);
      return context.signer.sign(mailbox, store.records().head(mailbox), context.now());
    });
  }

  /** What the export decided: its entry, the head it signs, and every export before it. */
  private record Stamp(RecordedExport export, SignedTreeHead head, List<StoredExport> earlier) {}

  /**
   * Proves the record as stored, with the export's own entry appended: every stored entry against what
   * it records, the stored head against the entries, the signed head against them with the export's
   * leaf, every earlier export's head as a start of the record; then the consistency and inclusion
   * proofs.
   */
  private RecordExport prove(Store store, Participant owner, RecordHead storedHead, List<StoredEntry> stored, Stamp stamp) {
    ParticipantId mailbox = owner.id();
    long size = stamp.head().size();
    for (int i = 0; i < stored.size(); i++) {
      if (stored.get(i).index() != i) {
        throw new RecordIntegrityException(i, "entry #" + i + " of the record of " + mailbox
            + " is missing: the next stored entry is #" + stored.get(i).index());
      }
    }
    if (stored.size() != storedHead.size()) {
      throw new RecordIntegrityException(Math.min(stored.size(), storedHead.size()), "the record of " + mailbox
          + " holds " + stored.size() + " entries, but its head says " + storedHead.size());
    }
    List<byte[]> leaves = new ArrayList<>(stored.size() + 1);
    for (StoredEntry entry : stored) {
      leaves.add(leafHash(entry));
    }
    // every entry against what it records before any root: a changed entry (its content, its leaf hash,
    // its place) is then named, where a root would only say that something under it changed
    Evidence evidence;
    try {
      evidence = Evidence.read(store, mailbox);
    } catch (UnreadableEvidenceException e) {
      throw unreadable(stored, e);
    }
    List<RecordEntry> entries = new ArrayList<>((int) size);
    for (int i = 0; i < stored.size(); i++) {
      StoredEntry entry = stored.get(i);
      RecordContent content = evidence.contentOf(entry).orElseThrow(() -> new RecordIntegrityException(entry.index(),
          "entry #" + entry.index() + " records " + entry.kindName() + ", which is no longer in the mailbox"));
      RecordEntry rebuilt = new RecordEntry(mailbox, i, content);
      byte[] leafHash = RecordEncoding.leafHash(rebuilt);
      if (!MessageDigest.isEqual(leafHash, leaves.get(i))) {
        throw new RecordIntegrityException(i, "entry #" + i + " records " + entry.kindName()
            + ", which no longer hashes to the entry's leaf hash: what it records, its leaf hash or its place was changed");
      }
      // the columns the leaf does not cover (when it was recorded, and a viewer or counterpart where the
      // kind has none) are the record too: stored exactly as the library stores this entry, or changed
      if (!new RecordAppend(rebuilt, leafHash).stored().equals(entry)) {
        throw new RecordIntegrityException(i, "entry #" + i + " records " + entry.kindName() + " at " + content.at()
            + ", but is stored as " + entry + ": it was changed");
      }
      entries.add(rebuilt);
    }
    MerkleTree stillStored = MerkleTree.of(leaves);
    if (!MessageDigest.isEqual(stillStored.root(storedHead.size()), storedHead.root())) {
      throw new RecordIntegrityException(-1, "the stored head of the record of " + mailbox
          + " is not the root of its entries: an entry's leaf hash or the head was changed");
    }
    // the export's own entry, as the change records it
    RecordEntry own = new RecordEntry(mailbox, stored.size(), stamp.export());
    RecordAppend ownAppend = new RecordAppend(own, RecordEncoding.leafHash(own));
    entries.add(own);
    leaves.add(RecordEncoding.leafHash(own));
    List<StoredEntry> recorded = new ArrayList<>(stored);
    recorded.add(ownAppend.stored());
    evidence.exports.put(stamp.export().exportNumber(), stamp.export());
    MerkleTree tree = MerkleTree.of(leaves);
    if (size != leaves.size() || !MessageDigest.isEqual(tree.root(size), RecordEncoding.unhex(stamp.head().rootHash()))) {
      throw new RecordIntegrityException(-1, "the head of the record of " + mailbox + " kept with every append is not"
          + " the root of its entries: the head was changed behind the library's back");
    }
    evidence.requireRecorded(recorded);
    List<Consistency> consistency = new ArrayList<>(stamp.earlier().size());
    for (StoredExport earlier : stamp.earlier()) {
      SignedTreeHead before = earlier.head();
      if (before.size() > size
          || !MessageDigest.isEqual(tree.root(before.size()), RecordEncoding.unhex(before.rootHash()))) {
        throw new RecordIntegrityException(-1, "the record of " + mailbox + " no longer extends the head of export #"
            + earlier.export().exportNumber() + ": entries recorded before it were changed or removed");
      }
      consistency.add(new Consistency(before, hex(tree.consistencyProof(before.size(), size))));
    }
    List<ProvenEntry> proven = new ArrayList<>();
    for (RecordEntry entry : inScope(entries, stamp.export())) {
      proven.add(new ProvenEntry(
          entry, RecordEncoding.hex(leaves.get((int) entry.index())), hex(tree.inclusionProof(entry.index(), size))));
    }
    return new RecordExport(owner.view(), stamp.export(), stamp.head(), consistency, proven, Optional.empty());
  }

  /**
   * The entries an export's scope selects, in record order: what the scope covers, every first view of
   * a message selected, and the export's own entry (the last).
   */
  private static List<RecordEntry> inScope(List<RecordEntry> entries, RecordedExport export) {
    RecordScope scope = export.scope();
    Set<MessageId> messages = new HashSet<>();
    Set<Long> selected = new HashSet<>();
    for (RecordEntry entry : entries) {
      RecordContent content = entry.content();
      if (content instanceof RecordedFirstView) {
        continue;
      }
      if (scope.covers(content.at(), content.involving())) {
        selected.add(entry.index());
        if (content instanceof RecordedMessage message) {
          messages.add(message.id());
        }
      }
    }
    List<RecordEntry> inScope = new ArrayList<>();
    for (RecordEntry entry : entries) {
      RecordContent content = entry.content();
      boolean firstViewOfOne = content instanceof RecordedFirstView view
          && (messages.contains(view.message()) || scope.kind() == RecordScope.Kind.ALL
              || (scope.kind() == RecordScope.Kind.PERIOD && scope.covers(view.at(), view.involving())));
      boolean own = entry.index() == entries.size() - 1;
      if (selected.contains(entry.index()) || firstViewOfOne || own) {
        inScope.add(entry);
      }
    }
    return inScope;
  }

  private static List<StoredExport> exports(Store store, List<StoredEntry> stored, ParticipantId mailbox) {
    try {
      return store.records().exports(mailbox);
    } catch (UnreadableEvidenceException e) {
      throw unreadable(stored, e);
    }
  }

  /** A row evidence is read from that the library did not write, blamed on the entry recording it. */
  private static RecordIntegrityException unreadable(List<StoredEntry> stored, UnreadableEvidenceException e) {
    Optional<StoredEntry> entry = stored.stream().filter(e::holdsContentOf).findFirst();
    return new RecordIntegrityException(entry.map(StoredEntry::index).orElse(-1L),
        entry.map(found -> "entry #" + found.index() + " records " + found.kindName() + ", but ").orElse("")
            + e.getMessage());
  }

  private static byte[] leafHash(StoredEntry entry) {
    try {
      byte[] hash = RecordEncoding.unhex(entry.leafHash());
      if (hash.length == MerkleTree.HASH_SIZE) {
        return hash;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new RecordIntegrityException(entry.index(), "entry #" + entry.index() + " has no valid leaf hash");
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(RecordEncoding::hex).collect(Collectors.toList());
  }

  /** What the mailbox holds now, from which each entry's content is rebuilt. */
  private static final class Evidence {
    final ParticipantId owner;
    final Map<MessageId, MessageCopy> copies = new HashMap<>();
    final Map<MessageId, List<Receipt>> receipts;
    final Map<String, RecordedAccessEvent> events = new HashMap<>();
    final Map<Long, RecordedExport> exports = new HashMap<>();

    private Evidence(ParticipantId owner, Map<MessageId, List<Receipt>> receipts) {
      this.owner = owner;
      this.receipts = receipts;
    }

    static Evidence read(Store store, ParticipantId owner) {
      Evidence evidence = new Evidence(owner, store.receipts().every(owner));
      store.copies().every(owner).forEach(copy -> evidence.copies.put(copy.message().id(), copy));
      for (RecordedAccessEvent event : store.accessLinks().events(owner)) {
        evidence.events.put(eventKey(owner, event), event);
      }
      store.records().exports(owner).forEach(export -> evidence.exports.put(export.export().exportNumber(), export.export()));
      return evidence;
    }

    Optional<RecordContent> contentOf(StoredEntry entry) {
      switch (entry.kind()) {
        case RecordEncoding.MESSAGE:
          return Optional.ofNullable(copies.get(MessageId.of(entry.reference()))).map(c -> RecordContents.message(c.message()));
        case RecordEncoding.FIRST_VIEW:
          return firstView(MessageId.of(entry.reference()), ParticipantId.of(entry.other()));
        case RecordEncoding.ACCESS_EVENT:
          return Optional.ofNullable(events.get(entry.other() + "#" + entry.reference()));
        default:
          return Optional.ofNullable(exports.get(entry.reference()));
      }
    }

    private Optional<RecordContent> firstView(MessageId message, ParticipantId viewer) {
      if (viewer.equals(owner)) {
        return Optional.ofNullable(copies.get(message))
            .filter(copy -> copy.direction() == Direction.RECEIVED)
            .flatMap(MessageCopy::openedAt)
            .map(at -> new RecordedFirstView(message, viewer, at));
      }
      return receipts.getOrDefault(message, List.of()).stream()
          .filter(receipt -> receipt.recipient().equals(viewer))
          .findFirst()
          .flatMap(Receipt::firstViewedAt)
          .map(at -> new RecordedFirstView(message, viewer, at));
    }

    /**
     * Every message, first view, access event and export the mailbox holds has its entry; a forged one
     * has none.
     */
    void requireRecorded(List<StoredEntry> stored) {
      Set<Long> messages = new HashSet<>();
      Set<String> views = new HashSet<>();
      Set<String> recordedEvents = new HashSet<>();
      Set<Long> recordedExports = new HashSet<>();
      for (StoredEntry entry : stored) {
        if (entry.kind() == RecordEncoding.MESSAGE) {
          messages.add(entry.reference());
        } else if (entry.kind() == RecordEncoding.FIRST_VIEW) {
          views.add(entry.reference() + "/" + entry.other());
        } else if (entry.kind() == RecordEncoding.ACCESS_EVENT) {
          recordedEvents.add(entry.other() + "#" + entry.reference());
        } else {
          recordedExports.add(entry.reference());
        }
      }
      events.forEach((key, event) -> {
        if (!recordedEvents.contains(key)) {
          throw new RecordIntegrityException(-1, "access event " + event.eventNumber() + " between " + event.practitioner()
              + " and " + event.parent() + " is in the mailbox of " + owner + " but was never recorded");
        }
      });
      exports.keySet().forEach(number -> {
        if (!recordedExports.contains(number)) {
          throw new RecordIntegrityException(-1, "export #" + number + " of the record of " + owner
              + " is in the mailbox but was never recorded");
        }
      });
      for (MessageCopy copy : copies.values()) {
        long id = copy.message().id().value();
        if (!messages.contains(id)) {
          throw new RecordIntegrityException(-1, "message " + id + " sits in the mailbox of " + owner
              + " but was never recorded");
        }
        if (copy.direction() == Direction.RECEIVED && copy.openedAt().isPresent() && !views.contains(id + "/" + owner)) {
          throw new RecordIntegrityException(-1, "the first view of message " + id + " by " + owner
              + " is in the mailbox but was never recorded");
        }
      }
      receipts.forEach((message, list) -> list.forEach(receipt -> {
        if (receipt.firstViewedAt().isPresent() && !views.contains(message.value() + "/" + receipt.recipient())) {
          throw new RecordIntegrityException(-1, "the first view of message " + message + " by " + receipt.recipient()
              + " is in the mailbox of " + owner + " but was never recorded");
        }
      }));
    }

    private static String eventKey(ParticipantId owner, RecordedAccessEvent event) {
      ParticipantId counterpart = event.practitioner().equals(owner) ? event.parent() : event.practitioner();
      return counterpart.value() + "#" + event.eventNumber();
    }
  }
}
