package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.MillerScene.ANNA;
import static dev.casemail.messaging.contract.MillerScene.BEN;
import static dev.casemail.messaging.contract.MillerScene.CARL;
import static dev.casemail.messaging.contract.MillerScene.LEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.Test;

/**
 * Drafts: saved without the rules of sending, updated with optimistic versions, deleted, and sent
 * with every rule of sending. Starts from the {@link MillerScene}.
 */
public interface DraftContract extends MessagingFixture {

  // ---------------------------------------------------------------- saving

  @Test
  default void anEmptyDraftMayBeSavedAndShowsInDrafts() {
    World world = MillerScene.create(this);

    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().build());

    assertThat(draft.recipients()).isEmpty();
    assertThat(draft.subject()).isEmpty();
    assertThat(draft.body()).isEmpty();
    assertThat(world.drafts(LEE)).containsExactly(draft);
    assertThat(world.folder(LEE, SystemFolder.DRAFTS).total()).isEqualTo(1);
    assertThat(world.folder(LEE, SystemFolder.DRAFTS).unread()).isZero();
  }

  @Test
  default void aDraftKeepsWhatWasSavedWithTheSubjectTrimmed() {
    World world = MillerScene.create(this);
    String body = "  Dear Ben,\r\n\tabout Monday 😀\n";

    DraftView draft = world.as(LEE).saveDraft(
        DraftContent.builder().addRecipients(BEN, ANNA).subject("  Hearing  ").body(body).build());

    assertThat(draft.recipients()).containsExactly(BEN, ANNA);
    assertThat(draft.subject()).contains("Hearing");
    assertThat(draft.body()).isEqualTo(body);
    assertThat(draft.inReplyTo()).isEmpty();
    assertThat(draft.version()).isEqualTo(1);
    assertThat(draft.createdAt()).isEqualTo(World.START);
    assertThat(draft.updatedAt()).isEqualTo(World.START);
    assertThat(world.as(LEE).draft(draft.id())).isEqualTo(draft);
  }

  @Test
  default void aBlankSubjectIsSavedAsNoSubject() {
    World world = MillerScene.create(this);

    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().subject(" \t ").build());

    assertThat(draft.subject()).isEmpty();
  }

  @Test
  default void aDraftMayNameARecipientTheAuthorMayNotMessageYet() {
    World world = MillerScene.create(this);

    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(CARL).subject("Hello").build());

    assertThat(world.as(LEE).draft(draft.id()).recipients()).containsExactly(CARL);
  }

  @Test
  default void aDraftAddressedToItsAuthorIsRefusedNamingTheRecipients() {
    World world = MillerScene.create(this);
    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).build());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    InvalidInputException onSave = assertThrows(InvalidInputException.class,
        () -> world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA, LEE).build()));
    InvalidInputException onUpdate = assertThrows(InvalidInputException.class,
        () -> world.as(LEE).updateDraft(draft.id(), draft.version(), DraftContent.builder().addRecipients(LEE).build()));

    assertThat(onSave.field()).isEqualTo("recipients");
    assertThat(onUpdate.field()).isEqualTo("recipients");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void draftContentOfBadShapeIsRefusedNamingTheField() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE);
    List<ParticipantId> tooMany = new ArrayList<>();
    for (int i = 0; i <= InputRules.MAX_RECIPIENTS; i++) {
      tooMany.add(ParticipantId.of("p" + i));
    }

    assertThat(assertThrows(InvalidInputException.class,
        () -> DraftContent.builder().recipients(tooMany).build()).field()).isEqualTo("recipients");
    assertThat(assertThrows(InvalidInputException.class,
        () -> DraftContent.builder().subject("s".repeat(InputRules.MAX_SUBJECT_LENGTH + 1)).build()).field())
        .isEqualTo("subject");
    assertThat(assertThrows(InvalidInputException.class,
        () -> DraftContent.builder().subject("two\nlines").build()).field()).isEqualTo("subject");
    assertThat(assertThrows(InvalidInputException.class,
        () -> DraftContent.builder().body("b".repeat(InputRules.MAX_BODY_BYTES + 1)).build()).field())
        .isEqualTo("body");
    assertThat(assertThrows(InvalidInputException.class,
        () -> DraftContent.builder().body("nul\u0000").build()).field()).isEqualTo("body");
    assertThat(assertThrows(InvalidInputException.class, () -> world.as(LEE).saveDraft(null)).field())
        .isEqualTo("content");
    assertThat(world.snapshot(LEE)).isEqualTo(before);
  }

  @Test
  default void aDraftAtTheShapeLimitsIsAccepted() {
    World world = MillerScene.create(this);
    String subject = "s".repeat(InputRules.MAX_SUBJECT_LENGTH);
    String body = "b".repeat(InputRules.MAX_BODY_BYTES);

    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().subject(subject).body(body).build());

    assertThat(world.as(LEE).draft(draft.id()).subject()).contains(subject);
    assertThat(world.as(LEE).draft(draft.id()).body()).isEqualTo(body);
  }

  // ---------------------------------------------------------------- updating and deleting

  @Test
  default void updatingWithTheCurrentVersionReplacesTheContent() {
    World world = MillerScene.create(this);
    DraftView saved = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).subject("Hearing").build());
    world.clock.advance(Duration.ofMinutes(3));

    DraftView updated = world.as(LEE).updateDraft(
        saved.id(), saved.version(), DraftContent.builder().addRecipients(BEN).body("Monday").build());

    assertThat(updated.id()).isEqualTo(saved.id());
    assertThat(updated.recipients()).containsExactly(BEN);
    assertThat(updated.subject()).isEmpty();
    assertThat(updated.body()).isEqualTo("Monday");
    assertThat(updated.version()).isGreaterThan(saved.version());
    assertThat(updated.createdAt()).isEqualTo(saved.createdAt());
    assertThat(updated.updatedAt()).isEqualTo(World.START.plus(Duration.ofMinutes(3)));
    assertThat(world.as(LEE).draft(saved.id())).isEqualTo(updated);
    assertThat(world.folder(LEE, SystemFolder.DRAFTS).total()).isEqualTo(1);
  }

  @Test
  default void updatingWithAStaleVersionIsAConflictAndChangesNothing() {
    World world = MillerScene.create(this);
    DraftView saved = world.as(LEE).saveDraft(DraftContent.builder().subject("First").build());
    DraftView onOtherDevice =
        world.as(LEE).updateDraft(saved.id(), saved.version(), DraftContent.builder().subject("Second").build());
    Map<ParticipantId, Object> before = world.snapshot(LEE);

    assertThrows(ConflictException.class, () -> world.as(LEE).updateDraft(
        saved.id(), saved.version(), DraftContent.builder().subject("Third").build()));
    assertThrows(ConflictException.class, () -> world.as(LEE).updateDraft(
        saved.id(), onOtherDevice.version() + 1, DraftContent.builder().subject("Third").build()));

    assertThat(world.snapshot(LEE)).isEqualTo(before);
    assertThat(world.as(LEE).draft(saved.id()).subject()).contains("Second");
  }

  @Test
  default void deletingADraftRemovesItFromDrafts() {
    World world = MillerScene.create(this);
    DraftView kept = world.as(LEE).saveDraft(DraftContent.builder().subject("Kept").build());
    DraftView deleted = world.as(LEE).saveDraft(DraftContent.builder().subject("Deleted").build());

    world.as(LEE).deleteDraft(deleted.id());

    assertThat(world.drafts(LEE)).containsExactly(kept);
    assertThat(world.folder(LEE, SystemFolder.DRAFTS).total()).isEqualTo(1);
    NotFoundException gone = assertThrows(NotFoundException.class, () -> world.as(LEE).draft(deleted.id()));
    assertThat(gone.kind()).isEqualTo("draft");
    assertThat(gone.id()).isEqualTo(deleted.id().toString());
    Map<ParticipantId, Object> before = world.snapshot(LEE);
    assertThrows(NotFoundException.class, () -> world.as(LEE).deleteDraft(deleted.id()));
    assertThrows(NotFoundException.class, () -> world.as(LEE).updateDraft(
        deleted.id(), deleted.version(), DraftContent.builder().build()));
    assertThrows(NotFoundException.class, () -> world.as(LEE).sendDraft(deleted.id()));
    assertThat(world.snapshot(LEE)).isEqualTo(before);
  }

  @Test
  default void aDraftOfSomeoneElseIsNotFoundWhateverIsDoneWithIt() {
    World world = MillerScene.create(this);
    DraftView lees = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).subject("Mine").build());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);
    DraftId id = lees.id();

    List<NotFoundException> refusals = List.of(
        assertThrows(NotFoundException.class, () -> world.as(ANNA).draft(id)),
        assertThrows(NotFoundException.class,
            () -> world.as(ANNA).updateDraft(id, lees.version(), DraftContent.builder().subject("Hers").build())),
        assertThrows(NotFoundException.class, () -> world.as(ANNA).deleteDraft(id)),
        assertThrows(NotFoundException.class, () -> world.as(ANNA).sendDraft(id)));

    assertThat(refusals).extracting(NotFoundException::kind).containsOnly("draft");
    assertThat(refusals).extracting(NotFoundException::id).containsOnly(id.toString());
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void anUnknownDraftIsNotFound() {
    World world = MillerScene.create(this);

    NotFoundException notFound = assertThrows(NotFoundException.class, () -> world.as(LEE).draft(DraftId.of(777L)));

    assertThat(notFound.kind()).isEqualTo("draft");
    assertThat(notFound.id()).isEqualTo("777");
  }

  // ---------------------------------------------------------------- sending

  @Test
  default void aSentDraftLeavesDraftsAndArrivesLikeAnyMessage() {
    World world = MillerScene.create(this);
    DraftView draft = world.as(LEE).saveDraft(
        DraftContent.builder().addRecipients(ANNA, BEN).subject("Hearing").body("Monday\n").build());
    world.clock.advance(Duration.ofHours(1));

    MessageView sent = world.as(LEE).sendDraft(draft.id());

    assertThat(sent.kind()).isEqualTo(MessageKind.PERSONAL);
    assertThat(sent.recipients()).extracting(ParticipantView::id).containsExactly(ANNA, BEN);
    assertThat(sent.subject()).isEqualTo("Hearing");
    assertThat(sent.body()).isEqualTo("Monday\n");
    assertThat(sent.sentAt()).isEqualTo(World.START.plus(Duration.ofHours(1)));
    assertThat(world.drafts(LEE)).isEmpty();
    assertThat(world.folder(LEE, SystemFolder.DRAFTS).total()).isZero();
    assertThat(world.list(LEE, SystemFolder.SENT)).extracting(MessageSummary::id).containsExactly(sent.id());
    assertThat(world.list(ANNA, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(sent.id());
    assertThat(world.list(BEN, SystemFolder.INBOX)).extracting(MessageSummary::id).containsExactly(sent.id());
    assertThat(world.folder(BEN, SystemFolder.INBOX).unread()).isEqualTo(1);
    assertThrows(NotFoundException.class, () -> world.as(LEE).draft(draft.id()));
  }

  @Test
  default void sendingADraftAgainReturnsTheMessageItBecameAndSendsNothingMore() {
    World world = MillerScene.create(this);
    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).subject("Hearing").build());
    MessageView sent = world.as(LEE).sendDraft(draft.id());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    MessageView again = world.as(LEE).sendDraft(draft.id());

    assertThat(again.id()).isEqualTo(sent.id());
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aDraftWithoutRecipientsOrSubjectIsNotSentAndStays() {
    World world = MillerScene.create(this);
    DraftView noRecipients = world.as(LEE).saveDraft(DraftContent.builder().subject("Hearing").build());
    DraftView noSubject = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).body("x").build());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    InvalidInputException recipients =
        assertThrows(InvalidInputException.class, () -> world.as(LEE).sendDraft(noRecipients.id()));
    InvalidInputException subject =
        assertThrows(InvalidInputException.class, () -> world.as(LEE).sendDraft(noSubject.id()));

    assertThat(recipients.field()).isEqualTo("recipients");
    assertThat(subject.field()).isEqualTo("subject");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
    assertThat(world.drafts(LEE)).hasSize(2);
  }

  @Test
  default void aDraftToSomeoneTheAuthorMayNotMessageIsDeniedAndStays() {
    World world = MillerScene.create(this);
    ParticipantId ghost = ParticipantId.of("ghost");
    DraftView draft = world.as(LEE).saveDraft(
        DraftContent.builder().addRecipients(CARL, ANNA, ghost).subject("Hello").build());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, CARL);

    AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> world.as(LEE).sendDraft(draft.id()));

    assertThat(denied.participants()).containsExactly(CARL, ghost);
    assertThat(world.snapshot(LEE, ANNA, CARL)).isEqualTo(before);
    assertThat(world.as(LEE).draft(draft.id())).isEqualTo(draft);
  }

  @Test
  default void aDraftSavedBeforeAccessWasRemovedIsDeniedWhenSentAndStays() {
    World world = MillerScene.create(this);
    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).subject("Hearing").build());
    world.as(ANNA).removeAccess(LEE);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> world.as(LEE).sendDraft(draft.id()));

    assertThat(denied.participants()).containsExactly(ANNA);
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aFixedDraftCanBeSentAfterARefusal() {
    World world = MillerScene.create(this);
    DraftView draft = world.as(LEE).saveDraft(DraftContent.builder().addRecipients(CARL, ANNA).build());
    assertThrows(InvalidInputException.class, () -> world.as(LEE).sendDraft(draft.id()));
    DraftView titled = world.as(LEE).updateDraft(draft.id(), draft.version(),
        DraftContent.builder().addRecipients(CARL, ANNA).subject("Hearing").build());
    assertThrows(AccessDeniedException.class, () -> world.as(LEE).sendDraft(draft.id()));
    world.as(LEE).updateDraft(draft.id(), titled.version(),
        DraftContent.builder().addRecipients(ANNA).subject("Hearing").build());

    MessageView sent = world.as(LEE).sendDraft(draft.id());

    assertThat(sent.recipients()).extracting(ParticipantView::id).containsExactly(ANNA);
    assertThat(world.drafts(LEE)).isEmpty();
  }

  // ---------------------------------------------------------------- replies as drafts

  @Test
  default void aDraftAnsweringAMessageIsSentAsAReplyInItsThread() {
    World world = MillerScene.create(this);
    MessageView original = world.send(LEE, "Hearing", "Monday", ANNA);
    world.clock.advance(Duration.ofMinutes(1));
    DraftView draft = world.as(ANNA).saveDraft(DraftContent.builder()
        .addRecipients(LEE).subject("Re: Hearing").body("I will think about it").inReplyTo(original.id()).build());
    assertThat(draft.inReplyTo()).contains(original.id());
    world.clock.advance(Duration.ofMinutes(1));

    MessageView reply = world.as(ANNA).sendDraft(draft.id());

    assertThat(reply.inReplyTo()).contains(original.id());
    assertThat(reply.thread()).isEqualTo(original.thread());
    assertThat(world.as(LEE).thread(original.thread(), PageRequest.first()).items())
        .extracting(MessageSummary::id).containsExactly(original.id(), reply.id());
    assertThat(world.as(LEE).preview(reply.id()).inReplyTo()).contains(original.id());
  }

  @Test
  default void aDraftCannotAnswerAMessageOutsideTheMailboxOrASystemMessage() {
    World world = MillerScene.create(this);
    MessageView toAnna = world.send(LEE, "Private", "x", ANNA);
    MessageId actionItem = world.list(BEN, SystemFolder.ACTION_ITEMS).get(0).id();
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN);

    NotFoundException foreign = assertThrows(NotFoundException.class,
        () -> world.as(BEN).saveDraft(DraftContent.builder().inReplyTo(toAnna.id()).build()));
    InvalidInputException system = assertThrows(InvalidInputException.class,
        () -> world.as(BEN).saveDraft(DraftContent.builder().inReplyTo(actionItem).build()));

    assertThat(foreign.kind()).isEqualTo("message");
    assertThat(foreign.id()).isEqualTo(toAnna.id().toString());
    assertThat(system.field()).isEqualTo("inReplyTo");
    assertThat(world.snapshot(LEE, ANNA, BEN)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- any sequence of draft calls

  /**
   * Whatever lee does with drafts (save, update with the current or a stale version, delete, send,
   * send again), every call answers as the rules say and Drafts lists exactly the drafts left, most
   * recently saved first, page after page, with a matching count; Sent holds exactly the sent ones.
   */
  @Property
  default void draftsAlwaysListExactlyWhatWasSavedUpdatedDeletedAndSent(
      @ForAll("draftChains") ActionChain<DraftsMachine> chain) {
    chain.withInvariant("Drafts and Sent agree with the model", DraftsMachine::check).run();
  }

  @Provide
  default Arbitrary<ActionChain<DraftsMachine>> draftChains() {
    return DraftsMachine.chains(this);
  }

  // ---------------------------------------------------------------- listing

  @Test
  default void draftsAreListedMostRecentlySavedFirst() {
    World world = MillerScene.create(this);
    DraftView first = world.as(LEE).saveDraft(DraftContent.builder().subject("first").build());
    world.clock.advance(Duration.ofMinutes(1));
    DraftView second = world.as(LEE).saveDraft(DraftContent.builder().subject("second").build());
    world.clock.advance(Duration.ofMinutes(1));
    DraftView third = world.as(LEE).saveDraft(DraftContent.builder().subject("third").build());
    assertThat(world.drafts(LEE)).extracting(DraftView::id).containsExactly(third.id(), second.id(), first.id());
    world.clock.advance(Duration.ofMinutes(1));

    world.as(LEE).updateDraft(first.id(), first.version(), DraftContent.builder().subject("first, again").build());

    assertThat(world.drafts(LEE)).extracting(DraftView::id).containsExactly(first.id(), third.id(), second.id());
  }

  @Test
  default void draftPagesContinueWithACursorWithoutGapsOrRepeats() {
    World world = MillerScene.create(this);
    List<DraftId> newestFirst = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      newestFirst.add(0, world.as(LEE).saveDraft(DraftContent.builder().subject("draft " + i).build()).id());
      // some drafts share a saved time: the order must still be the order of saving, reversed
      if (i % 2 == 0) {
        world.clock.advance(Duration.ofSeconds(1));
      }
    }

    List<DraftId> read = new ArrayList<>();
    PageRequest request = PageRequest.first(3);
    int pages = 0;
    while (true) {
      DraftPage page = world.as(LEE).drafts(request);
      pages++;
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      page.items().forEach(d -> read.add(d.id()));
      if (page.next().isEmpty()) {
        break;
      }
      request = request.next(page.next().get());
    }

    assertThat(pages).isEqualTo(3);
    assertThat(read).containsExactlyElementsOf(newestFirst);
  }

  @Test
  default void draftsAreNeitherInAllMessagesNorReadableAsAFolder() {
    World world = MillerScene.create(this);
    world.as(LEE).saveDraft(DraftContent.builder().addRecipients(ANNA).subject("Hearing").build());

    assertThat(world.list(LEE, SystemFolder.ALL_MESSAGES)).isEmpty();
    assertThat(world.folder(LEE, SystemFolder.ALL_MESSAGES).total()).isZero();
    assertThat(world.list(LEE, SystemFolder.SENT)).isEmpty();
    assertThat(world.list(ANNA, SystemFolder.INBOX)).isEmpty();
    InvalidInputException refused = assertThrows(InvalidInputException.class,
        () -> world.as(LEE).folder(SystemFolder.DRAFTS.id(), PageRequest.first()));
    assertThat(refused.field()).isEqualTo("folder");
  }

  @Test
  default void aCursorOfAnotherListingIsRefusedByDrafts() {
    World world = MillerScene.create(this);
    world.send(LEE, "one", "x", ANNA);
    world.send(LEE, "two", "x", ANNA);
    world.as(LEE).saveDraft(DraftContent.builder().build());
    FolderPage sent = world.as(LEE).folder(SystemFolder.SENT.id(), PageRequest.first(1));

    InvalidInputException refused = assertThrows(InvalidInputException.class,
        () -> world.as(LEE).drafts(PageRequest.first(1).next(sent.next().orElseThrow())));

    assertThat(refused.field()).isEqualTo("cursor");
  }

  @Test
  default void draftsBelongToTheirAuthorOnly() {
    World world = MillerScene.create(this);
    DraftView lees = world.as(LEE).saveDraft(DraftContent.builder().subject("Lee's").build());
    DraftView annas = world.as(ANNA).saveDraft(DraftContent.builder().subject("Anna's").build());

    assertThat(world.drafts(LEE)).containsExactly(lees);
    assertThat(world.drafts(ANNA)).containsExactly(annas);
    assertThat(world.folder(BEN, SystemFolder.DRAFTS).total()).isZero();
    assertThat(world.drafts(BEN)).isEmpty();
  }
}
