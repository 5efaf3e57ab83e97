package dev.casemail.messaging.core.mailbox;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.CountChange;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.participant.Participant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The count rule of {@link MailboxChange}, checked against a model: random sequences of decisions
 * (deliver, move, open, create and delete a folder, save and discard a draft), grouped into calls,
 * each call one change (one builder, or one change per decision joined with {@code and}). After every
 * call, the counts of all changes so far, summed as a store sums them, equal a recount of the model's
 * copies and drafts in every folder and in All Messages; and the parts of each change, applied kind by
 * kind as a store applies them, leave every copy where the model has it.
 */
class MailboxChangeProperties {

  static final List<Participant> PEOPLE = List.of(MEDIATOR, MOTHER, FATHER);
  static final List<FolderId> SYSTEM_PLACES = List.of(
      SystemFolder.INBOX.id(), SystemFolder.ACTION_ITEMS.id(), SystemFolder.NOTIFICATIONS.id(),
      SystemFolder.SENT.id(), SystemFolder.ARCHIVE.id());
  static final FolderId ALL = SystemFolder.ALL_MESSAGES.id();
  static final FolderId DRAFTS = SystemFolder.DRAFTS.id();

  enum Kind { DELIVER, MOVE, OPEN, CREATE_FOLDER, DELETE_FOLDER, SAVE_DRAFT, DISCARD_DRAFT }

  /** One decision; its numbers choose among what the mailboxes hold when it is made. */
  record Decision(Kind kind, int a, int b, int c) {}

  record Place(ParticipantId owner, FolderId folder) {}

  record CopyOf(ParticipantId owner, MessageId message) {}

  @Property
  void theCountsOfEveryChangeAddUpToARecountOfWhatTheMailboxesHold(@ForAll("calls") List<List<Decision>> calls) {
    Map<Place, long[]> stored = new HashMap<>();
    run(calls, (model, change) -> {
      for (CountChange count : change.counts()) {
        long[] kept = stored.computeIfAbsent(new Place(count.owner(), count.folder()), k -> new long[2]);
        kept[0] += count.total();
        kept[1] += count.unread();
      }
      // a store removes a deleted folder's row, counts and all
      change.foldersRemoved().forEach(removed -> stored.remove(new Place(removed.owner(), removed.folder())));

      Map<Place, List<Long>> counted = new HashMap<>();
      stored.forEach((place, kept) -> {
        if (kept[0] != 0 || kept[1] != 0) {
          counted.put(place, List.of(kept[0], kept[1]));
        }
      });
      assertThat(counted).as("total and unread of every folder that holds anything").isEqualTo(model.recount());
      assertThat(model.places()).containsAll(stored.keySet());
    });
  }

  @Property(tries = 300)
  void aChangeAppliedPartByPartAsAStoreAppliesItPutsEveryCopyWhereItsDecisionsPutIt(
      @ForAll("calls") List<List<Decision>> calls) {
    Map<CopyOf, MessageCopy> stored = new LinkedHashMap<>();
    run(calls, (model, change) -> {
      // in the order of the in-memory and JDBC adapters: copies placed, moved, folders emptied, copies opened
      change.placed().forEach(copy -> stored.put(new CopyOf(copy.owner(), copy.message().id()), copy));
      for (MailboxChange.CopiesMoved move : change.moves()) {
        move.messages().forEach(id -> stored.computeIfPresent(new CopyOf(move.owner(), id), (k, c) -> c.in(move.target())));
      }
      for (MailboxChange.FolderEmptied emptied : change.emptied()) {
        stored.replaceAll((k, c) -> c.owner().equals(emptied.owner()) && c.folder().equals(emptied.from()) ? c.in(emptied.into()) : c);
      }
      change.openings().forEach(o -> stored.computeIfPresent(new CopyOf(o.owner(), o.message()), (k, c) -> c.openedAt(o.at())));

      assertThat(stored).isEqualTo(model.copies);
    });
  }

  @Property
  void aChangeNamesEveryMailboxItWritesToAndCountsEachFolderAtMostOnce(@ForAll("calls") List<List<Decision>> calls) {
    run(calls, (model, change) -> {
      Set<ParticipantId> written = new HashSet<>();
      change.counts().forEach(c -> written.add(c.owner()));
      change.placed().forEach(c -> written.add(c.owner()));
      change.moves().forEach(m -> written.add(m.owner()));
      change.openings().forEach(o -> written.add(o.owner()));
      change.firstViews().forEach(v -> written.add(v.sender()));
      change.foldersAdded().forEach(f -> written.add(f.owner()));
      change.foldersRemoved().forEach(f -> written.add(f.owner()));
      change.draftsAdded().forEach(d -> written.add(d.owner()));
      change.draftsRemoved().forEach(d -> written.add(d.owner()));
      assertThat(change.owners()).containsAll(written);

      assertThat(change.counts()).noneMatch(c -> c.total() == 0 && c.unread() == 0);
      assertThat(change.counts().stream().map(c -> new Place(c.owner(), c.folder())).distinct().count())
          .isEqualTo(change.counts().size());
    });
  }

