package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.AttachmentFiles.DOCX_TYPE;
import static dev.casemail.messaging.contract.AttachmentFiles.PDF_TYPE;
import static dev.casemail.messaging.contract.AttachmentFiles.file;
import static dev.casemail.messaging.contract.AttachmentFiles.pdf;
import static dev.casemail.messaging.contract.AttachmentFiles.pdfFile;
import static dev.casemail.messaging.contract.AttachmentFiles.read;
import static dev.casemail.messaging.contract.AttachmentFiles.sha256;
import static dev.casemail.messaging.contract.MillerScene.ANNA;
import static dev.casemail.messaging.contract.MillerScene.BEN;
import static dev.casemail.messaging.contract.MillerScene.CARL;
import static dev.casemail.messaging.contract.MillerScene.LEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.OpenedAttachment;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Attachments on every adapter: files sent, replied and drafted, listed with their detected type, size
 * and hash, opened only by those whose mailbox holds them, stored once, counted on the sender's quota,
 * recorded by hash, and every rule refused with a typed error that changes nothing. Orphans (the files
 * of a refused or failed call) are left to the clean-up, which never removes what a message or draft
 * carries.
 *
 * <p>An adapter provides the blob store its library keeps files in ({@link #newBlobStore()}), so the
 * tests can see what is stored.
 */
public interface AttachmentsContract extends MessagingFixture {

  /** A new, empty blob store of the kind the adapter uses by default. */
  BlobStore newBlobStore();

  /** A scenario with the Miller cast, its files in {@code blobs}. */
  record Scene(World world, BlobStore blobs) {

    ParticipantId[] everyone() {
      return new ParticipantId[] {LEE, ANNA, BEN, CARL};
    }

    /** Every content the store holds. */
    List<ContentHash> stored() {
      return blobs.storedBefore(InputRules.MAX_INSTANT, 10_000);
    }

    Map<ParticipantId, Object> snapshot() {
      return world.snapshot(everyone());
    }

    /** Runs the clean-up two hours on, and says how many contents it removed. */
    long cleanUpLater() {
      world.clock.advance(Duration.ofHours(2));
      return world.messaging.removeOrphanedContent(Messaging.MIN_ORPHAN_AGE);
    }
  }

  default Scene scene() {
    return scene(UnaryOperator.identity());
  }

  default Scene scene(UnaryOperator<MessagingConfiguration.Builder> tune) {
    BlobStore blobs = newBlobStore();
    World world = newWorld(tune.apply(MessagingConfiguration.builder().blobStore(blobs)));
    world.practitioner(LEE.value());
    world.parent(ANNA.value());
    world.parent(BEN.value());
    world.parent(CARL.value());
    world.family("miller", ANNA, BEN);
    world.family("smith", CARL);
    world.grant(LEE, ANNA);
    world.grant(LEE, BEN);
    return new Scene(world, blobs);
  }

  private static NewMessage.Builder toAnna(String subject) {
    return NewMessage.builder().addRecipients(ANNA).subject(subject).body("see attached");
  }

  // ---------------------------------------------------------------- sending and reading

  @Test
  default void aSentFileIsListedWithItsDetectedTypeSizeAndHashOnBothSides() {
    Scene scene = scene();
    byte[] bytes = pdf(3000);

    MessageView sent = scene.world().as(LEE).send(toAnna("Order").addAttachments(file("  order.pdf  ", PDF_TYPE, bytes)).build());

    AttachmentView expected = AttachmentView.builder()
        .name("order.pdf")
        .contentType(PDF_TYPE)
        .size(bytes.length)
        .hash(ContentHash.of(sha256(bytes)))
        .build();
    assertThat(sent.attachments()).containsExactly(expected);
    assertThat(scene.world().as(ANNA).open(sent.id()).attachments()).containsExactly(expected);
    assertThat(scene.world().as(LEE).preview(sent.id()).attachments()).containsExactly(expected);
  }

  @Test
  default void everyDefaultTypeIsDetectedFromItsBytes() {
    Scene scene = scene();
    MessageView sent = scene.world().as(LEE).send(toAnna("Every kind")
        .addAttachments(
            file("a.pdf", PDF_TYPE, pdf(100)),
            file("b.png", "image/png", AttachmentFiles.png()),
            file("c.jpg", "image/jpeg", AttachmentFiles.jpeg()),
            file("d.heic", "image/heic", AttachmentFiles.heic()),
            file("e.docx", DOCX_TYPE, AttachmentFiles.docx()),
            file("f.odt", "application/vnd.oasis.opendocument.text", AttachmentFiles.odt()),
            file("g.txt", "text/plain; charset=UTF-8", AttachmentFiles.text("Monday at 9\n")))
        .build());

    assertThat(sent.attachments()).extracting(AttachmentView::contentType).containsExactly(
        PDF_TYPE, "image/png", "image/jpeg", "image/heic", DOCX_TYPE, "application/vnd.oasis.opendocument.text",
        "text/plain");
  }

  @Test
  default void aWordFileDeclaredAsAZipIsAWordFile() {
    Scene scene = scene();

    MessageView sent = scene.world().as(LEE).send(
        toAnna("Plan").addAttachments(file("plan.docx", "application/zip", AttachmentFiles.docx())).build());

    assertThat(sent.attachments().get(0).contentType()).isEqualTo(DOCX_TYPE);
  }

  @Test
  default void aHolderOpensTheBytesAndEveryoneElseGetsTheNotFoundOfAnUnknownId() {
    Scene scene = scene();
    byte[] bytes = pdf(5000);
    MessageView sent = scene.world().as(LEE).send(toAnna("Order").addAttachments(file("order.pdf", PDF_TYPE, bytes)).build());
    ContentHash hash = sent.attachments().get(0).hash();

    try (OpenedAttachment opened = scene.world().as(ANNA).openAttachment(sent.id(), hash)) {
      assertThat(opened.attachment()).isEqualTo(sent.attachments().get(0));
      assertThat(read(opened.content())).isEqualTo(bytes);
    }
    try (OpenedAttachment opened = scene.world().as(LEE).openAttachment(sent.id(), hash)) {
      assertThat(read(opened.content())).isEqualTo(bytes);
    }
    NotFoundException stranger = assertThrows(NotFoundException.class, () -> scene.world().as(BEN).openAttachment(sent.id(), hash));
    MessageId unknown = new MessageId(sent.id().value() + 1_000_000);
    NotFoundException missing = assertThrows(NotFoundException.class, () -> scene.world().as(BEN).openAttachment(unknown, hash));
    assertThat(stranger.kind()).isEqualTo(missing.kind()).isEqualTo("message");
    ContentHash other = ContentHash.of(sha256(new byte[] {1}));
    NotFoundException noSuchFile = assertThrows(NotFoundException.class, () -> scene.world().as(ANNA).openAttachment(sent.id(), other));
    assertThat(noSuchFile.kind()).isEqualTo("attachment");
    assertThrows(InvalidInputException.class, () -> scene.world().as(ANNA).openAttachment(sent.id(), null));
    assertThrows(InvalidInputException.class, () -> scene.world().as(ANNA).openAttachment(null, hash));
  }

  @Test
  default void theSameFileInTwoMessagesIsStoredOnce() {
    Scene scene = scene();
    byte[] bytes = pdf(2000);

    MessageView first = scene.world().as(LEE).send(toAnna("One").addAttachments(file("a.pdf", PDF_TYPE, bytes)).build());
    MessageView second = scene.world().as(LEE).send(NewMessage.builder().addRecipients(BEN).subject("Two")
        .addAttachments(file("copy of a.pdf", PDF_TYPE, bytes)).build());

    assertThat(first.attachments().get(0).hash()).isEqualTo(second.attachments().get(0).hash());
    assertThat(scene.stored()).containsExactly(first.attachments().get(0).hash());
  }

  @Test
  default void aReplyCarriesItsOwnFiles() {
    Scene scene = scene();
    MessageView question = scene.world().as(LEE).send(toAnna("Question").build());

    MessageView answer = scene.world().as(ANNA).reply(Reply.builder()
        .message(question.id()).body("here it is").addAttachments(file("scan.png", "image/png", AttachmentFiles.png())).build());

    assertThat(answer.attachments()).extracting(AttachmentView::name).containsExactly("scan.png");
    try (OpenedAttachment opened = scene.world().as(LEE).openAttachment(answer.id(), answer.attachments().get(0).hash())) {
      assertThat(read(opened.content())).isEqualTo(AttachmentFiles.png());
    }
  }

  @Test
  default void theRecordEntryOfAMessageCarriesTheHashOfEachFileInOrder() {
    Scene scene = scene();
    byte[] one = pdf(1000);
    byte[] two = AttachmentFiles.png();
    MessageView sent = scene.world().as(LEE).send(toAnna("Evidence")
        .addAttachments(file("one.pdf", PDF_TYPE, one), file("two.png", "image/png", two)).build());

    for (ParticipantId owner : List.of(LEE, ANNA)) {
      RecordExport export = scene.world().as(owner).exportRecord(RecordScope.all());
      RecordedMessage entry = export.entries().stream()
          .map(e -> e.entry().content())
          .filter(content -> content instanceof RecordedMessage m && m.id().equals(sent.id()))
          .map(RecordedMessage.class::cast)
          .findFirst()
          .orElseThrow();
      assertThat(entry.attachments()).containsExactly(sha256(one), sha256(two));
      // the names, types and sizes the leaf does not cover come with it, as the message's views list them
      assertThat(entry.files()).containsExactlyElementsOf(sent.attachments());
      assertThat(entry.files()).extracting(AttachmentView::name, AttachmentView::contentType, AttachmentView::size)
          .containsExactly(tuple("one.pdf", PDF_TYPE, (long) one.length), tuple("two.png", "image/png", (long) two.length));
    }
  }

  @Test
  default void theHostOpensAnExportedFileByItsHashAndNothingTheExportDoesNotList() throws Exception {
    Scene scene = scene();
    byte[] one = pdf(1000);
    MessageView sent = scene.world().as(LEE).send(toAnna("Evidence").addAttachments(file("one.pdf", PDF_TYPE, one)).build());
    MessageView other = scene.world().as(LEE).send(NewMessage.builder().addRecipients(BEN).subject("Other")
        .addAttachments(file("two.png", "image/png", AttachmentFiles.png())).build());
    RecordExport annas = scene.world().messaging.exportRecord(ANNA, RecordScope.all(), "Court order 1");

    try (OpenedAttachment opened = scene.world().messaging.openExportedAttachment(annas, sent.attachments().get(0).hash())) {
      assertThat(opened.attachment()).isEqualTo(sent.attachments().get(0));
      assertThat(read(opened.content())).isEqualTo(one);
    }
    // a file of a message the export does not hold (Ben's), and a hash nothing carries
    NotFoundException notListed = assertThrows(NotFoundException.class,
        () -> scene.world().messaging.openExportedAttachment(annas, other.attachments().get(0).hash()));
    assertThat(notListed.kind()).isEqualTo("attachment");
    assertThrows(NotFoundException.class, () -> scene.world().messaging.openExportedAttachment(annas,
        dev.casemail.messaging.api.blob.ContentHash.of(sha256(new byte[] {1}))));
    assertThrows(InvalidInputException.class, () -> scene.world().messaging.openExportedAttachment(annas, null));
    assertThrows(InvalidInputException.class,
        () -> scene.world().messaging.openExportedAttachment(null, sent.attachments().get(0).hash()));
  }

  // ---------------------------------------------------------------- refusals that change nothing

  @Test
  default void aDeclaredTypeTheBytesContradictIsRefused() {
    Scene scene = scene();
    Map<ParticipantId, Object> before = scene.snapshot();

    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(
        toAnna("Fake").addAttachments(file("photo.pdf", PDF_TYPE, AttachmentFiles.png())).build()));

    assertThat(refused.field()).isEqualTo("attachments");
    assertThat(refused.getMessage()).contains("image/png");
    assertThat(scene.snapshot()).isEqualTo(before);
    assertThat(scene.stored()).isEmpty();
  }

  @Test
  default void aTypeOffTheAllowListIsRefusedEvenWhenDeclaredTruly() {
    Scene scene = scene();
    Map<ParticipantId, Object> before = scene.snapshot();

    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(toAnna("Page")
        .addAttachments(file("page.txt", "text/plain", AttachmentFiles.text("<html><body>hi</body></html>"))).build()));
    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(toAnna("Tool")
        .addAttachments(file("tool.pdf", "application/octet-stream", AttachmentFiles.exe())).build()));
    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(toAnna("Noise")
        .addAttachments(file("noise.pdf", PDF_TYPE, new byte[] {1, 2, 3, (byte) 0xF0, 0, 0, 7})).build()));

    assertThat(scene.snapshot()).isEqualTo(before);
    assertThat(scene.stored()).isEmpty();
  }

  @Test
  default void theHostChoosesTheAllowedTypes() {
    Scene scene = scene(c -> c.attachmentTypes(Set.of("image/png")));

    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(
        toAnna("Order").addAttachments(pdfFile("order.pdf", 100)).build()));
    MessageView sent = scene.world().as(LEE).send(
        toAnna("Scan").addAttachments(file("scan.png", "image/png", AttachmentFiles.png())).build());

    assertThat(sent.attachments()).hasSize(1);
  }

  @Test
  default void aFileLargerThanTheLimitIsRefusedAndNotStored() {
    Scene scene = scene(c -> c.maxAttachmentBytes(4096).maxAttachmentBytesPerMessage(8192));
    Map<ParticipantId, Object> before = scene.snapshot();

    LimitExceededException refused = assertThrows(LimitExceededException.class, () -> scene.world().as(LEE).send(
        toAnna("Big").addAttachments(pdfFile("big.pdf", 4097)).build()));

    assertThat(refused.limit()).isEqualTo("attachmentSize");
    assertThat(scene.snapshot()).isEqualTo(before);
    assertThat(scene.stored()).isEmpty();
    assertThat(scene.world().as(LEE).send(toAnna("Fits").addAttachments(pdfFile("fits.pdf", 4096)).build()).attachments())
        .hasSize(1);
  }

  @Test
  default void theFilesOfOneMessageTogetherHaveALimit() {
    Scene scene = scene(c -> c.maxAttachmentBytes(3000).maxAttachmentBytesPerMessage(5000));
    Map<ParticipantId, Object> before = scene.snapshot();

    LimitExceededException refused = assertThrows(LimitExceededException.class, () -> scene.world().as(LEE).send(
        toAnna("Two").addAttachments(pdfFile("a.pdf", 2600), AttachmentFiles.file("b.pdf", PDF_TYPE, AttachmentFiles.otherPdf(2600))).build()));

    assertThat(refused.limit()).isEqualTo("attachmentsTotal");
    assertThat(scene.snapshot()).isEqualTo(before);
    assertThat(scene.cleanUpLater()).isEqualTo(1);
    assertThat(scene.stored()).isEmpty();
  }

  @Test
  default void moreThanTwentyFilesAreRefusedWhenTheCommandIsBuilt() {
    List<NewAttachment> files = new ArrayList<>();
    for (int i = 0; i <= InputRules.MAX_ATTACHMENTS; i++) {
      files.add(pdfFile("f" + i + ".pdf", 100));
    }

    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> toAnna("Many").attachments(files).build());
    assertThat(refused.field()).isEqualTo("attachments");
    assertThrows(InvalidInputException.class, () -> Reply.builder().message(new MessageId(1)).attachments(files).build());
    assertThrows(InvalidInputException.class, () -> DraftContent.builder().attachments(files).build());
    assertThat(toAnna("Twenty").attachments(files.subList(0, InputRules.MAX_ATTACHMENTS)).build().attachments())
        .hasSize(InputRules.MAX_ATTACHMENTS);
  }

  @Test
  default void nullsAreRefusedWithTheFieldNamed() {
    assertThat(assertThrows(InvalidInputException.class, () -> NewAttachment.of(null, PDF_TYPE, () -> null)).field())
        .isEqualTo("name");
    assertThat(assertThrows(InvalidInputException.class, () -> NewAttachment.of("a.pdf", null, () -> null)).field())
        .isEqualTo("declaredType");
    assertThat(assertThrows(InvalidInputException.class, () -> NewAttachment.of("a.pdf", PDF_TYPE, null)).field())
        .isEqualTo("content");
    assertThat(assertThrows(InvalidInputException.class, () -> toAnna("x").addAttachments((NewAttachment) null)).field())
        .isEqualTo("attachments");
    assertThrows(InvalidInputException.class, () -> NewAttachment.builder().name("a.pdf").build());
    assertThrows(InvalidInputException.class, () -> NewAttachment.of("a.pdf", "pdf", () -> null));
  }

  @Test
  default void badNamesAreRefused() {
    for (String name : List.of("", "   ", "a/b.pdf", "a\\b.pdf", ".", "..", "a\u0000.pdf", "line\nbreak.pdf",
        "Invoice \u202Efdp.exe", "mark\u200F.pdf", "\u200B\u200B", "x".repeat(InputRules.MAX_ATTACHMENT_NAME_LENGTH + 1))) {
      InvalidInputException refused = assertThrows(InvalidInputException.class, () -> pdfFile(name, 100), name);
      assertThat(refused.field()).isEqualTo("name");
    }
    assertThat(pdfFile("x".repeat(InputRules.MAX_ATTACHMENT_NAME_LENGTH), 100).name()).hasSize(255);
    assertThat(pdfFile(" Reçu de l'école 😀.pdf ", 100).name()).isEqualTo("Reçu de l'école 😀.pdf");
  }

  @Property(tries = 200)
  default void aNameWithAPathSeparatorIsAlwaysRefused(
      @ForAll("nameParts") String before, @ForAll("separators") String separator, @ForAll("nameParts") String after) {
    assertThrows(InvalidInputException.class, () -> pdfFile(before + separator + after, 1));
  }

  @Property(tries = 200)
  default void anAcceptedNameIsTrimmedAndShort(@ForAll("names") String name) {
    String accepted;
    try {
      accepted = pdfFile(name, 1).name();
    } catch (InvalidInputException refused) {
      return;
    }
    assertThat(accepted).isEqualTo(accepted.strip()).doesNotContain("/", "\\").isNotIn(".", "..");
    assertThat(accepted.codePointCount(0, accepted.length())).isBetween(1, InputRules.MAX_ATTACHMENT_NAME_LENGTH);
    assertThat(accepted.chars()).noneMatch(Character::isISOControl);
  }

  @Provide
  default Arbitrary<String> nameParts() {
    return Arbitraries.strings().ofMaxLength(20);
  }

  @Provide
  default Arbitrary<String> separators() {
    return Arbitraries.of("/", "\\");
  }

  @Provide
  default Arbitrary<String> names() {
    return Arbitraries.strings().ofMaxLength(300);
  }

  @Test
  default void theStorageQuotaCountsSentFilesAndDraftsAndRefusesBeforeWriting() {
    Scene scene = scene(c -> c.maxAttachmentBytes(4000).maxAttachmentBytesPerMessage(8000).attachmentQuotaBytes(5000));
    scene.world().as(LEE).send(toAnna("First").addAttachments(pdfFile("a.pdf", 3000)).build());
    DraftView draft = scene.world().as(LEE).saveDraft(
        DraftContent.builder().addAttachments(file("b.pdf", PDF_TYPE, AttachmentFiles.otherPdf(1500))).build());
    Map<ParticipantId, Object> before = scene.snapshot();

    LimitExceededException refused = assertThrows(LimitExceededException.class, () -> scene.world().as(LEE).send(
        toAnna("Second").addAttachments(file("c.pdf", PDF_TYPE, pdf(1000))).build()));

    assertThat(refused.limit()).isEqualTo("attachmentQuota");
    assertThat(scene.snapshot()).isEqualTo(before);
    // received files count on the sender's quota, not the recipient's
    assertThat(scene.world().as(ANNA).send(NewMessage.builder().addRecipients(LEE).subject("Back")
        .addAttachments(pdfFile("anna.pdf", 4000)).build()).attachments()).hasSize(1);
    // a draft deleted frees what it held
    scene.world().as(LEE).deleteDraft(draft.id());
    assertThat(scene.world().as(LEE).send(toAnna("Third").addAttachments(file("c.pdf", PDF_TYPE, pdf(1000))).build())
        .attachments()).hasSize(1);
  }

  @Test
  default void theQuotaIsDecidedAgainWhenTheMessageIsWritten() {
    Scene scene = scene(c -> c.maxAttachmentBytes(4000).attachmentQuotaBytes(5000));
    byte[] late = pdf(3000);
    // while lee's first upload is read, another send of lee's takes most of the quota
    NewAttachment racing = NewAttachment.of("late.pdf", PDF_TYPE, () -> {
      scene.world().as(LEE).send(toAnna("Meanwhile").addAttachments(file("meanwhile.pdf", PDF_TYPE, AttachmentFiles.otherPdf(3000))).build());
      return new ByteArrayInputStream(late);
    });
    Map<ParticipantId, Object> before = scene.snapshot();

    LimitExceededException refused = assertThrows(LimitExceededException.class, () -> scene.world().as(LEE).send(
        toAnna("Late").addAttachments(racing).build()));

    assertThat(refused.limit()).isEqualTo("attachmentQuota");
    assertThat(scene.world().list(LEE, SystemFolder.SENT))
        .extracting(MessageSummary::subject).containsExactly("Meanwhile");
    assertThat(scene.snapshot()).isNotEqualTo(before);
    assertThat(scene.cleanUpLater()).isEqualTo(1);
  }

  @Test
  default void aHostStreamThatFailsHalfwayLeavesNoMessageAndOnlyOrphans() {
    Scene scene = scene();
    Map<ParticipantId, Object> before = scene.snapshot();

    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(
        toAnna("Broken").addAttachments(pdfFile("fine.pdf", 500), AttachmentFiles.failingHalfway("broken.pdf", 20_000)).build()));

    assertThat(refused.field()).isEqualTo("attachments");
    assertThat(scene.snapshot()).isEqualTo(before);
    assertThat(scene.cleanUpLater()).as("the file stored before the broken one").isEqualTo(1);
    assertThat(scene.stored()).isEmpty();
  }

  @Test
  default void aStreamThatCannotBeOpenedIsInvalidInput() {
    Scene scene = scene();
    NewAttachment unopenable = NewAttachment.of("gone.pdf", PDF_TYPE, () -> {
      throw new IOException("no such file");
    });

    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(toAnna("Gone").addAttachments(unopenable).build()));
    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).send(
        toAnna("Null").addAttachments(NewAttachment.of("null.pdf", PDF_TYPE, () -> null)).build()));
  }

  // ---------------------------------------------------------------- the clean-up

  @Test
  default void aRefusedSendLeavesNothingTheCleanUpDoesNotRemoveAndWhatMessagesCarryIsKept() {
    Scene scene = scene();
    byte[] kept = pdf(1200);
    MessageView sent = scene.world().as(LEE).send(toAnna("Kept").addAttachments(file("kept.pdf", PDF_TYPE, kept)).build());
    DraftView draft = scene.world().as(LEE).saveDraft(
        DraftContent.builder().addAttachments(file("draft.png", "image/png", AttachmentFiles.png())).build());
    Map<ParticipantId, Object> before = scene.snapshot();

    // lee may not message carl: the file is stored before the access check refuses the send
    assertThrows(AccessDeniedException.class, () -> scene.world().as(LEE).send(NewMessage.builder().addRecipients(CARL)
        .subject("Refused").addAttachments(file("orphan.pdf", PDF_TYPE, AttachmentFiles.otherPdf(1200))).build()));
    assertThat(scene.snapshot()).isEqualTo(before);

    assertThat(scene.world().messaging.removeOrphanedContent(Duration.ofDays(1))).isZero(); // too young yet
    assertThat(scene.cleanUpLater()).isEqualTo(1);
    assertThat(scene.stored()).containsExactlyInAnyOrder(sent.attachments().get(0).hash(), draft.attachments().get(0).hash());
    assertThat(scene.cleanUpLater()).isZero();
    try (OpenedAttachment opened = scene.world().as(ANNA).openAttachment(sent.id(), sent.attachments().get(0).hash())) {
      assertThat(read(opened.content())).isEqualTo(kept);
    }
  }

  @Test
  default void theCleanUpRefusesAnAgeShorterThanTheMinimum() {
    Scene scene = scene();

    assertThrows(InvalidInputException.class, () -> scene.world().messaging.removeOrphanedContent(Duration.ofMinutes(59)));
    assertThrows(InvalidInputException.class, () -> scene.world().messaging.removeOrphanedContent(null));
  }

  // ---------------------------------------------------------------- drafts

  @Test
  default void aDraftKeepsAddsAndRemovesFilesAcrossUpdatesAndSendsThem() {
    Scene scene = scene();
    byte[] first = pdf(800);
    byte[] second = AttachmentFiles.png();
    byte[] third = AttachmentFiles.jpeg();
    DraftView saved = scene.world().as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).subject("Files")
        .addAttachments(file("first.pdf", PDF_TYPE, first), file("second.png", "image/png", second)).build());
    ContentHash firstHash = saved.attachments().get(0).hash();
    ContentHash secondHash = saved.attachments().get(1).hash();

    DraftView updated = scene.world().as(LEE).updateDraft(saved.id(), saved.version(), DraftContent.builder()
        .addRecipients(ANNA).subject("Files").body("now with a photo")
        .addKeptAttachments(secondHash)
        .addAttachments(file("third.jpg", "image/jpeg", third)).build());

    assertThat(updated.attachments()).extracting(AttachmentView::name).containsExactly("second.png", "third.jpg");
    assertThat(scene.world().as(LEE).draft(saved.id()).attachments()).isEqualTo(updated.attachments());
    try (OpenedAttachment opened = scene.world().as(LEE).openDraftAttachment(saved.id(), secondHash)) {
      assertThat(read(opened.content())).isEqualTo(second);
    }
    assertThrows(NotFoundException.class, () -> scene.world().as(LEE).openDraftAttachment(saved.id(), firstHash));
    assertThrows(NotFoundException.class, () -> scene.world().as(ANNA).openDraftAttachment(saved.id(), secondHash));

    // an update that names no kept file and adds none removes them all; one more brings one back
    DraftView bare = scene.world().as(LEE).updateDraft(saved.id(), updated.version(),
        DraftContent.builder().addRecipients(ANNA).subject("Files").addKeptAttachments(secondHash).build());
    assertThat(bare.attachments()).extracting(AttachmentView::name).containsExactly("second.png");

    MessageView sent = scene.world().as(LEE).sendDraft(saved.id());

    assertThat(sent.attachments()).isEqualTo(bare.attachments());
    assertThat(scene.world().as(ANNA).open(sent.id()).attachments()).isEqualTo(bare.attachments());
    assertThat(scene.cleanUpLater()).isEqualTo(2); // first.pdf and third.jpg, which nothing carries any more
    try (OpenedAttachment opened = scene.world().as(ANNA).openAttachment(sent.id(), secondHash)) {
      assertThat(read(opened.content())).isEqualTo(second);
    }
  }

  @Test
  default void aDraftMayKeepOnlyItsOwnFiles() {
    Scene scene = scene();
    MessageView sent = scene.world().as(ANNA).send(NewMessage.builder().addRecipients(LEE).subject("Mine")
        .addAttachments(pdfFile("annas.pdf", 900)).build());
    DraftView draft = scene.world().as(LEE).saveDraft(DraftContent.builder().subject("Empty").build());
    Map<ParticipantId, Object> before = scene.snapshot();

    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).updateDraft(
        draft.id(), draft.version(), DraftContent.builder().addKeptAttachments(sent.attachments().get(0).hash()).build()));
    assertThat(refused.field()).isEqualTo("keptAttachments");
    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).saveDraft(
        DraftContent.builder().addKeptAttachments(sent.attachments().get(0).hash()).build()));

    assertThat(scene.snapshot()).isEqualTo(before);
  }

  @Test
  default void aDraftsFilesAreCheckedAsASendsAre() {
    Scene scene = scene(c -> c.maxAttachmentBytes(1000));
    Map<ParticipantId, Object> before = scene.snapshot();

    assertThrows(LimitExceededException.class, () -> scene.world().as(LEE).saveDraft(
        DraftContent.builder().addAttachments(pdfFile("big.pdf", 1001)).build()));
    assertThrows(InvalidInputException.class, () -> scene.world().as(LEE).saveDraft(
        DraftContent.builder().addAttachments(file("fake.pdf", PDF_TYPE, AttachmentFiles.png())).build()));

    assertThat(scene.snapshot()).isEqualTo(before);
    assertThat(scene.stored()).isEmpty();
  }

  @Test
  default void aMessageWithoutFilesListsNone() {
    Scene scene = scene();

    MessageView sent = scene.world().as(LEE).send(toAnna("Plain").build());

    assertThat(sent.attachments()).isEmpty();
    assertThat(scene.world().as(ANNA).open(sent.id()).attachments()).isEmpty();
    assertThat(scene.world().messaging.removeOrphanedContent(Messaging.MIN_ORPHAN_AGE)).isZero();
  }
}
