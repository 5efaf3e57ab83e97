package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.CaseMember;
import dev.casemail.messaging.api.CaseView;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecipientGroup;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.access.AccessNotice;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The professional access lifecycle, My Cases and the recipient chooser. */
final class AccessService {

  static final String PRACTITIONERS = "Practitioners";
  static final String OTHERS = "Other participants";

  private static final Comparator<Participant> BY_NAME =
      Comparator.comparing(Participant::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(Participant::id);

  private final Context context;
  private final Composer composer;

  AccessService(Context context, Composer composer) {
    this.context = context;
    this.composer = composer;
  }

  AccessLinkView request(ParticipantId actorId, ParticipantId counterpartId) {
    return context.transactions.write("requestAccess", store -> {
      Participant actor = Context.participant(store, actorId);
      if (counterpartId.equals(actorId)) {
        throw new InvalidInputException("counterpart", "must be someone else than the actor");
      }
      String wanted = actor.isPractitioner() ? "parent" : "practitioner";
      // not registered, or not of the other role: the same answer, so it never tells which
      Sides sides = Sides.of(actor, store.participants().find(counterpartId))
          .orElseThrow(() -> new NotFoundException(wanted, counterpartId.value()));
      return Plan.of(sides.ids(), () -> {
        Optional<AccessLink> existing = store.accessLinks().find(sides.practitioner.id(), sides.parent.id());
        List<Instant> asked = existing.isEmpty()
            ? List.of()
            : store.accessLinks().requestTimes(
                sides.practitioner.id(), sides.parent.id(), actorId, context.requestLimit.requests());
        AccessLink link = AccessLink.request(
            existing, sides.practitioner.id(), sides.parent.id(), actorId, context.now(), context.requestLimit, asked);
        return record(store, link, actor, sides);
      });
    });
  }

  AccessLinkView approve(ParticipantId actorId, ParticipantId requester) {
    return transition("approveAccess", actorId, requester, AccessLink::approve);
  }

  AccessLinkView refuse(ParticipantId actorId, ParticipantId requester) {
    return transition("refuseAccess", actorId, requester, AccessLink::refuse);
  }

  AccessLinkView block(ParticipantId actorId, ParticipantId requester) {
    return transition("blockAccess", actorId, requester, AccessLink::block);
  }

  AccessLinkView withdraw(ParticipantId actorId, ParticipantId counterpart) {
    return transition("withdrawAccessRequest", actorId, counterpart, AccessLink::withdraw);
  }

  AccessLinkView remove(ParticipantId actorId, ParticipantId counterpart) {
    return transition("removeAccess", actorId, counterpart, AccessLink::remove);
  }

  List<AccessLinkView> links(ParticipantId actorId) {
    return context.transactions.read("accessLinks", store -> {
      Context.participant(store, actorId);
      List<AccessLink> links = store.accessLinks().of(actorId);
      Set<ParticipantId> ids = new HashSet<>();
      links.forEach(link -> ids.addAll(Views.sides(link)));
      Map<ParticipantId, Participant> participants = store.participants().findAll(ids);
      return links.stream()
          .sorted(Comparator.comparing((AccessLink link) -> participants.get(link.counterpartOf(actorId)), BY_NAME))
          .map(link -> Views.link(link, participants))
          .collect(Collectors.toList());
    });
  }

  AccessLinkView link(ParticipantId actorId, ParticipantId counterpartId) {
    return context.transactions.read("accessLink", store -> {
      Participant actor = Context.participant(store, actorId);
      Sides sides = Sides.of(actor, store.participants().find(counterpartId)).orElseThrow(() -> noLink(counterpartId));
      AccessLink link = store.accessLinks().withHistory(sides.practitioner.id(), sides.parent.id())
          .orElseThrow(() -> noLink(counterpartId));
      return Views.link(link, sides.byId());
    });
  }

  /**
   * My Cases. A parent sees their families with every parent. A practitioner sees the family of each
   * parent they have a link with; its other parents only if the practitioner has APPROVED access to
   * one of the family's parents, so a practitioner who was refused, blocked or never answered learns
   * nothing of the co-parent.
   */
  List<CaseView> cases(ParticipantId actorId) {
    return context.transactions.read("cases", store -> {
      Participant actor = Context.participant(store, actorId);
      Map<ParticipantId, AccessStatus> statuses = new LinkedHashMap<>();
      Map<FamilyId, Family> families = new LinkedHashMap<>();
      if (actor.isParent()) {
        store.families().ofParent(actorId).forEach(f -> families.put(f.id(), f));
      } else {
        statuses.putAll(store.accessLinks().statusesOf(actorId));
        for (ParticipantId parent : statuses.keySet()) {
          store.families().ofParent(parent).forEach(f -> families.put(f.id(), f));
        }
      }
      Map<FamilyId, Set<ParticipantId>> shown = new LinkedHashMap<>();
      families.values().forEach(family -> shown.put(family.id(), visibleParents(actor, family, statuses)));
      Set<ParticipantId> parentIds = new HashSet<>();
      shown.values().forEach(parentIds::addAll);
      Map<ParticipantId, Participant> parents = store.participants().findAll(parentIds);
      return families.values().stream()
          .sorted(Comparator.comparing(Family::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Family::id))
          .map(family -> CaseView.builder()
              .family(family.id())
              .name(family.name())
              .members(shown.get(family.id()).stream()
                  .map(parents::get)
                  .sorted(BY_NAME)
                  .map(parent -> CaseMember.builder()
                      .parent(parent.view())
                      .access(Optional.ofNullable(statuses.get(parent.id())))
                      .build())
                  .collect(Collectors.toList()))
              .build())
          .collect(Collectors.toList());
    });
  }

  /** The parents of a family its viewer may see: all, unless a practitioner without approved access to any. */
  private static Set<ParticipantId> visibleParents(
      Participant viewer, Family family, Map<ParticipantId, AccessStatus> statuses) {
    if (viewer.isParent()
        || family.parents().stream().anyMatch(parent -> statuses.get(parent) == AccessStatus.APPROVED)) {
      return family.parents();
    }
    Set<ParticipantId> linked = new LinkedHashSet<>(family.parents());
    linked.retainAll(statuses.keySet());
    return linked;
  }

  /**
   * Exactly whom the actor may message, grouped by family: a parent under each of their families the
   * actor can see (all of them for a practitioner, the shared ones for a parent), practitioners in a
   * group of their own, anyone else in a last group.
   */
  List<RecipientGroup> recipients(ParticipantId actorId) {
    return context.transactions.read("recipients", store -> {
      Participant actor = Context.participant(store, actorId);
      Set<ParticipantId> allowed = context.recipientsOf(actor, new StoreAccessFacts(store, actorId));
      Map<ParticipantId, Participant> recipients = store.participants().findAll(allowed);
      Set<FamilyId> actorFamilies = actor.isParent()
          ? store.families().ofParent(actorId).stream().map(Family::id).collect(Collectors.toSet())
          : Set.of();
      Map<FamilyId, Family> families = new TreeMap<>();
      Map<FamilyId, List<Participant>> byFamily = new LinkedHashMap<>();
      List<Participant> practitioners = new ArrayList<>();
      List<Participant> others = new ArrayList<>();
      for (Participant recipient : recipients.values()) {
        if (recipient.isPractitioner()) {
          practitioners.add(recipient);
          continue;
        }
        boolean grouped = false;
        for (Family family : store.families().ofParent(recipient.id())) {
          if (actor.isParent() && !actorFamilies.contains(family.id())) {
            continue;
          }
          families.put(family.id(), family);
          byFamily.computeIfAbsent(family.id(), id -> new ArrayList<>()).add(recipient);
          grouped = true;
        }
        if (!grouped) {
          others.add(recipient);
        }
      }
      List<RecipientGroup> groups = new ArrayList<>();
      families.values().stream()
          .sorted(Comparator.comparing(Family::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Family::id))
          .forEach(family -> groups.add(group(Optional.of(family.id()), family.name(), byFamily.get(family.id()))));
      if (!practitioners.isEmpty()) {
        groups.add(group(Optional.empty(), PRACTITIONERS, practitioners));
      }
      if (!others.isEmpty()) {
        groups.add(group(Optional.empty(), OTHERS, others));
      }
      return groups;
    });
  }

  private static RecipientGroup group(Optional<FamilyId> family, String label, List<Participant> members) {
    List<ParticipantView> views = members.stream().sorted(BY_NAME).map(Participant::view).collect(Collectors.toList());
    return RecipientGroup.builder().family(family).label(label).recipients(views).build();
  }

  private AccessLinkView transition(String operation, ParticipantId actorId, ParticipantId counterpartId, Step step) {
    return context.transactions.write(operation, store -> {
      Participant actor = Context.participant(store, actorId);
      // not registered, not of the other role, or no link: the same answer, so it never tells which
      Sides sides = Sides.of(actor, store.participants().find(counterpartId)).orElseThrow(() -> noLink(counterpartId));
      return Plan.of(sides.ids(), () -> {
        AccessLink link = store.accessLinks().find(sides.practitioner.id(), sides.parent.id())
            .orElseThrow(() -> noLink(counterpartId));
        return record(store, step.apply(link, actorId, context.now()), actor, sides);
      });
    });
  }

  private static NotFoundException noLink(ParticipantId counterpart) {
    return new NotFoundException("access link with", counterpart.value());
  }

  /** The link in its new state, and the action item that tells the side that did not act. */
  private Outcome<AccessLinkView> record(Store store, AccessLink link, Participant actor, Sides sides) {
    AccessNotice notice = AccessNotice.of(link, actor);
    Participant recipient = notice.recipient().equals(sides.practitioner.id()) ? sides.practitioner : sides.parent;
    Composer.Composed posted =
        composer.postSystem(store, MessageKind.ACTION_ITEM, recipient, notice.subject(), notice.body());
    MailboxChange change = MailboxChange.builder().saveLink(link).build().and(posted.change());
    return Outcome.of(change, Views.link(link, sides.byId()));
  }

  /** One lifecycle step of a link, taken by an actor at a time. */
  @FunctionalInterface
  private interface Step {
    AccessLink apply(AccessLink link, ParticipantId actor, Instant at);
  }

  /** The two sides of a link: always one practitioner and one parent. */
  private static final class Sides {
    final Participant practitioner;
    final Participant parent;

    private Sides(Participant practitioner, Participant parent) {
      this.practitioner = practitioner;
      this.parent = parent;
    }

    /** The sides of a link between the actor and the counterpart, if they are one practitioner and one parent. */
    static Optional<Sides> of(Participant actor, Optional<Participant> counterpart) {
      if (counterpart.isEmpty() || counterpart.get().id().equals(actor.id())) {
        return Optional.empty();
      }
      Participant other = counterpart.get();
      if (actor.isPractitioner() && other.isParent()) {
        return Optional.of(new Sides(actor, other));
      }
      if (actor.isParent() && other.isPractitioner()) {
        return Optional.of(new Sides(other, actor));
      }
      return Optional.empty();
    }

    List<ParticipantId> ids() {
      return List.of(practitioner.id(), parent.id());
    }

    Map<ParticipantId, Participant> byId() {
      return Map.of(practitioner.id(), practitioner, parent.id(), parent);
    }
  }
}
