package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.MillerScene.ANNA;
import static dev.casemail.messaging.contract.MillerScene.BEN;
import static dev.casemail.messaging.contract.MillerScene.LEE;
import static dev.casemail.messaging.contract.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless host may pass, end to end through {@code Messaging} on every adapter:
 * nulls where a builder takes a collection, texts with bidirectional controls or nothing visible, ids
 * that differ only by an invisible character, folder names that look like another folder's, names
 * whose key outgrows a naive column, instants finer than storage keeps or outside years 1 to 9999.
 * Each is refused with a typed error of the API and changes nothing, or is accepted and works
 * everywhere alike.
 */
public interface HostileInputContract extends MessagingFixture {

  // ------------------------------------------------------------------------------ nulls

  @Test
  default void aNullCollectionInACommandIsInvalidInputNamingItAndChangesNothing() {
    World world = MillerScene.create(this);
    MessageView sent = world.send(LEE, "Hearing", "Monday", ANNA);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA, BEN);

    refused(world, "recipients", () -> world.as(LEE).send(
        NewMessage.builder().recipients((Iterable<ParticipantId>) null).subject("Hearing").build()), LEE, ANNA, BEN);
    refused(world, "recipients", () -> world.as(LEE).send(
        NewMessage.builder().addRecipients((ParticipantId[]) null).subject("Hearing").build()), LEE, ANNA, BEN);
    refused(world, "recipients", () -> world.as(LEE).send(
        NewMessage.builder().addRecipients(ANNA, null).subject("Hearing").build()), LEE, ANNA, BEN);
    refused(world, "recipients", () -> world.as(LEE).saveDraft(DraftContent.builder().recipients(null).build()),
        LEE, ANNA, BEN);
    refused(world, "messages", () -> world.as(ANNA).move(MoveRequest.builder().messages(null)
        .target(SystemFolder.ARCHIVE.id()).build()), LEE, ANNA, BEN);
    refused(world, "messages", () -> world.as(ANNA).move(MoveRequest.of((Set<MessageId>) null, SystemFolder.ARCHIVE.id())),
        LEE, ANNA, BEN);
    refused(world, "parents", () -> world.messaging.directory().registerFamily(
        FamilyRegistration.builder().id(FamilyId.of("lee-family")).name("F").parents(null).build()), LEE, ANNA, BEN);
    refused(world, "message", () -> world.as(LEE).send(NewMessage.builder().from(null).build()), LEE, ANNA, BEN);

