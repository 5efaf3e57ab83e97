package dev.casemail.messaging.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The library's policy, in the API's terms a host writes its own in; and the two methods agree. */
class DefaultAccessPolicyTest {

  static final ParticipantView MEDIATOR = practitioner("mediator", "Mia Mediator");
  static final ParticipantView ATTORNEY = practitioner("attorney", "Alan Attorney");
  static final ParticipantView MOTHER = parent("mother", "Maria Parent");
  static final ParticipantView FATHER = parent("father", "Frank Parent");

  private final AccessPolicy policy = new DefaultAccessPolicy();

  @Test
  void aPractitionerAndAParentWithApprovedAccessMessageEachOther() {
    World world = new World().link(MEDIATOR, MOTHER, AccessStatus.APPROVED);

    assertThat(policy.mayMessage(MEDIATOR, MOTHER, world)).isTrue();
    assertThat(policy.mayMessage(MOTHER, MEDIATOR, world)).isTrue();
    assertThat(policy.recipientsOf(MEDIATOR, world)).containsExactly(MOTHER.id());
    assertThat(policy.recipientsOf(MOTHER, world)).containsExactly(MEDIATOR.id());
  }

  @ParameterizedTest
  @EnumSource(value = AccessStatus.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
  void accessThatIsNotApprovedLetsNeitherSideMessageTheOther(AccessStatus status) {
    World world = new World().link(MEDIATOR, MOTHER, status);

    assertThat(policy.mayMessage(MEDIATOR, MOTHER, world)).isFalse();
    assertThat(policy.mayMessage(MOTHER, MEDIATOR, world)).isFalse();
  }

  @Test
  void aPractitionerAndAParentWithoutAnyLinkMayNotMessageEachOther() {
    World world = new World();

    assertThat(policy.mayMessage(MEDIATOR, MOTHER, world)).isFalse();
    assertThat(policy.recipientsOf(MEDIATOR, world)).isEmpty();
  }

  @Test
  void accessToOneParentNeverReachesTheCoParent() {
    World world = new World().link(MEDIATOR, MOTHER, AccessStatus.APPROVED).family(MOTHER, FATHER);

    assertThat(policy.mayMessage(MEDIATOR, FATHER, world)).isFalse();
    assertThat(policy.mayMessage(FATHER, MEDIATOR, world)).isFalse();
    assertThat(policy.recipientsOf(MEDIATOR, world)).containsExactly(MOTHER.id());
    assertThat(policy.recipientsOf(FATHER, world)).containsExactly(MOTHER.id());
  }

  @Test
  void parentsOfOneFamilyMessageEachOtherAndParentsOfNoneTogetherDoNot() {
    ParticipantView neighbour = parent("neighbour", "Nina Neighbour");
    World world = new World().family(MOTHER, FATHER);

    assertThat(policy.mayMessage(MOTHER, FATHER, world)).isTrue();
    assertThat(policy.mayMessage(FATHER, MOTHER, world)).isTrue();
    assertThat(policy.mayMessage(MOTHER, neighbour, world)).isFalse();
  }

  @Test
  void twoPractitionersNeverMessageEachOther() {
    World world = new World();

    assertThat(policy.mayMessage(MEDIATOR, ATTORNEY, world)).isFalse();
  }

  @Test
  void nobodyMessagesThemselves() {
    World world = new World().family(MOTHER, FATHER);

    assertThat(policy.mayMessage(MOTHER, MOTHER, world)).isFalse();
    assertThat(policy.mayMessage(MEDIATOR, MEDIATOR, world)).isFalse();
    assertThat(policy.recipientsOf(MOTHER, world)).doesNotContain(MOTHER.id());
  }

  @Property
  void theRecipientChooserListsExactlyThoseTheSenderMayMessage(@ForAll("worlds") World world) {
    for (ParticipantView sender : World.EVERYONE) {
      Set<ParticipantId> allowed = World.EVERYONE.stream()
          .filter(recipient -> policy.mayMessage(sender, recipient, world))
          .map(ParticipantView::id)
          .collect(Collectors.toSet());

      assertThat(policy.recipientsOf(sender, world)).containsExactlyInAnyOrderElementsOf(allowed);
    }
  }

  @Property
  void whoeverMayMessageSomeoneMayBeAnsweredByThem(@ForAll("worlds") World world) {
    for (ParticipantView sender : World.EVERYONE) {
      for (ParticipantView recipient : World.EVERYONE) {
        assertThat(policy.mayMessage(recipient, sender, world)).isEqualTo(policy.mayMessage(sender, recipient, world));
      }
    }
  }

  @Provide
  Arbitrary<World> worlds() {
    Arbitrary<Optional<AccessStatus>> status = Arbitraries.of(EnumSet.allOf(AccessStatus.class)).optional(0.6);
    Arbitrary<List<Optional<AccessStatus>>> statuses = status.list().ofSize(World.PRACTITIONERS.size() * World.PARENTS.size());
    Arbitrary<List<Set<ParticipantView>>> families = Arbitraries.of(World.PARENTS).set().ofMinSize(1).ofMaxSize(2).list().ofMaxSize(3);
    return Combinators.combine(statuses, families).as((links, groups) -> {
      World world = new World();
      int i = 0;
      for (ParticipantView practitioner : World.PRACTITIONERS) {
        for (ParticipantView parent : World.PARENTS) {
          Optional<AccessStatus> linked = links.get(i++);
          if (linked.isPresent()) {
            world.link(practitioner, parent, linked.get());
          }
        }
      }
      groups.forEach(group -> world.family(group.toArray(new ParticipantView[0])));
      return world;
    });
  }

  /** A small world of links and families: the facts the policy may consult. */
  static final class World implements AccessFacts {

    static final List<ParticipantView> PRACTITIONERS = List.of(MEDIATOR, ATTORNEY);
    static final List<ParticipantView> PARENTS =
        List.of(MOTHER, FATHER, parent("mother2", "Mona"), parent("father2", "Fred"));
    static final List<ParticipantView> EVERYONE =
        List.of(MEDIATOR, ATTORNEY, PARENTS.get(0), PARENTS.get(1), PARENTS.get(2), PARENTS.get(3));

    private final Map<List<ParticipantId>, AccessStatus> links = new HashMap<>();
    private final List<Set<ParticipantId>> families = new ArrayList<>();

    World link(ParticipantView practitioner, ParticipantView parent, AccessStatus status) {
      links.put(List.of(practitioner.id(), parent.id()), status);
      return this;
    }

    World family(ParticipantView... parents) {
      families.add(new LinkedHashSet<>(Arrays.stream(parents).map(ParticipantView::id).collect(Collectors.toList())));
      return this;
    }

    @Override
    public Optional<AccessStatus> linkStatus(ParticipantId practitioner, ParticipantId parent) {
      return Optional.ofNullable(links.get(List.of(practitioner, parent)));
    }

    @Override
    public boolean shareFamily(ParticipantId parent, ParticipantId otherParent) {
      return families.stream().anyMatch(f -> f.contains(parent) && f.contains(otherParent));
    }

    @Override
    public Set<ParticipantId> approvedCounterparts(ParticipantId participant) {
      Set<ParticipantId> counterparts = new LinkedHashSet<>();
      links.forEach((sides, status) -> {
        if (status == AccessStatus.APPROVED && sides.contains(participant)) {
          counterparts.add(sides.get(0).equals(participant) ? sides.get(1) : sides.get(0));
        }
      });
      return counterparts;
    }

    @Override
    public Set<ParticipantId> coParents(ParticipantId parent) {
      Set<ParticipantId> coParents = new LinkedHashSet<>();
      families.stream().filter(f -> f.contains(parent)).forEach(coParents::addAll);
      coParents.remove(parent);
      return coParents;
    }

    @Override
    public String toString() {
      return "World[links=" + links + ", families=" + families + "]";
    }
  }

  static ParticipantView practitioner(String id, String displayName) {
    return ParticipantView.of(ParticipantId.of(id), ParticipantRole.PRACTITIONER, displayName);
  }

  static ParticipantView parent(String id, String displayName) {
    return ParticipantView.of(ParticipantId.of(id), ParticipantRole.PARENT, displayName);
  }
}