  @Provide
  Arbitrary<List<List<Decision>>> calls() {
    Arbitrary<Kind> kind = Arbitraries.frequency(
        Tuple.of(4, Kind.DELIVER), Tuple.of(6, Kind.MOVE), Tuple.of(3, Kind.OPEN), Tuple.of(2, Kind.CREATE_FOLDER),
        Tuple.of(1, Kind.DELETE_FOLDER), Tuple.of(1, Kind.SAVE_DRAFT), Tuple.of(1, Kind.DISCARD_DRAFT));
    Arbitrary<Integer> choice = Arbitraries.integers().between(0, 999);
    return Combinators.combine(kind, choice, choice, choice).as(Decision::new)
        .list().ofMinSize(1).ofMaxSize(6)
        .list().ofMaxSize(12);
  }

  /** A checker sees the model after each call, and the call's change. */
  interface Check {
    void after(Model model, MailboxChange change);
  }

  private static void run(List<List<Decision>> calls, Check check) {
    Model model = new Model();
    for (List<Decision> call : calls) {
      check.after(model, model.decide(call));
    }
  }

  /** What the mailboxes of three people hold, as the decisions left them. */
  static final class Model {

    final Map<CopyOf, MessageCopy> copies = new LinkedHashMap<>();
    final Map<ParticipantId, List<FolderId>> customFolders = new LinkedHashMap<>();
    final Map<ParticipantId, List<DraftId>> drafts = new LinkedHashMap<>();
    private long nextId = 100;
    /** The copy the latest decision placed, moved or opened: the next move often takes it further. */
    private Optional<CopyOf> lastTouched = Optional.empty();

    Model() {
      PEOPLE.forEach(p -> {
        customFolders.put(p.id(), new ArrayList<>());
        drafts.put(p.id(), new ArrayList<>());
      });
    }

    /**
     * One call: its decisions in one builder when the first one's {@code c} is even, otherwise one
     * change per decision joined with {@code and}.
     */
    MailboxChange decide(List<Decision> call) {
      if (call.get(0).c() % 2 == 0) {
        MailboxChange.Builder builder = MailboxChange.builder();
        call.forEach(d -> decide(d, builder));
        return builder.build();
      }
      MailboxChange change = MailboxChange.NONE;
      for (Decision decision : call) {
        MailboxChange.Builder builder = MailboxChange.builder();
        decide(decision, builder);
        change = change.and(builder.build());
      }
      return change;
    }

    private void decide(Decision d, MailboxChange.Builder change) {
      switch (d.kind()) {
        case DELIVER:
          deliver(d, change::place);
          break;
        case MOVE:
          if (!copies.isEmpty()) {
            MessageCopy copy = d.a() % 2 == 0 && lastTouched.isPresent()
                ? copies.get(lastTouched.get())
                : pick(new ArrayList<>(copies.values()), d.a());
            FolderId target = pick(placesOf(copy.owner()), d.b());
            change.move(copy, target);
            copies.put(key(copy), copy.in(target));
            lastTouched = Optional.of(key(copy));
          }
          break;
        case OPEN:
          List<MessageCopy> unread = copies.values().stream().filter(MessageCopy::isUnread).collect(Collectors.toList());
          if (!unread.isEmpty()) {
            MessageCopy copy = pick(unread, d.a());
            change.open(copy, NOW.plusSeconds(d.b()));
            copies.put(key(copy), copy.openedAt(NOW.plusSeconds(d.b())));
            lastTouched = Optional.of(key(copy));
          }
          break;
        case CREATE_FOLDER:
          ParticipantId owner = pick(PEOPLE, d.a()).id();
          FolderId id = FolderId.of(nextId++);
          change.addFolder(Folder.custom(owner, id, new FolderName("Folder " + id)));
          customFolders.get(owner).add(id);
          break;
        case DELETE_FOLDER:
          List<Place> customs = new ArrayList<>();
          customFolders.forEach((o, ids) -> ids.forEach(f -> customs.add(new Place(o, f))));
          if (!customs.isEmpty()) {
            Place doomed = pick(customs, d.a());
            long[] held = recount(doomed);
            change.removeFolderInto(
                new Folder(doomed.owner(), doomed.folder(), Optional.empty(), new FolderName("doomed"), held[0], held[1]),
                SystemFolder.ARCHIVE.id());
            copies.replaceAll((k, c) -> c.owner().equals(doomed.owner()) && c.folder().equals(doomed.folder())
                ? c.in(SystemFolder.ARCHIVE.id()) : c);
            customFolders.get(doomed.owner()).remove(doomed.folder());
          }
          break;
        case SAVE_DRAFT:
          ParticipantId author = pick(PEOPLE, d.a()).id();
          DraftId draft = DraftId.of(nextId++);
          change.addDraft(Draft.create(author, draft, DraftContent.builder().build(), NOW));
          drafts.get(author).add(draft);
          break;
        default:
          List<Map.Entry<ParticipantId, DraftId>> saved = new ArrayList<>();
          drafts.forEach((o, ids) -> ids.forEach(i -> saved.add(Map.entry(o, i))));
          if (!saved.isEmpty()) {
            Map.Entry<ParticipantId, DraftId> discarded = pick(saved, d.a());
            change.removeDraft(discarded.getKey(), discarded.getValue());
            drafts.get(discarded.getKey()).remove(discarded.getValue());
          }
          break;
      }
    }

