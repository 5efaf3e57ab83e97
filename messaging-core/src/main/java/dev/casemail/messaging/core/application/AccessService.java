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
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
      Participant counterpart = Context.participant(store, counterpartId);
      Sides sides = Sides.of(actor, counterpart, "counterpart");
      Optional<AccessLink> existing = store.accessLinks().find(sides.practitioner.id(), sides.parent.id());
      AccessLink link = AccessLink.request(existing, sides.practitioner.id(), sides.parent.id(), actorId, context.now());
      return record(store, link, actor, sides);
    });
  }

  AccessLinkView approve(ParticipantId actorId, ParticipantId requester) {
    return transition("approveAccess", "requester", actorId, requester, AccessLink::approve);
  }

  AccessLinkView refuse(ParticipantId actorId, ParticipantId requester) {
    return transition("refuseAccess", "requester", actorId, requester, AccessLink::refuse);
  }

  AccessLinkView block(ParticipantId actorId, ParticipantId requester) {
    return transition("blockAccess", "requester", actorId, requester, AccessLink::block);
  }

  AccessLinkView withdraw(ParticipantId actorId, ParticipantId counterpart) {
    return transition("withdrawAccessRequest", "counterpart", actorId, counterpart, AccessLink::withdraw);
  }

  AccessLinkView remove(ParticipantId actorId, ParticipantId counterpart) {
    return transition("removeAccess", "counterpart", actorId, counterpart, AccessLink::remove);
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

  List<CaseView> cases(ParticipantId actorId) {
    return context.transactions.read("cases", store -> {
      Participant actor = Context.participant(store, actorId);
      Map<ParticipantId, AccessStatus> statuses = new LinkedHashMap<>();
      Map<FamilyId, Family> families = new LinkedHashMap<>();
      if (actor.isParent()) {
        store.families().ofParent(actorId).forEach(f -> families.put(f.id(), f));
      } else {
        for (AccessLink link : store.accessLinks().of(actorId)) {
          statuses.put(link.parent(), link.status());
          store.families().ofParent(link.parent()).forEach(f -> families.put(f.id(), f));
        }
      }
      Set<ParticipantId> parentIds = new HashSet<>();
      families.values().forEach(f -> parentIds.addAll(f.parents()));
      Map<ParticipantId, Participant> parents = store.participants().findAll(parentIds);
      return families.values().stream()
          .sorted(Comparator.comparing(Family::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Family::id))
          .map(family -> CaseView.builder()
              .family(family.id())
              .name(family.name())
              .members(family.parents().stream()
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

  /**
   * Exactly whom the actor may message, grouped by family: a parent under each of their families the
   * actor can see (all of them for a practitioner, the shared ones for a parent), practitioners in a
   * group of their own, anyone else in a last group.
   */
  List<RecipientGroup> recipients(ParticipantId actorId) {
    return context.transactions.read("recipients", store -> {
      Participant actor = Context.participant(store, actorId);
      Set<ParticipantId> allowed = context.policy.recipientsOf(actor, new StoreAccessFacts(store));
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

  private AccessLinkView transition(
      String operation,
      String field,
      ParticipantId actorId,
      ParticipantId counterpartId,
      Step step) {
    return context.transactions.write(operation, store -> {
      Participant actor = Context.participant(store, actorId);
      Participant counterpart = Context.participant(store, counterpartId);
      Sides sides = Sides.of(actor, counterpart, field);
      AccessLink link = store.accessLinks().find(sides.practitioner.id(), sides.parent.id())
          .orElseThrow(() -> new NotFoundException("access link with", counterpartId.value()));
      return record(store, step.apply(link, actorId, context.now()), actor, sides);
    });
  }

  private AccessLinkView record(Store store, AccessLink link, Participant actor, Sides sides) {
    store.accessLinks().save(link);
    AccessNotice notice = AccessNotice.of(link, actor);
    Participant recipient = notice.recipient().equals(sides.practitioner.id()) ? sides.practitioner : sides.parent;
    composer.postSystem(store, MessageKind.ACTION_ITEM, recipient, notice.subject(), notice.body());
    return Views.link(link, Map.of(sides.practitioner.id(), sides.practitioner, sides.parent.id(), sides.parent));
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

    static Sides of(Participant actor, Participant counterpart, String field) {
      if (actor.isPractitioner() && counterpart.isParent()) {
        return new Sides(actor, counterpart);
      }
      if (actor.isParent() && counterpart.isPractitioner()) {
        return new Sides(counterpart, actor);
      }
      throw new InvalidInputException(field, "must be a parent for a practitioner, or a practitioner for a parent");
    }
  }
}
