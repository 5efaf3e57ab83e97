package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A scenario on one new library: a test clock, short ways to register people and families, grant
 * access and send, and a {@link #snapshot} of everything participants can see, to prove that a
 * refused call changed nothing.
 */
public final class World {

  /** When every scenario starts: a Monday morning. */
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  public final MutableClock clock = new MutableClock(START);
  public final Messaging messaging;

  /** A scenario on the library {@code library} builds from {@code configuration} with this world's clock. */
  World(MessagingConfiguration.Builder configuration, Function<MessagingConfiguration, Messaging> library) {
    this.messaging = library.apply(configuration.clock(clock).build());
  }

  /** Registers a practitioner named after the id ("Practitioner alice" for "alice"). */
  public ParticipantId practitioner(String id) {
    ParticipantId participant = ParticipantId.of(id);
    messaging.directory().register(ParticipantRegistration.practitioner(participant, "Practitioner " + id));
    return participant;
  }

  /** Registers a parent named after the id ("Parent bob" for "bob"). */
  public ParticipantId parent(String id) {
    ParticipantId participant = ParticipantId.of(id);
    messaging.directory().register(ParticipantRegistration.parent(participant, "Parent " + id));
    return participant;
  }

  /** Registers a family of registered parents, named "Family " + id. */
  public FamilyId family(String id, ParticipantId... parents) {
    FamilyId family = FamilyId.of(id);
    messaging
        .directory()
        .registerFamily(FamilyRegistration.of(family, "Family " + id, new LinkedHashSet<>(List.of(parents))));
    return family;
  }

  /** The practitioner requests access to the parent and the parent approves. */
  public void grant(ParticipantId practitioner, ParticipantId parent) {
    as(practitioner).requestAccess(parent);
    as(parent).approveAccess(practitioner);
  }

  public ParticipantMessaging as(ParticipantId participant) {
    return messaging.actingAs(participant);
  }

  /** Sends a message with the given subject and body. */
  public MessageView send(ParticipantId from, String subject, String body, ParticipantId... to) {
    return as(from)
        .send(NewMessage.builder().recipients(List.of(to)).subject(subject).body(body).build());
  }

  /** The participant's view of one of their system folders. */
  public FolderView folder(ParticipantId owner, SystemFolder folder) {
    return folder(owner, folder.id());
  }

  public FolderView folder(ParticipantId owner, FolderId folder) {
    return as(owner).folders().stream()
        .filter(f -> f.id().equals(folder))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no folder " + folder + " for " + owner));
  }

  /** Every message in a folder (or All Messages), newest first, reading page after page. */
  public List<MessageSummary> list(ParticipantId owner, FolderId folder) {
    List<MessageSummary> all = new ArrayList<>();
    PageRequest request = PageRequest.first(PageRequest.DEFAULT_SIZE);
    while (true) {
      FolderPage page = as(owner).folder(folder, request);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      request = request.next(page.next().get());
    }
  }

  public List<MessageSummary> list(ParticipantId owner, SystemFolder folder) {
    return list(owner, folder.id());
  }

  /** Every draft of the owner, most recently saved first. */
  public List<DraftView> drafts(ParticipantId owner) {
    List<DraftView> all = new ArrayList<>();
    PageRequest request = PageRequest.first(PageRequest.DEFAULT_SIZE);
    while (true) {
      DraftPage page = as(owner).drafts(request);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      request = request.next(page.next().get());
    }
  }

  /**
   * Everything the participants can see of their own data: folders with counts, every folder's
   * messages (with first-viewed times), drafts, access links and auto-responder settings. Two equal
   * snapshots mean nothing visible changed in between.
   */
  public Map<ParticipantId, Object> snapshot(ParticipantId... participants) {
    Map<ParticipantId, Object> snapshot = new LinkedHashMap<>();
    for (ParticipantId participant : participants) {
      Map<String, Object> mine = new LinkedHashMap<>();
      List<FolderView> folders = as(participant).folders();
      mine.put("folders", folders);
      for (FolderView folder : folders) {
        if (!folder.id().equals(SystemFolder.DRAFTS.id())) {
          mine.put("folder " + folder.id(), list(participant, folder.id()));
        }
      }
      mine.put("drafts", drafts(participant));
      List<AccessLinkView> links = as(participant).accessLinks();
      mine.put("links", Set.copyOf(links));
      AutoResponderSettings autoResponder = as(participant).autoResponder();
      mine.put("autoResponder", autoResponder);
      snapshot.put(participant, mine);
    }
    return snapshot;
  }
}
