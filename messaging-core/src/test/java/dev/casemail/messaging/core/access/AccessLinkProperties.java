package dev.casemail.messaging.core.access;

import static dev.casemail.messaging.api.AccessStatus.APPROVED;
import static dev.casemail.messaging.api.AccessStatus.BLOCKED;
import static dev.casemail.messaging.api.AccessStatus.REFUSED;
import static dev.casemail.messaging.api.AccessStatus.REMOVED;
import static dev.casemail.messaging.api.AccessStatus.REQUESTED;
import static dev.casemail.messaging.api.AccessStatus.WITHDRAWN;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static dev.casemail.messaging.core.access.AccessLinkTest.PARENT;
import static dev.casemail.messaging.core.access.AccessLinkTest.PRACTITIONER;
import static dev.casemail.messaging.core.access.AccessLinkTest.event;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lifecycle of professional access as docs/rules.md draws it, checked for every step from every status
 * by each side, and the history a link keeps however long it grows.
 */
class AccessLinkProperties {

  /** What one side can do to a link. */
  enum Step {
    REQUEST, APPROVE, REFUSE, BLOCK, WITHDRAW, REMOVE;

    AccessLink takenBy(ParticipantId actor, AccessLink link, Instant at) {
      switch (this) {
        case REQUEST:
          return AccessLink.request(Optional.of(link), PRACTITIONER, PARENT, actor, at, RequestLimit.DEFAULT, List.of());
        case APPROVE:
          return link.approve(actor, at);
        case REFUSE:
          return link.refuse(actor, at);
        case BLOCK:
          return link.block(actor, at);
        case WITHDRAW:
          return link.withdraw(actor, at);
        default:
          return link.remove(actor, at);
      }
    }
  }

  /** Who acts, seen from the latest request: the side that asked, or the side that was asked. */
  enum Side {
    ASKED_FOR, WAS_ASKED
  }

  /** One step by one side from one status. */
  record Transition(AccessStatus from, Step step, Side by) {}

  /** Every allowed transition and where it leads; every other one is refused. */
  static final Map<Transition, AccessStatus> LIFECYCLE = Map.ofEntries(
      entry(new Transition(REQUESTED, Step.APPROVE, Side.WAS_ASKED), APPROVED),
      entry(new Transition(REQUESTED, Step.REFUSE, Side.WAS_ASKED), REFUSED),
      entry(new Transition(REQUESTED, Step.BLOCK, Side.WAS_ASKED), BLOCKED),
      entry(new Transition(REQUESTED, Step.WITHDRAW, Side.ASKED_FOR), WITHDRAWN),
      entry(new Transition(APPROVED, Step.REMOVE, Side.ASKED_FOR), REMOVED),
      entry(new Transition(APPROVED, Step.REMOVE, Side.WAS_ASKED), REMOVED),
      entry(new Transition(REFUSED, Step.REQUEST, Side.ASKED_FOR), REQUESTED),
      entry(new Transition(REFUSED, Step.REQUEST, Side.WAS_ASKED), REQUESTED),
      entry(new Transition(WITHDRAWN, Step.REQUEST, Side.ASKED_FOR), REQUESTED),
      entry(new Transition(WITHDRAWN, Step.REQUEST, Side.WAS_ASKED), REQUESTED),
      entry(new Transition(REMOVED, Step.REQUEST, Side.ASKED_FOR), REQUESTED),
      entry(new Transition(REMOVED, Step.REQUEST, Side.WAS_ASKED), REQUESTED),
      // the side that blocked may still ask; the blocked side may not (an AccessDeniedException below)
      entry(new Transition(BLOCKED, Step.REQUEST, Side.WAS_ASKED), REQUESTED));

