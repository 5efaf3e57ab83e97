package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.Consistency;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.record.MerkleTree;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordSigners;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The record a court can check, on every adapter: each mailbox records every message that enters it
 * (sent or received, system messages and auto-replies included), every first view (the owner's of what
 * they received, and in the sender's record each recipient's), every access event involving it and
 * every export of it, and nothing else; an export proves every entry it holds against a signed head,
 * and the next export proves the record only grew since.
 */
public interface RecordContract extends MessagingFixture {

  /** A world whose record heads are signed with a key the test holds. */
  default Signed signedWorld() {
    try {
      RecordSigner signer = RecordSigners.ed25519(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
      return new Signed(newWorld(MessagingConfiguration.builder().recordSigner(signer)), signer);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A world and the signer of its record heads. */
  record Signed(World world, RecordSigner signer) {}

  @Test
  default void everyMailboxRecordsItsMessagesFirstViewsAndAccessEventsInOrder() {
    Signed signed = signedWorld();
    World world = signed.world();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    world.clock.advance(Duration.ofMinutes(1));
    MessageView hearing = world.send(lee, "Hearing", "On Monday", anna);
    world.clock.advance(Duration.ofMinutes(1));
    world.as(anna).open(hearing.id());
    world.clock.advance(Duration.ofMinutes(1));
    MessageView answer = world.as(anna).reply(Reply.to(hearing.id(), "Noted"));

    RecordExport lees = world.as(lee).exportRecord(RecordScope.all());
    // the request's action item went to Anna, the approval's to Lee
    assertThat(kinds(lees)).containsExactly(
        "access REQUESTED", "access APPROVED", "message ACTION_ITEM", "message PERSONAL", "first view",
        "message PERSONAL", "export");
    assertThat(lees.entries()).extracting(e -> e.entry().index()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    RecordedFirstView seen = (RecordedFirstView) lees.entries().get(4).entry().content();
    assertThat(seen.viewer()).isEqualTo(anna);
    assertThat(seen.message()).isEqualTo(hearing.id());
    assertThat(((RecordedMessage) lees.entries().get(5).entry().content()).id()).isEqualTo(answer.id());

    RecordExport annas = world.as(anna).exportRecord(RecordScope.all());
    assertThat(kinds(annas)).containsExactly(
        "access REQUESTED", "message ACTION_ITEM", "access APPROVED", "message PERSONAL", "first view",
        "message PERSONAL", "export");
    assertProven(lees, signed.signer());
    assertProven(annas, signed.signer());
  }

  @Test
  default void anExportIsRecordedAndTheNextOneProvesTheRecordOnlyGrew() {
    Signed signed = signedWorld();
    World world = signed.world();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    RecordExport first = world.as(anna).exportRecord(RecordScope.all());
    world.send(lee, "Later", "", anna);
    RecordExport second = world.as(anna).exportRecord(RecordScope.all());

    assertThat(first.export().exportNumber()).isEqualTo(1);
    assertThat(second.export().exportNumber()).isEqualTo(2);
    assertThat(first.previousHead()).isEmpty();
    assertThat(second.previousHead()).contains(first.head());
    assertThat(second.entries()).extracting(e -> e.entry().content()).contains(first.export());
    assertThat(MerkleTree.verifyConsistency(
            first.head().size(), unhex(first.head().rootHash()),
            second.head().size(), unhex(second.head().rootHash()),
            second.consistencyProof().stream().map(RecordContract::unhex).collect(Collectors.toList())))
        .as("the second export's consistency proof from the first export's head").isTrue();
    assertProven(second, signed.signer());

    world.send(anna, "Even later", "", lee);
    RecordExport third = world.as(anna).exportRecord(RecordScope.with(lee));
    assertThat(third.consistency()).extracting(Consistency::earlier).containsExactly(first.head(), second.head());
    for (Consistency consistency : third.consistency()) {
      assertThat(MerkleTree.verifyConsistency(
              consistency.earlier().size(), unhex(consistency.earlier().rootHash()),
              third.head().size(), unhex(third.head().rootHash()),
              consistency.proof().stream().map(RecordContract::unhex).collect(Collectors.toList())))
          .as("consistency from the head of export #%s", consistency.earlier().size()).isTrue();
    }
  }

  @Test
  default void aPeriodOrACorrespondenceSelectsItsEntriesWithTheFirstViewsOfItsMessages() {
    Signed signed = signedWorld();
    World world = signed.world();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("f", anna, ben);
    world.grant(lee, anna);
    world.clock.advance(Duration.ofDays(1));
    MessageView toBen = world.send(anna, "To Ben", "", ben);
    MessageView toLee = world.send(anna, "To Lee", "", lee);
    world.clock.advance(Duration.ofDays(1));
    world.as(lee).open(toLee.id());
    world.as(ben).open(toBen.id());

    RecordExport withLee = world.as(anna).exportRecord(RecordScope.with(lee));
    assertThat(subjects(withLee)).containsExactly("To Lee");
    assertThat(withLee.entries()).extracting(e -> e.entry().content())
        .filteredOn(c -> c instanceof RecordedFirstView).singleElement()
        .satisfies(c -> assertThat(((RecordedFirstView) c).viewer()).isEqualTo(lee));
    assertThat(withLee.entries()).extracting(e -> e.entry().content())
        .filteredOn(c -> c instanceof RecordedAccessEvent).hasSize(2);

    RecordExport dayTwo = world.as(anna).exportRecord(
        RecordScope.between(World.START.plus(Duration.ofDays(1)), World.START.plus(Duration.ofDays(2))));
    assertThat(subjects(dayTwo)).containsExactly("To Ben", "To Lee");
    assertThat(dayTwo.entries()).extracting(e -> e.entry().content())
        .filteredOn(c -> c instanceof RecordedFirstView).hasSize(2);
    assertThat(dayTwo.entries()).extracting(e -> e.entry().content())
        .noneMatch(c -> c instanceof RecordedAccessEvent);
    assertProven(withLee, signed.signer());
    assertProven(dayTwo, signed.signer());
  }

  @Test
  default void theHostExportsForACourtOrderAndTheRecordSaysSo() {
    Signed signed = signedWorld();
    World world = signed.world();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);

    RecordExport ordered = world.messaging.exportRecord(anna, RecordScope.all(), "Order 2026/117 of the family court");

    assertThat(ordered.export().courtOrder()).contains("Order 2026/117 of the family court");
    RecordExport own = world.as(anna).exportRecord(RecordScope.all());
    assertThat(own.entries()).extracting(e -> e.entry().content())
        .filteredOn(c -> c instanceof RecordedExport)
        .extracting(c -> ((RecordedExport) c).courtOrder())
        .containsExactly(Optional.of("Order 2026/117 of the family court"), Optional.empty());
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> world.messaging.exportRecord(anna, RecordScope.all(), " "))).isNotNull();
    assertThat(catchThrowableOfType(NotFoundException.class,
        () -> world.messaging.exportRecord(ParticipantId.of("ghost"), RecordScope.all(), "Order 1"))).isNotNull();
  }

  @Test
  default void movesFoldersDraftsAndSettingsAreNotRecorded() {
    Signed signed = signedWorld();
    World world = signed.world();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageView hearing = world.send(lee, "Hearing", "", anna);
    SignedTreeHead before = world.as(anna).recordHead();

    var folder = world.as(anna).createFolder("Court");
    world.as(anna).move(MoveRequest.of(hearing.id(), folder.id()));
    world.as(anna).renameFolder(folder.id(), "Court papers");
    world.as(anna).deleteFolder(folder.id());
    world.as(anna).saveDraft(DraftContent.builder().body("draft").build());
    world.as(anna).configureAutoResponder(AutoResponderSettings.builder().enabled(true).subject("Away").build());
    world.as(anna).preview(hearing.id());

    assertThat(world.as(anna).recordHead().size()).isEqualTo(before.size());
    assertThat(world.as(anna).recordHead().rootHash()).isEqualTo(before.rootHash());
  }

  @Test
  default void systemMessagesAndAutoRepliesAreRecordedWhereTheyLand() {
    Signed signed = signedWorld();
    World world = signed.world();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    world.as(lee).configureAutoResponder(AutoResponderSettings.builder().enabled(true).subject("Away").build());
    world.messaging.postNotification(NewNotification.builder().recipient(lee).subject("Journal shared").build());
    world.send(anna, "Question", "", lee);

    assertThat(kinds(world.as(lee).exportRecord(RecordScope.all()))).containsSubsequence(
        "message NOTIFICATION", "message PERSONAL", "message AUTO_REPLY", "export");
    assertThat(kinds(world.as(anna).exportRecord(RecordScope.all()))).containsSubsequence(
        "message PERSONAL", "message AUTO_REPLY", "export");
  }

  @Test
  default void aSignedHeadNamesTheMailboxAndItsSizeAndVerifies() {
    Signed signed = signedWorld();
    World world = signed.world();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);

    SignedTreeHead head = world.as(anna).recordHead();

    assertThat(head.mailbox()).isEqualTo(anna);
    assertThat(head.size()).as("the request, its action item, the approval").isEqualTo(3);
    assertThat(head.keyId()).isEqualTo(RecordSigners.keyId(signed.signer().publicKey()));
    assertThat(RecordSigners.verify(signed.signer().publicKey(), RecordEncoding.signedBytes(head),
        Base64.getDecoder().decode(head.signature()))).isTrue();
    SignedTreeHead empty = world.as(world.parent("nobody")).recordHead();
    assertThat(empty.size()).isZero();
    assertThat(empty.rootHash()).isEqualTo(RecordEncoding.hex(MerkleTree.emptyRoot()));
  }

