package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The folders of a mailbox: the system folders every mailbox has, and custom folders with their
 * naming rules. Deleting a custom folder never loses a message: what it holds goes to Archive.
 */
public interface FolderContract extends MessagingFixture {

  // ------------------------------------------------------------------------------ system folders

  @Test
  default void aNewMailboxHasExactlyTheSystemFoldersInTheirOrderAndEmpty() {
    World world = newWorld();
    ParticipantId practitioner = world.practitioner("drlee");

    List<FolderView> folders = world.as(practitioner).folders();

    assertThat(folders).extracting(FolderView::id)
        .containsExactly(Arrays.stream(SystemFolder.values()).map(SystemFolder::id).toArray(FolderId[]::new));
    assertThat(folders).extracting(FolderView::name)
        .containsExactly("Inbox", "Action Items", "Notifications", "Drafts", "Sent", "Archive", "All Messages");
    assertThat(folders).extracting(FolderView::system)
        .containsExactlyElementsOf(Arrays.stream(SystemFolder.values()).map(Optional::of).collect(Collectors.toList()));
    assertThat(folders).allSatisfy(folder -> {
      assertThat(folder.total()).isZero();
      assertThat(folder.unread()).isZero();
      assertThat(folder.isCustom()).isFalse();
    });
  }

  @Test
  default void everyRealSystemFolderOfANewMailboxListsNothing() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    for (SystemFolder folder : SystemFolder.values()) {
      if (folder != SystemFolder.DRAFTS) {
        assertThat(world.list(parent, folder)).as(folder.displayName()).isEmpty();
      }
    }
    assertThat(world.drafts(parent)).isEmpty();
  }

  @Test
  default void systemFoldersHaveTheSameIdsInEveryMailbox() {
    World world = newWorld();
    ParticipantId practitioner = world.practitioner("drlee");
    ParticipantId parent = world.parent("anna");

    assertThat(world.as(practitioner).folders()).extracting(FolderView::id)
        .isEqualTo(world.as(parent).folders().stream().map(FolderView::id).collect(Collectors.toList()));
    for (SystemFolder folder : SystemFolder.values()) {
      assertThat(SystemFolder.of(folder.id())).contains(folder);
    }
  }

  @Test
  default void draftsIsNotListedLikeAFolderOfMessages() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    InvalidInputException refused = thrown(InvalidInputException.class,
        () -> world.as(parent).folder(SystemFolder.DRAFTS.id(), PageRequest.first()));

    assertThat(refused.field()).isEqualTo("folder");
  }

  @ParameterizedTest
  @EnumSource(SystemFolder.class)
  default void aSystemFolderCannotBeRenamed(SystemFolder folder) {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    people.send(people.practitioner, "Hearing", people.mother);
    Map<ParticipantId, Object> before = world.snapshot(people.practitioner);

    InvalidInputException refused = thrown(InvalidInputException.class,
        () -> world.as(people.practitioner).renameFolder(folder.id(), "Renamed"));

    assertThat(refused.field()).isEqualTo("folder");
    assertThat(world.snapshot(people.practitioner)).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(SystemFolder.class)
  default void aSystemFolderCannotBeDeleted(SystemFolder folder) {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    people.send(people.practitioner, "Hearing", people.mother);
    Map<ParticipantId, Object> before = world.snapshot(people.practitioner);

    InvalidInputException refused = thrown(InvalidInputException.class,
        () -> world.as(people.practitioner).deleteFolder(folder.id()));

    assertThat(refused.field()).isEqualTo("folder");
    assertThat(world.snapshot(people.practitioner)).isEqualTo(before);
  }

  @Test
  default void anUnregisteredParticipantHasNoMailboxToOrganise() {
    World world = newWorld();
    ParticipantMessaging stranger = world.as(ParticipantId.of("nobody"));

    for (ThrowingConsumer<ParticipantMessaging> call : List.<ThrowingConsumer<ParticipantMessaging>>of(
        ParticipantMessaging::folders,
        s -> s.createFolder("Court"),
        s -> s.move(MoveRequest.of(MessageId.of(1), SystemFolder.ARCHIVE.id())))) {
      NotFoundException refused = thrown(NotFoundException.class, () -> call.accept(stranger));
      assertThat(refused.kind()).isEqualTo("participant");
      assertThat(refused.id()).isEqualTo("nobody");
    }
  }

  // ------------------------------------------------------------------------------ creating

  @Test
  default void aCustomFolderIsCreatedEmptyAndListedAfterTheSystemFoldersByName() {
    World world = newWorld();
    ParticipantId practitioner = world.practitioner("drlee");
    ParticipantMessaging me = world.as(practitioner);

    FolderView zeta = me.createFolder("Zeta");
    FolderView alpha = me.createFolder("alpha");
    FolderView mid = me.createFolder("Mid");

    assertThat(List.of(zeta, alpha, mid)).allSatisfy(folder -> {
      assertThat(folder.isCustom()).isTrue();
      assertThat(folder.system()).isEmpty();
      assertThat(folder.total()).isZero();
      assertThat(folder.unread()).isZero();
      assertThat(SystemFolder.of(folder.id())).isEmpty();
    });
    assertThat(List.of(zeta.id(), alpha.id(), mid.id())).doesNotHaveDuplicates();
    List<FolderView> folders = me.folders();
    assertThat(folders).hasSize(SystemFolder.values().length + 3);
    assertThat(folders.subList(SystemFolder.values().length, folders.size()))
        .containsExactly(alpha, mid, zeta);
    assertThat(world.list(practitioner, zeta.id())).isEmpty();
  }

  @Test
  default void aFolderNameIsTrimmed() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    FolderView created = world.as(parent).createFolder("  \tCourt papers \u2003 ");

    assertThat(created.name()).isEqualTo("Court papers");
    assertThat(world.folder(parent, created.id()).name()).isEqualTo("Court papers");
  }

  @Test
  default void aFolderNameKeepsItsInnerSpacingAndUnicodeExactly() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    String name = "Séance  – juge 🗂 子供";

    FolderView created = world.as(parent).createFolder(name);

    assertThat(created.name()).isEqualTo(name);
    assertThat(world.folder(parent, created.id()).name()).isEqualTo(name);
  }

  @Test
  default void aFolderNameOfTheLongestLengthIsAcceptedAndOneMoreIsRefused() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    String longest = "n".repeat(InputRules.MAX_FOLDER_NAME_LENGTH);

    assertThat(world.as(parent).createFolder("  " + longest + "  ").name()).isEqualTo(longest);
    Map<ParticipantId, Object> before = world.snapshot(parent);
    InvalidInputException refused = thrown(InvalidInputException.class,
        () -> world.as(parent).createFolder("m".repeat(InputRules.MAX_FOLDER_NAME_LENGTH + 1)));

    assertThat(refused.field()).isEqualTo("name");
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void aFolderNameIsMeasuredInCharactersNotInUtf16Units() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    String folders = "📁".repeat(InputRules.MAX_FOLDER_NAME_LENGTH);

    assertThat(world.as(parent).createFolder(folders).name()).isEqualTo(folders);
    InvalidInputException refused = thrown(InvalidInputException.class,
        () -> world.as(parent).createFolder("📂".repeat(InputRules.MAX_FOLDER_NAME_LENGTH + 1)));
    assertThat(refused.field()).isEqualTo("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   \t  ", "\u2003"})
  default void aBlankFolderNameIsRefused(String name) {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    InvalidInputException refused =
        thrown(InvalidInputException.class, () -> world.as(parent).createFolder(name));

    assertThat(refused.field()).isEqualTo("name");
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Court\npapers", "Court\rpapers", "Court\u0000", "Co\u0007urt", "Court\u007Fpapers",
      "Court\u0085papers", "Court\tpapers", "Court\u2028papers", "Court\u2029papers"})
  default void aFolderNameWithAControlCharacterOrALineBreakIsRefused(String name) {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    InvalidInputException refused =
        thrown(InvalidInputException.class, () -> world.as(parent).createFolder(name));

    assertThat(refused.field()).isEqualTo("name");
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void aFolderNameWithAnUnpairedSurrogateIsRefused() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    InvalidInputException refused =
        thrown(InvalidInputException.class, () -> world.as(parent).createFolder("Court \uD83D"));

    assertThat(refused.field()).isEqualTo("name");
    assertThat(world.as(parent).folders()).noneMatch(FolderView::isCustom);
  }

  @Test
  default void aMissingFolderNameIsInvalidInput() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView court = world.as(parent).createFolder("Court");

    InvalidInputException onCreate =
        thrown(InvalidInputException.class, () -> world.as(parent).createFolder(null));
    InvalidInputException onRename =
        thrown(InvalidInputException.class, () -> world.as(parent).renameFolder(court.id(), null));
    InvalidInputException noFolder =
        thrown(InvalidInputException.class, () -> world.as(parent).deleteFolder(null));

    assertThat(onCreate.field()).isEqualTo("name");
    assertThat(onRename.field()).isEqualTo("name");
    assertThat(noFolder.field()).isEqualTo("folder");
    assertThat(world.folder(parent, court.id()).name()).isEqualTo("Court");
  }

  /**
   * A system folder's name is refused as invalid input (field {@code name}), not as a conflict: it is
   * a rule of the name itself, true in every mailbox whatever it holds, as the API documents.
   */
  @ParameterizedTest
  @EnumSource(SystemFolder.class)
  default void aSystemFoldersNameInAnyCaseIsRefusedAsInvalidInput(SystemFolder folder) {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(parent);
    String name = folder.displayName();

    for (String variant : List.of(name, name.toLowerCase(), name.toUpperCase(), "  " + name + " ")) {
      InvalidInputException refused =
          thrown(variant, InvalidInputException.class, () -> world.as(parent).createFolder(variant));
      assertThat(refused.field()).isEqualTo("name");
    }
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void aSystemFoldersNameInCompatibilityCharactersIsRefusedToo() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    // full-width Latin letters are the same name once normalized (NFKC)
    InvalidInputException refused = thrown(InvalidInputException.class,
        () -> world.as(parent).createFolder("ＩＮＢＯＸ"));

    assertThat(refused.field()).isEqualTo("name");
    assertThat(world.as(parent).folders()).noneMatch(FolderView::isCustom);
  }

  /**
   * A name that differs from a system folder's name only by invisible characters (a no-break space,
   * a zero-width space, a soft hyphen, a byte order mark) would show as that folder: it is that name.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Inbox\u00A0", "\u00A0Archive", "Sent\u202F", "Drafts\u2007", "In\u200Bbox",
      "Noti\u00ADfications", "\uFEFFAll Messages", "Action\u2060 Items", "Action\u00A0Items"})
  default void aNameThatLooksLikeASystemFoldersNameIsRefused(String name) {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    InvalidInputException refused =
        thrown(InvalidInputException.class, () -> world.as(parent).createFolder(name));

    assertThat(refused.field()).isEqualTo("name");
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0", "\u200B", "\u2060\u00A0\uFEFF", " \u00AD "})
  default void aNameOfOnlyInvisibleCharactersIsBlank(String name) {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    InvalidInputException refused =
        thrown(InvalidInputException.class, () -> world.as(parent).createFolder(name));

    assertThat(refused.field()).isEqualTo("name");
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void aNameThatOnlyContainsASystemFoldersNameIsAllowed() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    FolderView old = world.as(parent).createFolder("Old Inbox");
    FolderView sentToCourt = world.as(parent).createFolder("Sent to court");

    assertThat(world.as(parent).folders()).extracting(FolderView::name).contains(old.name(), sentToCourt.name());
  }

  // ------------------------------------------------------------------------------ uniqueness

  @Test
  default void aFolderNameIsUniqueInTheMailboxIgnoringCase() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    world.as(parent).createFolder("Court");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    for (String same : List.of("Court", "court", "COURT", " cOuRt ")) {
      thrown(same, ConflictException.class, () -> world.as(parent).createFolder(same));
    }
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void uniquenessIgnoresUnicodeCaseAndCompatibilityForms() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    world.as(parent).createFolder("Ärzte");
    world.as(parent).createFolder("Café");
    world.as(parent).createFolder("Files");
    world.as(parent).createFolder("Straße");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    // another case, a decomposed accent (NFD), a ligature, full-width letters, a case mapping that grows
    for (String same : List.of("ÄRZTE", "äRZTE", "Cafe\u0301", "CAFÉ", "ﬁles", "ＦＩＬＥＳ", "STRASSE")) {
      thrown(same, ConflictException.class, () -> world.as(parent).createFolder(same));
    }
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void aNameThatLooksLikeAnotherFoldersNameIsAConflict() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView court = world.as(parent).createFolder("Court papers");
    FolderView school = world.as(parent).createFolder("School");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    for (String same : List.of("Court papers\u00A0", "Court\u00A0papers", "Court pa\u00ADpers", "Court\u200B papers",
        "\uFEFFcourt PAPERS")) {
      thrown(same, ConflictException.class, () -> world.as(parent).createFolder(same));
      thrown(same, ConflictException.class, () -> world.as(parent).renameFolder(school.id(), same));
    }
    assertThat(world.snapshot(parent)).isEqualTo(before);
    assertThat(world.as(parent).renameFolder(court.id(), "Court\u00A0Papers").name()).isEqualTo("Court\u00A0Papers");
  }

  @Test
  default void theSameNameMayBeUsedInAnotherMailbox() {
    World world = newWorld();
    ParticipantId mother = world.parent("anna");
    ParticipantId father = world.parent("ben");

    FolderView hers = world.as(mother).createFolder("Court");
    FolderView his = world.as(father).createFolder("court");

    assertThat(hers.name()).isEqualTo("Court");
    assertThat(his.name()).isEqualTo("court");
  }

  @Test
  default void sqlAndPatternCharactersInNamesRoundTripAndMatchNothingElse() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    List<String> names = List.of(
        "'; DROP TABLE folders; --", "Robert'); DELETE FROM messages;--", "100% \"done\"", "a_c", "back\\slash",
        "$1 {name} ?", "[a-z]*");

    for (String name : names) {
      assertThat(world.as(parent).createFolder(name).name()).isEqualTo(name);
    }
    // LIKE wildcards and regex syntax must not make unrelated names collide
    FolderView abc = world.as(parent).createFolder("abc");
    FolderView percent = world.as(parent).createFolder("100x \"done\"");
    thrown("A_C", ConflictException.class, () -> world.as(parent).createFolder("A_C"));

    assertThat(world.as(parent).folders()).filteredOn(FolderView::isCustom).extracting(FolderView::name)
        .containsExactlyInAnyOrderElementsOf(concat(names, List.of(abc.name(), percent.name())));
  }

  @Test
  default void aMailboxHoldsAtMostTheCustomFolderLimitAndFreesAPlaceOnDelete() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView first = null;
    for (int i = 0; i < InputRules.MAX_CUSTOM_FOLDERS; i++) {
      FolderView created = world.as(parent).createFolder("Folder " + i);
      first = first == null ? created : first;
    }
    List<FolderView> before = world.as(parent).folders();

    thrown(ConflictException.class, () -> world.as(parent).createFolder("One too many"));

    assertThat(world.as(parent).folders()).isEqualTo(before);
    world.as(parent).deleteFolder(first.id());
    assertThat(world.as(parent).createFolder("One too many").name()).isEqualTo("One too many");
  }

  // ------------------------------------------------------------------------------ renaming

  @Test
  default void renamingKeepsTheFolderItsMessagesAndItsCounts() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    FolderView court = world.as(people.mother).createFolder("Court");
    MessageView read = people.send(people.practitioner, "Read", people.mother);
    MessageView unread = people.send(people.practitioner, "Unread", people.mother);
    world.as(people.mother).open(read.id());
    world.as(people.mother).move(MoveRequest.of(Set.of(read.id(), unread.id()), court.id()));
    List<MessageId> held = people.ids(people.mother, court.id());

    FolderView renamed = world.as(people.mother).renameFolder(court.id(), "Hearing 12 May");

    assertThat(renamed.id()).isEqualTo(court.id());
    assertThat(renamed.name()).isEqualTo("Hearing 12 May");
    assertThat(renamed.total()).isEqualTo(2);
    assertThat(renamed.unread()).isEqualTo(1);
    assertThat(world.folder(people.mother, court.id())).isEqualTo(renamed);
    assertThat(people.ids(people.mother, court.id())).isEqualTo(held);
    assertThat(people.folderOf(people.mother, unread.id())).isEqualTo(court.id());
  }

  @Test
  default void renamingFreesTheOldNameAndTakesTheNew() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView court = world.as(parent).createFolder("Court");

    world.as(parent).renameFolder(court.id(), "  Mediation ");

    assertThat(world.folder(parent, court.id()).name()).isEqualTo("Mediation");
    assertThat(world.as(parent).createFolder("court").name()).isEqualTo("court");
    thrown("the old name in capitals", ConflictException.class, () -> world.as(parent).createFolder("MEDIATION"));
  }

  @Test
  default void renamingAFolderToItsOwnNameInAnotherCaseWorks() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView court = world.as(parent).createFolder("court papers");

    FolderView renamed = world.as(parent).renameFolder(court.id(), "Court Papers");
    FolderView again = world.as(parent).renameFolder(court.id(), "Court Papers");

    assertThat(renamed.name()).isEqualTo("Court Papers");
    assertThat(again.name()).isEqualTo("Court Papers");
    assertThat(world.as(parent).folders()).filteredOn(FolderView::isCustom).extracting(FolderView::name)
        .containsExactly("Court Papers");
  }

  @Test
  default void renamingToAnotherFoldersNameIsAConflictAndChangesNothing() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    world.as(parent).createFolder("Court");
    FolderView school = world.as(parent).createFolder("School");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    thrown(ConflictException.class, () -> world.as(parent).renameFolder(school.id(), "COURT"));

    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  @Test
  default void renamingBreaksNoLessRulesThanCreating() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView court = world.as(parent).createFolder("Court");
    Map<ParticipantId, Object> before = world.snapshot(parent);

    for (String bad : List.of("", "   ", "a\nb", "x".repeat(InputRules.MAX_FOLDER_NAME_LENGTH + 1), "archive",
        "All Messages", "ｄｒａｆｔｓ")) {
      InvalidInputException refused =
          thrown(bad, InvalidInputException.class, () -> world.as(parent).renameFolder(court.id(), bad));
      assertThat(refused.field()).isEqualTo("name");
    }
    assertThat(world.snapshot(parent)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ deleting

  @Test
  default void deletingACustomFolderMovesEverythingItHeldToArchiveWithItsCounts() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.practitioner;
    FolderView court = world.as(me).createFolder("Court");
    MessageView readOne = people.send(people.mother, "Read", me);
    MessageView unreadOne = people.send(people.father, "Unread", me);
    MessageView sent = people.send(me, "Sent by me", people.mother, people.father);
    MessageId notification = people.notify(me, "Journal entry");
    MessageId actionItem = people.actionItem(me);
    MessageView archivedBefore = people.send(people.mother, "Already archived", me);
    people.move(me, archivedBefore.id(), SystemFolder.ARCHIVE);
    world.as(me).open(readOne.id());
    List<MessageId> moved = List.of(readOne.id(), unreadOne.id(), sent.id(), notification, actionItem);
    world.as(me).move(MoveRequest.of(new LinkedHashSet<>(moved), court.id()));
    List<MessageId> allMessages = people.ids(me, SystemFolder.ALL_MESSAGES);
    FolderView allBefore = world.folder(me, SystemFolder.ALL_MESSAGES);

    world.as(me).deleteFolder(court.id());

    assertThat(world.as(me).folders()).extracting(FolderView::id).doesNotContain(court.id());
    assertThat(people.ids(me, SystemFolder.ARCHIVE))
        .containsExactlyInAnyOrderElementsOf(concat(moved, List.of(archivedBefore.id())));
    FolderView archive = world.folder(me, SystemFolder.ARCHIVE);
    assertThat(archive.total()).isEqualTo(6);
    // unread: the unread received message, the unread notification and action item, the archived one
    assertThat(archive.unread()).isEqualTo(4);
    assertThat(world.list(me, SystemFolder.ARCHIVE)).filteredOn(s -> s.id().equals(readOne.id()))
        .singleElement().satisfies(s -> assertThat(s.unread()).isFalse());
    assertThat(people.ids(me, SystemFolder.ALL_MESSAGES)).isEqualTo(allMessages);
    assertThat(world.folder(me, SystemFolder.ALL_MESSAGES)).isEqualTo(allBefore);
    MailboxAudit.check(world, me);
  }

  @Test
  default void deletingAFolderOnlyChangesItsOwnersMailbox() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView sent = people.send(people.mother, "Schedule", people.father, people.practitioner);
    FolderView hers = world.as(people.mother).createFolder("Court");
    FolderView his = world.as(people.father).createFolder("Court");
    people.move(people.mother, sent.id(), hers.id());
    people.move(people.father, sent.id(), his.id());
    Map<ParticipantId, Object> others = world.snapshot(people.father, people.practitioner);

    world.as(people.mother).deleteFolder(hers.id());

    assertThat(people.folderOf(people.mother, sent.id())).isEqualTo(SystemFolder.ARCHIVE.id());
    assertThat(world.snapshot(people.father, people.practitioner)).isEqualTo(others);
  }

  @Test
  default void anEmptyCustomFolderIsDeletedAndItsNameCanBeUsedAgain() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    FolderView court = world.as(parent).createFolder("Court");
    List<FolderView> systemOnly = world.as(parent).folders().stream()
        .filter(f -> !f.isCustom()).collect(Collectors.toList());

    world.as(parent).deleteFolder(court.id());

    assertThat(world.as(parent).folders()).isEqualTo(systemOnly);
    FolderView again = world.as(parent).createFolder("COURT");
    assertThat(again.id()).isNotEqualTo(court.id());
  }

  @Test
  default void aDeletedFolderIsNotFoundAnyMore() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView message = people.send(people.mother, "Schedule", people.father);
    FolderView court = world.as(people.father).createFolder("Court");
    world.as(people.father).deleteFolder(court.id());
    Map<ParticipantId, Object> before = world.snapshot(people.father);

    assertNotFound(world.as(people.father), court.id(), message.id());
    assertThat(world.snapshot(people.father)).isEqualTo(before);
  }

  @Test
  default void anotherParticipantsFolderIsNotFoundLikeAnUnknownOne() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView message = people.send(people.mother, "Schedule", people.father);
    FolderView hers = world.as(people.mother).createFolder("Court");
    people.move(people.mother, message.id(), hers.id());
    Map<ParticipantId, Object> before = world.snapshot(people.mother, people.father);

    assertNotFound(world.as(people.father), hers.id(), message.id());
    assertNotFound(world.as(people.father), FolderId.of(Long.MAX_VALUE - 3), message.id());
    assertThat(world.snapshot(people.mother, people.father)).isEqualTo(before);
  }

  private static void assertNotFound(ParticipantMessaging actor, FolderId folder, MessageId message) {
    List<ThrowingConsumer<ParticipantMessaging>> calls = new ArrayList<>();
    calls.add(a -> a.renameFolder(folder, "Mine now"));
    calls.add(a -> a.deleteFolder(folder));
    calls.add(a -> a.folder(folder, PageRequest.first()));
    calls.add(a -> a.move(MoveRequest.of(message, folder)));
    calls.add(a -> a.move(MoveRequest.builder().addMessages(message).target(SystemFolder.ARCHIVE.id())
        .expectedSource(folder).build()));
    for (ThrowingConsumer<ParticipantMessaging> call : calls) {
      NotFoundException refused = thrown(NotFoundException.class, () -> call.accept(actor));
      assertThat(refused.kind()).isEqualTo("folder");
      assertThat(refused.id()).isEqualTo(folder.toString());
    }
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
