package dev.casemail.messaging.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.api.ThreadId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/record-test-vectors.json against the code: every entry read from its JSON form encodes to the
 * file's bytes and leaf hash, the tree of those leaves has the file's roots and proofs, and the head's
 * signed bytes and signature are what the file says. Fails whenever the code or the file changes
 * without the other; {@link RecordTestVectors} writes the file.
 */
class RecordTestVectorsTest {

  static String text;
  static Map<String, Object> file;

  @BeforeAll
  static void readTheFile() throws IOException {
    text = Files.readString(RecordTestVectors.FILE, StandardCharsets.UTF_8);
    file = object(Json.read(text));
  }

  @Test
  void theFileIsExactlyWhatTheGeneratorWrites() {
    assertThat(text)
        .as("docs/record-test-vectors.json is stale: regenerate it with RecordTestVectors.main (see its Javadoc)")
        .isEqualTo(RecordTestVectors.text());
  }

  @Test
  void everyEntryReadFromItsJsonFormHasTheFilesBytesAndLeafHash() {
    List<Object> vectors = list(file.get("entries"));
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(12);
    for (int i = 0; i < vectors.size(); i++) {
      Map<String, Object> vector = object(vectors.get(i));
      RecordEntry entry = entry(object(vector.get("entry")));
      byte[] bytes = RecordEncoding.unhex(string(vector.get("bytes")));

      assertThat(entry.index()).isEqualTo(i);
      assertThat(RecordEncoding.hex(RecordEncoding.encode(entry))).as("bytes of entry %d", i).isEqualTo(string(vector.get("bytes")));
      assertThat(RecordEncoding.hex(RecordEncoding.leafHash(entry))).as("leaf hash of entry %d", i)
          .isEqualTo(string(vector.get("leafHash")))
          .isEqualTo(RecordEncoding.hex(MerkleTree.leafHash(bytes)));
      assertThat(entry).isEqualTo(RecordTestVectors.entry(i));
    }
  }

  @Test
  void theEntriesCoverEveryKindAndEveryEdgeOfTheEncoding() {
    List<RecordContent> contents = new ArrayList<>();
    list(file.get("entries")).forEach(vector -> contents.add(entry(object(object(vector).get("entry"))).content()));
    List<RecordedMessage> messages = contents.stream()
        .filter(RecordedMessage.class::isInstance).map(RecordedMessage.class::cast).toList();
    List<RecordedExport> exports = contents.stream()
        .filter(RecordedExport.class::isInstance).map(RecordedExport.class::cast).toList();
    Set<String> covered = new TreeSet<>();
    contents.forEach(content -> covered.add(content.getClass().getSimpleName()));
    messages.forEach(message -> covered.add(message.kind().name()));
    exports.forEach(export -> covered.add("scope " + export.scope().kind()));

    assertThat(covered).contains("RecordedMessage", "RecordedFirstView", "RecordedAccessEvent", "RecordedExport",
        "PERSONAL", "ACTION_ITEM", "NOTIFICATION", "AUTO_REPLY", "scope ALL", "scope PERIOD", "scope COUNTERPART");
    assertThat(messages).anyMatch(m -> m.sender().isEmpty()).anyMatch(m -> m.sender().isPresent())
        .anyMatch(m -> m.recipients().size() > 1)
        .anyMatch(m -> m.body().isEmpty())
        .anyMatch(m -> m.inReplyTo().isPresent()).anyMatch(m -> m.inReplyTo().isEmpty())
        .anyMatch(m -> !m.attachments().isEmpty())
        .anyMatch(m -> (m.subject() + m.body()).codePoints().anyMatch(c -> c > 0xFFFF)) // emoji: 4 bytes of UTF-8
        .anyMatch(m -> (m.subject() + m.body()).codePoints().anyMatch(c -> c > 0x7F && c <= 0x7FF));
    assertThat(exports).anyMatch(e -> e.courtOrder().isPresent()).anyMatch(e -> e.courtOrder().isEmpty())
        .anyMatch(e -> e.scope().from().equals(Optional.of(Instant.parse("0001-01-01T00:00:00Z")))
            && e.scope().until().equals(Optional.of(Instant.parse("9999-12-31T23:59:59.999999Z"))));
    assertThat(contents).anyMatch(c -> c.at().getNano() % 1_000_000 != 0);
  }