  private static final Instant LATER = NOW.plus(Duration.ofDays(1));

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 200)
  void everyStepFromEveryStatusByEachSideIsTakenOrRefusedAsTheLifecycleSays(
      @ForAll AccessStatus from, @ForAll boolean practitionerAsked, @ForAll Step step, @ForAll Side by) {
    ParticipantId askedFor = practitionerAsked ? PRACTITIONER : PARENT;
    ParticipantId actor = by == Side.ASKED_FOR ? askedFor : other(askedFor);
    AccessLink link = new AccessLink(
        PRACTITIONER, PARENT, from, askedFor, List.of(event(from, actor, NOW)), 7);
    Optional<AccessStatus> allowed = Optional.ofNullable(LIFECYCLE.get(new Transition(from, step, by)));

    if (allowed.isPresent()) {
      AccessLink next = step.takenBy(actor, link, LATER);
      assertThat(next.status()).isEqualTo(allowed.get());
      assertThat(next.requestedBy()).isEqualTo(step == Step.REQUEST ? actor : askedFor);
      assertThat(next.practitioner()).isEqualTo(PRACTITIONER);
      assertThat(next.parent()).isEqualTo(PARENT);
      assertThat(next.history()).containsExactly(link.lastEvent(), event(allowed.get(), actor, LATER));
      assertThat(next.eventCount()).isEqualTo(8);
    } else if (from == BLOCKED && step == Step.REQUEST) {
      assertThatThrownBy(() -> step.takenBy(actor, link, LATER))
          .isInstanceOfSatisfying(AccessDeniedException.class,
              e -> assertThat(e.participants()).containsExactly(other(actor)));
    } else {
      assertThatThrownBy(() -> step.takenBy(actor, link, LATER)).isInstanceOf(ConflictException.class);
    }
  }

  @Property
  void aLinkKeepsItsLatestEventsAndCountsThemAllHoweverLongItsHistoryGrows(@ForAll("attempts") List<Attempt> attempts) {
    Instant at = NOW;
    AccessLink link = AccessLinkTest.firstRequestBy(PARENT);
    List<AccessEvent> all = new ArrayList<>(link.history());
    for (Attempt attempt : attempts) {
      at = at.plusSeconds(1);
      AccessLink before = link;
      Transition transition = attempt.transitionFrom(link.status());
      ParticipantId actor = transition.by() == Side.ASKED_FOR ? link.requestedBy() : other(link.requestedBy());
      try {
        link = transition.step().takenBy(actor, link, at);
        all.add(event(link.status(), actor, at));
      } catch (MessagingException refused) {
        assertThat(link).isSameAs(before);
      }
      assertThat(link.eventCount()).isEqualTo(all.size());
      assertThat(link.history()).isEqualTo(all.subList(Math.max(0, all.size() - AccessLink.LATEST_EVENTS), all.size()));
      assertThat(link.lastEvent().status()).isEqualTo(link.status());
    }
  }

  /**
   * One step someone tries: mostly one the lifecycle allows from the status the link is in then (so
   * that histories grow past {@link AccessLink#LATEST_EVENTS}), sometimes any step by either side.
   */
  record Attempt(boolean allowed, int choice, Step step, Side by) {

    Transition transitionFrom(AccessStatus status) {
      List<Transition> next = LIFECYCLE.keySet().stream()
          .filter(t -> t.from() == status)
          .sorted(Comparator.comparing(Transition::step).thenComparing(Transition::by))
          .collect(Collectors.toList());
      return allowed ? next.get(choice % next.size()) : new Transition(status, step, by);
    }
  }

  @Provide
  Arbitrary<List<Attempt>> attempts() {
    return Combinators.combine(
            Arbitraries.of(true, true, true, false), Arbitraries.integers().between(0, 99),
            Arbitraries.of(Step.class), Arbitraries.of(Side.class))
        .as(Attempt::new)
        .list().ofMaxSize(60);
  }

  private static ParticipantId other(ParticipantId side) {
    return side.equals(PRACTITIONER) ? PARENT : PRACTITIONER;
  }
}
