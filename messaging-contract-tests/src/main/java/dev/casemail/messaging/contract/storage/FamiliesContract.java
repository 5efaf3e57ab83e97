package dev.casemail.messaging.contract.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.contract.storage.StorageScene.FamilyState;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.StorageConflictException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The port {@link Families}: a family is read with every parent in the order they joined it, found
 * from each parent, and locked for the calls that change it.
 */
public interface FamiliesContract extends StorageFixture {

  @Test
  default void aFamilyIsFoundWithItsParentsInRegistrationOrder() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant zoe = scene.parent("zoe");
    Participant anna = scene.parent("anna");
    Family family = scene.family("miller", zoe, anna);

    Optional<Family> found = scene.committed().families().find(family.id());

    assertThat(found).contains(family);
    assertThat(found.map(FamilyState::of)).contains(
        new FamilyState(family.id(), "The miller family", List.of(zoe.id(), anna.id())));
  }

  @Test
  default void anUnknownFamilyIsAbsentToFindAndToFindForUpdate() {
    StorageScene scene = StorageScene.on(newStorage());
    scene.family("miller", scene.parent("anna"));

    assertThat(scene.committed().families().find(FamilyId.of("smith"))).isEmpty();
    assertThat(scene.committed().families().find(FamilyId.of("MILLER"))).isEmpty();
    Optional<Family> locked = scene.write(store -> {
      store.locks().lock(Set.of());
      return store.families().findForUpdate(FamilyId.of("smith"));
    });
    assertThat(locked).isEmpty();
  }

  @Test
  default void findForUpdateReadsTheFamilyAsFindDoes() {
    StorageScene scene = StorageScene.on(newStorage());
    Family family = scene.family("miller", scene.parent("zoe"), scene.parent("anna"));

    Optional<FamilyState> locked = scene.write(store -> {
      store.locks().lock(Set.of());
      return store.families().findForUpdate(family.id()).map(FamilyState::of);
    });

    assertThat(locked).contains(FamilyState.of(family));
  }

  @Test
  default void anAddedParentJoinsTheEndOfTheRegistrationOrder() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant zoe = scene.parent("zoe");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Family family = scene.family("miller", zoe, anna);

    scene.write(store -> {
      store.locks().lock(Set.of());
      store.families().findForUpdate(family.id()).orElseThrow();
      store.families().addParent(family.id(), ben.id());
      return null;
    });

    List<FamilyState> expected = List.of(
        new FamilyState(family.id(), family.name(), List.of(zoe.id(), anna.id(), ben.id())));
    assertThat(scene.committed().families().find(family.id()).map(FamilyState::of)).contains(expected.get(0));
    for (Participant parent : List.of(zoe, anna, ben)) {
      assertThat(states(scene.committed().families().ofParent(parent.id())))
          .as("the families of %s", parent.id())
          .isEqualTo(expected);
    }
  }

  @Test
  default void ofParentListsEveryFamilyOfTheParentWithAllItsParentsAndNoOther() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Participant carl = scene.parent("carl");
    Participant dora = scene.parent("dora");
    Participant eve = scene.parent("eve");
    Family first = scene.family("miller", anna, ben);
    Family second = scene.family("carlsen", carl, anna);
    Family other = scene.family("doe", dora);

    assertThat(states(scene.committed().families().ofParent(anna.id())))
        .containsExactlyInAnyOrder(FamilyState.of(first), FamilyState.of(second));
    assertThat(states(scene.committed().families().ofParent(anna.id())))
        .extracting(FamilyState::parents)
        .containsExactlyInAnyOrder(List.of(anna.id(), ben.id()), List.of(carl.id(), anna.id()));
    assertThat(states(scene.committed().families().ofParent(ben.id()))).containsExactly(FamilyState.of(first));
    assertThat(states(scene.committed().families().ofParent(dora.id()))).containsExactly(FamilyState.of(other));
    assertThat(scene.committed().families().ofParent(eve.id())).isEmpty();
  }

  @Test
  default void aFamilyIdRegisteredAgainIsAConflictAndTheFirstFamilyStays() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Family family = scene.family("miller", anna);
    Family again = new Family(family.id(), "Another family", new LinkedHashSet<>(List.of(ben.id())));

    assertThatThrownBy(() -> scene.write(store -> {
      store.locks().lock(Set.of());
      store.families().insert(again);
      return null;
    })).isInstanceOf(StorageConflictException.class);

    assertThat(scene.committed().families().find(family.id()).map(FamilyState::of))
        .contains(FamilyState.of(family));
    assertThat(scene.committed().families().ofParent(ben.id())).isEmpty();
  }

  @Test
  default void familyChangesWhoseTransactionFailsLeaveNothing() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Family family = scene.family("miller", anna);
    Family newer = new Family(FamilyId.of("smith"), "The Smiths", new LinkedHashSet<>(List.of(ben.id(), anna.id())));
    scene.mention(newer.id());
    StorageScene.Snapshot before = scene.snapshot();
    IllegalStateException failure = new IllegalStateException("the work fails after changing families");

    assertThatThrownBy(() -> scene.write(store -> {
      store.locks().lock(Set.of());
      store.families().findForUpdate(family.id()).orElseThrow();
      store.families().addParent(family.id(), ben.id());
      store.families().insert(newer);
      throw failure;
    })).isSameAs(failure);

    assertThat(scene.snapshot()).isEqualTo(before);
    assertThat(scene.committed().families().find(newer.id())).isEmpty();
    assertThat(scene.committed().families().ofParent(ben.id())).isEmpty();
  }

  private static List<FamilyState> states(List<Family> families) {
    return families.stream().map(FamilyState::of).collect(Collectors.toList());
  }
}
