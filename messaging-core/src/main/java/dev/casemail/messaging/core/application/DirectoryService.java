package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.FamilyView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.mailbox.Mailbox;
import dev.casemail.messaging.core.participant.Family;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host's register of participants and families; registering a participant opens their mailbox.
 * Registrations are the directory, not a mailbox: they are written directly, and a family is locked
 * only by the calls that change it.
 */
final class DirectoryService implements Directory {

  private final Context context;

  DirectoryService(Context context) {
    this.context = context;
  }

  @Override
  public ParticipantView register(ParticipantRegistration registration) {
    InputRules.required("registration", registration);
    Participant participant = new Participant(registration.id(), registration.role(), registration.displayName());
    return context.transactions.write("register", store -> Plan.of(List.of(participant.id()), () -> {
      Optional<Participant> existing = store.participants().find(participant.id());
      if (existing.isPresent()) {
        if (!existing.get().equals(participant)) {
          throw new ConflictException("participant " + participant.id() + " is registered with another role or name");
        }
        return Outcome.unchanged(existing.get().view());
      }
      store.participants().insert(participant);
      return Outcome.of(Mailbox.open(participant.id()), participant.view());
    }));
  }

  @Override
  public FamilyView registerFamily(FamilyRegistration registration) {
    InputRules.required("registration", registration);
    return context.transactions.write("registerFamily", store -> Plan.of(List.of(), () -> {
      Family family = new Family(registration.id(), registration.name(), registration.parents());
      Optional<Family> existing = store.families().findForUpdate(family.id());
      if (existing.isPresent()) {
        if (!existing.get().equals(family)) {
          throw new ConflictException("family " + family.id() + " is registered with another name or other parents");
        }
        return Outcome.unchanged(view(store, existing.get()));
      }
      registration.parents().forEach(parent -> requireParent(store, parent, "parents")); // in the caller's order
      store.families().insert(family);
      return Outcome.unchanged(view(store, family));
    }));
  }

  @Override
  public FamilyView addParent(FamilyId familyId, ParticipantId parent) {
    InputRules.required("family", familyId);
    InputRules.required("parent", parent);
    return context.transactions.write("addParent", store -> Plan.of(List.of(), () -> {
      Family family = store.families().findForUpdate(familyId)
          .orElseThrow(() -> new NotFoundException("family", familyId.value()));
      requireParent(store, parent, "parent");
      if (family.hasParent(parent)) {
        return Outcome.unchanged(view(store, family));
      }
      if (family.parents().size() >= InputRules.MAX_PARENTS_PER_FAMILY) {
        throw new ConflictException(
            "family " + familyId + " already has " + InputRules.MAX_PARENTS_PER_FAMILY + " parents");
      }
      store.families().addParent(familyId, parent);
      Set<ParticipantId> parents = new LinkedHashSet<>(family.parents());
      parents.add(parent);
      return Outcome.unchanged(view(store, new Family(familyId, family.name(), parents)));
    }));
  }

  @Override
  public ParticipantView participant(ParticipantId participant) {
    InputRules.required("participant", participant);
    return context.transactions.read("participant", store -> Context.participant(store, participant).view());
  }

  @Override
  public FamilyView family(FamilyId family) {
    InputRules.required("family", family);
    return context.transactions.read("family", store -> view(store, family(store, family)));
  }

  private static Family family(Store store, FamilyId id) {
    return store.families().find(id).orElseThrow(() -> new NotFoundException("family", id.value()));
  }

  private static void requireParent(Store store, ParticipantId id, String field) {
    if (!Context.participant(store, id).isParent()) {
      throw new InvalidInputException(field, "must be a parent, but " + id + " is a practitioner");
    }
  }

  private static FamilyView view(Store store, Family family) {
    Map<ParticipantId, Participant> parents = store.participants().findAll(family.parents());
    return FamilyView.builder()
        .id(family.id())
        .name(family.name())
        .parents(parents.values().stream()
            .sorted(Comparator.comparing(Participant::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Participant::id))
            .map(Participant::view)
            .collect(Collectors.toList()))
        .build();
  }
}