    /** A message of any kind, from anyone to one or both of the others (system messages to one person). */
    private void deliver(Decision d, Consumer<MessageCopy> place) {
      MessageKind kind = MessageKind.values()[d.a() % MessageKind.values().length];
      Participant someone = pick(PEOPLE, d.b());
      List<Participant> others = PEOPLE.stream().filter(p -> !p.equals(someone)).collect(Collectors.toList());
      long id = nextId++;
      Message message;
      if (kind.isSystem()) {
        message = Fixtures.message(id, kind, Optional.empty(), List.of(someone), "system", "text");
      } else {
        List<Participant> to = kind == MessageKind.AUTO_REPLY || d.c() % 3 == 0
            ? List.of(others.get(d.c() % 2)) : d.c() % 3 == 1 ? List.of(others.get(1)) : others;
        message = Fixtures.message(id, kind, Optional.of(someone), to, "personal", "text");
      }
      List<MessageCopy> delivered = new ArrayList<>();
      message.sender().ifPresent(s -> delivered.add(MessageCopy.forSender(message)));
      message.recipients().forEach(r -> delivered.add(MessageCopy.forRecipient(message, r.id())));
      delivered.forEach(copy -> {
        place.accept(copy);
        copies.put(key(copy), copy);
      });
      lastTouched = Optional.of(key(delivered.get(d.c() % delivered.size())));
    }

    /** Every folder of every mailbox, All Messages and Drafts included. */
    List<Place> places() {
      List<Place> places = new ArrayList<>();
      for (Participant person : PEOPLE) {
        placesOf(person.id()).forEach(f -> places.add(new Place(person.id(), f)));
        places.add(new Place(person.id(), ALL));
        places.add(new Place(person.id(), DRAFTS));
      }
      return places;
    }

    /** The folders of a mailbox a copy may sit in. */
    List<FolderId> placesOf(ParticipantId owner) {
      List<FolderId> places = new ArrayList<>(SYSTEM_PLACES);
      places.addAll(customFolders.get(owner));
      return places;
    }

    /** Total and unread of every folder that holds anything, counted copy by copy and draft by draft. */
    Map<Place, List<Long>> recount() {
      Map<Place, long[]> counts = new HashMap<>();
      for (MessageCopy copy : copies.values()) {
        List<Place> in = new ArrayList<>(List.of(new Place(copy.owner(), copy.folder())));
        if (copy.inAllMessages()) {
          in.add(new Place(copy.owner(), ALL));
        }
        for (Place place : in) {
          long[] count = counts.computeIfAbsent(place, k -> new long[2]);
          count[0]++;
          count[1] += copy.isUnread() ? 1 : 0;
        }
      }
      drafts.forEach((owner, saved) -> {
        if (!saved.isEmpty()) {
          counts.put(new Place(owner, DRAFTS), new long[] {saved.size(), 0});
        }
      });
      Map<Place, List<Long>> recounted = new HashMap<>();
      counts.forEach((place, count) -> recounted.put(place, List.of(count[0], count[1])));
      return recounted;
    }

    /** Total and unread of a folder, counted one by one. */
    long[] recount(Place place) {
      if (place.folder().equals(DRAFTS)) {
        return new long[] {drafts.get(place.owner()).size(), 0};
      }
      List<MessageCopy> there = copies.values().stream()
          .filter(c -> c.owner().equals(place.owner()))
          .filter(c -> place.folder().equals(ALL) ? c.inAllMessages() : c.folder().equals(place.folder()))
          .collect(Collectors.toList());
      return new long[] {there.size(), there.stream().filter(MessageCopy::isUnread).count()};
    }

    private static CopyOf key(MessageCopy copy) {
      return new CopyOf(copy.owner(), copy.message().id());
    }

    private static <T> T pick(List<T> from, int choice) {
      return from.get(choice % from.size());
    }
  }
}
