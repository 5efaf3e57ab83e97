package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One try of the access properties: a library with two practitioners and a few families, and a
 * model of what the library must do (the default access policy and the access lifecycle). Every
 * step is taken on both and compared; {@link #checkInvariants()} compares everything visible.
 */
final class AccessScenario {

  /** One lifecycle step as the model sees it. */
  record Step(AccessStep step, ParticipantId practitioner, ParticipantId parent, boolean byPractitioner) {

    ParticipantId actor() {
      return byPractitioner ? practitioner : parent;
    }

    ParticipantId counterpart() {
      return byPractitioner ? parent : practitioner;
    }

    @Override
    public String toString() {
      return actor() + " " + step + " " + counterpart();
    }
  }

  /** A personal message the library delivered. */
  record Delivered(MessageId id, ParticipantId sender, Set<ParticipantId> recipients) {

    boolean involves(ParticipantId participant) {
      return sender.equals(participant) || recipients.contains(participant);
    }

    @Override
    public String toString() {
      return sender + "->" + recipients;
    }
  }

  /** The model of one access link: its status, its requester and its history. */
  private static final class Link {
    AccessStatus status;
    ParticipantId requestedBy;
    final List<AccessEvent> history = new ArrayList<>();
  }

  private static final Duration TICK = Duration.ofSeconds(1);

  /** The library's default access request limit: 3 requests per requester and link in 30 days. */
  private static final int REQUEST_LIMIT = 3;
  private static final Duration REQUEST_PERIOD = Duration.ofDays(30);

  final World world;
  final List<ParticipantId> practitioners = new ArrayList<>();
  final List<ParticipantId> parents = new ArrayList<>();
  final List<ParticipantId> everyone = new ArrayList<>();
  final List<Delivered> delivered = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final Map<ParticipantId, Set<ParticipantId>> coParents = new HashMap<>();
  private final Map<List<ParticipantId>, Link> links = new LinkedHashMap<>();
  private final Map<ParticipantId, Integer> actionItems = new HashMap<>();

  /** Registers two practitioners and one family per entry of {@code familySizes} (1 or 2 parents). */
  AccessScenario(World world, List<Integer> familySizes) {
    this.world = world;
    for (int i = 0; i < 2; i++) {
      practitioners.add(world.practitioner("pr" + i));
    }
    for (int f = 0; f < familySizes.size(); f++) {
      List<ParticipantId> family = new ArrayList<>();
      for (int p = 0; p < familySizes.get(f); p++) {
        family.add(world.parent("f" + f + "p" + p));
      }
      world.family("f" + f, family.toArray(ParticipantId[]::new));
      for (ParticipantId parent : family) {
        Set<ParticipantId> others = new LinkedHashSet<>(family);
        others.remove(parent);
        coParents.put(parent, others);
      }
      parents.addAll(family);
    }
    everyone.addAll(practitioners);
    everyone.addAll(parents);
  }

  // ---------------------------------------------------------------- the model

  /** Whether the default policy lets {@code sender} message {@code recipient}. */
  boolean mayMessage(ParticipantId sender, ParticipantId recipient) {
    if (sender.equals(recipient)) {
      return false;
    }
    boolean senderIsPractitioner = practitioners.contains(sender);
    boolean recipientIsPractitioner = practitioners.contains(recipient);
    if (senderIsPractitioner && !recipientIsPractitioner) {
      return status(sender, recipient) == AccessStatus.APPROVED;
    }
    if (!senderIsPractitioner && recipientIsPractitioner) {
      return status(recipient, sender) == AccessStatus.APPROVED;
    }
    if (!senderIsPractitioner) {
      return coParents.get(sender).contains(recipient);
    }
    return false;
  }

  /** The exception a step must fail with, or null if the lifecycle allows it. */
  Class<? extends RuntimeException> refusal(Step step) {
    Link link = links.get(key(step.practitioner(), step.parent()));
    ParticipantId actor = step.actor();
    switch (step.step()) {
      case REQUEST:
        if (link == null) {
          return null;
        }
        if (link.status == AccessStatus.REQUESTED || link.status == AccessStatus.APPROVED) {
          return ConflictException.class;
        }
        if (link.status == AccessStatus.BLOCKED && link.requestedBy.equals(actor)) {
          return AccessDeniedException.class;
        }
        return tooManyRequests(link, actor) ? LimitExceededException.class : null;
      case APPROVE:
      case REFUSE:
      case BLOCK:
        if (link == null) {
          return NotFoundException.class;
        }
        return link.status == AccessStatus.REQUESTED && !link.requestedBy.equals(actor) ? null : ConflictException.class;
      case WITHDRAW:
        if (link == null) {
          return NotFoundException.class;
        }
        return link.status == AccessStatus.REQUESTED && link.requestedBy.equals(actor) ? null : ConflictException.class;
      case REMOVE:
        if (link == null) {
          return NotFoundException.class;
        }
        return link.status == AccessStatus.APPROVED ? null : ConflictException.class;
      default:
        throw new IllegalStateException("unknown step " + step.step());
    }
  }

  /** Whether the actor made as many requests on the link within the default period as the default limit allows. */
  private boolean tooManyRequests(Link link, ParticipantId actor) {
    Instant since = world.clock.instant().minus(REQUEST_PERIOD);
    long recent = link.history.stream()
        .filter(e -> e.status() == AccessStatus.REQUESTED && e.actor().equals(actor) && e.at().isAfter(since))
        .count();
    return recent >= REQUEST_LIMIT;
  }

  /** Every step the lifecycle allows now, between any practitioner and any parent, by either side. */
  List<Step> allowedSteps() {
    List<Step> allowed = new ArrayList<>();
    for (AccessStep kind : AccessStep.values()) {
      for (ParticipantId practitioner : practitioners) {
        for (ParticipantId parent : parents) {
          for (boolean byPractitioner : new boolean[] {true, false}) {
            Step step = new Step(kind, practitioner, parent, byPractitioner);
            if (refusal(step) == null) {
              allowed.add(step);
            }
          }
        }
      }
    }
    return allowed;
  }

  // ---------------------------------------------------------------- steps on library and model

  /** Takes a lifecycle step on the library and checks it against the model. */
  void take(Step step) {
    log.add(step.toString());
    world.clock.advance(TICK);
    Class<? extends RuntimeException> expected = refusal(step);
    if (expected != null) {
      Map<ParticipantId, Object> before = world.snapshot(step.practitioner(), step.parent());
      Throwable thrown = catchThrowable(() -> step.step().take(world.as(step.actor()), step.counterpart()));
      assertThat(thrown).as(step + " is refused").isExactlyInstanceOf(expected);
      if (thrown instanceof AccessDeniedException) {
        assertThat(((AccessDeniedException) thrown).participants()).containsExactly(step.counterpart());
      }
      if (thrown instanceof NotFoundException) {
        assertThat(((NotFoundException) thrown).id()).isEqualTo(step.counterpart().value());
      }
      assertThat(world.snapshot(step.practitioner(), step.parent())).as(step + " changes nothing").isEqualTo(before);
      return;
    }
    AccessLinkView view = step.step().take(world.as(step.actor()), step.counterpart());
    Link link = links.computeIfAbsent(key(step.practitioner(), step.parent()), k -> new Link());
    link.status = next(step.step());
    if (step.step() == AccessStep.REQUEST) {
      link.requestedBy = step.actor();
    }
    Instant now = world.clock.instant().truncatedTo(ChronoUnit.MICROS);
    link.history.add(AccessEvent.builder().status(link.status).actor(step.actor()).at(now).build());
    actionItems.merge(step.counterpart(), 1, Integer::sum);
    assertThat(view.practitioner().id()).isEqualTo(step.practitioner());
    assertThat(view.parent().id()).isEqualTo(step.parent());
    assertThat(view.status()).as(step.toString()).isEqualTo(link.status);
    assertThat(view.requestedBy()).isEqualTo(link.requestedBy);
    assertHistory(view, link);
  }

  /** A view holds the latest events of the model's history, and counts all of them. */
  private static void assertHistory(AccessLinkView view, Link link) {
    List<AccessEvent> latest =
        link.history.subList(Math.max(0, link.history.size() - AccessLinkView.LISTED_EVENTS), link.history.size());
    assertThat(view.history()).isEqualTo(latest);
    assertThat(view.eventCount()).isEqualTo(link.history.size());
  }

  /** Sends a new message on the library and checks it against the model. */
  void send(ParticipantId sender, Set<ParticipantId> recipients) {
    log.add(sender + " sends to " + recipients);
    world.clock.advance(TICK);
    attempt(sender, recipients, () -> world.send(sender, "Subject", "Body", recipients.toArray(ParticipantId[]::new)));
  }

  /** Replies to a delivered message as one of its sender or recipients, checked against the model. */
  void reply(Delivered original, ParticipantId replier) {
    log.add(replier + " replies to " + original);
    world.clock.advance(TICK);
    Set<ParticipantId> recipients =
        replier.equals(original.sender()) ? original.recipients() : Set.of(original.sender());
    attempt(replier, recipients, () -> world.as(replier).reply(Reply.to(original.id(), "Reply")));
  }

  private void attempt(ParticipantId sender, Set<ParticipantId> recipients, Supplier<MessageView> send) {
    Set<ParticipantId> denied = recipients.stream()
        .filter(r -> !mayMessage(sender, r))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (denied.isEmpty()) {
      MessageView sent = send.get();
      assertThat(sent.recipients()).extracting(ParticipantView::id).containsExactlyInAnyOrderElementsOf(recipients);
      delivered.add(new Delivered(sent.id(), sender, Set.copyOf(recipients)));
      return;
    }
    ParticipantId[] involved = involved(sender, recipients);
    Map<ParticipantId, Object> before = world.snapshot(involved);
    Throwable thrown = catchThrowable(send::get);
    assertThat(thrown).as(sender + " may not message " + denied).isInstanceOf(AccessDeniedException.class);
    assertThat(((AccessDeniedException) thrown).participants()).containsExactlyInAnyOrderElementsOf(denied);
    assertThat(world.snapshot(involved)).as("a denied send changes nothing").isEqualTo(before);
  }

  // ---------------------------------------------------------------- invariants

  /** Everything each participant sees agrees with the model. */
  void checkInvariants() {
    for (ParticipantId participant : everyone) {
      Map<ParticipantId, AccessLinkView> seen = world.as(participant).accessLinks().stream()
          .collect(Collectors.toMap(l -> l.counterpartOf(participant).id(), l -> l));
      Map<ParticipantId, Link> expected = linksOf(participant);
      assertThat(seen.keySet()).as("access links of " + participant).isEqualTo(expected.keySet());
      expected.forEach((counterpart, link) -> {
        AccessLinkView view = seen.get(counterpart);
        assertThat(view.status()).as("status between " + participant + " and " + counterpart).isEqualTo(link.status);
        assertThat(view.requestedBy()).isEqualTo(link.requestedBy);
        assertHistory(view, link);
      });

      Set<ParticipantId> chooser = world.as(participant).recipients().stream()
          .flatMap(g -> g.recipients().stream())
          .map(ParticipantView::id)
          .collect(Collectors.toSet());
      Set<ParticipantId> allowed = everyone.stream().filter(r -> mayMessage(participant, r)).collect(Collectors.toSet());
      assertThat(chooser).as("whom " + participant + " may message").isEqualTo(allowed);

      Set<MessageId> all = world.list(participant, SystemFolder.ALL_MESSAGES).stream()
          .map(MessageSummary::id)
          .collect(Collectors.toSet());
      Set<MessageId> mine = delivered.stream()
          .filter(d -> d.involves(participant))
          .map(Delivered::id)
          .collect(Collectors.toSet());
      assertThat(all).as("All Messages of " + participant + " keeps every message ever exchanged").isEqualTo(mine);

      assertThat(world.folder(participant, SystemFolder.ACTION_ITEMS).total())
          .as("action items of " + participant)
          .isEqualTo(actionItems.getOrDefault(participant, 0).longValue());
    }
  }

  @Override
  public String toString() {
    return "parents " + parents + ", steps taken " + log;
  }

  /**
   * Pairs (practitioner, co-parent) where the practitioner has approved access to a parent but not to
   * that parent's co-parent: access that must not reach the co-parent.
   */
  List<List<ParticipantId>> coParentsOutOfReach() {
    List<List<ParticipantId>> pairs = new ArrayList<>();
    for (ParticipantId practitioner : practitioners) {
      for (ParticipantId parent : parents) {
        if (status(practitioner, parent) != AccessStatus.APPROVED) {
          continue;
        }
        for (ParticipantId coParent : coParents.get(parent)) {
          if (status(practitioner, coParent) != AccessStatus.APPROVED) {
            pairs.add(List.of(practitioner, parent, coParent));
          }
        }
      }
    }
    return pairs;
  }

  // ---------------------------------------------------------------- helpers

  private AccessStatus status(ParticipantId practitioner, ParticipantId parent) {
    Link link = links.get(key(practitioner, parent));
    return link == null ? null : link.status;
  }

  private Map<ParticipantId, Link> linksOf(ParticipantId participant) {
    Map<ParticipantId, Link> mine = new HashMap<>();
    links.forEach((key, link) -> {
      if (key.get(0).equals(participant)) {
        mine.put(key.get(1), link);
      } else if (key.get(1).equals(participant)) {
        mine.put(key.get(0), link);
      }
    });
    return mine;
  }

  private static ParticipantId[] involved(ParticipantId sender, Set<ParticipantId> recipients) {
    Set<ParticipantId> involved = new LinkedHashSet<>();
    involved.add(sender);
    involved.addAll(recipients);
    return involved.toArray(ParticipantId[]::new);
  }

  private static List<ParticipantId> key(ParticipantId practitioner, ParticipantId parent) {
    return List.of(Objects.requireNonNull(practitioner), Objects.requireNonNull(parent));
  }

  private static AccessStatus next(AccessStep step) {
    switch (step) {
      case REQUEST:
        return AccessStatus.REQUESTED;
      case APPROVE:
        return AccessStatus.APPROVED;
      case REFUSE:
        return AccessStatus.REFUSED;
      case BLOCK:
        return AccessStatus.BLOCKED;
      case WITHDRAW:
        return AccessStatus.WITHDRAWN;
      case REMOVE:
        return AccessStatus.REMOVED;
      default:
        throw new IllegalStateException("unknown step " + step);
    }
  }
}
