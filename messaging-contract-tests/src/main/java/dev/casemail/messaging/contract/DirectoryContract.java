package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.FamilyView;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.SystemFolder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The host's register of participants and families: registering is idempotent for the same data and a
 * conflict for other data, families hold one or two registered parents, unknown ids are not found, and
 * every bad input is refused with an error naming the field, changing nothing. Names are stored as
 * given, whatever characters they hold.
 */
public interface DirectoryContract extends MessagingFixture {

  /** Texts that break the rules of a single-line name: blank, control characters, one too long. */
  List<String> BAD_NAMES = List.of(
      "",
      "   ",
      "Anna\nSmith",
      "Anna\tSmith",
      "Anna\u0000",
      "\u007f",
      "\ud800 Anna",
      "x".repeat(InputRules.MAX_DISPLAY_NAME_LENGTH + 1));

  /** Texts that break the rules of an id: the bad names plus surrounding whitespace and length. */
  List<String> BAD_IDS = List.of(
      "",
      "   ",
      " anna",
      "anna ",
      "an\nna",
      "anna\u0000",
      "\u0085anna",
      "x".repeat(InputRules.MAX_ID_LENGTH + 1));

  // ---------------------------------------------------------------- participants

  @Test
  default void registeringAPractitionerReturnsTheirViewAndOpensTheirMailbox() {
    World world = newWorld();
    ParticipantId lee = ParticipantId.of("dr-lee");

    ParticipantView view =
        world.messaging.directory().register(ParticipantRegistration.practitioner(lee, "Dr. Lee"));

    assertThat(view).isEqualTo(ParticipantView.of(lee, ParticipantRole.PRACTITIONER, "Dr. Lee"));
    assertThat(world.messaging.directory().participant(lee)).isEqualTo(view);
    assertThat(world.as(lee).me()).isEqualTo(view);
    assertThat(world.as(lee).folders())
        .extracting(FolderView::system)
        .filteredOn(s -> s.isPresent())
        .extracting(s -> s.get())
        .containsExactly(SystemFolder.values());
    assertThat(world.as(lee).folders()).allSatisfy(f -> assertThat(f.total()).isZero());
  }

  @Test
  default void registeringAParentKeepsTheirRoleAndTrimsTheirName() {
    World world = newWorld();
    ParticipantId anna = ParticipantId.of("anna");

    ParticipantView view =
        world.messaging.directory().register(ParticipantRegistration.parent(anna, "  Anna Smith \u2003"));

    assertThat(view).isEqualTo(ParticipantView.of(anna, ParticipantRole.PARENT, "Anna Smith"));
    assertThat(world.messaging.directory().participant(anna)).isEqualTo(view);
  }

  @Test
  default void registeringTheSameParticipantAgainWithTheSameDataChangesNothing() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    Map<ParticipantId, Object> before = world.snapshot(lee, anna);

    ParticipantView again = world.messaging.directory()
        .register(ParticipantRegistration.parent(anna, " Parent anna "));