  @Test
  void theTreeOfTheLeavesHasTheFilesRootsAndProofs() {
    List<byte[]> leaves = new ArrayList<>();
    list(file.get("entries")).forEach(vector -> leaves.add(RecordEncoding.unhex(string(object(vector).get("leafHash")))));
    MerkleTree tree = MerkleTree.of(leaves);
    Map<String, Object> json = object(file.get("tree"));

    List<Object> roots = list(json.get("roots"));
    assertThat(roots).hasSize(leaves.size() + 1);
    RecordHead head = RecordHead.EMPTY;
    for (int size = 0; size <= leaves.size(); size++) {
      assertThat(RecordEncoding.hex(tree.root(size))).as("root of %d", size).isEqualTo(string(roots.get(size)));
      assertThat(RecordEncoding.hex(head.root())).as("head of %d", size).isEqualTo(string(roots.get(size)));
      head = size < leaves.size() ? head.append(leaves.get(size)) : head;
    }

    for (Object item : list(json.get("inclusionProofs"))) {
      Map<String, Object> proof = object(item);
      long index = number(proof.get("leafIndex"));
      long size = number(proof.get("treeSize"));
      byte[] leaf = RecordEncoding.unhex(string(proof.get("leafHash")));
      byte[] root = RecordEncoding.unhex(string(proof.get("rootHash")));
      List<byte[]> path = hashes(proof.get("proof"));

      assertThat(leaf).isEqualTo(leaves.get((int) index));
      assertThat(root).isEqualTo(tree.root(size));
      assertThat(hexes(tree.inclusionProof(index, size))).isEqualTo(list(proof.get("proof")));
      assertThat(MerkleTree.verifyInclusion(leaf, index, size, path, root)).isTrue();
    }

    for (Object item : list(json.get("consistencyProofs"))) {
      Map<String, Object> proof = object(item);
      long oldSize = number(proof.get("oldSize"));
      long newSize = number(proof.get("newSize"));
      byte[] oldRoot = RecordEncoding.unhex(string(proof.get("oldRootHash")));
      byte[] newRoot = RecordEncoding.unhex(string(proof.get("newRootHash")));

      assertThat(oldRoot).isEqualTo(tree.root(oldSize));
      assertThat(newRoot).isEqualTo(tree.root(newSize));
      assertThat(hexes(tree.consistencyProof(oldSize, newSize))).isEqualTo(list(proof.get("proof")));
      assertThat(MerkleTree.verifyConsistency(oldSize, oldRoot, newSize, newRoot, hashes(proof.get("proof")))).isTrue();
    }
  }

  @Test
  void theSignedHeadsBytesAndSignatureAreThoseOfItsFieldsAndTheTestKey() {
    Map<String, Object> signed = object(file.get("signedHead"));
    Map<String, Object> key = object(signed.get("testKey"));
    Map<String, Object> json = object(signed.get("head"));
    SignedTreeHead head = new SignedTreeHead(ParticipantId.of(string(json.get("mailbox"))), number(json.get("size")),
        string(json.get("rootHash")), Instant.parse(string(json.get("signedAt"))), string(json.get("keyId")),
        string(json.get("algorithm")), string(json.get("signature")));
    PublicKey publicKey = RecordSigners.publicKey(string(key.get("publicKeyPem")));
    byte[] signedBytes = RecordEncoding.signedBytes(head);
    List<Object> roots = list(object(file.get("tree")).get("roots"));

    assertThat(string(key.get("WARNING"))).startsWith("TEST KEY, NOT SECRET");
    assertThat(head.rootHash()).isEqualTo(string(roots.get((int) head.size())));
    assertThat(RecordEncoding.hex(signedBytes)).isEqualTo(string(signed.get("signedBytes")));
    assertThat(head.keyId()).isEqualTo(RecordSigners.keyId(publicKey));
    assertThat(head.algorithm()).isEqualTo(RecordSigners.ED25519);
    assertThat(RecordSigners.verify(publicKey, signedBytes, Base64.getDecoder().decode(head.signature()))).isTrue();
    byte[] resigned = RecordSigners.ed25519(string(key.get("privateKeyPem")), string(key.get("publicKeyPem"))).sign(signedBytes);
    assertThat(Base64.getEncoder().encodeToString(resigned)).as("Ed25519 signs deterministically").isEqualTo(head.signature());
  }

