package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.ThreadPage;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The state of one try of {@link FolderMoveProperties}: a practitioner and both parents of a family on
 * a new library, and a simple model of what each mailbox must hold: which copies exist, the folder
 * each sits in, whether it is unread, and each owner's custom folders. Every step calls the library,
 * checks the answer against the model and updates the model; {@link #checkInvariants()} compares every
 * mailbox with the model.
 *
 * <p>Steps take plain numbers and resolve them against the current state ("the n-th copy of the
 * owner, modulo how many there are"), so that any sequence of steps is valid and shrinks well.
 */
final class FolderMoveMachine {

  /** Names to create and rename folders with: equal ignoring case or NFKC, system names, SQL. */
  private static final List<String> NAMES = List.of(
      "Court", "court", " COURT ", "Hearing", "Ärzte", "ÄRZTE", "ﬁles", "Files", "Inbox", "archive", "All Messages",
      "Café", "Cafe\u0301", "Court\u00A0", "Hear\u200Bing", "x'; DROP TABLE folders; --", "100%_done");

  private static final Set<String> SYSTEM_KEYS =
      Arrays.stream(SystemFolder.values()).map(f -> key(f.displayName())).collect(Collectors.toSet());

  private final World world;
  private final CaseOfThree people;
  private final List<ParticipantId> everyone;
  private final Map<ParticipantId, Map<MessageId, Copy>> copies = new LinkedHashMap<>();
  private final Map<ParticipantId, Map<FolderId, String>> customFolders = new LinkedHashMap<>();
  private final Map<MessageId, Sent> messages = new LinkedHashMap<>();
  private final Set<ParticipantId> responding = new LinkedHashSet<>();
  /** When each owner's auto-responder last answered each sender, since its settings last changed. */
  private final Map<List<ParticipantId>, Instant> lastAutoReply = new LinkedHashMap<>();
  private int sends;

  /** One copy in the model. */
  private static final class Copy {
    final MessageKind kind;
    final boolean sentByOwner;
    FolderId folder;
    boolean unread;

    Copy(MessageKind kind, boolean sentByOwner, FolderId folder, boolean unread) {
      this.kind = kind;
      this.sentByOwner = sentByOwner;
      this.folder = folder;
      this.unread = unread;
    }

    SystemFolder home() {
      switch (kind) {
        case ACTION_ITEM:
          return SystemFolder.ACTION_ITEMS;
        case NOTIFICATION:
          return SystemFolder.NOTIFICATIONS;
        default:
          return sentByOwner ? SystemFolder.SENT : SystemFolder.INBOX;
      }
    }

    boolean mayGoTo(FolderId target) {
      Optional<SystemFolder> system = SystemFolder.of(target);
      return system.isEmpty() || system.get() == SystemFolder.ARCHIVE || system.get() == home();
    }
  }

  /** A message in the model: who sent it (empty for a system message), to whom, in which thread. */
  private record Sent(Optional<ParticipantId> sender, List<ParticipantId> recipients, Optional<ThreadId> thread) {}

  FolderMoveMachine(World world) {
    this.world = world;
    this.people = CaseOfThree.in(world);
    this.everyone = List.of(people.practitioner, people.mother, people.father);
    for (ParticipantId owner : everyone) {
      copies.put(owner, new LinkedHashMap<>());
      customFolders.put(owner, new LinkedHashMap<>());
    }
    // the practitioner is away from the start, so auto-replies happen early in every try
    configureAutoResponder(0, true);
    // granting access left each parent the request, and the practitioner both approvals
    for (ParticipantId owner : everyone) {
      List<MessageSummary> actionItems = world.list(owner, SystemFolder.ACTION_ITEMS);
      assertThat(actionItems).hasSize(owner.equals(people.practitioner) ? 2 : 1);
      for (MessageSummary item : actionItems) {
        assertThat(item.kind()).isEqualTo(MessageKind.ACTION_ITEM);
        copies.get(owner)
            .put(item.id(), new Copy(MessageKind.ACTION_ITEM, false, SystemFolder.ACTION_ITEMS.id(), true));
        messages.put(item.id(), new Sent(Optional.empty(), List.of(owner), Optional.empty()));
      }
    }
  }

  // ------------------------------------------------------------------------------ composing

  void send(int fromChoice, int recipientChoice) {
    ParticipantId from = participant(fromChoice);
    List<ParticipantId> others = others(from);
    List<ParticipantId> to = switch (recipientChoice % 3) {
      case 0 -> List.of(others.get(0));
      case 1 -> List.of(others.get(1));
      default -> others;
    };
    MessageView sent = world.as(from).send(
        NewMessage.builder().recipients(to).subject("Message " + ++sends).body("Body " + sends).build());
    delivered(from, sent, to);
  }

  void reply(int ownerChoice, int copyChoice, boolean all) {
    ParticipantId owner = participant(ownerChoice);
    List<MessageId> answerable = copies.get(owner).entrySet().stream()
        .filter(e -> !e.getValue().kind.isSystem()).map(Map.Entry::getKey).collect(Collectors.toList());
    if (answerable.isEmpty()) {
      return;
    }
    MessageId original = answerable.get(copyChoice % answerable.size());
    Sent message = messages.get(original);
    Set<ParticipantId> to = new LinkedHashSet<>();
    if (copies.get(owner).get(original).sentByOwner) {
      to.addAll(message.recipients());
    } else {
      to.add(message.sender().orElseThrow());
      if (all) {
        to.addAll(message.recipients());
      }
    }
    to.remove(owner);
    Reply reply = Reply.builder().message(original).body("Answer " + ++sends).build();
    MessageView sent = all ? world.as(owner).replyAll(reply) : world.as(owner).reply(reply);
    assertThat(sent.thread()).isEqualTo(message.thread().orElseThrow());
    assertThat(sent.inReplyTo()).contains(original);
    delivered(owner, sent, List.copyOf(to));
  }

  void notify(int ownerChoice) {
    ParticipantId owner = participant(ownerChoice);
    MessageId id = people.notify(owner, "Notification " + ++sends);
    copies.get(owner).put(id, new Copy(MessageKind.NOTIFICATION, false, SystemFolder.NOTIFICATIONS.id(), true));
    messages.put(id, new Sent(Optional.empty(), List.of(owner), Optional.empty()));
  }

  void configureAutoResponder(int ownerChoice, boolean enabled) {
    ParticipantId owner = participant(ownerChoice);
    AutoResponderSettings settings = enabled
        ? AutoResponderSettings.builder().enabled(true).subject("Away").body("Back next week").build()
        : AutoResponderSettings.disabled();
    world.as(owner).configureAutoResponder(settings);
    if (enabled) {
      responding.add(owner);
    } else {
      responding.remove(owner);
    }
    // new settings start the once-per-interval count afresh
    lastAutoReply.keySet().removeIf(pair -> pair.get(0).equals(owner));
  }

  void timePasses(int days) {
    world.clock.advance(Duration.ofDays(days));
  }

  private void delivered(ParticipantId from, MessageView sent, List<ParticipantId> to) {
    assertThat(sent.folder()).isEqualTo(SystemFolder.SENT.id());
    assertThat(sent.recipients()).extracting(ParticipantView::id).containsExactlyInAnyOrderElementsOf(to);
    messages.put(sent.id(), new Sent(Optional.of(from), List.copyOf(to), Optional.of(sent.thread())));
    copies.get(from).put(sent.id(), new Copy(MessageKind.PERSONAL, true, SystemFolder.SENT.id(), false));
    for (ParticipantId recipient : to) {
      copies.get(recipient).put(sent.id(), new Copy(MessageKind.PERSONAL, false, SystemFolder.INBOX.id(), true));
    }
    expectAutoReplies(from, sent, to);
  }

  /** Predicts who answers {@code sent} automatically, then finds those auto-replies in the thread. */
  private void expectAutoReplies(ParticipantId from, MessageView sent, List<ParticipantId> to) {
    Instant now = world.clock.instant();
    List<ParticipantId> responders = new ArrayList<>();
    for (ParticipantId recipient : to) {
      Instant last = lastAutoReply.get(List.of(recipient, from));
      boolean due = last == null || !now.isBefore(last.plus(AutoResponderSettings.DEFAULT_REPLY_INTERVAL));
      if (responding.contains(recipient) && due) {
        responders.add(recipient);
        lastAutoReply.put(List.of(recipient, from), now);
      }
    }
    List<MessageSummary> autoReplies = thread(from, sent.thread()).stream()
        .filter(s -> s.kind() == MessageKind.AUTO_REPLY && !copies.get(from).containsKey(s.id()))
        .collect(Collectors.toList());
    assertThat(autoReplies).as("auto-replies to %s", sent.subject())
        .extracting(s -> s.sender().orElseThrow().id())
        .containsExactlyInAnyOrderElementsOf(responders);
    for (MessageSummary autoReply : autoReplies) {
      ParticipantId responder = autoReply.sender().orElseThrow().id();
      messages.put(autoReply.id(), new Sent(Optional.of(responder), List.of(from), Optional.of(sent.thread())));
      copies.get(responder).put(autoReply.id(), new Copy(MessageKind.AUTO_REPLY, true, SystemFolder.SENT.id(), false));
      copies.get(from).put(autoReply.id(), new Copy(MessageKind.AUTO_REPLY, false, SystemFolder.INBOX.id(), true));
    }
  }

  // ------------------------------------------------------------------------------ reading

  void open(int ownerChoice, int copyChoice) {
    ParticipantId owner = participant(ownerChoice);
    Optional<MessageId> id = pick(owner, copyChoice);
    if (id.isEmpty()) {
      return;
    }
    Copy copy = copies.get(owner).get(id.get());
    MessageView opened = world.as(owner).open(id.get());
    assertThat(opened.folder()).isEqualTo(copy.folder);
    assertThat(opened.openedAt()).isPresent();
    copy.unread = false;
  }

  // ------------------------------------------------------------------------------ moving

  void move(int ownerChoice, List<Integer> copyChoices, int targetChoice, boolean expectSource, boolean addForeign) {
    ParticipantId owner = participant(ownerChoice);
    if (copies.get(owner).isEmpty()) {
      return;
    }
    Set<MessageId> batch = new LinkedHashSet<>();
    copyChoices.forEach(choice -> pick(owner, choice).ifPresent(batch::add));
    List<FolderId> targets = new ArrayList<>();
    Arrays.stream(SystemFolder.values()).map(SystemFolder::id).forEach(targets::add);
    targets.addAll(customFolders.get(owner).keySet());
    FolderId target = targets.get(targetChoice % targets.size());
    Optional<FolderId> source =
        expectSource ? Optional.of(copies.get(owner).get(batch.iterator().next()).folder) : Optional.empty();
    Optional<MessageId> foreign = addForeign ? foreignMessage(owner, targetChoice) : Optional.empty();
    foreign.ifPresent(batch::add);
    move(owner, batch, target, source, foreign);
  }

  void archive(int ownerChoice, int copyChoice) {
    ParticipantId owner = participant(ownerChoice);
    pick(owner, copyChoice).ifPresent(id ->
        move(owner, Set.of(id), SystemFolder.ARCHIVE.id(), Optional.empty(), Optional.empty()));
  }

  /** Moves a copy into one of the owner's custom folders, if they have any. */
  void file(int ownerChoice, int copyChoice, int folderChoice) {
    ParticipantId owner = participant(ownerChoice);
    Optional<FolderId> folder = customFolder(owner, folderChoice);
    Optional<MessageId> copy = pick(owner, copyChoice);
    if (folder.isPresent() && copy.isPresent()) {
      move(owner, Set.of(copy.get()), folder.get(), Optional.empty(), Optional.empty());
    }
  }

  void restore(int ownerChoice, int copyChoice) {
    ParticipantId owner = participant(ownerChoice);
    pick(owner, copyChoice).ifPresent(id -> move(
        owner, Set.of(id), copies.get(owner).get(id).home().id(), Optional.empty(), Optional.empty()));
  }

  private void move(
      ParticipantId owner, Set<MessageId> batch, FolderId target, Optional<FolderId> source,
      Optional<MessageId> foreign) {
    MoveRequest.Builder request = MoveRequest.builder().messages(batch).target(target);
    source.ifPresent(request::expectedSource);
    MoveRequest move = request.build();
    Map<MessageId, Copy> mine = copies.get(owner);
    Set<MessageId> illegal = batch.stream()
        .filter(id -> mine.containsKey(id) && !mine.get(id).mayGoTo(target))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    boolean elsewhere = source.isPresent()
        && batch.stream().anyMatch(id -> mine.containsKey(id) && !mine.get(id).folder.equals(source.get()));

    if (foreign.isPresent() || !illegal.isEmpty() || elsewhere) {
      Map<ParticipantId, Object> before = world.snapshot(everyone.toArray(ParticipantId[]::new));
      if (foreign.isPresent()) {
        NotFoundException refused = thrown(NotFoundException.class, () -> world.as(owner).move(move));
        assertThat(refused.id()).isEqualTo(foreign.get().toString());
      } else if (!illegal.isEmpty()) {
        IllegalMoveException refused = thrown(IllegalMoveException.class, () -> world.as(owner).move(move));
        assertThat(refused.offending().keySet()).containsExactlyInAnyOrderElementsOf(illegal);
      } else {
        thrown(ConflictException.class, () -> world.as(owner).move(move));
      }
      assertThat(world.snapshot(everyone.toArray(ParticipantId[]::new))).as("a refused move changes nothing")
          .isEqualTo(before);
      return;
    }
    List<MessageSummary> allMessagesBefore = world.list(owner, SystemFolder.ALL_MESSAGES);
    world.as(owner).move(move);
    batch.forEach(id -> mine.get(id).folder = target);
    assertThat(world.list(owner, SystemFolder.ALL_MESSAGES)).extracting(MessageSummary::id)
        .as("a move never changes All Messages")
        .containsExactlyElementsOf(allMessagesBefore.stream().map(MessageSummary::id).collect(Collectors.toList()));
  }

  // ------------------------------------------------------------------------------ custom folders

  void createFolder(int ownerChoice, int nameChoice) {
    ParticipantId owner = participant(ownerChoice);
    String name = NAMES.get(nameChoice % NAMES.size());
    Optional<Class<? extends RuntimeException>> refusal = nameRefusal(owner, name, Optional.empty());
    if (refusal.isPresent()) {
      refused(owner, refusal.get(), () -> world.as(owner).createFolder(name));
      return;
    }
    FolderView created = world.as(owner).createFolder(name);
    assertThat(created.name()).isEqualTo(name.strip());
    assertThat(created.isCustom()).isTrue();
    customFolders.get(owner).put(created.id(), created.name());
  }

  void renameFolder(int ownerChoice, int folderChoice, int nameChoice) {
    ParticipantId owner = participant(ownerChoice);
    Optional<FolderId> folder = customFolder(owner, folderChoice);
    if (folder.isEmpty()) {
      return;
    }
    String name = NAMES.get(nameChoice % NAMES.size());
    Optional<Class<? extends RuntimeException>> refusal = nameRefusal(owner, name, folder);
    if (refusal.isPresent()) {
      refused(owner, refusal.get(), () -> world.as(owner).renameFolder(folder.get(), name));
      return;
    }
    FolderView renamed = world.as(owner).renameFolder(folder.get(), name);
    assertThat(renamed.id()).isEqualTo(folder.get());
    customFolders.get(owner).put(folder.get(), renamed.name());
    assertThat(renamed.name()).isEqualTo(name.strip());
  }

  void deleteFolder(int ownerChoice, int folderChoice) {
    ParticipantId owner = participant(ownerChoice);
    Optional<FolderId> folder = customFolder(owner, folderChoice);
    if (folder.isEmpty()) {
      return;
    }
    world.as(owner).deleteFolder(folder.get());
    customFolders.get(owner).remove(folder.get());
    copies.get(owner).values().stream().filter(c -> c.folder.equals(folder.get()))
        .forEach(c -> c.folder = SystemFolder.ARCHIVE.id());
  }

  /** Which refusal creating (or renaming {@code self} to) {@code name} must meet; empty if none. */
  private Optional<Class<? extends RuntimeException>> nameRefusal(
      ParticipantId owner, String name, Optional<FolderId> self) {
    String key = key(name);
    if (SYSTEM_KEYS.contains(key)) {
      return Optional.of(InvalidInputException.class);
    }
    boolean taken = customFolders.get(owner).entrySet().stream()
        .anyMatch(e -> !self.equals(Optional.of(e.getKey())) && key(e.getValue()).equals(key));
    return taken ? Optional.of(ConflictException.class) : Optional.empty();
  }

  private void refused(
      ParticipantId owner, Class<? extends RuntimeException> type, ThrowingCallable call) {
    Map<ParticipantId, Object> before = world.snapshot(owner);
    RuntimeException refused = thrown(type, call);
    if (refused instanceof InvalidInputException invalid) {
      assertThat(invalid.field()).isEqualTo("name");
    }
    assertThat(world.snapshot(owner)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ invariants

  /** Every mailbox, read through the API, is exactly what the model says. */
  void checkInvariants() {
    for (ParticipantId owner : everyone) {
      MailboxAudit.Contents contents = MailboxAudit.check(world, owner);
      Map<MessageId, FolderId> expectedFolders = new LinkedHashMap<>();
      copies.get(owner).forEach((id, copy) -> expectedFolders.put(id, copy.folder));
      assertThat(contents.folderOf()).as("where %s's copies are", owner).isEqualTo(expectedFolders);
      assertThat(contents.unread()).as("%s's unread copies", owner).containsExactlyInAnyOrderElementsOf(
          copies.get(owner).entrySet().stream().filter(e -> e.getValue().unread).map(Map.Entry::getKey)
              .collect(Collectors.toList()));
      assertThat(contents.allMessages()).as("%s's All Messages", owner).containsExactlyInAnyOrderElementsOf(
          copies.get(owner).entrySet().stream().filter(e -> !e.getValue().kind.isSystem()).map(Map.Entry::getKey)
              .collect(Collectors.toList()));
      assertThat(contents.customFolders()).as("%s's custom folders", owner).isEqualTo(customFolders.get(owner));
    }
  }

  // ------------------------------------------------------------------------------ helpers

  /**
   * The comparison key of a folder name, as the product defines it: NFKC, without invisible format
   * characters, trimmed, ignoring case.
   */
  static String key(String name) {
    StringBuilder visible = new StringBuilder();
    Normalizer.normalize(name, Normalizer.Form.NFKC).codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
    return visible.toString().strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  private ParticipantId participant(int choice) {
    return everyone.get(choice % everyone.size());
  }

  private List<ParticipantId> others(ParticipantId participant) {
    return everyone.stream().filter(p -> !p.equals(participant)).collect(Collectors.toList());
  }

  private Optional<MessageId> pick(ParticipantId owner, int choice) {
    List<MessageId> ids = List.copyOf(copies.get(owner).keySet());
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(choice % ids.size()));
  }

  private Optional<FolderId> customFolder(ParticipantId owner, int choice) {
    List<FolderId> ids = List.copyOf(customFolders.get(owner).keySet());
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(choice % ids.size()));
  }

  /** A message some other mailbox holds and the owner's does not. */
  private Optional<MessageId> foreignMessage(ParticipantId owner, int choice) {
    List<MessageId> foreign = messages.keySet().stream().filter(id -> !copies.get(owner).containsKey(id))
        .collect(Collectors.toList());
    return foreign.isEmpty() ? Optional.empty() : Optional.of(foreign.get(choice % foreign.size()));
  }

  private List<MessageSummary> thread(ParticipantId owner, ThreadId thread) {
    List<MessageSummary> all = new ArrayList<>();
    PageRequest request = PageRequest.first(PageRequest.DEFAULT_SIZE);
    while (true) {
      ThreadPage page = world.as(owner).thread(thread, request);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      request = request.next(page.next().get());
    }
  }

  @Override
  public String toString() {
    return copies.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().size() + " copies, folders "
            + customFolders.get(e.getKey()).values())
        .collect(Collectors.joining("; ", "FolderMoveMachine[", "]"));
  }
}