  // ---------------------------------------------------------------- helpers

  /** Every entry hashes to its leaf hash, every proof leads to the head's root, and the head is signed. */
  static void assertProven(RecordExport export, RecordSigner signer) {
    SignedTreeHead head = export.head();
    assertThat(RecordSigners.verify(signer.publicKey(), RecordEncoding.signedBytes(head),
        Base64.getDecoder().decode(head.signature()))).as("the head's signature").isTrue();
    for (ProvenEntry proven : export.entries()) {
      assertThat(RecordEncoding.hex(RecordEncoding.leafHash(proven.entry()))).as("leaf hash of " + proven.entry())
          .isEqualTo(proven.leafHash());
      assertThat(MerkleTree.verifyInclusion(unhex(proven.leafHash()), proven.entry().index(), head.size(),
              proven.inclusionProof().stream().map(RecordContract::unhex).collect(Collectors.toList()),
              unhex(head.rootHash())))
          .as("inclusion of entry #" + proven.entry().index()).isTrue();
    }
    assertThat(export.entries()).last().satisfies(last -> assertThat(last.entry().content()).isEqualTo(export.export()));
    assertThat(export.entries().get(export.entries().size() - 1).entry().index()).isEqualTo(head.size() - 1);
  }

  private static List<String> kinds(RecordExport export) {
    return export.entries().stream().map(e -> kind(e.entry().content())).collect(Collectors.toList());
  }

  private static String kind(RecordContent content) {
    if (content instanceof RecordedMessage message) {
      return "message " + message.kind().name();
    }
    if (content instanceof RecordedFirstView) {
      return "first view";
    }
    if (content instanceof RecordedAccessEvent event) {
      return "access " + event.status().name();
    }
    return "export";
  }

  private static List<String> subjects(RecordExport export) {
    return export.entries().stream()
        .map(e -> e.entry().content())
        .filter(c -> c instanceof RecordedMessage m && m.kind() == MessageKind.PERSONAL)
        .map(c -> ((RecordedMessage) c).subject())
        .collect(Collectors.toList());
  }

  private static byte[] unhex(String hex) {
    return RecordEncoding.unhex(hex);
  }
}
