package dev.casemail.messaging.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The canonical bytes of record entries and signed heads (docs/record-format.md): their layout field
 * by field, and that every field is in them, so that no two different entries share a leaf hash.
 */
class RecordEncodingTest {

  static final ParticipantId MAILBOX = ParticipantId.of("m");
  static final Instant EPOCH = Instant.EPOCH;
  static final ParticipantView ALICE = ParticipantView.of(ParticipantId.of("a"), ParticipantRole.PRACTITIONER, "A");
  static final ParticipantView BOB = ParticipantView.of(ParticipantId.of("b"), ParticipantRole.PARENT, "B");
  static final ParticipantView CAROL = ParticipantView.of(ParticipantId.of("c"), ParticipantRole.PARENT, "C");
  static final String HASH_A = "00".repeat(31) + "aa";
  static final String HASH_B = "00".repeat(31) + "bb";

  // ---------------------------------------------------------------------------------- layout

  @Test
  void aMessageEntryIsItsFieldsInOrder() {
    RecordedMessage message = new RecordedMessage(MessageId.of(1), ThreadId.of(2), MessageKind.PERSONAL, Optional.of(ALICE),
        List.of(BOB), "s", "", Instant.ofEpochSecond(3, 4), Optional.of(MessageId.of(5)), List.of(HASH_A));

    assertThat(hex(entry(9, message))).isEqualTo(String.join("",
        "01", "01", // version, kind: message
        "00000001", "6d", // mailbox "m"
        "0000000000000009", // index
        "0000000000000001", // id
        "0000000000000002", // thread
        "00000008", ascii("PERSONAL"), // message kind
        "01", "00000001", "61", "0000000c", ascii("PRACTITIONER"), "00000001", "41", // sender present: id, role, name
        "00000001", "00000001", "62", "00000006", ascii("PARENT"), "00000001", "42", // one recipient
        "00000001", "73", // subject "s"
        "00000000", // body ""
        "0000000000000003", "00000004", // sent at: seconds, nanoseconds
        "01", "0000000000000005", // in reply to present
        "00000001", HASH_A)); // one attachment, its 32 raw bytes
  }

  @Test
  void aSystemMessageHasNoSenderAndAFirstMessageRepliesToNothing() {
    RecordedMessage message = new RecordedMessage(MessageId.of(1), ThreadId.of(1), MessageKind.ACTION_ITEM, Optional.empty(),
        List.of(BOB), "s", "b", EPOCH, Optional.empty(), List.of());

    assertThat(hex(entry(0, message))).isEqualTo(String.join("",
        "01", "01", "00000001", "6d", "0000000000000000", "0000000000000001", "0000000000000001",
        "0000000b", ascii("ACTION_ITEM"),
        "00", // no sender
        "00000001", "00000001", "62", "00000006", ascii("PARENT"), "00000001", "42",
        "00000001", "73", "00000001", "62",
        "0000000000000000", "00000000",
        "00", // in reply to nothing
        "00000000")); // no attachment
  }

  @Test
  void aFirstViewEntryIsTheMessageTheViewerAndTheTime() {
    RecordedFirstView view = new RecordedFirstView(MessageId.of(42), ParticipantId.of("b"), Instant.ofEpochSecond(1, 500));

    assertThat(hex(entry(7, view))).isEqualTo(String.join("",
        "01", "02", "00000001", "6d", "0000000000000007",
        "000000000000002a", // message
        "00000001", "62", // viewer
        "0000000000000001", "000001f4")); // viewed at
  }

  @Test
  void anAccessEventEntryIsTheLinkTheStepTheStatusTheActorAndTheTime() {
    RecordedAccessEvent event = new RecordedAccessEvent(
        ParticipantId.of("p"), ParticipantId.of("q"), 2, AccessStatus.APPROVED, ParticipantId.of("q"), EPOCH);

    assertThat(hex(entry(0, event))).isEqualTo(String.join("",
        "01", "03", "00000001", "6d", "0000000000000000",
        "00000001", "70", // practitioner
        "00000001", "71", // parent
        "00000002", // event number
        "00000008", ascii("APPROVED"), // status
        "00000001", "71", // actor
        "0000000000000000", "00000000"));
  }

