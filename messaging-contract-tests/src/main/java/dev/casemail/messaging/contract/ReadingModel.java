package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * What reading promises, as a model a random chain of sends, opens, previews, moves and folder
 * deletions is checked against: where each copy sits, when it was first viewed, and which messages
 * All Messages holds. {@link #check()} compares every folder of every participant with the model.
 */
final class ReadingModel {

  /** Where a move takes a copy. */
  enum Target { ARCHIVE, HOME, CUSTOM }

  record Copy(ParticipantId owner, MessageId message, boolean received, Instant sentAt) {
    @Override
    public String toString() {
      return owner + "/" + message;
    }
  }

  private static final Comparator<MessageSummary> NEWEST_FIRST =
      Comparator.comparing(MessageSummary::sentAt).thenComparing(MessageSummary::id).reversed();

  final World world;
  final List<ParticipantId> people;
  private final Map<ParticipantId, FolderId> custom = new HashMap<>();
  private final List<Copy> copies = new ArrayList<>();
  private final Map<Copy, FolderId> location = new HashMap<>();
  private final Map<Copy, Instant> firstViewed = new HashMap<>();
  private int folderNames;

  /** {@code people} may all message each other. */
  ReadingModel(World world, List<ParticipantId> people) {
    this.world = world;
    this.people = List.copyOf(people);
    for (ParticipantId p : people) {
      newCustomFolder(p);
    }
  }

  List<Copy> copies() {
    return List.copyOf(copies);
  }

  void send(ParticipantId from, Set<ParticipantId> to, Duration advance) {
    world.clock.advance(advance);
    MessageView sent = world.send(from, "Message " + copies.size(), "body", to.toArray(ParticipantId[]::new));
    Copy own = new Copy(from, sent.id(), false, sent.sentAt());
    copies.add(own);
    location.put(own, SystemFolder.SENT.id());
    for (ParticipantId recipient : sent.recipients().stream().map(r -> r.id()).collect(Collectors.toList())) {
      Copy copy = new Copy(recipient, sent.id(), true, sent.sentAt());
      copies.add(copy);
      location.put(copy, SystemFolder.INBOX.id());
    }
  }

  void open(Copy copy, Duration advance) {
    world.clock.advance(advance);
    MessageView view = world.as(copy.owner()).open(copy.message());
    if (copy.received()) {
      firstViewed.putIfAbsent(copy, world.clock.instant());
    }
    assertThat(view.openedAt()).as("opened " + copy).isEqualTo(expectedOpenedAt(copy));
    assertThat(view.folder()).isEqualTo(location.get(copy));
  }

  void preview(Copy copy) {
    MessageView view = world.as(copy.owner()).preview(copy.message());
    assertThat(view.openedAt()).as("previewed " + copy).isEqualTo(expectedOpenedAt(copy));
    if (!copy.received()) {
      for (var receipt : view.receipts()) {
        Copy theirs = new Copy(receipt.recipient().id(), copy.message(), true, copy.sentAt());
        assertThat(receipt.firstViewedAt()).as("receipt " + theirs).isEqualTo(Optional.ofNullable(firstViewed.get(theirs)));
      }
    }
  }

  void move(Copy copy, Target target) {
    FolderId folder;
    switch (target) {
      case ARCHIVE:
        folder = SystemFolder.ARCHIVE.id();
        break;
      case CUSTOM:
        folder = custom.get(copy.owner());
        break;
      default:
        folder = copy.received() ? SystemFolder.INBOX.id() : SystemFolder.SENT.id();
    }
    world.as(copy.owner()).move(MoveRequest.of(copy.message(), folder));
    location.put(copy, folder);
  }

  /** Deletes the owner's custom folder (its messages go to Archive) and creates a new one. */
  void replaceCustomFolder(ParticipantId owner) {
    FolderId old = custom.get(owner);
    world.as(owner).deleteFolder(old);
    location.replaceAll((copy, folder) -> folder.equals(old) ? SystemFolder.ARCHIVE.id() : folder);
    newCustomFolder(owner);
  }

  /** Every folder of every participant agrees with the model, and its counts with a recount. */
  void check() {
    for (ParticipantId p : people) {
      Map<MessageId, Copy> mine = new LinkedHashMap<>();
      copies.stream().filter(c -> c.owner().equals(p)).forEach(c -> mine.put(c.message(), c));
      for (FolderView folder : world.as(p).folders()) {
        if (folder.id().equals(SystemFolder.DRAFTS.id())) {
          continue;
        }
        boolean all = folder.id().equals(SystemFolder.ALL_MESSAGES.id());
        // All Messages, the longest listing, is read in small pages so that every check follows cursors
        List<MessageSummary> listed = pages(p, folder.id(), all ? 4 : InputRules.MAX_PAGE_SIZE);
        assertThat(listed).as(folder.name() + " of " + p).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(listed.stream().map(MessageSummary::id).distinct().count()).isEqualTo(listed.size());
        assertThat(folder.total()).as(folder.name() + " total of " + p).isEqualTo(listed.size());
        assertThat(folder.unread()).as(folder.name() + " unread of " + p)
            .isEqualTo(listed.stream().filter(MessageSummary::unread).count());
        for (MessageSummary s : listed) {
          Copy copy = mine.get(s.id());
          if (copy == null) {
            assertThat(s.kind().isSystem()).as(s.id() + " unknown to the model in " + folder.name()).isTrue();
            assertThat(all).as("a system message in All Messages").isFalse();
            continue;
          }
          assertThat(s.folder()).as("folder of " + copy).isEqualTo(location.get(copy));
          assertThat(s.openedAt()).as("openedAt of " + copy).isEqualTo(expectedOpenedAt(copy));
          assertThat(s.direction()).isEqualTo(copy.received() ? Direction.RECEIVED : Direction.SENT);
        }
        if (all) {
          assertThat(listed).extracting(MessageSummary::id).containsExactlyInAnyOrderElementsOf(mine.keySet());
        } else {
          List<MessageId> expected = mine.values().stream()
              .filter(c -> location.get(c).equals(folder.id()))
              .map(Copy::message)
              .collect(Collectors.toList());
          assertThat(listed.stream().filter(s -> !s.kind().isSystem()).map(MessageSummary::id))
              .as(folder.name() + " of " + p)
              .containsExactlyInAnyOrderElementsOf(expected);
        }
      }
    }
  }

  // ------------------------------------------------------------------------------ actions

  static Action.Independent<ReadingModel> sendAction(List<ParticipantId> people) {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<ReadingModel>> transformer() {
        Arbitrary<ParticipantId> from = Arbitraries.of(people);
        Arbitrary<Set<ParticipantId>> to = Arbitraries.of(people).set().ofMinSize(1).ofMaxSize(people.size());
        Arbitrary<Integer> seconds = Arbitraries.of(0, 0, 1, 60);
        return Combinators.combine(from, to, seconds).as((f, t, s) -> {
          Set<ParticipantId> recipients = t.stream().filter(r -> !r.equals(f)).collect(Collectors.toSet());
          if (recipients.isEmpty()) {
            recipients = Set.of(people.get((people.indexOf(f) + 1) % people.size()));
          }
          Set<ParticipantId> chosen = recipients;
          return Transformer.<ReadingModel>mutate(
              f + " sends to " + chosen + " after " + s + "s", m -> m.send(f, chosen, Duration.ofSeconds(s)));
        });
      }
    };
  }

  static Action.Dependent<ReadingModel> openAction() {
    return new Action.Dependent<>() {
      @Override
      public boolean precondition(ReadingModel model) {
        return !model.copies.isEmpty();
      }

      @Override
      public Arbitrary<Transformer<ReadingModel>> transformer(ReadingModel model) {
        return Combinators.combine(Arbitraries.of(model.copies()), Arbitraries.of(0, 1, 3600))
            .as((c, s) -> Transformer.<ReadingModel>mutate("open " + c + " after " + s + "s",
                m -> m.open(c, Duration.ofSeconds(s))));
      }
    };
  }

  static Action.Dependent<ReadingModel> previewAction() {
    return new Action.Dependent<>() {
      @Override
      public boolean precondition(ReadingModel model) {
        return !model.copies.isEmpty();
      }

      @Override
      public Arbitrary<Transformer<ReadingModel>> transformer(ReadingModel model) {
        return Arbitraries.of(model.copies()).map(c -> Transformer.<ReadingModel>mutate("preview " + c, m -> m.preview(c)));
      }
    };
  }

  static Action.Dependent<ReadingModel> moveAction() {
    return new Action.Dependent<>() {
      @Override
      public boolean precondition(ReadingModel model) {
        return !model.copies.isEmpty();
      }

      @Override
      public Arbitrary<Transformer<ReadingModel>> transformer(ReadingModel model) {
        return Combinators.combine(Arbitraries.of(model.copies()), Arbitraries.of(Target.class))
            .as((c, t) -> Transformer.<ReadingModel>mutate("move " + c + " to " + t, m -> m.move(c, t)));
      }
    };
  }

  static Action.Independent<ReadingModel> replaceCustomFolderAction(List<ParticipantId> people) {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<ReadingModel>> transformer() {
        return Arbitraries.of(people).map(p -> Transformer.<ReadingModel>mutate(
            "delete the custom folder of " + p, m -> m.replaceCustomFolder(p)));
      }
    };
  }

  // ------------------------------------------------------------------------------ helpers

  private Optional<Instant> expectedOpenedAt(Copy copy) {
    return copy.received() ? Optional.ofNullable(firstViewed.get(copy)) : Optional.of(copy.sentAt());
  }

  private void newCustomFolder(ParticipantId owner) {
    custom.put(owner, world.as(owner).createFolder("Folder " + (++folderNames)).id());
  }

  private List<MessageSummary> pages(ParticipantId owner, FolderId folder, int size) {
    FolderPage page = world.as(owner).folder(folder, PageRequest.first(size));
    List<MessageSummary> read = new ArrayList<>(page.items());
    while (page.next().isPresent()) {
      page = world.as(owner).folder(folder, PageRequest.first(size).next(page.next().get()));
      read.addAll(page.items());
    }
    return read;
  }
}
