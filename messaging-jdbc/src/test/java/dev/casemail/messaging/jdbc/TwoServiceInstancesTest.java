package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ReadReceipt;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MailboxAudit;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two service instances on one PostgreSQL database, as a host runs them: two {@link Messaging}
 * instances, each on its own HikariCP pool and with its own id generator. Threads on both nodes send,
 * move the same messages to different folders, delete folders that others are moving into, remove and
 * restore access and open messages, all at once. Afterwards every invariant of the property suite
 * holds, read through the API and recounted in the tables: no copy lost or doubled, each copy in one
 * real folder that exists, every count equal to a recount, every first view recorded once, both sides
 * of every access link alike. A call may fail only the way its race allows (a lost race, a folder
 * deleted meanwhile, access removed meanwhile); any other failure fails the test.
 */
class TwoServiceInstancesTest {

  private static final Logger LOG = LoggerFactory.getLogger(TwoServiceInstancesTest.class);

  /** Threads of the mixed workload, half on each node. */
  private static final int THREADS = 4;

  private static final int OPERATIONS_PER_THREAD = 250;

  /** How many of the newest messages every thread keeps moving and opening. */
  private static final int HOT = 6;

  private static final List<String> FOLDER_NAMES =
      List.of("Court", "School", "Health", "Holidays", "Finances", "Evidence");

  /** Threads of the single-message races, half on each node, each moving to its own folder. */
  private static final int MOVERS = 6;

  private static final int MOVE_ROUNDS = 100;

  /** Threads sending one message under one idempotency key, half on each node. */
  private static final int SENDERS = 8;

  private static final int SEND_ROUNDS = 40;

  private HikariDataSource poolA;
  private HikariDataSource poolB;
  private Messaging nodeA;
  private Messaging nodeB;

  /** Scenario helpers and the mailbox audit, through node A. */
  private World world;

  @BeforeEach
  void twoNodesOnOneDatabase() {
    String schema = TestDatabases.migratedPostgresSchema();
    poolA = TestDatabases.postgresPool(schema, THREADS);
    poolB = TestDatabases.postgresPool(schema, THREADS);
    // each node builds its own configuration, hence its own id generator, as two processes would
    // access changes back and forth many times a second: far beyond the default request limit
    nodeA = JdbcMessaging.create(poolA, MessagingConfiguration.builder().accessRequestLimit(1000).build());
    nodeB = JdbcMessaging.create(poolB, MessagingConfiguration.builder().accessRequestLimit(1000).build());
    // both nodes run on the system clock: the world's test clock is left unused
    MessagingFixture throughNodeA = (configuration, ids) -> nodeA;
    world = throughNodeA.newWorld();
  }

  @AfterEach
  void stopTheNodes() {
    poolA.close();
    poolB.close();
  }

  /** Even threads run on node A, odd ones on node B. */
  private Messaging node(int thread) {
    return thread % 2 == 0 ? nodeA : nodeB;
  }

  // -----------------------------------------------------------------------------------------------
  // everything at once

