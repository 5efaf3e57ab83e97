package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.Consistency;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.record.MerkleTree;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordSigners;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One mailbox's record built the way the core builds it (the core's export is not written yet on this
 * branch): entries appended in order, each export made of the record as it stands, with real leaf
 * hashes, inclusion and consistency proofs and an Ed25519 signature, so that the fixtures are what a
 * verifier would accept.
 */
final class RecordFixture {

  static final ParticipantView DANA = ParticipantView.of(ParticipantId.of("dana"), ParticipantRole.PARENT, "Dana Whitfield");
  static final ParticipantView SAM = ParticipantView.of(ParticipantId.of("sam"), ParticipantRole.PARENT, "Sam Whitfield");
  static final ParticipantView MEDIATOR =
      ParticipantView.of(ParticipantId.of("mediator-7"), ParticipantRole.PRACTITIONER, "Dr. Ruth Okafor");

  private static final RecordSigner SIGNER = RecordSigners.ed25519(keys());

  private final ParticipantView owner;
  private final List<RecordContent> contents = new ArrayList<>();
  private final List<SignedTreeHead> exportHeads = new ArrayList<>();
  private Instant clock = Instant.parse("2026-03-02T08:30:00.000001Z");
  private long nextId = 1_000_000_001L;

  RecordFixture(ParticipantView owner) {
    this.owner = owner;
  }

  /** Dana's record: messages both ways with the other parent and the mediator, first views, access events. */
  static RecordFixture danasRecord() {
    RecordFixture record = new RecordFixture(DANA);
    record.access(MEDIATOR.id(), DANA.id(), 1, AccessStatus.REQUESTED, MEDIATOR.id());
    record.access(MEDIATOR.id(), DANA.id(), 2, AccessStatus.APPROVED, DANA.id());
    RecordedMessage first = record.message(DANA, List.of(SAM, MEDIATOR), "Pick-up on Friday",
        "Hi Sam,\n\nI will collect the children at 5 pm on Friday, as agreed.\nPlease pack their swimming things.\n\nDana");
    record.firstView(first.id(), SAM.id());
    record.message(SAM, List.of(DANA), "Re: Pick-up on Friday", "5 pm is fine. They will be ready.", first.id());
    record.message(MEDIATOR, List.of(DANA, SAM), "Session on 12 March",
        "Dear both,\n\nour next session is on 12 March at 10:00 in room 4.", Optional.empty(),
        List.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    return record;
  }

  ParticipantView owner() {
    return owner;
  }

  Instant tick() {
    clock = clock.plus(Duration.ofMinutes(7)).plusNanos(123_000);
    return clock;
  }

  RecordedMessage message(ParticipantView sender, List<ParticipantView> recipients, String subject, String body) {
    return message(sender, recipients, subject, body, Optional.empty(), List.of());
  }

  RecordedMessage message(
      ParticipantView sender, List<ParticipantView> recipients, String subject, String body, MessageId inReplyTo) {
    return message(sender, recipients, subject, body, Optional.of(inReplyTo), List.of());
  }

  RecordedMessage message(ParticipantView sender, List<ParticipantView> recipients, String subject, String body,
      Optional<MessageId> inReplyTo, List<String> attachments) {
    long id = nextId++;
    RecordedMessage message = new RecordedMessage(MessageId.of(id), ThreadId.of(inReplyTo.map(MessageId::value).orElse(id)),
        MessageKind.PERSONAL,
        Optional.of(sender), recipients, subject, body, tick(), inReplyTo, attachments);
    contents.add(message);
    return message;
  }

  RecordedMessage systemMessage(MessageKind kind, String subject, String body) {
    RecordedMessage message = new RecordedMessage(MessageId.of(nextId), ThreadId.of(nextId), kind, Optional.empty(),
        List.of(owner), subject, body, tick(), Optional.empty(), List.of());
    nextId++;
    contents.add(message);
    return message;
  }

  RecordedFirstView firstView(MessageId message, ParticipantId viewer) {
    RecordedFirstView view = new RecordedFirstView(message, viewer, tick());
    contents.add(view);
    return view;
  }

  RecordedAccessEvent access(ParticipantId practitioner, ParticipantId parent, int number, AccessStatus status,
      ParticipantId actor) {
    RecordedAccessEvent event = new RecordedAccessEvent(practitioner, parent, number, status, actor, tick());
    contents.add(event);
    return event;
  }

  /** Any content, as it is. */
  void add(RecordContent content) {
    contents.add(content);
  }

  /** The owner's export of the whole record. */
  RecordExport exportAll() {
    return export(RecordScope.all(), Optional.empty());
  }

  /**
   * Appends an export entry and exports the record as it then stands: the entries in scope, every first
   * view of a message in scope, the export's own entry, proven against a freshly signed head; the
   * previous export's head and the consistency proof from it, if there was one.
   */
  RecordExport export(RecordScope scope, Optional<String> courtOrder) {
    RecordedExport exportContent = new RecordedExport(exportHeads.size() + 1L, scope, courtOrder, tick());
    contents.add(exportContent);
    List<RecordEntry> entries = new ArrayList<>();
    for (int i = 0; i < contents.size(); i++) {
      entries.add(new RecordEntry(owner.id(), i, contents.get(i)));
    }
    List<byte[]> leaves = entries.stream().map(RecordEncoding::leafHash).collect(Collectors.toList());
    MerkleTree tree = MerkleTree.of(leaves);
    SignedTreeHead head = sign(tree.size(), tree.root(), tick());

    Set<MessageId> messagesInScope = new HashSet<>();
    for (RecordContent content : contents) {
      if (content instanceof RecordedMessage message && scope.covers(message.at(), message.involving())) {
        messagesInScope.add(message.id());
      }
    }
    List<ProvenEntry> proven = new ArrayList<>();
    for (RecordEntry entry : entries) {
      RecordContent content = entry.content();
      boolean in = content == exportContent
          || (content instanceof RecordedFirstView view
              ? messagesInScope.contains(view.message())
              : scope.covers(content.at(), content.involving()));
      if (in) {
        proven.add(new ProvenEntry(entry, RecordEncoding.hex(leaves.get((int) entry.index())),
            tree.inclusionProof(entry.index(), tree.size()).stream().map(RecordEncoding::hex).collect(Collectors.toList())));
      }
    }
    List<Consistency> consistency = exportHeads.stream()
        .map(p -> new Consistency(p,
            tree.consistencyProof(p.size(), tree.size()).stream().map(RecordEncoding::hex).collect(Collectors.toList())))
        .collect(Collectors.toList());
    exportHeads.add(head);
    Optional<String> token = exportHeads.size() % 2 == 0
        ? Optional.of(Base64.getEncoder().encodeToString(("time-stamp token " + head.rootHash()).getBytes(StandardCharsets.US_ASCII)))
        : Optional.empty();
    return new RecordExport(owner, exportContent, head, consistency, proven, token);
  }

  private SignedTreeHead sign(long size, byte[] root, Instant at) {
    String keyId = RecordSigners.keyId(SIGNER.publicKey());
    byte[] signed = RecordEncoding.signedBytes(owner.id(), size, root, at, keyId, SIGNER.algorithm());
    return new SignedTreeHead(owner.id(), size, RecordEncoding.hex(root), at, keyId, SIGNER.algorithm(),
        Base64.getEncoder().encodeToString(SIGNER.sign(signed)));
  }

  /** The public key of every fixture's signature, as PEM. */
  static String publicKeyPem() {
    return RecordSigners.publicKeyPem(SIGNER.publicKey());
  }

  private static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance(RecordSigners.ED25519).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