  @Test
  void anExportEntryIsItsNumberItsScopeItsCourtOrderAndItsTime() {
    Instant second = Instant.ofEpochSecond(1);
    String head = String.join("", "01", "04", "00000001", "6d", "0000000000000000", "0000000000000003");
    String at = String.join("", "0000000000000002", "00000000");

    assertThat(hex(entry(0, new RecordedExport(3, RecordScope.all(), Optional.empty(), Instant.ofEpochSecond(2)))))
        .isEqualTo(head + "00" + "00" + at);
    assertThat(hex(entry(0, new RecordedExport(3, RecordScope.between(EPOCH, second), Optional.of("c"), Instant.ofEpochSecond(2)))))
        .isEqualTo(head + "01" + "0000000000000000" + "00000000" + "0000000000000001" + "00000000"
            + "01" + "00000001" + "63" + at);
    assertThat(hex(entry(0, new RecordedExport(3, RecordScope.with(ParticipantId.of("x")), Optional.empty(), Instant.ofEpochSecond(2)))))
        .isEqualTo(head + "02" + "00000001" + "78" + "00" + at);
  }

  @Test
  void aSignedHeadsBytesAreTheLabelTheMailboxTheSizeTheRawRootTheTimeTheKeyAndTheAlgorithm() {
    byte[] root = RecordEncoding.unhex(HASH_B);

    byte[] bytes = RecordEncoding.signedBytes(MAILBOX, 5, root, Instant.ofEpochSecond(6, 7), "k", "Ed25519");

    assertThat(hex(bytes)).isEqualTo(String.join("",
        "01",
        "00000019", ascii("casemail record tree head"),
        "00000001", "6d",
        "0000000000000005",
        HASH_B,
        "0000000000000006", "00000007",
        "00000001", "6b",
        "00000007", ascii("Ed25519")));
    SignedTreeHead head = new SignedTreeHead(MAILBOX, 5, HASH_B, Instant.ofEpochSecond(6, 7), "k", "Ed25519",
        Base64.getEncoder().encodeToString(new byte[64]));
    assertThat(RecordEncoding.signedBytes(head)).isEqualTo(bytes);
  }