  @Test
  void sendsMovesFolderDeletesAccessChangesAndOpensOnTwoNodesKeepEveryInvariant() {
    Cast cast = new Cast(world);
    Ledger ledger = new Ledger();
    for (ParticipantId owner : cast.everyone) {
      for (String name : FOLDER_NAMES.subList(0, 2)) {
        ledger.folderCreated(owner, world.as(owner).createFolder(name).id());
      }
    }
    for (int i = 0; i < HOT; i++) {
      ParticipantId parent = cast.parents.get(i % cast.parents.size());
      Set<ParticipantId> to = Set.of(cast.mediator, cast.coParent(parent));
      MessageView first = world.as(parent).send(NewMessage.builder().recipients(to).subject("Before " + i).build());
      ledger.sent(first.id(), parent, to);
    }
    long actionItemsBefore = TestSql.number(poolA, "SELECT COUNT(*) FROM copies WHERE kind = 'ACTION_ITEM'");

    long started = System.nanoTime();
    try (StartingGate gate = new StartingGate(THREADS)) {
      List<StartingGate.Outcome<Void>> workers = gate.run(thread -> () -> {
        new Worker(thread, node(thread), cast, ledger).run();
        return null;
      });
      for (StartingGate.Outcome<Void> outcome : workers) {
        if (!outcome.succeeded()) {
          throw new AssertionError("worker " + outcome.task() + " died", outcome.failure());
        }
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    LOG.info("{} threads on two nodes ran {} calls in {} ms; outcomes: {}; access changes that succeeded: {}",
        THREADS, THREADS * OPERATIONS_PER_THREAD, millis, ledger.outcomes, ledger.accessChanges);

    Throwable firstUnexpected = ledger.unexpected.peek();
    if (firstUnexpected != null) {
      throw new AssertionError(ledger.unexpected.size() + " calls failed in a way no race explains; the first",
          firstUnexpected);
    }
    for (String operation : List.of("send", "move", "move two", "createFolder", "deleteFolder", "open",
        "removeAccess", "requestAccess", "approveAccess")) {
      assertThat(ledger.succeeded(operation)).as("successful %s calls", operation).isPositive();
    }

    // through the API
    long actionItems = 0;
    for (ParticipantId owner : cast.everyone) {
      MailboxAudit.Contents contents = MailboxAudit.check(world, owner);
      Set<MessageId> personal = ledger.messagesOf(owner);
      assertThat(contents.allMessages())
          .as("%s's All Messages: every message sent to or by them, once", owner)
          .containsExactlyInAnyOrderElementsOf(personal);
      Set<MessageId> unreadPersonal = new HashSet<>(contents.unread());
      unreadPersonal.retainAll(personal);
      assertThat(unreadPersonal)
          .as("%s's unread messages: those received and never opened", owner)
          .containsExactlyInAnyOrderElementsOf(ledger.receivedButNotOpened(owner));
      assertThat(contents.customFolders().keySet())
          .as("%s's custom folders: those created and not deleted", owner)
          .containsExactlyInAnyOrderElementsOf(ledger.customFolders(owner));
      assertThat(nodeB.actingAs(owner).folders())
          .as("both nodes show %s the same folders and counts", owner)
          .isEqualTo(nodeA.actingAs(owner).folders());
      actionItems += contents.folderOf().size() - personal.size();
    }
    assertThat(actionItems)
        .as("one action item for each access change that succeeded")
        .isEqualTo(actionItemsBefore + ledger.accessChanges.get());
    for (Map.Entry<MessageId, Sent> sent : ledger.sent.entrySet()) {
      MessageView senderCopy = nodeB.actingAs(sent.getValue().sender()).preview(sent.getKey());
      Set<ParticipantId> viewed = senderCopy.receipts().stream()
          .filter(receipt -> receipt.firstViewedAt().isPresent())
          .map(ReadReceipt::recipient)
          .map(recipient -> recipient.id())
          .collect(Collectors.toSet());
      assertThat(viewed).as("who has opened %s, as its sender sees it", sent.getKey())
          .isEqualTo(ledger.openedBy(sent.getKey()));
    }

    // in the tables
    assertThat(StoredInvariants.personalCopies(poolA))
        .as("the personal copies stored: one for the sender and each recipient of every successful send")
        .isEqualTo(ledger.expectedCopies());
    StoredInvariants.assertCountsEqualARecount(poolA);
    StoredInvariants.assertEveryCopyIsInAFolderThatExists(poolA);
    assertThat(TestSql.column(poolA,
            "SELECT owner_id || ' ' || message_id || ' ' || recipient_id || ' ' || (first_viewed_at IS NOT NULL)"
                + " FROM receipts"))
        .as("one receipt per recipient, with a first view exactly where one was recorded")
        .containsExactlyInAnyOrderElementsOf(ledger.expectedReceipts());
    StoredInvariants.assertBothSidesOfEveryAccessLinkAgree(poolA);
    assertThat(TestSql.number(poolA, "SELECT COUNT(*) FROM access_events"))
        .as("each access event stored under both sides")
        .isEqualTo(2 * (actionItemsBefore + ledger.accessChanges.get()));
  }

  // -----------------------------------------------------------------------------------------------
  // one message, many folders

  @Test
  void movesOfOneMessageToDifferentFoldersFromBothNodesAtOnceLeaveItInExactlyOneFolder() {
    ParticipantId mediator = world.practitioner("mediator");
    ParticipantId mother = world.parent("mother");
    world.grant(mediator, mother);
    List<FolderId> targets = new ArrayList<>();
    for (int i = 0; i < MOVERS; i++) {
      targets.add(world.as(mother).createFolder("Binder " + i).id());
    }
    Map<String, Integer> outcomes = new TreeMap<>();

    try (StartingGate gate = new StartingGate(MOVERS)) {
      for (int round = 0; round < MOVE_ROUNDS; round++) {
        MessageId message = world.send(mediator, "Round " + round, "Where does it go?", mother).id();
        boolean opened = round % 2 == 1;
        if (opened) {
          nodeB.actingAs(mother).open(message);
        }

        List<StartingGate.Outcome<Void>> moves = gate.run(task -> () -> {
          node(task).actingAs(mother).move(MoveRequest.of(message, targets.get(task)));
          return null;
        });

        Set<FolderId> winners = new HashSet<>();
        for (StartingGate.Outcome<Void> move : moves) {
          if (move.succeeded()) {
            winners.add(targets.get(move.task()));
          } else {
            assertThat(move.failure()).as("round %d, move to %s", round, targets.get(move.task()))
                .isInstanceOf(ConflictException.class);
          }
          outcomes.merge(move.succeeded() ? "ok" : move.failure().getClass().getSimpleName(), 1, Integer::sum);
        }
        MailboxAudit.Contents contents = MailboxAudit.check(world, mother);
        assertThat(contents.folderOf().get(message))
            .as("round %d: the folder of the message is one whose move succeeded", round)
            .isIn(winners);
        assertThat(contents.unread().contains(message)).as("round %d: unread", round).isEqualTo(!opened);
        StoredInvariants.assertCountsEqualARecount(poolB);
      }
    }
    LOG.info("{} rounds of {} moves of one message at once: {}", MOVE_ROUNDS, MOVERS, outcomes);
    StoredInvariants.assertEveryCopyIsInAFolderThatExists(poolA);
  }

  // -----------------------------------------------------------------------------------------------
  // one idempotency key, many senders

  /**
   * A send reads neither the sender's links (an instance keeps them with the version of the sender's
   * mailbox row) nor the settings of recipients who never saved an auto-responder (their mailbox row
   * says so): a link changed or settings saved on the other instance are still what the next send obeys.
   */
  @Test
  void aSendObeysTheLinksAndAutoRespondersTheOtherNodeChangedSinceItsLastSend() {
    ParticipantId drlee = world.practitioner("drlee");
    ParticipantId anna = world.parent("anna");
    ParticipantId ben = world.parent("ben");
    World onB = ((MessagingFixture) (configuration, ids) -> nodeB).newWorld();
    world.grant(drlee, anna);
    world.grant(drlee, ben);
    world.send(drlee, "First", "kept on node A: drlee's links", anna, ben);

    onB.as(anna).removeAccess(drlee);
    assertThatThrownBy(() -> world.send(drlee, "Second", "after the removal on node B", anna, ben))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getMessage()).contains(anna.value()));
    assertThat(world.send(drlee, "Third", "to ben alone", ben).recipients()).hasSize(1);

    onB.as(drlee).requestAccess(anna);
    onB.as(anna).approveAccess(drlee);
    onB.as(anna).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Away").body("Back soon").build());
    MessageView again = world.send(drlee, "Fourth", "after the approval on node B", anna, ben);

    assertThat(world.list(drlee, SystemFolder.INBOX))
        .as("anna's auto-reply, saved on node B, answers node A's send")
        .anySatisfy(reply -> {
          assertThat(reply.kind()).isEqualTo(MessageKind.AUTO_REPLY);
          assertThat(reply.thread()).isEqualTo(again.thread());
        });
  }

