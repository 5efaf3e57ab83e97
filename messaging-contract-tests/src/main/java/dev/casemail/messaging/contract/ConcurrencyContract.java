package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ReadReceipt;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Many callers at once on the same mailboxes. Whatever the interleaving, every invariant holds
 * afterwards: each copy in exactly one folder, no copy lost or doubled, every count equal to a
 * recount, and a race on a unique thing (a folder name, a first view, an auto-reply) has one winner.
 */
public interface ConcurrencyContract extends MessagingFixture {

  int THREADS = 8;

  @Test
  default void concurrentSendsToTheSameMailboxesLoseAndDoubleNothing() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId[] everyone = people.everyone();
    int perTask = 6;

    List<Race.Outcome<List<MessageId>>> outcomes = Race.run(THREADS, task -> () -> {
      ParticipantId from = everyone[task % everyone.length];
      ParticipantId[] to = others(everyone, from);
      List<MessageId> sent = new ArrayList<>();
      for (int i = 0; i < perTask; i++) {
        sent.add(people.send(from, "Task " + task + " message " + i, to).id());
      }
      return sent;
    });

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    Map<ParticipantId, Set<MessageId>> sentBy = new HashMap<>();
    Map<ParticipantId, Set<MessageId>> receivedBy = new HashMap<>();
    for (Race.Outcome<List<MessageId>> outcome : outcomes) {
      ParticipantId from = everyone[outcome.task() % everyone.length];
      sentBy.computeIfAbsent(from, p -> new HashSet<>()).addAll(outcome.value());
      for (ParticipantId to : others(everyone, from)) {
        receivedBy.computeIfAbsent(to, p -> new HashSet<>()).addAll(outcome.value());
      }
    }
    assertThat(sentBy.values().stream().mapToInt(Set::size).sum()).isEqualTo(THREADS * perTask);
    for (ParticipantId owner : everyone) {
      MailboxAudit.Contents contents = MailboxAudit.check(world, owner);
      assertThat(people.ids(owner, SystemFolder.SENT)).containsExactlyInAnyOrderElementsOf(sentBy.get(owner));
      assertThat(people.ids(owner, SystemFolder.INBOX)).containsExactlyInAnyOrderElementsOf(receivedBy.get(owner));
      assertThat(contents.allMessages()).hasSize(sentBy.get(owner).size() + receivedBy.get(owner).size());
      assertThat(world.folder(owner, SystemFolder.INBOX).unread()).isEqualTo(receivedBy.get(owner).size());
    }
  }

  @Test
  default void concurrentMovesOfTheSameMessagesLeaveTheWholeBatchInOneFolder() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.mother;
    Set<MessageId> batch = new LinkedHashSet<>();
    for (int i = 0; i < 10; i++) {
      batch.add(people.send(i % 2 == 0 ? people.practitioner : people.father, "Note " + i, me).id());
    }
    world.as(me).open(batch.iterator().next());
    List<FolderId> targets = List.of(SystemFolder.ARCHIVE.id(), world.as(me).createFolder("Court").id(),
        world.as(me).createFolder("School").id(), SystemFolder.INBOX.id());

    List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, task -> () ->
        world.as(me).move(MoveRequest.of(batch, targets.get(task % targets.size()))));

    assertOnlyFailures(outcomes, ConflictException.class);
    Set<FolderId> winners = outcomes.stream().filter(Race.Outcome::succeeded)
        .map(o -> targets.get(o.task() % targets.size())).collect(Collectors.toSet());
    MailboxAudit.Contents contents = MailboxAudit.check(world, me);
    Set<FolderId> where = batch.stream().map(contents.folderOf()::get).collect(Collectors.toSet());
    assertThat(where).as("a batch moves as a whole").hasSize(1);
    assertThat(winners).containsAll(where);
    assertThat(contents.unread()).filteredOn(batch::contains).hasSize(9);
    assertThat(contents.allMessages()).containsExactlyInAnyOrderElementsOf(batch);
  }

  @Test
  default void concurrentOpensAndMovesKeepEveryUnreadCountEqualToARecount() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.practitioner;
    List<MessageId> messages = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      messages.add(people.send(i % 2 == 0 ? people.mother : people.father, "Note " + i, me).id());
    }
    FolderId court = world.as(me).createFolder("Court").id();
    List<FolderId> targets = List.of(SystemFolder.ARCHIVE.id(), court, SystemFolder.INBOX.id());

    List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, task -> () -> {
      for (int round = 0; round < 3; round++) {
        for (int i = task % 3; i < messages.size(); i += 3) {
          if (task % 2 == 0) {
            world.as(me).open(messages.get(i));
          } else {
            world.as(me).move(MoveRequest.of(messages.get(i), targets.get((task + round) % targets.size())));
          }
        }
      }
    });

    assertOnlyFailures(outcomes, ConflictException.class);
    MailboxAudit.Contents contents = MailboxAudit.check(world, me);
    assertThat(contents.folderOf().keySet()).containsAll(messages);
    // tasks 0, 2, 4 and 6 open every message whatever else happens
    assertThat(contents.unread()).doesNotContainAnyElementsOf(messages);
    assertThat(world.folder(me, SystemFolder.ALL_MESSAGES).unread()).isZero();
  }

  @Test
  default void concurrentCreationOfOneFolderNameHasExactlyOneWinner() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    List<String> spellings = List.of("Court", "court", "COURT", " Court ", "cOURT", "Court", "CoUrT", "court ");

    List<Race.Outcome<FolderView>> outcomes =
        Race.run(THREADS, task -> () -> world.as(parent).createFolder(spellings.get(task)));

    assertOnlyFailures(outcomes, ConflictException.class);
    List<FolderView> winners = outcomes.stream().filter(Race.Outcome::succeeded).map(Race.Outcome::value)
        .collect(Collectors.toList());
    assertThat(winners).hasSize(1);
    assertThat(world.as(parent).folders()).filteredOn(FolderView::isCustom).containsExactly(winners.get(0));
  }

  @Test
  default void concurrentCreationOfDifferentFoldersCreatesThemAll() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");

    List<Race.Outcome<FolderView>> outcomes =
        Race.run(THREADS, task -> () -> world.as(parent).createFolder("Folder " + task));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    List<FolderView> custom = world.as(parent).folders().stream().filter(FolderView::isCustom)
        .collect(Collectors.toList());
    assertThat(custom).extracting(FolderView::id).doesNotHaveDuplicates().hasSize(THREADS)
        .containsExactlyInAnyOrderElementsOf(outcomes.stream().map(o -> o.value().id()).collect(Collectors.toList()));
  }

  @Test
  default void concurrentRenamesToOneNameHaveExactlyOneWinner() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    List<FolderView> folders = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      folders.add(world.as(parent).createFolder("Folder " + i));
    }

    List<Race.Outcome<FolderView>> outcomes = Race.run(THREADS, task -> () ->
        world.as(parent).renameFolder(folders.get(task).id(), task % 2 == 0 ? "Court" : "COURT"));

    assertOnlyFailures(outcomes, ConflictException.class);
    assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
    List<String> names = world.as(parent).folders().stream().filter(FolderView::isCustom).map(FolderView::name)
        .collect(Collectors.toList());
    assertThat(names).hasSize(THREADS);
    assertThat(names.stream().map(n -> n.toLowerCase(Locale.ROOT))).doesNotHaveDuplicates();
  }

  @Test
  default void deletingAFolderWhileMessagesMoveIntoItLosesNothing() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.mother;
    List<MessageId> messages = new ArrayList<>();
    for (int i = 0; i < THREADS - 1; i++) {
      messages.add(people.send(people.practitioner, "Note " + i, me).id());
    }
    FolderId court = world.as(me).createFolder("Court").id();
    int deleter = THREADS / 2;

    List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, task -> () -> {
      if (task == deleter) {
        world.as(me).deleteFolder(court);
      } else {
        world.as(me).move(MoveRequest.of(messages.get(task < deleter ? task : task - 1), court));
      }
    });

    assertThat(outcomes.get(deleter).failure()).isNull();
    MailboxAudit.Contents contents = MailboxAudit.check(world, me);
    assertThat(contents.customFolders()).doesNotContainKey(court);
    for (Race.Outcome<Void> outcome : outcomes) {
      if (outcome.task() == deleter) {
        continue;
      }
      MessageId message = messages.get(outcome.task() < deleter ? outcome.task() : outcome.task() - 1);
      if (outcome.succeeded()) {
        // it reached the folder before the delete, which took it on to Archive
        assertThat(contents.folderOf().get(message)).isEqualTo(SystemFolder.ARCHIVE.id());
      } else {
        assertThat(outcome.failure()).isInstanceOfAny(NotFoundException.class, ConflictException.class);
        assertThat(contents.folderOf().get(message)).isEqualTo(SystemFolder.INBOX.id());
      }
    }
    assertThat(contents.allMessages()).containsExactlyInAnyOrderElementsOf(messages);
  }

  @Test
  default void concurrentDeletesOfOneFolderDeleteItOnceAndLoseNothing() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.father;
    Set<MessageId> messages = new LinkedHashSet<>();
    for (int i = 0; i < 5; i++) {
      messages.add(people.send(people.mother, "Note " + i, me).id());
    }
    FolderId court = world.as(me).createFolder("Court").id();
    world.as(me).move(MoveRequest.of(messages, court));

    List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, task -> () -> world.as(me).deleteFolder(court));

    assertOnlyFailures(outcomes, NotFoundException.class, ConflictException.class);
    assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
    MailboxAudit.check(world, me);
    assertThat(people.ids(me, SystemFolder.ARCHIVE)).containsExactlyInAnyOrderElementsOf(messages);
    assertThat(world.folder(me, SystemFolder.ARCHIVE).unread()).isEqualTo(messages.size());
  }

  @Test
  default void movingMessagesOutOfAFolderWhileItIsDeletedLosesNothing() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    ParticipantId me = people.mother;
    List<MessageId> messages = new ArrayList<>();
    for (int i = 0; i < THREADS - 1; i++) {
      messages.add(people.send(people.father, "Note " + i, me).id());
    }
    FolderId court = world.as(me).createFolder("Court").id();
    world.as(me).move(MoveRequest.of(new LinkedHashSet<>(messages), court));
    int deleter = 0;

    List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, task -> () -> {
      if (task == deleter) {
        world.as(me).deleteFolder(court);
      } else {
        world.as(me).move(MoveRequest.builder().addMessages(messages.get(task - 1)).target(SystemFolder.INBOX.id())
            .expectedSource(court).build());
      }
    });

    assertThat(outcomes.get(deleter).failure()).isNull();
    MailboxAudit.Contents contents = MailboxAudit.check(world, me);
    for (Race.Outcome<Void> outcome : outcomes.subList(1, THREADS)) {
      MessageId message = messages.get(outcome.task() - 1);
      if (outcome.succeeded()) {
        assertThat(contents.folderOf().get(message)).isEqualTo(SystemFolder.INBOX.id());
      } else {
        // the folder was gone (or the message already taken to Archive with it) before the move ran
        assertThat(outcome.failure()).isInstanceOfAny(NotFoundException.class, ConflictException.class);
        assertThat(contents.folderOf().get(message)).isEqualTo(SystemFolder.ARCHIVE.id());
      }
    }
    assertThat(contents.allMessages()).containsExactlyInAnyOrderElementsOf(messages);
  }

  @Test
  default void concurrentCreationsNearTheLimitNeverExceedIt() {
    World world = newWorld();
    ParticipantId parent = world.parent("anna");
    int room = 2;
    for (int i = 0; i < InputRules.MAX_CUSTOM_FOLDERS - room; i++) {
      world.as(parent).createFolder("Folder " + i);
    }

    List<Race.Outcome<FolderView>> outcomes =
        Race.run(THREADS, task -> () -> world.as(parent).createFolder("Late " + task));

    assertOnlyFailures(outcomes, ConflictException.class);
    assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(room);
    assertThat(world.as(parent).folders()).filteredOn(FolderView::isCustom).hasSize(InputRules.MAX_CUSTOM_FOLDERS);
  }

  @Test
  default void concurrentOpensOfOneMessageRecordTheFirstViewOnce() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    MessageView sent = people.send(people.practitioner, "Hearing", people.mother, people.father);

    // each opener sees a later clock, so a second recording would show as a different time
    List<Race.Outcome<Optional<Instant>>> outcomes = Race.run(THREADS, task -> () -> {
      world.clock.advance(Duration.ofSeconds(1));
      return world.as(people.mother).open(sent.id()).openedAt();
    });

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    Set<Optional<Instant>> seen = outcomes.stream().map(Race.Outcome::value).collect(Collectors.toSet());
    assertThat(seen).hasSize(1);
    Instant firstView = seen.iterator().next().orElseThrow();
    assertThat(world.as(people.mother).open(sent.id()).openedAt()).contains(firstView);
    assertThat(world.as(people.practitioner).preview(sent.id()).receipts())
        .extracting(r -> r.recipient().id(), ReadReceipt::firstViewedAt)
        .containsExactly(
            Tuple.tuple(people.mother, Optional.of(firstView)),
            Tuple.tuple(people.father, Optional.empty()));
    assertThat(world.folder(people.mother, SystemFolder.INBOX).unread()).isZero();
    assertThat(world.folder(people.father, SystemFolder.INBOX).unread()).isEqualTo(1);
    MailboxAudit.check(world, people.mother);
  }

  @Test
  default void concurrentSendsToAnAutoRespondingMailboxGetOneAutoReplyPerSender() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    world.as(people.practitioner).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Away").body("Back on Monday").build());

    List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, task -> () ->
        people.send(task % 2 == 0 ? people.mother : people.father, "Question " + task, people.practitioner));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    for (ParticipantId parent : List.of(people.mother, people.father)) {
      assertThat(world.list(parent, SystemFolder.INBOX)).filteredOn(s -> s.kind() == MessageKind.AUTO_REPLY)
          .as("auto-replies to %s", parent).hasSize(1);
      MailboxAudit.check(world, parent);
    }
    List<MessageSummary> sentAutoReplies = world.list(people.practitioner, SystemFolder.SENT);
    assertThat(sentAutoReplies).hasSize(2).allSatisfy(s -> assertThat(s.kind()).isEqualTo(MessageKind.AUTO_REPLY));
    assertThat(people.ids(people.practitioner, SystemFolder.INBOX)).hasSize(THREADS);
    MailboxAudit.check(world, people.practitioner);
  }

  @Test
  default void concurrentSendsWithOneIdempotencyKeySendOnce() {
    World world = newWorld();
    CaseOfThree people = CaseOfThree.in(world);
    NewMessage message = NewMessage.builder().addRecipients(people.mother, people.father).subject("Hearing")
        .body("Monday 9:00").idempotencyKey("hearing-notice-1").build();

    List<Race.Outcome<MessageId>> outcomes =
        Race.run(THREADS, task -> () -> world.as(people.practitioner).send(message).id());

    assertOnlyFailures(outcomes, ConflictException.class);
    Set<MessageId> ids = outcomes.stream().filter(Race.Outcome::succeeded).map(Race.Outcome::value)
        .collect(Collectors.toSet());
    assertThat(ids).hasSize(1);
    for (ParticipantId owner : people.everyone()) {
      MailboxAudit.Contents contents = MailboxAudit.check(world, owner);
      assertThat(contents.allMessages()).containsExactlyElementsOf(ids);
    }
  }

  private static ParticipantId[] others(ParticipantId[] everyone, ParticipantId from) {
    return Arrays.stream(everyone).filter(p -> !p.equals(from)).toArray(ParticipantId[]::new);
  }

  /** Every task succeeded or failed with one of the allowed exceptions, and at least one succeeded. */
  private static <T> void assertOnlyFailures(List<Race.Outcome<T>> outcomes, Class<?>... allowed) {
    assertThat(outcomes).anySatisfy(o -> assertThat(o.succeeded()).isTrue());
    for (Race.Outcome<T> outcome : outcomes) {
      if (!outcome.succeeded()) {
        assertThat(outcome.failure()).as("task %s", outcome.task()).isInstanceOfAny(allowed);
      }
    }
  }
}