  @Test
  void aSignedHeadWhoseRootIsNotThirtyTwoBytesIsRefusedSinceTheRootHasNoLength() {
    // the root is written raw, without a length: a 33-byte root would shift the instant by a byte, and
    // two different heads could share their signed bytes (and so a signature)
    Instant at = Instant.ofEpochSecond(6);
    for (int length : new int[] {0, 31, 33, 64}) {
      assertThatThrownBy(() -> RecordEncoding.signedBytes(MAILBOX, 5, new byte[length], at, "k", "Ed25519"))
          .as("a root of %d bytes", length).isInstanceOf(IllegalArgumentException.class);
    }
    SignedTreeHead head = new SignedTreeHead(MAILBOX, 5, HASH_A + "00", at, "k", "Ed25519", "");
    assertThatThrownBy(() -> RecordEncoding.signedBytes(head)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------- primitives

  @Test
  void aTextIsPrefixedByItsLengthInBytesOfUtf8NotInCharacters() {
    String text = "é😀"; // 1 + 2 UTF-16 units, 2 + 4 bytes
    byte[] bytes = RecordEncoding.encode(new RecordEntry(ParticipantId.of(text), 0,
        new RecordedFirstView(MessageId.of(1), ParticipantId.of("b"), EPOCH)));

    assertThat(hex(Arrays.copyOfRange(bytes, 2, 12))).isEqualTo("00000006" + "c3a9" + "f09f9880");
  }

  @Test
  void aTextWithoutSurrogatesHasTheSameUtf8AsOneWithThem() {
    // texts without surrogates take the JDK's fast encoder, those with any the strict one: same bytes
    String plain = "aé日"; // 1 + 2 + 3 bytes, no surrogate
    byte[] bytes = RecordEncoding.encode(new RecordEntry(ParticipantId.of(plain), 0,
        new RecordedFirstView(MessageId.of(1), ParticipantId.of("b"), EPOCH)));
    byte[] paired = RecordEncoding.encode(new RecordEntry(ParticipantId.of(plain + "😀"), 0,
        new RecordedFirstView(MessageId.of(1), ParticipantId.of("b"), EPOCH)));

    assertThat(hex(Arrays.copyOfRange(bytes, 2, 12))).isEqualTo("00000006" + "61" + "c3a9" + "e697a5");
    assertThat(hex(Arrays.copyOfRange(paired, 2, 16))).isEqualTo("0000000a" + "61" + "c3a9" + "e697a5" + "f09f9880");
  }

  @Test
  void aTextThatHasNoUtf8IsRefusedRatherThanWrittenAsAQuestionMark() {
    // String.getBytes(UTF_8) writes an unpaired surrogate as "?": two different bodies would share
    // their bytes, and no other implementation could recompute them from the text
    for (String body : List.of("\uD800", "a\uDC00b", "\uDE00\uD83D")) {
      RecordedMessage message = message(parts -> parts.body = body);

      assertThatThrownBy(() -> RecordEncoding.encode(entry(0, message))).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(hex(entry(0, message(parts -> parts.body = "\uD83D\uDE00")))).contains("00000004" + "f09f9880");
  }

  @Test
  void anInstantBeforeTheEpochHasNegativeSecondsAndPositiveNanoseconds() {
    Instant first = Instant.parse("0001-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");
    Instant justBefore = Instant.parse("1969-12-31T23:59:59.000001Z");

    assertThat(timeOf(first)).isEqualTo("fffffff1886e0900" + "00000000"); // -62135596800
    assertThat(timeOf(last)).isEqualTo("0000003afff4417f" + "3b9ac618"); // 253402300799, 999999000
    assertThat(timeOf(justBefore)).isEqualTo("ffffffffffffffff" + "000003e8"); // -1, 1000
  }

  @Test
  void anAttachmentHashThatIsNotThirtyTwoBytesOfHexIsRefused() {
    for (String hash : List.of("00".repeat(31), "00".repeat(33), "", "zz".repeat(32), "0".repeat(63))) {
      RecordedMessage message = new RecordedMessage(MessageId.of(1), ThreadId.of(1), MessageKind.PERSONAL, Optional.of(ALICE),
          List.of(BOB), "s", "b", EPOCH, Optional.empty(), List.of(HASH_A, hash));

      assertThatThrownBy(() -> RecordEncoding.encode(entry(0, message)))
          .as(hash).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anAttachmentHashInUppercaseIsTheSameHash() {
    RecordedMessage lower = messageWith(List.of(HASH_A));
    RecordedMessage upper = messageWith(List.of(HASH_A.toUpperCase()));

    assertThat(RecordEncoding.encode(entry(0, upper))).isEqualTo(RecordEncoding.encode(entry(0, lower)));
  }

  @Test
  void theLeafHashIsSha256OfAZeroByteAndTheEntrysBytes() {
    RecordEntry entry = entry(0, messageWith(List.of()));
    byte[] bytes = RecordEncoding.encode(entry);
    byte[] prefixed = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, prefixed, 1, bytes.length);

    assertThat(RecordEncoding.leafHash(entry)).isEqualTo(MerkleTree.sha256().digest(prefixed));
  }

  // ---------------------------------------------------------------------------------- every field counts

  @Test
  void everyFieldOfAMessageEntryChangesItsBytes() {
    Map<String, RecordEntry> variants = new LinkedHashMap<>();
    variants.put("base", entry(0, message(b -> {})));
    variants.put("mailbox", new RecordEntry(ParticipantId.of("n"), 0, message(b -> {})));
    variants.put("index", entry(1, message(b -> {})));
    variants.put("id", entry(0, message(b -> b.id = 2)));
    variants.put("thread", entry(0, message(b -> b.thread = 2)));
    variants.put("kind", entry(0, message(b -> b.kind = MessageKind.AUTO_REPLY)));
    variants.put("no sender", entry(0, message(b -> b.sender = Optional.empty())));
    variants.put("sender id", entry(0, message(b -> b.sender = Optional.of(view("x", ParticipantRole.PRACTITIONER, "A")))));
    variants.put("sender role", entry(0, message(b -> b.sender = Optional.of(view("a", ParticipantRole.PARENT, "A")))));
    variants.put("sender name", entry(0, message(b -> b.sender = Optional.of(view("a", ParticipantRole.PRACTITIONER, "Z")))));
    variants.put("recipient id", entry(0, message(b -> b.recipients = List.of(view("x", ParticipantRole.PARENT, "B"), CAROL))));
    variants.put("recipient role", entry(0, message(b -> b.recipients = List.of(view("b", ParticipantRole.PRACTITIONER, "B"), CAROL))));
    variants.put("recipient name", entry(0, message(b -> b.recipients = List.of(view("b", ParticipantRole.PARENT, "Z"), CAROL))));
    variants.put("one recipient less", entry(0, message(b -> b.recipients = List.of(BOB))));
    variants.put("recipients in another order", entry(0, message(b -> b.recipients = List.of(CAROL, BOB))));
    variants.put("subject", entry(0, message(b -> b.subject = "t")));
    variants.put("body", entry(0, message(b -> b.body = "d")));
    variants.put("subject and body split elsewhere", entry(0, message(b -> {
      b.subject = "sb";
      b.body = "ody";
    })));
    variants.put("empty body", entry(0, message(b -> b.body = "")));
    variants.put("sent at, seconds", entry(0, message(b -> b.sentAt = b.sentAt.plusSeconds(1))));
    variants.put("sent at, nanoseconds", entry(0, message(b -> b.sentAt = b.sentAt.plusNanos(1000))));
    variants.put("in reply to", entry(0, message(b -> b.inReplyTo = Optional.of(MessageId.of(8)))));
    variants.put("in reply to nothing", entry(0, message(b -> b.inReplyTo = Optional.empty())));
    variants.put("attachment", entry(0, message(b -> b.attachments = List.of(HASH_B))));
    variants.put("no attachment", entry(0, message(b -> b.attachments = List.of())));
    variants.put("one attachment more", entry(0, message(b -> b.attachments = List.of(HASH_A, HASH_A))));

    assertAllDistinct(variants);
  }

  @Test
  void everyFieldOfTheOtherEntriesChangesTheirBytes() {
    Instant at = Instant.parse("2025-03-01T09:30:00.123456Z");
    ParticipantId p = ParticipantId.of("p");
    ParticipantId q = ParticipantId.of("q");
    RecordScope period = RecordScope.between(at, at.plusSeconds(60));
    Map<String, RecordEntry> variants = new LinkedHashMap<>();
    variants.put("view", entry(0, new RecordedFirstView(MessageId.of(1), q, at)));
    variants.put("view index", entry(1, new RecordedFirstView(MessageId.of(1), q, at)));
    variants.put("view message", entry(0, new RecordedFirstView(MessageId.of(2), q, at)));
    variants.put("view viewer", entry(0, new RecordedFirstView(MessageId.of(1), p, at)));
    variants.put("view time", entry(0, new RecordedFirstView(MessageId.of(1), q, at.plusNanos(1000))));
    variants.put("access", entry(0, new RecordedAccessEvent(p, q, 1, AccessStatus.REQUESTED, p, at)));
    variants.put("access practitioner", entry(0, new RecordedAccessEvent(q, q, 1, AccessStatus.REQUESTED, p, at)));
    variants.put("access parent", entry(0, new RecordedAccessEvent(p, p, 1, AccessStatus.REQUESTED, p, at)));
    variants.put("access number", entry(0, new RecordedAccessEvent(p, q, 2, AccessStatus.REQUESTED, p, at)));
    for (AccessStatus status : AccessStatus.values()) {
      if (status != AccessStatus.REQUESTED) {
        variants.put("access " + status, entry(0, new RecordedAccessEvent(p, q, 1, status, p, at)));
      }
    }
    variants.put("access actor", entry(0, new RecordedAccessEvent(p, q, 1, AccessStatus.REQUESTED, q, at)));
    variants.put("access time", entry(0, new RecordedAccessEvent(p, q, 1, AccessStatus.REQUESTED, p, at.plusSeconds(1))));
    variants.put("export", entry(0, new RecordedExport(1, RecordScope.all(), Optional.empty(), at)));
    variants.put("export number", entry(0, new RecordedExport(2, RecordScope.all(), Optional.empty(), at)));
    variants.put("export period", entry(0, new RecordedExport(1, period, Optional.empty(), at)));
    variants.put("export period start", entry(0, new RecordedExport(1, RecordScope.between(at.minusSeconds(1), at.plusSeconds(60)),
        Optional.empty(), at)));
    variants.put("export period end", entry(0, new RecordedExport(1, RecordScope.between(at, at.plusSeconds(61)),
        Optional.empty(), at)));
    variants.put("export counterpart", entry(0, new RecordedExport(1, RecordScope.with(p), Optional.empty(), at)));
    variants.put("export other counterpart", entry(0, new RecordedExport(1, RecordScope.with(q), Optional.empty(), at)));
    variants.put("export court order", entry(0, new RecordedExport(1, RecordScope.all(), Optional.of("Order 1"), at)));
    variants.put("export other court order", entry(0, new RecordedExport(1, RecordScope.all(), Optional.of("Order 2"), at)));
    variants.put("export time", entry(0, new RecordedExport(1, RecordScope.all(), Optional.empty(), at.plusNanos(1000))));

    assertAllDistinct(variants);
  }

  @Test
  void everyFieldOfASignedHeadChangesItsBytes() {
    byte[] root = RecordEncoding.unhex(HASH_A);
    Instant at = Instant.parse("2025-03-01T09:30:00.123456Z");
    Map<String, byte[]> variants = new LinkedHashMap<>();
    variants.put("base", RecordEncoding.signedBytes(MAILBOX, 5, root, at, "k", "Ed25519"));
    variants.put("mailbox", RecordEncoding.signedBytes(ParticipantId.of("n"), 5, root, at, "k", "Ed25519"));
    variants.put("size", RecordEncoding.signedBytes(MAILBOX, 6, root, at, "k", "Ed25519"));
    variants.put("root", RecordEncoding.signedBytes(MAILBOX, 5, RecordEncoding.unhex(HASH_B), at, "k", "Ed25519"));
    variants.put("time", RecordEncoding.signedBytes(MAILBOX, 5, root, at.plusNanos(1000), "k", "Ed25519"));
    variants.put("key", RecordEncoding.signedBytes(MAILBOX, 5, root, at, "l", "Ed25519"));
    variants.put("algorithm", RecordEncoding.signedBytes(MAILBOX, 5, root, at, "k", "Ed448"));

    assertThat(variants.values().stream().map(RecordEncodingTest::hex).distinct()).hasSize(variants.size());
  }

  @Test
  void aSignedHeadsBytesAreNeverAnEntrysBytes() {
    // an entry's second byte is its kind, 1 to 4; a head's is the first byte of its label's length, 0
    byte[] head = RecordEncoding.signedBytes(MAILBOX, 5, RecordEncoding.unhex(HASH_A), EPOCH, "k", "Ed25519");
    List<RecordContent> contents = List.of(
        messageWith(List.of()),
        new RecordedFirstView(MessageId.of(1), MAILBOX, EPOCH),
        new RecordedAccessEvent(MAILBOX, MAILBOX, 1, AccessStatus.REQUESTED, MAILBOX, EPOCH),
        new RecordedExport(1, RecordScope.all(), Optional.empty(), EPOCH));

    assertThat(head[0]).isEqualTo((byte) RecordEncoding.VERSION);
    assertThat(head[1]).isZero();
    for (RecordContent content : contents) {
      byte[] entry = RecordEncoding.encode(entry(0, content));
      assertThat(entry[0]).isEqualTo((byte) RecordEncoding.VERSION);
      assertThat(entry[1]).isEqualTo((byte) RecordEncoding.kind(content)).isBetween((byte) 1, (byte) 4);
      assertThat(entry).isNotEqualTo(head);
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  /** The parts of a message, to change one at a time. */
  static final class MessageParts {
    long id = 1;
    long thread = 1;
    MessageKind kind = MessageKind.PERSONAL;
    Optional<ParticipantView> sender = Optional.of(ALICE);
    List<ParticipantView> recipients = List.of(BOB, CAROL);
    String subject = "s";
    String body = "body";
    Instant sentAt = Instant.parse("2025-03-01T09:30:00.123456Z");
    Optional<MessageId> inReplyTo = Optional.of(MessageId.of(7));
    List<String> attachments = List.of(HASH_A);
  }

  static RecordedMessage message(Consumer<MessageParts> change) {
    MessageParts parts = new MessageParts();
    change.accept(parts);
    return new RecordedMessage(MessageId.of(parts.id), ThreadId.of(parts.thread), parts.kind, parts.sender, parts.recipients,
        parts.subject, parts.body, parts.sentAt, parts.inReplyTo, parts.attachments);
  }

  static RecordedMessage messageWith(List<String> attachments) {
    return message(parts -> parts.attachments = attachments);
  }

  static RecordEntry entry(long index, RecordContent content) {
    return new RecordEntry(MAILBOX, index, content);
  }

  static ParticipantView view(String id, ParticipantRole role, String name) {
    return ParticipantView.of(ParticipantId.of(id), role, name);
  }

  static String hex(RecordEntry entry) {
    return hex(RecordEncoding.encode(entry));
  }

  static String hex(byte[] bytes) {
    return RecordEncoding.hex(bytes);
  }

  static String ascii(String text) {
    return RecordEncoding.hex(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** The 12 bytes of an instant, as the last field of a first view. */
  static String timeOf(Instant at) {
    String bytes = hex(entry(0, new RecordedFirstView(MessageId.of(1), MAILBOX, at)));
    return bytes.substring(bytes.length() - 24);
  }

  static void assertAllDistinct(Map<String, RecordEntry> variants) {
    Map<String, String> byBytes = new LinkedHashMap<>();
    variants.forEach((name, entry) -> {
      String previous = byBytes.putIfAbsent(hex(entry), name);
      assertThat(previous).as("%s has the bytes of %s", name, previous).isNull();
    });
  }
}
