package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.api.ThreadId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code docs/record-test-vectors.json}: a dozen record entries of one mailbox covering every
 * kind and the edge cases of the encoding, each in the JSON form of {@code docs/record-format.md} with
 * its bytes and leaf hash; the tree of their leaves (the root at every size, inclusion and consistency
 * proofs); and one head signed with RFC 8032's published test key. {@code RecordTestVectorsTest} fails
 * while the file is not what this writes.
 *
 * <p>To regenerate the file after a deliberate change (a new version of the encoding), from the
 * project's root:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -pl messaging-core -am \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -cp "messaging-core/target/test-classes:messaging-core/target/classes:$(cat messaging-core/target/test.classpath)" \
 *     dev.casemail.messaging.core.record.RecordTestVectors docs/record-test-vectors.json
 * </pre>
 *
 * (or run {@link #main} from an IDE with the module's directory as the working directory: the file is
 * then {@code ../docs/record-test-vectors.json}).
 */
public final class RecordTestVectors {

  /** Where the file is, from messaging-core's directory (the working directory of its tests). */
  static final Path FILE = Path.of("..", "docs", "record-test-vectors.json");

  static final ParticipantId MAILBOX = ParticipantId.of("mother-23");

  static final ParticipantView MOTHER = ParticipantView.of(MAILBOX, ParticipantRole.PARENT, "María José Núñez");
  static final ParticipantView FATHER = ParticipantView.of(ParticipantId.of("father-24"), ParticipantRole.PARENT, "Frank O'Neill");
  static final ParticipantView MEDIATOR =
      ParticipantView.of(ParticipantId.of("mediator-7"), ParticipantRole.PRACTITIONER, "Dr. Åsa Öberg");

  /** When the head is signed. */
  static final Instant SIGNED_AT = Instant.parse("2025-03-04T10:15:30.654321Z");

  private RecordTestVectors() {}

  /** Writes the file to {@code args[0]}, or to {@link #FILE}. */
  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 ? Path.of(args[0]) : FILE;
    Files.writeString(file, text(), StandardCharsets.UTF_8);
  }

  /** The file's text. */
  static String text() {
    return Json.write(document());
  }

  /** The entries, in record order: their indices are 0, 1, 2, … */
  static List<Named> entries() {
    ParticipantId mother = MOTHER.id();
    ParticipantId mediator = MEDIATOR.id();
    List<Named> entries = new ArrayList<>();
    entries.add(named("an access request from a practitioner, at a whole second",
        new RecordedAccessEvent(mediator, mother, 1, AccessStatus.REQUESTED, mediator, Instant.parse("2025-03-01T09:00:00Z"))));
    entries.add(named("a system message (an action item): no sender, one recipient, not a reply, no attachment",
        new RecordedMessage(MessageId.of(101), ThreadId.of(101), MessageKind.ACTION_ITEM, Optional.empty(), List.of(MOTHER),
            "Access request from Dr. Åsa Öberg", "Dr. Åsa Öberg asks for access to your messages.",
            Instant.parse("2025-03-01T09:00:00.000001Z"), Optional.empty(), List.of())));
    entries.add(named("the parent approves, at microseconds",
        new RecordedAccessEvent(mediator, mother, 2, AccessStatus.APPROVED, mother, Instant.parse("2025-03-01T09:05:12.345678Z"))));
    entries.add(named("a personal message to several recipients, non-ASCII and emoji text with line breaks, two attachments",
        new RecordedMessage(MessageId.of(102), ThreadId.of(102), MessageKind.PERSONAL, Optional.of(MEDIATOR),
            List.of(MOTHER, FATHER), "Übergabe am Freitag 🚗 / handover on Friday",
            "Hola María, hello Frank,\r\nthe handover moves to 18:00 ☀️.\n\t– Åsa 👩‍⚖️ 调解\n",
            Instant.parse("2025-03-02T08:30:00.250Z"), Optional.empty(),
            List.of(sha256("%PDF-1.7 school calendar"), sha256("%PDF-1.7 handover schedule")))));
    entries.add(named("the owner's first view of a message they received",
        new RecordedFirstView(MessageId.of(102), mother, Instant.parse("2025-03-02T08:41:07.000999Z"))));
    entries.add(named("a reply with an empty body, in the same thread",
        new RecordedMessage(MessageId.of(103), ThreadId.of(102), MessageKind.PERSONAL, Optional.of(MOTHER), List.of(MEDIATOR),
            "Re: Übergabe am Freitag 🚗 / handover on Friday", "", Instant.parse("2025-03-02T09:00:00.5Z"),
            Optional.of(MessageId.of(102)), List.of())));
    entries.add(named("a recipient's first view of a message the owner sent",
        new RecordedFirstView(MessageId.of(103), mediator, Instant.parse("2025-03-02T09:10:00.123Z"))));
    entries.add(named("an auto-reply to the owner's reply",
        new RecordedMessage(MessageId.of(104), ThreadId.of(102), MessageKind.AUTO_REPLY, Optional.of(MEDIATOR), List.of(MOTHER),
            "Away until Monday", "I am away and will answer on Monday.", Instant.parse("2025-03-02T09:00:01.000002Z"),
            Optional.of(MessageId.of(103)), List.of())));
    entries.add(named("a notification from the host: no sender, one attachment",
        new RecordedMessage(MessageId.of(105), ThreadId.of(105), MessageKind.NOTIFICATION, Optional.empty(), List.of(MOTHER),
            "Journal entry shared", "A journal entry was shared with you.", Instant.parse("2025-03-03T07:00:00Z"),
            Optional.empty(), List.of(sha256("journal entry 2025-03-03")))));
    entries.add(named("the owner's export of the whole record: no court order",
        new RecordedExport(1, RecordScope.all(), Optional.empty(), Instant.parse("2025-03-03T12:00:00.000100Z"))));
    entries.add(named("an export of a period from the first to the last instant the library takes (years 1 and 9999), for a court order",
        new RecordedExport(2, RecordScope.between(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z")),
            Optional.of("Case 2025-FL-0042: order of 3 March 2025"), Instant.parse("2025-03-04T10:00:00.999999Z"))));
    entries.add(named("an export of the correspondence with one counterpart, for a court order with non-ASCII text",
        new RecordedExport(3, RecordScope.with(FATHER.id()), Optional.of("Beschluss § 1684 BGB – Az. 12 F 345/25"),
            Instant.parse("2025-03-04T10:05:00Z"))));
    entries.add(named("the practitioner removes the access",
        new RecordedAccessEvent(mediator, mother, 3, AccessStatus.REMOVED, mediator, Instant.parse("2025-03-04T10:10:00.000001Z"))));
    return entries;
  }

  /** An entry's content with what it is there for. */
  record Named(String covers, RecordContent content) {}

  static RecordEntry entry(int index) {
    return new RecordEntry(MAILBOX, index, entries().get(index).content());
  }

  static List<RecordEntry> recordEntries() {
    List<RecordEntry> record = new ArrayList<>();
    for (int i = 0; i < entries().size(); i++) {
      record.add(entry(i));
    }
    return record;
  }

  /** The test key: RFC 8032's, published; never sign a real record with it. */
  static RecordSigner testSigner() {
    return RecordSigners.ed25519(RecordSignersTest.RFC_8032_PRIVATE_PEM, RecordSignersTest.RFC_8032_PUBLIC_PEM);
  }

  // ---------------------------------------------------------------------------------- the document

  static Map<String, Object> document() {
    List<RecordEntry> record = recordEntries();
    List<byte[]> leaves = record.stream().map(RecordEncoding::leafHash).toList();
    MerkleTree tree = MerkleTree.of(leaves);

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("about", "Test vectors of the casemail record, format version 1 (docs/record-format.md): entries of one "
        + "mailbox's record in their JSON form with their bytes and leaf hashes, the Merkle tree of those leaves "
        + "(RFC 9162 section 2.1), and one signed tree head. Hashes and bytes are lowercase hex, the signature base64. "
        + "Written by RecordTestVectors and checked by RecordTestVectorsTest in messaging-core.");
    document.put("version", (long) RecordEncoding.VERSION);

    List<Object> entries = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      Map<String, Object> vector = new LinkedHashMap<>();
      vector.put("covers", entries().get(i).covers());
      vector.put("entry", entryJson(record.get(i)));
      vector.put("bytes", RecordEncoding.hex(RecordEncoding.encode(record.get(i))));
      vector.put("leafHash", RecordEncoding.hex(leaves.get(i)));
      entries.add(vector);
    }
    document.put("entries", entries);

    Map<String, Object> treeJson = new LinkedHashMap<>();
    treeJson.put("about", "The tree of the entries' leaf hashes in order. roots[n] is the root of the first n leaves.");
    List<Object> roots = new ArrayList<>();
    for (int size = 0; size <= record.size(); size++) {
      roots.add(RecordEncoding.hex(tree.root(size)));
    }
    treeJson.put("roots", roots);
    List<Object> inclusions = new ArrayList<>();
    for (long[] at : new long[][] {{5, record.size()}, {record.size() - 1, record.size()}, {2, 3}}) {
      Map<String, Object> proof = new LinkedHashMap<>();
      proof.put("leafIndex", at[0]);
      proof.put("treeSize", at[1]);
      proof.put("leafHash", RecordEncoding.hex(leaves.get((int) at[0])));
      proof.put("rootHash", RecordEncoding.hex(tree.root(at[1])));
      proof.put("proof", hexes(tree.inclusionProof(at[0], at[1])));
      inclusions.add(proof);
    }
    treeJson.put("inclusionProofs", inclusions);
    List<Object> consistencies = new ArrayList<>();
    for (long[] sizes : new long[][] {{7, record.size()}, {4, record.size()}}) {
      Map<String, Object> proof = new LinkedHashMap<>();
      proof.put("oldSize", sizes[0]);
      proof.put("oldRootHash", RecordEncoding.hex(tree.root(sizes[0])));
      proof.put("newSize", sizes[1]);
      proof.put("newRootHash", RecordEncoding.hex(tree.root(sizes[1])));
      proof.put("proof", hexes(tree.consistencyProof(sizes[0], sizes[1])));
      consistencies.add(proof);
    }
    treeJson.put("consistencyProofs", consistencies);
    document.put("tree", treeJson);

    RecordSigner signer = testSigner();
    SignedTreeHead head = sign(signer, record.size(), tree.root(record.size()));
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("WARNING", "TEST KEY, NOT SECRET: the Ed25519 key of RFC 8032 section 7.1, TEST 1, published for testing. "
        + "A record head signed with it proves nothing. Never configure it as a record signer.");
    key.put("privateKeyPem", RecordSignersTest.RFC_8032_PRIVATE_PEM);
    key.put("publicKeyPem", RecordSignersTest.RFC_8032_PUBLIC_PEM);
    Map<String, Object> signed = new LinkedHashMap<>();
    signed.put("testKey", key);
    signed.put("head", headJson(head));
    signed.put("signedBytes", RecordEncoding.hex(RecordEncoding.signedBytes(head)));
    document.put("signedHead", signed);
    return document;
  }

  static SignedTreeHead sign(RecordSigner signer, long size, byte[] root) {
    String keyId = RecordSigners.keyId(signer.publicKey());
    byte[] bytes = RecordEncoding.signedBytes(MAILBOX, size, root, SIGNED_AT, keyId, signer.algorithm());
    return new SignedTreeHead(MAILBOX, size, RecordEncoding.hex(root), SIGNED_AT, keyId, signer.algorithm(),
        Base64.getEncoder().encodeToString(signer.sign(bytes)));
  }

  // ---------------------------------------------------------------------------------- the JSON form

  static Map<String, Object> entryJson(RecordEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mailbox", entry.mailbox().value());
    json.put("index", entry.index());
    json.put("content", contentJson(entry.content()));
    return json;
  }

  static Map<String, Object> contentJson(RecordContent content) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (content instanceof RecordedMessage message) {
      json.put("type", "message");
      json.put("id", message.id().value());
      json.put("thread", message.thread().value());
      json.put("kind", message.kind().name());
      json.put("sender", message.sender().map(RecordTestVectors::participantJson).orElse(null));
      json.put("recipients", message.recipients().stream().map(RecordTestVectors::participantJson).toList());
      json.put("subject", message.subject());
      json.put("body", message.body());
      json.put("sentAt", message.sentAt().toString());
      json.put("inReplyTo", message.inReplyTo().map(MessageId::value).orElse(null));
      json.put("attachments", message.attachments());
    } else if (content instanceof RecordedFirstView view) {
      json.put("type", "firstView");
      json.put("message", view.message().value());
      json.put("viewer", view.viewer().value());
      json.put("viewedAt", view.viewedAt().toString());
    } else if (content instanceof RecordedAccessEvent event) {
      json.put("type", "accessEvent");
      json.put("practitioner", event.practitioner().value());
      json.put("parent", event.parent().value());
      json.put("eventNumber", (long) event.eventNumber());
      json.put("status", event.status().name());
      json.put("actor", event.actor().value());
      json.put("at", event.at().toString());
    } else if (content instanceof RecordedExport export) {
      json.put("type", "export");
      json.put("exportNumber", export.exportNumber());
      json.put("scope", scopeJson(export.scope()));
      json.put("courtOrder", export.courtOrder().orElse(null));
      json.put("exportedAt", export.exportedAt().toString());
    }
    return json;
  }

  static Map<String, Object> participantJson(ParticipantView participant) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", participant.id().value());
    json.put("role", participant.role().name());
    json.put("displayName", participant.displayName());
    return json;
  }

  static Map<String, Object> scopeJson(RecordScope scope) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", scope.kind().name());
    scope.from().ifPresent(from -> json.put("from", from.toString()));
    scope.until().ifPresent(until -> json.put("until", until.toString()));
    scope.counterpart().ifPresent(counterpart -> json.put("counterpart", counterpart.value()));
    return json;
  }

  static Map<String, Object> headJson(SignedTreeHead head) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mailbox", head.mailbox().value());
    json.put("size", head.size());
    json.put("rootHash", head.rootHash());
    json.put("signedAt", head.signedAt().toString());
    json.put("keyId", head.keyId());
    json.put("algorithm", head.algorithm());
    json.put("signature", head.signature());
    return json;
  }

  private static List<Object> hexes(List<byte[]> hashes) {
    return hashes.stream().<Object>map(RecordEncoding::hex).toList();
  }

  private static Named named(String covers, RecordContent content) {
    return new Named(covers, content);
  }

  private static String sha256(String content) {
    return RecordEncoding.hex(MerkleTree.sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