    assertThat(again).isEqualTo(ParticipantView.of(anna, ParticipantRole.PARENT, "Parent anna"));
    assertThat(world.snapshot(lee, anna)).isEqualTo(before);
    assertThat(world.folder(anna, SystemFolder.ACTION_ITEMS).total()).isEqualTo(1);
  }

  @Test
  default void registeringAnIdAgainWithAnotherRoleIsAConflictAndChangesNothing() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(anna);

    assertThatThrownBy(() -> world.messaging.directory()
            .register(ParticipantRegistration.practitioner(anna, "Parent anna")))
        .isInstanceOf(ConflictException.class);

    assertThat(world.messaging.directory().participant(anna).role()).isEqualTo(ParticipantRole.PARENT);
    assertThat(world.snapshot(anna)).isEqualTo(before);
  }

  @Test
  default void registeringAnIdAgainWithAnotherNameIsAConflictAndChangesNothing() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    Map<ParticipantId, Object> before = world.snapshot(lee);

    assertThatThrownBy(() -> world.messaging.directory()
            .register(ParticipantRegistration.practitioner(lee, "Practitioner Lee")))
        .isInstanceOf(ConflictException.class);

    assertThat(world.messaging.directory().participant(lee).displayName()).isEqualTo("Practitioner lee");
    assertThat(world.snapshot(lee)).isEqualTo(before);
  }

  @Test
  default void idsCompareExactlySoIdsDifferingInCaseAreTwoParticipants() {
    World world = newWorld();
    ParticipantId lower = world.parent("anna");
    ParticipantId upper = world.practitioner("ANNA");

    assertThat(world.messaging.directory().participant(lower).role()).isEqualTo(ParticipantRole.PARENT);
    assertThat(world.messaging.directory().participant(upper).role()).isEqualTo(ParticipantRole.PRACTITIONER);
  }

  @Test
  default void namesAndIdsWithSqlAndQuoteCharactersAreStoredVerbatim() {
    World world = newWorld();
    String name = "Robert'); DROP TABLE participants;--";
    // ids hold no whitespace: SQL comments stand in for it, as in real injection attempts
    ParticipantId bobby = ParticipantId.of("bob';DELETE/**/FROM/**/families/**/WHERE/**/'1'='1");
    ParticipantId percent = ParticipantId.of("100%_\\\"x\"");
    FamilyId family = FamilyId.of("f'/**/OR/**/1=1--");
    String familyName = "O'Brien \"Tables\" ; DROP TABLE families; /* */ %_";
    Directory directory = world.messaging.directory();

    directory.register(ParticipantRegistration.parent(bobby, name));
    directory.register(ParticipantRegistration.parent(percent, "Émile 🙂 Zoë"));
    directory.registerFamily(FamilyRegistration.of(family, familyName, Set.of(bobby, percent)));
    ParticipantId lee = world.practitioner("lee");
    world.grant(lee, bobby);

    assertThat(directory.participant(bobby).displayName()).isEqualTo(name);
    assertThat(directory.participant(percent).displayName()).isEqualTo("Émile 🙂 Zoë");
    FamilyView view = directory.family(family);
    assertThat(view.id()).isEqualTo(family);
    assertThat(view.name()).isEqualTo(familyName);
    assertThat(view.parents()).extracting(ParticipantView::id).containsExactlyInAnyOrder(bobby, percent);
    assertThat(world.as(lee).accessLinks()).singleElement()
        .satisfies(link -> assertThat(link.parent()).isEqualTo(ParticipantView.of(bobby, ParticipantRole.PARENT, name)));
    assertThat(world.as(lee).cases()).singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo(familyName));
    assertThat(world.send(lee, "Hello", "Hi", bobby).recipients())
        .extracting(ParticipantView::displayName).containsExactly(name);
  }

  @Test
  default void namesOfTheLongestAllowedLengthInCodePointsAreAccepted() {
    World world = newWorld();
    String emojis = "🙂".repeat(InputRules.MAX_DISPLAY_NAME_LENGTH);
    ParticipantId id = ParticipantId.of("p".repeat(InputRules.MAX_ID_LENGTH));

    world.messaging.directory().register(ParticipantRegistration.parent(id, emojis));
    world.messaging.directory().registerFamily(
        FamilyRegistration.of(FamilyId.of("f".repeat(InputRules.MAX_ID_LENGTH)), emojis, Set.of(id)));

    assertThat(world.messaging.directory().participant(id).displayName()).isEqualTo(emojis);
    assertThat(world.messaging.directory().family(FamilyId.of("f".repeat(InputRules.MAX_ID_LENGTH))).name())
        .isEqualTo(emojis);
  }

  @Test
  default void lookingUpAnUnknownParticipantIsNotFound() {
    World world = newWorld();
    world.parent("anna");

    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> world.messaging.directory().participant(ParticipantId.of("nobody")));

    assertThat(e.kind()).isEqualTo("participant");
    assertThat(e.id()).isEqualTo("nobody");
  }

  @Test
  default void lookingUpAnUnknownFamilyIsNotFound() {
    World world = newWorld();
    world.family("known", world.parent("anna"));

    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> world.messaging.directory().family(FamilyId.of("unknown")));

    assertThat(e.kind()).isEqualTo("family");
    assertThat(e.id()).isEqualTo("unknown");
  }

  // ---------------------------------------------------------------- families

  @Test
  default void aFamilyListsItsParentsOrderedByName() {
    World world = newWorld();
    ParticipantId zoe = world.parent("zoe");
    ParticipantId adam = world.parent("adam");

    FamilyView view = world.messaging.directory()
        .registerFamily(FamilyRegistration.of(FamilyId.of("smith"), "  The Smiths ", new LinkedHashSet<>(List.of(zoe, adam))));

    assertThat(view.id()).isEqualTo(FamilyId.of("smith"));
    assertThat(view.name()).isEqualTo("The Smiths");
    assertThat(view.parents()).extracting(ParticipantView::id).containsExactly(adam, zoe);
    assertThat(world.messaging.directory().family(FamilyId.of("smith"))).isEqualTo(view);
  }

  @Test
  default void registeringTheSameFamilyAgainChangesNothing() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    FamilyId family = world.family("f", anna, ben);
    FamilyView before = world.messaging.directory().family(family);
    Map<ParticipantId, Object> snapshot = world.snapshot(anna, ben);

    FamilyView again = world.messaging.directory()
        .registerFamily(FamilyRegistration.of(family, "Family f", new LinkedHashSet<>(List.of(ben, anna))));

    assertThat(again).isEqualTo(before);
    assertThat(world.messaging.directory().family(family)).isEqualTo(before);
    assertThat(world.snapshot(anna, ben)).isEqualTo(snapshot);
  }

  @Test
  default void registeringAFamilyAgainWithAnotherNameOrOtherParentsIsAConflictAndChangesNothing() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carl = world.parent("carl");
    FamilyId family = world.family("f", anna, ben);
    FamilyView before = world.messaging.directory().family(family);

    assertThatThrownBy(() -> world.messaging.directory()
            .registerFamily(FamilyRegistration.of(family, "Another name", Set.of(anna, ben))))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> world.messaging.directory()
            .registerFamily(FamilyRegistration.of(family, "Family f", Set.of(anna, carl))))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> world.messaging.directory()
            .registerFamily(FamilyRegistration.of(family, "Family f", Set.of(anna))))
        .isInstanceOf(ConflictException.class);

    assertThat(world.messaging.directory().family(family)).isEqualTo(before);
    assertThat(world.as(carl).cases()).isEmpty();
    assertThat(world.as(carl).recipients()).isEmpty();
  }

  @Test
  default void aFamilyOfOneParentTakesASecondParentLater() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    FamilyId family = world.family("f", anna);

    FamilyView view = world.messaging.directory().addParent(family, ben);

    assertThat(view.parents()).extracting(ParticipantView::id).containsExactly(anna, ben);
    assertThat(world.messaging.directory().family(family)).isEqualTo(view);
    assertThat(world.send(anna, "Pick-up", "5 pm", ben).recipients()).extracting(ParticipantView::id)
        .containsExactly(ben);
  }

  @Test
  default void addingAParentWhoIsAlreadyAMemberChangesNothing() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    FamilyId family = world.family("f", anna, ben);
    FamilyView before = world.messaging.directory().family(family);

    FamilyView again = world.messaging.directory().addParent(family, anna);

    assertThat(again).isEqualTo(before);
    assertThat(world.messaging.directory().family(family)).isEqualTo(before);
  }

  @Test
  default void aFamilyHoldsAtMostTwoParents() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carl = world.parent("carl");
    FamilyId family = world.family("f", anna, ben);
    FamilyView before = world.messaging.directory().family(family);
    Map<ParticipantId, Object> snapshot = world.snapshot(anna, ben, carl);

    assertThatThrownBy(() -> world.messaging.directory().addParent(family, carl))
        .isInstanceOf(ConflictException.class);
    assertInvalid("parents", () -> FamilyRegistration.of(FamilyId.of("g"), "G", Set.of(anna, ben, carl)));

    assertThat(world.messaging.directory().family(family)).isEqualTo(before);
    assertThat(world.snapshot(anna, ben, carl)).isEqualTo(snapshot);
    assertThatThrownBy(() -> world.send(carl, "Hi", "", anna)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  default void aFamilyNeedsAtLeastOneParent() {
    assertInvalid("parents", () -> FamilyRegistration.of(FamilyId.of("f"), "F", Set.of()));
    assertInvalid("parents", () -> FamilyRegistration.builder().id(FamilyId.of("f")).name("F").build());
  }

  @Test
  default void aParentMayBelongToSeveralFamilies() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    ParticipantId carla = world.parent("carla");
    FamilyId first = world.family("first", anna, ben);
    FamilyId second = world.family("second", anna, carla);

    assertThat(world.messaging.directory().family(first).parents()).extracting(ParticipantView::id)
        .containsExactly(anna, ben);
    assertThat(world.messaging.directory().family(second).parents()).extracting(ParticipantView::id)
        .containsExactly(anna, carla);
    assertThat(world.as(anna).cases()).extracting(c -> c.family()).containsExactly(first, second);
  }

  @Test
  default void aPractitionerCannotBeAParentOfAFamily() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId lee = world.practitioner("lee");
    FamilyId family = world.family("f", anna);
    Map<ParticipantId, Object> before = world.snapshot(anna, lee);

    assertInvalid("parents", () -> world.messaging.directory()
        .registerFamily(FamilyRegistration.of(FamilyId.of("g"), "G", Set.of(anna, lee))));
    assertInvalid("parent", () -> world.messaging.directory().addParent(family, lee));

    assertThatThrownBy(() -> world.messaging.directory().family(FamilyId.of("g")))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.messaging.directory().family(family).parents()).extracting(ParticipantView::id)
        .containsExactly(anna);
    assertThat(world.as(lee).cases()).isEmpty();
    assertThat(world.snapshot(anna, lee)).isEqualTo(before);
  }

  @Test
  default void aFamilyOfUnregisteredParentsIsNotRegistered() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ghost = ParticipantId.of("ghost");
    Map<ParticipantId, Object> before = world.snapshot(anna);

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> world.messaging.directory()
        .registerFamily(FamilyRegistration.of(FamilyId.of("f"), "F", new LinkedHashSet<>(List.of(anna, ghost)))));

    assertThat(e.kind()).isEqualTo("participant");
    assertThat(e.id()).isEqualTo("ghost");
    assertThatThrownBy(() -> world.messaging.directory().family(FamilyId.of("f")))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.as(anna).cases()).isEmpty();
    assertThat(world.snapshot(anna)).isEqualTo(before);
  }

  @Test
  default void addingToAnUnknownFamilyOrAnUnknownParentIsNotFound() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    FamilyId family = world.family("f", anna);

    NotFoundException noFamily = catchThrowableOfType(NotFoundException.class,
        () -> world.messaging.directory().addParent(FamilyId.of("nope"), ben));
    NotFoundException noParent = catchThrowableOfType(NotFoundException.class,
        () -> world.messaging.directory().addParent(family, ParticipantId.of("ghost")));

    assertThat(noFamily.kind()).isEqualTo("family");
    assertThat(noFamily.id()).isEqualTo("nope");
    assertThat(noParent.kind()).isEqualTo("participant");
    assertThat(noParent.id()).isEqualTo("ghost");
    assertThat(world.messaging.directory().family(family).parents()).extracting(ParticipantView::id)
        .containsExactly(anna);
    assertThat(world.as(ben).cases()).isEmpty();
  }

  // ---------------------------------------------------------------- bad input

  @Test
  default void badParticipantIdsAreRefusedNamingTheField() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(anna);

    assertInvalid("participantId", () -> ParticipantId.of(null));
    for (String bad : BAD_IDS) {
      assertInvalid("participantId", () -> ParticipantId.of(bad));
    }

    assertThat(world.snapshot(anna)).isEqualTo(before);
  }

  @Test
  default void badFamilyIdsAreRefusedNamingTheField() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(anna);

    assertInvalid("familyId", () -> FamilyId.of(null));
    for (String bad : BAD_IDS) {
      assertInvalid("familyId", () -> FamilyId.of(bad));
    }

    assertThat(world.snapshot(anna)).isEqualTo(before);
    assertThat(world.as(anna).cases()).isEmpty();
  }

  @Test
  default void badDisplayNamesAreRefusedNamingTheFieldAndRegisterNobody() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    ParticipantId newcomer = ParticipantId.of("newcomer");
    Map<ParticipantId, Object> before = world.snapshot(anna);

    assertInvalid("displayName", () -> world.messaging.directory()
        .register(ParticipantRegistration.parent(newcomer, null)));
    for (String bad : BAD_NAMES) {
      assertInvalid("displayName", () -> world.messaging.directory()
          .register(ParticipantRegistration.practitioner(newcomer, bad)));
      assertInvalid("displayName", () -> world.messaging.directory()
          .register(ParticipantRegistration.parent(anna, bad)));
    }

    assertThatThrownBy(() -> world.messaging.directory().participant(newcomer))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.messaging.directory().participant(anna).displayName()).isEqualTo("Parent anna");
    assertThat(world.snapshot(anna)).isEqualTo(before);
  }

  @Test
  default void aRegistrationWithoutIdOrRoleIsRefusedNamingTheField() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    Map<ParticipantId, Object> before = world.snapshot(anna);

    assertInvalid("id", () -> ParticipantRegistration.practitioner(null, "Dr. Lee"));
    assertInvalid("id", () -> ParticipantRegistration.parent(null, "Anna"));
    assertInvalid("role", () -> ParticipantRegistration.builder().id(anna).displayName("Anna").build());
    assertInvalid("registration", () -> world.messaging.directory().register(null));

    assertThat(world.snapshot(anna)).isEqualTo(before);
  }

  @Test
  default void badFamilyRegistrationsAreRefusedNamingTheFieldAndRegisterNothing() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    FamilyId family = FamilyId.of("f");
    Map<ParticipantId, Object> before = world.snapshot(anna);

    assertInvalid("id", () -> FamilyRegistration.of(null, "F", Set.of(anna)));
    assertInvalid("name", () -> FamilyRegistration.of(family, null, Set.of(anna)));
    for (String bad : BAD_NAMES) {
      assertInvalid("name", () -> FamilyRegistration.of(family, bad, Set.of(anna)));
    }
    assertInvalid("parents", () -> FamilyRegistration.of(family, "F", null));
    assertInvalid("parents", () -> FamilyRegistration.of(family, "F", new LinkedHashSet<>(Arrays.asList(anna, null))));
    assertInvalid("registration", () -> world.messaging.directory().registerFamily(null));

    assertThatThrownBy(() -> world.messaging.directory().family(family)).isInstanceOf(NotFoundException.class);
    assertThat(world.as(anna).cases()).isEmpty();
    assertThat(world.snapshot(anna)).isEqualTo(before);
  }

  @Test
  default void missingArgumentsOfDirectoryCallsAreRefusedNamingTheField() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    FamilyId family = world.family("f", anna);
    FamilyView before = world.messaging.directory().family(family);

    assertInvalid("participant", () -> world.messaging.directory().participant(null));
    assertInvalid("family", () -> world.messaging.directory().family(null));
    assertInvalid("family", () -> world.messaging.directory().addParent(null, anna));
    assertInvalid("parent", () -> world.messaging.directory().addParent(family, null));
    assertInvalid("participant", () -> world.messaging.actingAs(null));

    assertThat(world.messaging.directory().family(family)).isEqualTo(before);
  }

  /** Asserts that the call is refused as invalid input naming {@code field}. */
  private static void assertInvalid(String field, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