  @Test
  void oneIdempotencyKeySentFromBothNodesAtOnceSendsOneMessage() {
    ParticipantId mediator = world.practitioner("mediator");
    ParticipantId mother = world.parent("mother");
    ParticipantId father = world.parent("father");
    world.family("parents", mother, father);
    world.grant(mediator, mother);
    world.grant(mediator, father);
    Set<MessageId> sent = new LinkedHashSet<>();

    try (StartingGate gate = new StartingGate(SENDERS)) {
      for (int round = 0; round < SEND_ROUNDS; round++) {
        NewMessage message = NewMessage.builder()
            .recipients(List.of(mother, father))
            .subject("Hearing " + round)
            .body("Please confirm.")
            .idempotencyKey("hearing-" + round)
            .build();

        List<StartingGate.Outcome<MessageId>> sends =
            gate.run(task -> () -> node(task).actingAs(mediator).send(message).id());

        for (StartingGate.Outcome<MessageId> send : sends) {
          if (!send.succeeded()) {
            throw new AssertionError("round " + round + ": send " + send.task() + " failed", send.failure());
          }
        }
        Set<MessageId> ids = sends.stream().map(StartingGate.Outcome::value).collect(Collectors.toSet());
        assertThat(ids).as("round %d: every call returns the one message", round).hasSize(1);
        sent.addAll(ids);
      }
    }

    assertThat(sent).as("one message per key").hasSize(SEND_ROUNDS);
    Set<String> expected = new HashSet<>();
    for (MessageId id : sent) {
      for (ParticipantId owner : List.of(mediator, mother, father)) {
        expected.add(owner.value() + " " + id.value());
      }
    }
    assertThat(StoredInvariants.personalCopies(poolA)).as("one copy of each message per mailbox").isEqualTo(expected);
    assertThat(TestSql.number(poolA, "SELECT COUNT(*) FROM sent_keys")).isEqualTo(SEND_ROUNDS);
    for (ParticipantId owner : List.of(mediator, mother, father)) {
      assertThat(MailboxAudit.check(world, owner).allMessages()).containsExactlyInAnyOrderElementsOf(sent);
    }
    StoredInvariants.assertCountsEqualARecount(poolA);
  }

