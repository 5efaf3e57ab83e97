package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The port {@link AccessLinks}: a link saved under both sides is read from either, with its latest
 * {@link AccessLink#LATEST_EVENTS} events and the count of all of them, or with its whole history.
 */
public interface AccessLinksContract extends StorageFixture {

  @Test
  default void aSavedLinkIsFoundAsSavedFromEitherSide() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    AccessLink requested = request(Optional.empty(), lee, anna, lee, at(1));

    save(scene, requested);

    assertThat(scene.committed().accessLinks().find(lee.id(), anna.id())).contains(requested);
    assertThat(scene.committed().accessLinks().withHistory(lee.id(), anna.id())).contains(requested);
    assertThat(scene.committed().accessLinks().of(lee.id())).containsExactly(requested);
    assertThat(scene.committed().accessLinks().of(anna.id())).containsExactly(requested);
    assertThat(scene.committed().accessLinks().statusesOf(lee.id()))
        .isEqualTo(Map.of(anna.id(), AccessStatus.REQUESTED));
    assertThat(scene.committed().accessLinks().statusesOf(anna.id()))
        .isEqualTo(Map.of(lee.id(), AccessStatus.REQUESTED));
  }

  @Test
  default void anUnknownLinkIsAbsentEverywhere() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    save(scene, request(Optional.empty(), lee, anna, lee, at(1)));

    assertThat(scene.committed().accessLinks().find(lee.id(), ben.id())).isEmpty();
    assertThat(scene.committed().accessLinks().withHistory(lee.id(), ben.id())).isEmpty();
    assertThat(scene.committed().accessLinks().requestTimes(lee.id(), ben.id(), lee.id(), 10)).isEmpty();
    assertThat(scene.committed().accessLinks().of(ben.id())).isEmpty();
    assertThat(scene.committed().accessLinks().statusesOf(ben.id())).isEmpty();
    assertThat(scene.committed().accessLinks().of(ParticipantId.of("ghost"))).isEmpty();
  }

  @Test
  default void findReturnsTheLatestEventsAndTheirCountWhileWithHistoryReturnsEveryEvent() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    List<AccessEvent> every = new ArrayList<>();
    Optional<AccessLink> link = Optional.empty();

    for (int event = 1; event <= AccessLink.LATEST_EVENTS + 5; event++) {
      AccessLink next = step(link, lee, anna, event);
      save(scene, next);
      every.add(next.lastEvent());
      link = Optional.of(next);

      int count = event;
      List<AccessEvent> latest = every.subList(Math.max(0, count - AccessLink.LATEST_EVENTS), count);
      assertThat(next.history()).as("the domain keeps the latest events").isEqualTo(latest);
      assertThat(scene.committed().accessLinks().find(lee.id(), anna.id()))
          .as("the link after %d events, with its latest", count)
          .contains(next);
      assertThat(scene.committed().accessLinks().of(anna.id()))
          .as("the links of the parent after %d events", count)
          .containsExactly(next);
      assertThat(scene.committed().accessLinks().withHistory(lee.id(), anna.id()))
          .as("the link after %d events, with all of them", count)
          .contains(new AccessLink(lee.id(), anna.id(), next.status(), next.requestedBy(), every, count));
    }
  }

  @Test
  default void requestTimesAreTheRequestersOwnNewestFirstAndAtMostTheLimit() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    AccessLink link = request(Optional.empty(), lee, anna, lee, at(1));
    save(scene, link);
    link = link.withdraw(lee.id(), at(2));
    save(scene, link);
    link = request(Optional.of(link), lee, anna, anna, at(3));
    save(scene, link);
    link = link.refuse(lee.id(), at(4));
    save(scene, link);
    link = request(Optional.of(link), lee, anna, lee, at(5));
    save(scene, link);
    link = link.refuse(anna.id(), at(6));
    save(scene, link);
    link = request(Optional.of(link), lee, anna, lee, at(7));
    save(scene, link);

    assertThat(requestTimes(scene, lee, anna, lee, 10)).containsExactly(at(7), at(5), at(1));
    assertThat(requestTimes(scene, lee, anna, lee, 3)).containsExactly(at(7), at(5), at(1));
    assertThat(requestTimes(scene, lee, anna, lee, 2)).containsExactly(at(7), at(5));
    assertThat(requestTimes(scene, lee, anna, lee, 1)).containsExactly(at(7));
    assertThat(requestTimes(scene, lee, anna, anna, 10)).containsExactly(at(3));
    assertThat(requestTimes(scene, lee, anna, scene.parent("ben"), 10)).isEmpty();
  }

  @Test
  default void requestTimesReachBeyondTheLatestEvents() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    List<Instant> leesRequests = new ArrayList<>();
    Optional<AccessLink> link = Optional.empty();
    for (int event = 1; event <= AccessLink.LATEST_EVENTS + 5; event++) {
      AccessLink next = step(link, lee, anna, event);
      save(scene, next);
      if (next.status() == AccessStatus.REQUESTED && next.lastEvent().actor().equals(lee.id())) {
        leesRequests.add(next.lastEvent().at());
      }
      link = Optional.of(next);
    }
    Collections.reverse(leesRequests);

    assertThat(requestTimes(scene, lee, anna, lee, 1000)).isEqualTo(leesRequests);
    assertThat(leesRequests.get(leesRequests.size() - 1)).isEqualTo(at(1));
  }

  @Test
  default void statusesOfAndOfGiveEveryLinkOfTheParticipantByCounterpart() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant mia = scene.practitioner("mia");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Participant carl = scene.parent("carl");
    AccessLink leeAnna = request(Optional.empty(), lee, anna, lee, at(1));
    save(scene, leeAnna);
    leeAnna = leeAnna.approve(anna.id(), at(2));
    save(scene, leeAnna);
    AccessLink leeBen = request(Optional.empty(), lee, ben, ben, at(3));
    save(scene, leeBen);
    AccessLink miaAnna = request(Optional.empty(), mia, anna, mia, at(4));
    save(scene, miaAnna);
    miaAnna = miaAnna.block(anna.id(), at(5));
    save(scene, miaAnna);

    assertThat(scene.committed().accessLinks().statusesOf(lee.id()))
        .isEqualTo(Map.of(anna.id(), AccessStatus.APPROVED, ben.id(), AccessStatus.REQUESTED));
    assertThat(scene.committed().accessLinks().statusesOf(anna.id()))
        .isEqualTo(Map.of(lee.id(), AccessStatus.APPROVED, mia.id(), AccessStatus.BLOCKED));
    assertThat(scene.committed().accessLinks().statusesOf(ben.id()))
        .isEqualTo(Map.of(lee.id(), AccessStatus.REQUESTED));
    assertThat(scene.committed().accessLinks().statusesOf(carl.id())).isEmpty();
    assertThat(scene.committed().accessLinks().of(lee.id())).containsExactlyInAnyOrder(leeAnna, leeBen);
    assertThat(scene.committed().accessLinks().of(anna.id())).containsExactlyInAnyOrder(leeAnna, miaAnna);
    assertThat(scene.committed().accessLinks().of(mia.id())).containsExactly(miaAnna);
    assertThat(scene.committed().accessLinks().of(carl.id())).isEmpty();
  }

  /** Event number {@code event} of a link that goes back and forth: requests by either side, each withdrawn. */
  private static AccessLink step(Optional<AccessLink> link, Participant practitioner, Participant parent, int event) {
    Instant when = at(event);
    if (link.isPresent() && link.get().status() == AccessStatus.REQUESTED) {
      return link.get().withdraw(link.get().requestedBy(), when);
    }
    Participant requester = event % 4 == 1 ? practitioner : parent;
    return request(link, practitioner, parent, requester, when);
  }

  private static void save(StorageScene scene, AccessLink link) {
    scene.apply(MailboxChange.builder().saveLink(link).build());
  }

  private static List<Instant> requestTimes(
      StorageScene scene, Participant practitioner, Participant parent, Participant requester, int limit) {
    return scene.committed().accessLinks().requestTimes(practitioner.id(), parent.id(), requester.id(), limit);
  }
}