    assertThat(world.snapshot(LEE, ANNA, BEN)).isEqualTo(before);
    assertThat(world.list(ANNA, SystemFolder.INBOX)).extracting(m -> m.id()).containsExactly(sent.id());
  }

  // ------------------------------------------------------------------------------ single-line texts

  @Test
  default void aSubjectWithABidiControlIsRefusedAndNothingIsSent() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    // U+202E RIGHT-TO-LEFT OVERRIDE would show "Invoice exe.pdf" as "Invoice fdp.exe"
    InvalidInputException refused = refused(world, "subject",
        () -> world.send(LEE, "Invoice \u202Efdp.exe", "x", ANNA), LEE, ANNA);
    refused(world, "subject", () -> world.send(LEE, "\u2067Hearing\u2069", "x", ANNA), LEE, ANNA);
    refused(world, "subject", () -> world.messaging.postNotification(
        NewNotification.builder().recipient(ANNA).subject("Shared \u202Ajournal").build()), LEE, ANNA);

    assertThat(refused.rule()).contains("U+202E");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aSubjectOfOnlyZeroWidthCharactersIsRefusedAndNothingIsSent() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    for (String invisible : List.of("\u200B", "\u200B\u200C\u200D", "\u2060\uFEFF", " \u00AD ", "\u3164")) {
      refused(world, "subject", () -> world.send(LEE, invisible, "x", ANNA), LEE, ANNA);
      refused(world, "subject", () -> world.messaging.postNotification(
          NewNotification.builder().recipient(ANNA).subject(invisible).build()), LEE, ANNA);
    }

    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  @Test
  default void aDraftWithAnInvisibleSubjectHasNoSubjectAndCannotBeSent() {
    World world = MillerScene.create(this);
    DraftView draft = world.as(LEE).saveDraft(
        DraftContent.builder().addRecipients(ANNA).subject("\u200B\u200B").body("Monday").build());
    assertThat(draft.subject()).isEmpty();
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    InvalidInputException refused = refused(world, "subject", () -> world.as(LEE).sendDraft(draft.id()), LEE, ANNA);

    assertThat(refused.rule()).contains("required");
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
    assertThat(world.as(LEE).draft(draft.id()).subject()).isEmpty();
  }

  @Test
  default void namesWithABidiControlOrNothingVisibleAreRefusedAndRegisterNobody() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);
    ParticipantId newcomer = ParticipantId.of("newcomer");

    refused(world, "displayName", () -> world.messaging.directory()
        .register(ParticipantRegistration.parent(newcomer, "Anna \u202Egnimmahs")), LEE, ANNA);
    refused(world, "displayName", () -> world.messaging.directory()
        .register(ParticipantRegistration.parent(newcomer, "\u200B\u2060")), LEE, ANNA);
    refused(world, "name", () -> world.messaging.directory()
        .registerFamily(FamilyRegistration.of(FamilyId.of("f2"), "\u2066Smith\u2069", Set.of(ANNA))), LEE, ANNA);
    refused(world, "name", () -> world.as(ANNA).createFolder("Court \u202Dpapers"), LEE, ANNA);
    refused(world, "name", () -> world.as(ANNA).createFolder("\u200B\u00AD\uFE0F"), LEE, ANNA);

    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
    thrown(NotFoundException.class, () -> world.messaging.directory().participant(newcomer));
    thrown(NotFoundException.class, () -> world.messaging.directory().family(FamilyId.of("f2")));
  }

  // ------------------------------------------------------------------------------ ids

  @Test
  default void anIdDifferingOnlyByAnInvisibleCharacterCannotBeRegisteredBesideTheVisibleOne() {
    World world = newWorld();
    ParticipantId visible = world.practitioner("prac-P");
    Map<ParticipantId, Object> before = world.snapshot(visible);

    for (String lookalike : List.of("prac-\u200BP", "prac-P\u2060", "\uFEFFprac-P", "prac\u00AD-P", "prac-P\uFE0F")) {
      refused(world, "id", () -> world.messaging.directory()
          .register(ParticipantRegistration.practitioner(ParticipantId.of(lookalike), "Dr P")), visible);
      refused(world, "id", () -> world.messaging.directory()
          .registerFamily(FamilyRegistration.of(FamilyId.of(lookalike), "F", Set.of(visible))), visible);
      // a lookalike that was never registered is no one: looking it up finds nothing
      thrown(NotFoundException.class, () -> world.messaging.directory().participant(ParticipantId.of(lookalike)));
    }
    for (String spaced : List.of("prac P", "prac\u00A0P", "prac\u202EP")) {
      refused(world, "id", () -> world.messaging.directory()
          .register(ParticipantRegistration.practitioner(ParticipantId.of(spaced), "Dr P")), visible);
    }

    assertThat(world.snapshot(visible)).isEqualTo(before);
    assertThat(world.messaging.directory().participant(visible).displayName()).isEqualTo("Practitioner prac-P");
  }

  @Test
  default void anIdempotencyKeyWithAnInvisibleCharacterOrInnerWhitespaceIsRefusedAndNothingIsSent() {
    World world = MillerScene.create(this);
    world.as(LEE).send(NewMessage.builder().addRecipients(ANNA).subject("Hearing").idempotencyKey("k-1").build());
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    for (String key : List.of("k-\u200B1", "k-1\u200D", "k 1", "k\u20031")) {
      refused(world, "idempotencyKey", () -> world.as(LEE).send(
          NewMessage.builder().addRecipients(ANNA).subject("Hearing").idempotencyKey(key).build()), LEE, ANNA);
    }

    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ confusable folder names

  @Test
  default void aFolderNameThatLooksLikeASystemFoldersNameIsInvalidInputAndChangesNothing() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView court = world.as(parent).createFolder("Court");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    for (String lookalike : List.of("\u0406nbox", "\u0456nbox", "lnbox", "Arch\u0456ve", "Dr\u0430fts", "\u0405ent",
        "All Mess\u0430ges")) {
      refused(world, "name", () -> world.as(parent).createFolder(lookalike), parent);
      refused(world, "name", () -> world.as(parent).renameFolder(court.id(), lookalike), parent);
    }

    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void aFolderNameThatLooksLikeAnotherCustomFoldersNameIsAConflictAndChangesNothing() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    world.as(parent).createFolder("Court papers");
    FolderView school = world.as(parent).createFolder("School");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    for (String lookalike : List.of("C\u043Eurt papers", "Court p\u0430pers", "\u0421ourt papers", "COURT P\u0410PERS")) {
      thrown(lookalike, ConflictException.class, () -> world.as(parent).createFolder(lookalike));
      thrown(lookalike, ConflictException.class, () -> world.as(parent).renameFolder(school.id(), lookalike));
    }

    assertThat(world.snapshot(parent)).isEqualTo(before);
    assertThat(world.as(parent).renameFolder(school.id(), "Sch\u043Eol").name())
        .as("a folder may be renamed to a name that looks like its own").isEqualTo("Sch\u043Eol");
  }

  // ------------------------------------------------------------------------------ long name keys

  @Test
  default void aFolderNameWhoseKeyGrowsPastAnyColumnIsCreatedRenamedListedAndUnique() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    // U+FDFA is one character that NFKC turns into 18: 64 of them are 1,152 characters after NFKC
    String longest = "\uFDFA".repeat(InputRules.MAX_FOLDER_NAME_LENGTH);
    String stem = "\uFDFA".repeat(InputRules.MAX_FOLDER_NAME_LENGTH - 1);

    FolderView created = world.as(parent).createFolder(longest);
    assertThat(created.name()).isEqualTo(longest);
    assertThat(world.folder(parent, created.id()).name()).isEqualTo(longest);
    Map<ParticipantId, Object> before = world.snapshot(parent);
    thrown(ConflictException.class, () -> world.as(parent).createFolder(" " + longest + " "));
    assertThat(world.snapshot(parent)).isEqualTo(before);

    FolderView sibling = world.as(parent).createFolder(stem + "a");
    FolderView other = world.as(parent).createFolder(stem + "b");
    thrown(ConflictException.class, () -> world.as(parent).createFolder(stem + "A"));
    thrown(ConflictException.class, () -> world.as(parent).renameFolder(other.id(), stem + "A"));

    FolderView renamed = world.as(parent).renameFolder(created.id(), stem + "c");
    assertThat(renamed.name()).isEqualTo(stem + "c");
    FolderView back = world.as(parent).renameFolder(renamed.id(), longest);
    assertThat(back.name()).isEqualTo(longest);
    assertThat(world.as(parent).folders()).filteredOn(FolderView::isCustom).extracting(FolderView::name)
        .containsExactlyInAnyOrder(longest, stem + "a", stem + "b");
    assertThat(sibling.id()).isNotEqualTo(other.id());

    world.as(parent).deleteFolder(back.id());
    assertThat(world.as(parent).createFolder(longest).name()).isEqualTo(longest);
  }

  @Test
  default void messagesMoveIntoAndOutOfAFolderWithALongKey() {
    World world = MillerScene.create(this);
    MessageView sent = world.send(LEE, "Hearing", "Monday", ANNA);
    FolderView folder = world.as(ANNA).createFolder("\uFDFA".repeat(InputRules.MAX_FOLDER_NAME_LENGTH));

    world.as(ANNA).move(MoveRequest.of(sent.id(), folder.id()));

    assertThat(world.list(ANNA, folder.id())).extracting(m -> m.id()).containsExactly(sent.id());
    assertThat(world.folder(ANNA, folder.id()).total()).isEqualTo(1);
    world.as(ANNA).deleteFolder(folder.id());
    assertThat(world.list(ANNA, SystemFolder.ARCHIVE)).extracting(m -> m.id()).containsExactly(sent.id());
  }

  // ------------------------------------------------------------------------------ instants

  @Test
  default void anAutoResponderWindowThatIsEmptyAtMicrosecondsIsRefusedAndReadsStillWork() {
    World world = MillerScene.create(this);
    Instant minute = Instant.parse("2026-02-01T10:00:00Z");
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    refused(world, "activeUntil", () -> world.as(LEE).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away")
        .activeFrom(minute.plusNanos(100)).activeUntil(minute.plusNanos(400)).build()), LEE, ANNA);

    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
    assertThat(world.as(LEE).autoResponder()).isEqualTo(AutoResponderSettings.disabled());
    world.send(ANNA, "Question", "Is the hearing on?", LEE);
    assertThat(world.list(ANNA, SystemFolder.INBOX)).isEmpty();
  }

  @Test
  default void instantsFinerThanAMicrosecondAreTruncatedAndReadBackAsReturned() {
    World world = MillerScene.create(this);
    Instant minute = Instant.parse("2026-02-01T10:00:00Z");

    AutoResponderSettings saved = world.as(LEE).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away")
        .activeFrom(minute.plusNanos(1_999)).activeUntil(minute.plusNanos(5_000_001)).build());

    assertThat(saved.activeFrom()).contains(minute.plusNanos(1_000));
    assertThat(saved.activeUntil()).contains(minute.plusNanos(5_000_000));
    assertThat(world.as(LEE).autoResponder()).isEqualTo(saved);
  }

  @Test
  default void instantsOutsideYearsOneTo9999AreRefusedAndTheEdgesAreKept() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);
    Instant first = Instant.parse("0001-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");

    refused(world, "activeFrom", () -> world.as(LEE).configureAutoResponder(
        away().activeFrom(first.minusNanos(1)).build()), LEE, ANNA);
    refused(world, "activeFrom", () -> world.as(LEE).configureAutoResponder(
        away().activeFrom(Instant.MIN).build()), LEE, ANNA);
    refused(world, "activeUntil", () -> world.as(LEE).configureAutoResponder(
        away().activeUntil(last.plusNanos(1_000)).build()), LEE, ANNA);
    refused(world, "activeUntil", () -> world.as(LEE).configureAutoResponder(
        away().activeUntil(Instant.MAX).build()), LEE, ANNA);
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);

    AutoResponderSettings widest = world.as(LEE).configureAutoResponder(away().activeFrom(first).activeUntil(last).build());
    assertThat(world.as(LEE).autoResponder()).isEqualTo(widest);
    assertThat(widest.activeFrom()).contains(first);
    assertThat(widest.activeUntil()).contains(last);
  }

  @Test
  default void theReplyIntervalIsKeptInWholeSecondsAndReadsBackAsReturned() {
    World world = MillerScene.create(this);

    AutoResponderSettings saved = world.as(LEE).configureAutoResponder(
        away().replyInterval(Duration.ofDays(1).plusNanos(1)).build());

    assertThat(saved.replyInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(world.as(LEE).autoResponder()).isEqualTo(saved);
    assertThat(world.as(LEE).configureAutoResponder(away().replyInterval(Duration.ofHours(30).plusMillis(999)).build())
        .replyInterval()).isEqualTo(Duration.ofHours(30));
    assertThat(world.as(LEE).autoResponder().replyInterval()).isEqualTo(Duration.ofHours(30));
  }

  // ------------------------------------------------------------------------------ helpers

  private static AutoResponderSettings.Builder away() {
    return AutoResponderSettings.builder().enabled(true).subject("Away");
  }

  /** Asserts the call is refused as invalid input naming {@code field}, and that nobody saw any change. */
  // ------------------------------------------------------------------------------ ids at the edges

  @Test
  default void idsAtTheBoundsOfLongAreNotFoundLikeAnyOtherUnknownId() {
    World world = MillerScene.create(this);
    Map<ParticipantId, Object> before = world.snapshot(LEE, ANNA);

    for (long id : new long[] {987_654_321L, Long.MAX_VALUE - 1, Long.MAX_VALUE}) {
      thrown(NotFoundException.class, () -> world.as(ANNA).thread(ThreadId.of(id), PageRequest.first()));
      thrown(NotFoundException.class, () -> world.as(ANNA).open(MessageId.of(id)));
      thrown(NotFoundException.class, () -> world.as(ANNA).preview(MessageId.of(id)));
      thrown(NotFoundException.class, () -> world.as(ANNA).folder(FolderId.of(id), PageRequest.first()));
      thrown(NotFoundException.class, () -> world.as(ANNA).draft(DraftId.of(id)));
      thrown(NotFoundException.class, () -> world.as(ANNA).move(MoveRequest.of(MessageId.of(id), SystemFolder.ARCHIVE.id())));
      thrown(NotFoundException.class, () -> world.as(ANNA).deleteFolder(FolderId.of(id)));
    }
    for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
      thrown(InvalidInputException.class, () -> ThreadId.of(bad));
      thrown(InvalidInputException.class, () -> MessageId.of(bad));
    }
    assertThat(world.snapshot(LEE, ANNA)).isEqualTo(before);
  }

  private static InvalidInputException refused(
      World world, String field, ThrowingCallable call, ParticipantId... participants) {
    Map<ParticipantId, Object> before = world.snapshot(participants);
    InvalidInputException refused = thrown(InvalidInputException.class, call);
    assertThat(refused.field()).as(refused.getMessage()).isEqualTo(field);
    assertThat(world.snapshot(participants)).isEqualTo(before);
    return refused;
  }
}