  @Test
  void theDatabaseItselfRefusesASecondMessageUnderOneKey() throws SQLException {
    String insert = "INSERT INTO sent_keys (owner_id, idem_key, fingerprint, message_id) VALUES (?, ?, ?, ?)";
    TestSql.update(poolA, insert, "mediator", "s:hearing", "first", 1L);

    try (Connection connection = poolB.getConnection();
        PreparedStatement second = connection.prepareStatement(insert)) {
      second.setString(1, "mediator");
      second.setString(2, "s:hearing");
      second.setString(3, "second");
      second.setLong(4, 2L);
      assertThatThrownBy(second::executeUpdate)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("unique violation").isEqualTo("23505"));
    }
  }

  // -----------------------------------------------------------------------------------------------
  // the mixed workload

  /** A practitioner with approved access to the four parents of two families. */
  private static final class Cast {
    final ParticipantId mediator;
    final List<ParticipantId> parents;
    final List<ParticipantId> everyone;

    Cast(World world) {
      mediator = world.practitioner("mediator");
      parents = List.of(
          world.parent("miller-mother"), world.parent("miller-father"),
          world.parent("novak-mother"), world.parent("novak-father"));
      world.family("miller", parents.get(0), parents.get(1));
      world.family("novak", parents.get(2), parents.get(3));
      parents.forEach(parent -> world.grant(mediator, parent));
      List<ParticipantId> all = new ArrayList<>(parents);
      all.add(0, mediator);
      everyone = List.copyOf(all);
    }

    ParticipantId coParent(ParticipantId parent) {
      return parents.get(parents.indexOf(parent) ^ 1);
    }

    /** Whom {@code sender} may message while every access stays approved. */
    List<ParticipantId> correspondents(ParticipantId sender) {
      return sender.equals(mediator) ? parents : List.of(mediator, coParent(sender));
    }
  }

  /** A message as its successful send returned it. */
  private record Sent(ParticipantId sender, Set<ParticipantId> recipients) {
    Set<ParticipantId> owners() {
      Set<ParticipantId> owners = new LinkedHashSet<>(recipients);
      owners.add(sender);
      return owners;
    }
  }

  /** What the racing calls did, as their callers saw it; shared by the threads. */
  private static final class Ledger {
    final Map<MessageId, Sent> sent = new ConcurrentHashMap<>();
    private final List<MessageId> order = new ArrayList<>(); // guarded by itself
    /** "owner message" of every successful open. */
    final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final Map<ParticipantId, Set<FolderId>> customFolders = new ConcurrentHashMap<>();
    final AtomicInteger accessChanges = new AtomicInteger();
    /** "operation: ok" or "operation: the exception's type", and how often. */
    final Map<String, LongAdder> outcomes = new ConcurrentSkipListMap<>();
    final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

    /** Runs {@code call}; counts how it ended; keeps any failure of a type not in {@code allowed}. */
    <T> Optional<T> call(String operation, List<Class<? extends MessagingException>> allowed, Supplier<T> call) {
      try {
        T result = call.get();
        count(operation, "ok");
        return Optional.of(result);
      } catch (RuntimeException e) {
        if (allowed.stream().anyMatch(type -> type.isInstance(e))) {
          count(operation, e.getClass().getSimpleName());
        } else {
          count(operation, "UNEXPECTED " + e.getClass().getSimpleName());
          unexpected.add(new AssertionError(operation + " failed", e));
        }
        return Optional.empty();
      }
    }

    /** {@link #call} for a call without a result; whether it succeeded. */
    boolean act(String operation, List<Class<? extends MessagingException>> allowed, Runnable call) {
      return call(operation, allowed, () -> {
        call.run();
        return Boolean.TRUE;
      }).isPresent();
    }

    private void count(String operation, String outcome) {
      outcomes.computeIfAbsent(operation + ": " + outcome, k -> new LongAdder()).increment();
    }

    long succeeded(String operation) {
      LongAdder ok = outcomes.get(operation + ": ok");
      return ok == null ? 0 : ok.sum();
    }

    void sent(MessageId message, ParticipantId sender, Set<ParticipantId> recipients) {
      sent.put(message, new Sent(sender, Set.copyOf(recipients)));
      synchronized (order) {
        order.add(message);
      }
    }

    /** One of the newest messages, which every thread keeps moving and opening. */
    MessageId hot(Random random) {
      synchronized (order) {
        return order.get(order.size() - 1 - random.nextInt(Math.min(HOT, order.size())));
      }
    }

    MessageId any(Random random) {
      synchronized (order) {
        return order.get(random.nextInt(order.size()));
      }
    }

    void folderCreated(ParticipantId owner, FolderId folder) {
      customFolders.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(folder);
    }

    void folderDeleted(ParticipantId owner, FolderId folder) {
      customFolders.get(owner).remove(folder);
    }

    List<FolderId> customFolders(ParticipantId owner) {
      return List.copyOf(customFolders.getOrDefault(owner, Set.of()));
    }

    Set<MessageId> messagesOf(ParticipantId owner) {
      return sent.entrySet().stream()
          .filter(e -> e.getValue().owners().contains(owner))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    Set<MessageId> receivedButNotOpened(ParticipantId owner) {
      return sent.entrySet().stream()
          .filter(e -> e.getValue().recipients().contains(owner))
          .map(Map.Entry::getKey)
          .filter(message -> !opened.contains(owner.value() + " " + message.value()))
          .collect(Collectors.toSet());
    }

    Set<ParticipantId> openedBy(MessageId message) {
      return sent.get(message).recipients().stream()
          .filter(recipient -> opened.contains(recipient.value() + " " + message.value()))
          .collect(Collectors.toSet());
    }

    /** "owner message" for the sender and each recipient of every successful send. */
    Set<String> expectedCopies() {
      Set<String> copies = new HashSet<>();
      sent.forEach((message, s) -> s.owners().forEach(owner -> copies.add(owner.value() + " " + message.value())));
      return copies;
    }

    /** "sender message recipient viewed?" for every recipient of every successful send. */
    Set<String> expectedReceipts() {
      Set<String> receipts = new HashSet<>();
      sent.forEach((message, s) -> s.recipients().forEach(recipient -> receipts.add(
          s.sender().value() + " " + message.value() + " " + recipient.value() + " "
              + opened.contains(recipient.value() + " " + message.value()))));
      return receipts;
    }
  }

  /** One thread's share of the workload, all on one node. */
  private static final class Worker {
    private static final List<Class<? extends MessagingException>> LOST_RACE = List.of(ConflictException.class);
    private static final List<Class<? extends MessagingException>> GONE_OR_LOST_RACE =
        List.of(NotFoundException.class, ConflictException.class);
    private static final List<Class<? extends MessagingException>> ACCESS_REMOVED_OR_LOST_RACE =
        List.of(AccessDeniedException.class, ConflictException.class);

    private final int thread;
    private final Messaging node;
    private final Cast cast;
    private final Ledger ledger;
    private final Random random;

    Worker(int thread, Messaging node, Cast cast, Ledger ledger) {
      this.thread = thread;
      this.node = node;
      this.cast = cast;
      this.ledger = ledger;
      this.random = new Random(20260105L + thread);
    }

    void run() {
      for (int call = 0; call < OPERATIONS_PER_THREAD; call++) {
        int dice = random.nextInt(100);
        if (dice < 28) {
          send(call);
        } else if (dice < 48) {
          moveOne();
        } else if (dice < 58) {
          moveTwo();
        } else if (dice < 70) {
          changeFolders();
        } else if (dice < 88) {
          open();
        } else {
          changeAccess();
        }
      }
    }

    private ParticipantMessaging as(ParticipantId participant) {
      return node.actingAs(participant);
    }

    private <T> T pick(List<T> choices) {
      return choices.get(random.nextInt(choices.size()));
    }

    private void send(int call) {
      ParticipantId from = pick(cast.everyone);
      List<ParticipantId> correspondents = cast.correspondents(from);
      Set<ParticipantId> to = new LinkedHashSet<>();
      while (to.isEmpty()) {
        correspondents.stream().filter(c -> random.nextBoolean()).forEach(to::add);
      }
      NewMessage message = NewMessage.builder()
          .recipients(to)
          .subject("Thread " + thread + ", call " + call)
          .body("From " + from + " through node " + (thread % 2 == 0 ? "A" : "B"))
          .build();
      ledger.call("send", ACCESS_REMOVED_OR_LOST_RACE, () -> as(from).send(message))
          .ifPresent(view -> ledger.sent(view.id(), from, to));
    }

    /** A target for a copy the owner holds: a custom folder, Archive, or (if allowed) the copy's home. */
    private FolderId target(ParticipantId owner, Optional<SystemFolder> home) {
      List<FolderId> customs = ledger.customFolders(owner);
      if (!customs.isEmpty() && random.nextInt(10) < 6) {
        return pick(customs);
      }
      return home.isPresent() && random.nextBoolean() ? home.get().id() : SystemFolder.ARCHIVE.id();
    }

    private void moveOne() {
      MessageId message = ledger.hot(random);
      Sent sent = ledger.sent.get(message);
      ParticipantId owner = pick(List.copyOf(sent.owners()));
      FolderId target =
          target(owner, Optional.of(owner.equals(sent.sender()) ? SystemFolder.SENT : SystemFolder.INBOX));
      ledger.act("move", GONE_OR_LOST_RACE, () -> as(owner).move(MoveRequest.of(message, target)));
    }

    /** Two hot messages of one owner in one batch, to a folder that takes both, whatever their homes. */
    private void moveTwo() {
      MessageId first = ledger.hot(random);
      MessageId second = ledger.hot(random);
      Set<ParticipantId> owners = new LinkedHashSet<>(ledger.sent.get(first).owners());
      owners.retainAll(ledger.sent.get(second).owners());
      if (first.equals(second) || owners.isEmpty()) {
        moveOne();
        return;
      }
      ParticipantId owner = pick(List.copyOf(owners));
      FolderId target = target(owner, Optional.empty());
      ledger.act("move two", GONE_OR_LOST_RACE, () -> as(owner).move(MoveRequest.of(Set.of(first, second), target)));
    }

    /** Creates a custom folder, or deletes one while the other threads may be moving into it. */
    private void changeFolders() {
      ParticipantId owner = pick(cast.everyone);
      List<FolderId> customs = ledger.customFolders(owner);
      if (customs.size() < 2 || (customs.size() < 4 && random.nextBoolean())) {
        String name = pick(FOLDER_NAMES);
        ledger.call("createFolder", LOST_RACE, () -> as(owner).createFolder(name))
            .ifPresent(folder -> ledger.folderCreated(owner, folder.id()));
      } else {
        FolderId doomed = pick(customs);
        if (ledger.act("deleteFolder", GONE_OR_LOST_RACE, () -> as(owner).deleteFolder(doomed))) {
          ledger.folderDeleted(owner, doomed);
        }
      }
    }

    private void open() {
      MessageId message = random.nextInt(3) == 0 ? ledger.any(random) : ledger.hot(random);
      ParticipantId reader = pick(List.copyOf(ledger.sent.get(message).recipients()));
      ledger.call("open", LOST_RACE, () -> as(reader).open(message))
          .ifPresent(view -> ledger.opened.add(reader.value() + " " + message.value()));
    }

    /** Ends one parent's access and restores it: remove, request again, approve. */
    private void changeAccess() {
      ParticipantId parent = pick(cast.parents);
      ParticipantId mediator = cast.mediator;
      ParticipantId remover = random.nextBoolean() ? mediator : parent;
      ParticipantId removed = remover.equals(mediator) ? parent : mediator;
      if (ledger.act("removeAccess", LOST_RACE, () -> as(remover).removeAccess(removed))) {
        ledger.accessChanges.incrementAndGet();
      }
      ParticipantId requester = random.nextBoolean() ? mediator : parent;
      ParticipantId answerer = requester.equals(mediator) ? parent : mediator;
      if (ledger.act("requestAccess", LOST_RACE, () -> as(requester).requestAccess(answerer))) {
        ledger.accessChanges.incrementAndGet();
      }
      if (ledger.act("approveAccess", LOST_RACE, () -> as(answerer).approveAccess(requester))) {
        ledger.accessChanges.incrementAndGet();
      }
    }
  }
}