  // ---------------------------------------------------------------------------------- the JSON form, read

  static RecordEntry entry(Map<String, Object> json) {
    return new RecordEntry(ParticipantId.of(string(json.get("mailbox"))), number(json.get("index")), content(object(json.get("content"))));
  }

  static RecordContent content(Map<String, Object> json) {
    String type = string(json.get("type"));
    switch (type) {
      case "message":
        return new RecordedMessage(
            MessageId.of(number(json.get("id"))),
            ThreadId.of(number(json.get("thread"))),
            MessageKind.valueOf(string(json.get("kind"))),
            Optional.ofNullable(json.get("sender")).map(sender -> participant(object(sender))),
            list(json.get("recipients")).stream().map(recipient -> participant(object(recipient))).toList(),
            string(json.get("subject")),
            string(json.get("body")),
            Instant.parse(string(json.get("sentAt"))),
            Optional.ofNullable(json.get("inReplyTo")).map(id -> MessageId.of(number(id))),
            list(json.get("attachments")).stream().map(RecordTestVectorsTest::string).toList());
      case "firstView":
        return new RecordedFirstView(
            MessageId.of(number(json.get("message"))),
            ParticipantId.of(string(json.get("viewer"))),
            Instant.parse(string(json.get("viewedAt"))));
      case "accessEvent":
        return new RecordedAccessEvent(
            ParticipantId.of(string(json.get("practitioner"))),
            ParticipantId.of(string(json.get("parent"))),
            Math.toIntExact(number(json.get("eventNumber"))),
            AccessStatus.valueOf(string(json.get("status"))),
            ParticipantId.of(string(json.get("actor"))),
            Instant.parse(string(json.get("at"))));
      case "export":
        return new RecordedExport(
            number(json.get("exportNumber")),
            scope(object(json.get("scope"))),
            Optional.ofNullable(json.get("courtOrder")).map(RecordTestVectorsTest::string),
            Instant.parse(string(json.get("exportedAt"))));
      default:
        throw new IllegalArgumentException("no entry of type " + type);
    }
  }

  static ParticipantView participant(Map<String, Object> json) {
    return ParticipantView.of(ParticipantId.of(string(json.get("id"))), ParticipantRole.valueOf(string(json.get("role"))),
        string(json.get("displayName")));
  }

  static RecordScope scope(Map<String, Object> json) {
    return new RecordScope(
        RecordScope.Kind.valueOf(string(json.get("kind"))),
        Optional.ofNullable(json.get("from")).map(from -> Instant.parse(string(from))),
        Optional.ofNullable(json.get("until")).map(until -> Instant.parse(string(until))),
        Optional.ofNullable(json.get("counterpart")).map(id -> ParticipantId.of(string(id))));
  }

  // ---------------------------------------------------------------------------------- helpers

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object json) {
    assertThat(json).isInstanceOf(Map.class);
    return (Map<String, Object>) json;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object json) {
    assertThat(json).isInstanceOf(List.class);
    return (List<Object>) json;
  }

  static String string(Object json) {
    assertThat(json).isInstanceOf(String.class);
    return (String) json;
  }

  static long number(Object json) {
    assertThat(json).isInstanceOf(Long.class);
    return (Long) json;
  }

  static List<byte[]> hashes(Object json) {
    return list(json).stream().map(hash -> RecordEncoding.unhex(string(hash))).toList();
  }

  static List<Object> hexes(List<byte[]> hashes) {
    return hashes.stream().<Object>map(RecordEncoding::hex).toList();
  }
}
