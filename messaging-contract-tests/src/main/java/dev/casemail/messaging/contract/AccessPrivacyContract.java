package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.CaseMember;
import dev.casemail.messaging.api.CaseView;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What access calls may reveal and how much a requester may do: My Cases shows a family's other
 * parents only to a practitioner with approved access to one of them; access requests from one
 * requester to one participant are limited per period (so an unwelcome requester cannot flood the
 * other side's Action Items); listings stay bounded however long a link's history is, while one
 * link's whole history stays readable.
 */
public interface AccessPrivacyContract extends MessagingFixture {

  // ---------------------------------------------------------------- My Cases

  @Test
  default void aBlockedPractitionerSeesNeitherTheCoParentNorTheirName() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    FamilyId family = world.family("f", anna, ben);
    world.as(lee).requestAccess(anna);
    world.as(anna).blockAccess(lee);

    assertThat(world.as(lee).cases()).singleElement().satisfies(c -> {
      assertThat(c.family()).isEqualTo(family);
      assertThat(c.members()).extracting(m -> m.parent().id(), CaseMember::access)
          .containsExactly(tuple(anna, Optional.of(AccessStatus.BLOCKED)));
    });
  }

  @Test
  default void aPractitionerSeesTheCoParentOnlyOnceApproved() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("f", anna, ben);

    world.as(lee).requestAccess(anna);
    assertThat(members(world.as(lee).cases())).containsExactly(anna);
    world.as(anna).refuseAccess(lee);
    assertThat(members(world.as(lee).cases())).containsExactly(anna);
    world.as(anna).requestAccess(lee);
    assertThat(members(world.as(lee).cases())).containsExactly(anna);
    world.as(lee).approveAccess(anna);
    assertThat(members(world.as(lee).cases())).containsExactly(anna, ben);
    world.as(lee).removeAccess(anna);
    assertThat(members(world.as(lee).cases())).containsExactly(anna);
  }

  @Test
  default void aParentStillSeesTheirWholeFamily() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    world.family("f", anna, ben);
    world.as(lee).requestAccess(anna);
    world.as(anna).blockAccess(lee);

    assertThat(members(world.as(anna).cases())).containsExactly(anna, ben);
    assertThat(members(world.as(ben).cases())).containsExactly(anna, ben);
  }

  // ---------------------------------------------------------------- request limit

  @Test
  default void aRequesterMayAskOneParticipantThreeTimesIn30Days() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    for (int round = 0; round < 3; round++) {
      world.clock.advance(Duration.ofDays(1));
      world.as(lee).requestAccess(anna);
      world.as(lee).withdrawAccessRequest(anna);
    }
    Map<ParticipantId, Object> before = world.snapshot(lee, anna);
    world.clock.advance(Duration.ofDays(1));

    LimitExceededException e = catchThrowableOfType(LimitExceededException.class, () -> world.as(lee).requestAccess(anna));

    assertThat(e).isNotNull();
    assertThat(e.limit()).isEqualTo("accessRequests");
    // the first of the three was made on day 1: 30 days later a request is allowed again
    assertThat(e.retryAfter()).contains(World.START.plus(Duration.ofDays(31)));
    assertThat(world.snapshot(lee, anna)).as("a refused request changes nothing").isEqualTo(before);
    assertThat(world.folder(anna, SystemFolder.ACTION_ITEMS).total()).isEqualTo(6);

    world.clock.set(World.START.plus(Duration.ofDays(31)));
    assertThat(world.as(lee).requestAccess(anna).status()).isEqualTo(AccessStatus.REQUESTED);
  }

  @Test
  default void theOtherSideMayStillAskWhenTheRequesterReachedTheLimit() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    for (int round = 0; round < 3; round++) {
      world.as(lee).requestAccess(anna);
      world.as(anna).refuseAccess(lee);
    }
    catchThrowableOfType(LimitExceededException.class, () -> world.as(lee).requestAccess(anna));

    assertThat(world.as(anna).requestAccess(lee).status()).isEqualTo(AccessStatus.REQUESTED);
    assertThat(world.as(lee).approveAccess(anna).status()).isEqualTo(AccessStatus.APPROVED);
  }

  @Test
  default void aHostMayConfigureTheRequestLimit() {
    World world = newWorld(MessagingConfiguration.builder().accessRequestLimit(1).accessRequestPeriod(Duration.ofDays(7)));
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.as(lee).requestAccess(anna);
    world.as(lee).withdrawAccessRequest(anna);

    assertThat(catchThrowableOfType(LimitExceededException.class, () -> world.as(lee).requestAccess(anna))).isNotNull();
    world.clock.advance(Duration.ofDays(7));
    assertThat(world.as(lee).requestAccess(anna).status()).isEqualTo(AccessStatus.REQUESTED);
  }

  // ---------------------------------------------------------------- long histories

  @Test
  default void listingsCarryTheLatestEventsAndOneLinkCarriesThemAll() {
    World world = newWorld(MessagingConfiguration.builder().accessRequestLimit(100));
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    int rounds = AccessLinkView.LISTED_EVENTS; // two events a round
    for (int round = 0; round < rounds; round++) {
      world.clock.advance(Duration.ofMinutes(1));
      world.as(lee).requestAccess(anna);
      world.clock.advance(Duration.ofMinutes(1));
      world.as(lee).withdrawAccessRequest(anna);
    }
    world.clock.advance(Duration.ofMinutes(1));
    AccessLinkView last = world.as(lee).requestAccess(anna);

    AccessLinkView whole = world.as(anna).accessLink(lee);
    assertThat(whole.eventCount()).isEqualTo(2 * rounds + 1);
    assertThat(whole.history()).hasSize(2 * rounds + 1);
    assertThat(whole.isCompleteHistory()).isTrue();
    assertThat(whole.history().get(0).at()).isEqualTo(World.START.plus(Duration.ofMinutes(1)));
    assertThat(whole.history()).extracting(AccessEvent::at).isSorted();

    List<AccessEvent> latest = whole.history().subList(whole.history().size() - AccessLinkView.LISTED_EVENTS,
        whole.history().size());
    for (AccessLinkView listed : List.of(
        world.as(lee).accessLinks().get(0), world.as(anna).accessLinks().get(0), last)) {
      assertThat(listed.history()).isEqualTo(latest);
      assertThat(listed.eventCount()).isEqualTo(2 * rounds + 1);
      assertThat(listed.isCompleteHistory()).isFalse();
      assertThat(listed.status()).isEqualTo(AccessStatus.REQUESTED);
    }
  }

  @Test
  default void oneLinkIsNotFoundAlikeForAnUnknownIdARoleMismatchAndNoLink() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId kim = world.practitioner("kim");
    ParticipantId anna = world.parent("anna");
    for (ParticipantId probe : List.of(anna, kim, ParticipantId.of("ghost"), lee)) {
      NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> world.as(lee).accessLink(probe));
      assertThat(e).as("accessLink(" + probe + ")").isNotNull();
      assertThat(e.kind()).isEqualTo("access link with");
      assertThat(e.id()).isEqualTo(probe.value());
    }
  }

  private static List<ParticipantId> members(List<CaseView> cases) {
    assertThat(cases).hasSize(1);
    return cases.get(0).members().stream().map(m -> m.parent().id()).toList();
  }
}
