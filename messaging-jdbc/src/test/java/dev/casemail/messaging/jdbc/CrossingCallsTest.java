package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MailboxAudit;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls that cross each other on two service instances (two {@link Messaging} instances on two
 * HikariCP pools, one PostgreSQL) never deadlock: a participant replying to, or opening, a message of
 * someone who is at that moment sending to them; access transitions while the other side sends, opens
 * or moves the link on; moves and folder deletes in a mailbox that deliveries are filling; three
 * participants answering each other's messages with Reply All in a circle.
 *
 * <p>Each test releases the calls of one round together ({@link StartingGate}) for a bounded number of
 * rounds, then asserts that
 * <ul>
 *   <li>PostgreSQL broke no deadlock: {@code pg_stat_database.deadlocks} of the test's own database is
 *       the same after the rounds as before (the library retries a deadlock victim, so a deadlock is
 *       invisible to the caller but costs a lock wait of {@code deadlock_timeout} and a retry);</li>
 *   <li>every call succeeded, except a send that an access removal overtook (refused, as it must be); a
 *       {@code ConflictException}, which a call gets when it lost its race more times than it may
 *       retry, is a failure here;</li>
 *   <li>every invariant holds: {@link MailboxAudit} through the API, every count equal to a recount and
 *       every copy in one existing folder in the tables, no message lost or doubled, one action item per
 *       access transition.</li>
 * </ul>
 *
 * <p>The mailboxes of one call are locked in the order of their keys or in some other order; each test
 * therefore plays with two parents, one whose id sorts before the practitioner's ({@code amy} &lt;
 * {@code mediator}) and one after ({@code zoe}), so that whichever order a call locks in, some round
 * crosses another call's order.
 *
 * <p>The tests run in a database of their own, so that no other test moves its deadlock counter, with
 * {@code deadlock_timeout} lowered from PostgreSQL's 1 s to {@value #DEADLOCK_TIMEOUT}: a deadlock is
 * then detected and broken within that time, and a run that deadlocks in every round still ends in
 * seconds.
 */
class CrossingCallsTest {

  private static final Logger LOG = LoggerFactory.getLogger(CrossingCallsTest.class);

  private static final String DEADLOCK_TIMEOUT = "20ms";

  /** Rounds of a race of two calls: 300 racing calls. */
  private static final int ROUNDS = 150;

  /** Rounds of the access lifecycles, which take several races each. */
  private static final int ACCESS_ROUNDS = 50;

  /** Connections per node: at most two calls of a round run on one node. */
  private static final int POOL_SIZE = 2;

  /** The database of this class's tests: no other test moves its deadlock counter. */
  private static String database;

  /** What each test measured, for the log. */
  private static final Map<String, String> SUMMARY = new ConcurrentSkipListMap<>();

  private HikariDataSource poolA;
  private HikariDataSource poolB;
  private Messaging nodeA;
  private Messaging nodeB;
  private World world;
  private Ledger ledger;
  private final Map<Integer, StartingGate> gates = new HashMap<>();

  private ParticipantId mediator;
  /** A parent whose id sorts before the practitioner's. */
  private ParticipantId amy;
  /** A parent whose id sorts after the practitioner's. */
  private ParticipantId zoe;

  @BeforeAll
  static void aDatabaseOfItsOwn() {
    database = TestDatabases.newPostgresDatabase("deadlock_timeout = '" + DEADLOCK_TIMEOUT + "'");
  }

  @AfterAll
  static void summary() {
    LOG.info("deadlocks broken by PostgreSQL, per crossing pair: {}", SUMMARY);
  }

  @BeforeEach
  void twoNodesOnOneDatabase() {
    String schema = TestDatabases.migratedPostgresSchema(database);
    poolA = TestDatabases.postgresPool(database, schema, POOL_SIZE);
    poolB = TestDatabases.postgresPool(database, schema, POOL_SIZE);
    // access steps round and round, hundreds a minute: far beyond the default request limit
    // (each node builds its own configuration, hence its own id generator, as two processes would)
    nodeA = JdbcMessaging.create(poolA, MessagingConfiguration.builder().accessRequestLimit(1000).build());
    nodeB = JdbcMessaging.create(poolB, MessagingConfiguration.builder().accessRequestLimit(1000).build());
    MessagingFixture throughNodeA = (configuration, ids) -> nodeA;
    world = throughNodeA.newWorld();
    ledger = new Ledger();

    mediator = world.practitioner("mediator");
    amy = world.parent("amy");
    zoe = world.parent("zoe");
    world.family("amy-and-zoe", amy, zoe);
    for (ParticipantId parent : List.of(amy, zoe)) {
      world.grant(mediator, parent);
      ledger.transitions.addAndGet(2);
    }
  }

  @AfterEach
  void stopTheNodes() {
    gates.values().forEach(StartingGate::close);
    poolA.close();
    poolB.close();
  }

  /** The two parents in turn: {@code amy} in even rounds, {@code zoe} in odd ones. */
  private ParticipantId parent(int round) {
    return round % 2 == 0 ? amy : zoe;
  }

  // -----------------------------------------------------------------------------------------------
  // the crossing pairs

  @Test
  void sendingToEachOtherAtOnceNeverDeadlocks() {
    Crossing crossing = start("send against send");
    for (int round = 0; round < ROUNDS; round++) {
      ParticipantId parent = parent(round);
      crossing.race(round, send(mediator, parent), send(parent, mediator));
    }
    crossing.assertNoDeadlockNoFailureAndEveryInvariant();
  }

  @Test
  void replyingToAMessageWhileItsSenderSendsAgainNeverDeadlocks() {
    Map<ParticipantId, MessageId> original = Map.of(
        amy, stock(amy, mediator, 1).pop(),
        zoe, stock(zoe, mediator, 1).pop());
    Crossing crossing = start("reply against send");
    for (int round = 0; round < ROUNDS; round++) {
      ParticipantId parent = parent(round);
      crossing.race(round, reply(mediator, original.get(parent)), send(parent, mediator));
    }
    crossing.assertNoDeadlockNoFailureAndEveryInvariant();
  }

  @Test
  void openingAMessageWhileItsSenderSendsAgainNeverDeadlocks() {
    Crossing crossing = start("open against send");
    for (int round = 0; round < ROUNDS; round++) {
      ParticipantId parent = parent(round);
      MessageId fresh = world.send(parent, "Round " + round, "Open me", mediator).id();
      ledger.sent(fresh, parent, Set.of(mediator));
      crossing.race(round, open(mediator, fresh), send(parent, mediator));
    }
    crossing.assertNoDeadlockNoFailureAndEveryInvariant();
  }

  /**
   * Each round: the practitioner removes access while the parent sends to them (the send is refused if
   * the removal came first); the parent requests access again while the practitioner opens one of the
   * parent's messages; the practitioner approves while the parent opens one of theirs.
   */
  @Test
  void removingAccessWhileTheParentSendsThenRequestingAndApprovingWhileMessagesAreOpenedNeverDeadlocks() {
    Map<ParticipantId, Deque<MessageId>> fromParent =
        Map.of(amy, stock(amy, mediator, ACCESS_ROUNDS / 2), zoe, stock(zoe, mediator, ACCESS_ROUNDS / 2));
    Crossing crossing = start("access removed, requested, approved against send and opens");
    for (int round = 0; round < ACCESS_ROUNDS; round++) {
      ParticipantId parent = parent(round);
      MessageId fromMediator = world.send(mediator, "Round " + round, "Before the removal", parent).id();
      ledger.sent(fromMediator, mediator, Set.of(parent));

      crossing.race(round,
          transition("removeAccess", mediator, as -> as.removeAccess(parent)),
          send(parent, mediator).orRefusedWith(AccessDeniedException.class));
      crossing.race(round,
          transition("requestAccess", parent, as -> as.requestAccess(mediator)),
          open(mediator, fromParent.get(parent).pop()));
      crossing.race(round,
          transition("approveAccess", mediator, as -> as.approveAccess(parent)),
          open(parent, fromMediator));
    }
    crossing.assertNoDeadlockNoFailureAndEveryInvariant();
  }

  /**
   * Each round, around one link: the practitioner requests while the parent opens a message of theirs;
   * the parent approves while the practitioner opens one of the parent's; both send to each other; the
   * parent removes access while opening what the practitioner just sent (on another device); the parent
   * requests again while the practitioner opens what the parent sent; the parent withdraws the request
   * while the practitioner opens another of the parent's messages.
   */
  @Test
  void bothSidesRequestingApprovingRemovingAndWithdrawingAroundOneLinkWhileMessagesFlowNeverDeadlock() {
    Map<ParticipantId, Deque<MessageId>> fromMediator = Map.of(
        amy, stock(mediator, amy, ACCESS_ROUNDS / 2), zoe, stock(mediator, zoe, ACCESS_ROUNDS / 2));
    Map<ParticipantId, Deque<MessageId>> fromParent = Map.of(
        amy, stock(amy, mediator, ACCESS_ROUNDS), zoe, stock(zoe, mediator, ACCESS_ROUNDS));
    for (ParticipantId parent : List.of(amy, zoe)) {
      world.as(mediator).removeAccess(parent);
      ledger.transitions.incrementAndGet();
    }
    Crossing crossing = start("both sides around one link while messages flow");
    for (int round = 0; round < ACCESS_ROUNDS; round++) {
      ParticipantId parent = parent(round);
      crossing.race(round,
          transition("requestAccess", mediator, as -> as.requestAccess(parent)),
          open(parent, fromMediator.get(parent).pop()));
      crossing.race(round,
          transition("approveAccess", parent, as -> as.approveAccess(mediator)),
          open(mediator, fromParent.get(parent).pop()));
      List<Object> flowing = crossing.race(round, send(parent, mediator), send(mediator, parent));
      MessageId toMediator = ((MessageView) flowing.get(0)).id();
      MessageId toParent = ((MessageView) flowing.get(1)).id();
      crossing.race(round,
          transition("removeAccess", parent, as -> as.removeAccess(mediator)),
          open(parent, toParent));
      crossing.race(round,
          transition("requestAccess", parent, as -> as.requestAccess(mediator)),
          open(mediator, toMediator));
      crossing.race(round,
          transition("withdrawAccessRequest", parent, as -> as.withdrawAccessRequest(mediator)),
          open(mediator, fromParent.get(parent).pop()));
    }
    crossing.assertNoDeadlockNoFailureAndEveryInvariant();
  }

  /**
   * Each round, in the parent's mailbox: a custom folder is created, a message moved into it and the
   * folder deleted (its content going to Archive), each while the practitioner delivers into the same
   * mailbox, by a send or a reply.
   */
  @Test
  void movingAndDeletingFoldersInAMailboxWhileTheOtherSideDeliversIntoItNeverDeadlocks() {
    Map<ParticipantId, MessageId> original = Map.of(
        amy, stock(amy, mediator, 1).pop(),
        zoe, stock(zoe, mediator, 1).pop());
    Crossing crossing = start("move and folder delete against deliveries");
    for (int round = 0; round < ROUNDS / 3; round++) {
      ParticipantId parent = parent(round);
      List<Object> created =
          crossing.race(round, createFolder(parent, "Binder " + round), send(mediator, parent));
      FolderId binder = ((FolderView) created.get(0)).id();
      MessageId delivered = ((MessageView) created.get(1)).id();
      crossing.race(round, move(parent, delivered, binder), reply(mediator, original.get(parent)));
      crossing.race(round, deleteFolder(parent, binder), send(mediator, parent));
      assertThat(world.as(parent).preview(delivered).folder())
          .as("round %d: what the deleted folder held is in Archive", round)
          .isEqualTo(SystemFolder.ARCHIVE.id());
    }
    crossing.assertNoDeadlockNoFailureAndEveryInvariant();
  }

  /** Three participants, each answering with Reply All the message of the next one, all at once. */
  @Test
  void replyingToAllInACircleOfThreeNeverDeadlocks() {
    MessageView fromAmy = world.as(amy).send(letter(mediator, zoe));
    MessageView fromZoe = world.as(zoe).send(letter(amy, mediator));
    MessageView fromMediator = world.as(mediator).send(letter(amy, zoe));
    for (MessageView view : List.of(fromAmy, fromZoe, fromMediator)) {
      ledger.sent(view);
    }
    Crossing crossing = start("reply all in a circle of three");
    for (int round = 0; round < ROUNDS; round++) {
      crossing.race(round,
          replyAll(mediator, fromAmy.id()),
          replyAll(amy, fromZoe.id()),
          replyAll(zoe, fromMediator.id()));
    }
    crossing.assertNoDeadlockNoFailureAndEveryInvariant();
  }

  // -----------------------------------------------------------------------------------------------
  // the calls, and what their success leaves behind

  private static NewMessage letter(ParticipantId... to) {
    return NewMessage.builder().addRecipients(to).subject("Hearing").body("See you there.").build();
  }

  /** {@code count} messages from one to another, sent before the race, newest last. */
  private Deque<MessageId> stock(ParticipantId from, ParticipantId to, int count) {
    Deque<MessageId> messages = new ArrayDeque<>();
    for (int i = 0; i < count; i++) {
      MessageId id = world.send(from, "Stock " + i, "For later", to).id();
      ledger.sent(id, from, Set.of(to));
      messages.add(id);
    }
    return messages;
  }

  private Call<MessageView> send(ParticipantId from, ParticipantId to) {
    return new Call<MessageView>("send", from, as -> as.send(letter(to))).then(ledger::sent);
  }

  private Call<MessageView> reply(ParticipantId replier, MessageId message) {
    return new Call<MessageView>("reply", replier, as -> as.reply(Reply.to(message, "Noted."))).then(ledger::sent);
  }

  private Call<MessageView> replyAll(ParticipantId replier, MessageId message) {
    return new Call<MessageView>("replyAll", replier, as -> as.replyAll(Reply.to(message, "Agreed.")))
        .then(ledger::sent);
  }

  private Call<MessageView> open(ParticipantId reader, MessageId message) {
    return new Call<MessageView>("open", reader, as -> as.open(message)).then(view -> ledger.opened(reader, message));
  }

  private Call<AccessLinkView> transition(
      String name, ParticipantId actor, Function<ParticipantMessaging, AccessLinkView> step) {
    return new Call<>(name, actor, step).then(link -> ledger.transitions.incrementAndGet());
  }

  private Call<FolderView> createFolder(ParticipantId owner, String name) {
    return new Call<FolderView>("createFolder", owner, as -> as.createFolder(name))
        .then(folder -> ledger.folderCreated(owner, folder.id()));
  }

  private Call<Boolean> move(ParticipantId owner, MessageId message, FolderId target) {
    return new Call<>("move", owner, as -> {
      as.move(MoveRequest.of(message, target));
      return Boolean.TRUE;
    });
  }

  private Call<Boolean> deleteFolder(ParticipantId owner, FolderId folder) {
    return new Call<Boolean>("deleteFolder", owner, as -> {
      as.deleteFolder(folder);
      return Boolean.TRUE;
    }).then(deleted -> ledger.folderDeleted(owner, folder));
  }

  /** One API call of a race: who makes it, what it is, what its success records. */
  private static final class Call<T> {
    final String name;
    final ParticipantId actor;
    final Function<ParticipantMessaging, T> action;
    Consumer<T> onSuccess = value -> { };
    /** The one refusal the race allows, if any. */
    Optional<Class<? extends MessagingException>> allowedRefusal = Optional.empty();

    Call(String name, ParticipantId actor, Function<ParticipantMessaging, T> action) {
      this.name = name;
      this.actor = actor;
      this.action = action;
    }

    Call<T> then(Consumer<T> record) {
      onSuccess = record;
      return this;
    }

    Call<T> orRefusedWith(Class<? extends MessagingException> refusal) {
      allowedRefusal = Optional.of(refusal);
      return this;
    }

    /** Runs the call on {@code node}; returns its value, or null if it failed (and says how). */
    T run(Messaging node, Ledger ledger, String where) {
      try {
        T value = action.apply(node.actingAs(actor));
        onSuccess.accept(value);
        ledger.count(name + ": ok");
        return value;
      } catch (RuntimeException e) {
        if (allowedRefusal.filter(type -> type.isInstance(e)).isPresent()) {
          ledger.count(name + ": " + e.getClass().getSimpleName());
        } else {
          ledger.count(name + ": FAILED " + e.getClass().getSimpleName());
          ledger.failures.add(new AssertionError(where + ": " + name + " by " + actor + " failed", e));
        }
        return null;
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // the races and the checks

  private Crossing start(String pair) {
    return new Crossing(pair);
  }

  /** The rounds of one crossing pair, from the first race to the checks after the last. */
  private final class Crossing {
    private final String pair;
    private final long deadlocksBefore;
    private final long started = System.nanoTime();
    private int calls;

    Crossing(String pair) {
      this.pair = pair;
      this.deadlocksBefore = deadlocksSoFar();
    }

    /**
     * Releases the calls at once, call {@code i} on node A if {@code i} is even and on node B if odd;
     * returns what each returned (null for a call that failed).
     */
    List<Object> race(int round, Call<?>... race) {
      StartingGate gate = gates.computeIfAbsent(race.length, StartingGate::new);
      List<StartingGate.Outcome<Object>> outcomes = gate.run(i -> () -> (Object) race[i]
          .run(i % 2 == 0 ? nodeA : nodeB, ledger, pair + ", round " + round));
      calls += race.length;
      List<Object> values = new ArrayList<>(race.length);
      for (StartingGate.Outcome<Object> outcome : outcomes) {
        if (!outcome.succeeded()) {
          throw new AssertionError(pair + ", round " + round + ": the test itself failed", outcome.failure());
        }
        values.add(outcome.value());
      }
      if (!ledger.failures.isEmpty()) {
        report();
        throw failed();
      }
      return values;
    }

    void assertNoDeadlockNoFailureAndEveryInvariant() {
      long deadlocks = report();
      if (!ledger.failures.isEmpty()) {
        throw failed();
      }
      assertEveryInvariant();
      assertThat(deadlocks)
          .as("%s: deadlocks PostgreSQL broke in %d racing calls (pg_stat_database.deadlocks)", pair, calls)
          .isZero();
    }

    /** Logs how the rounds went; returns the deadlocks PostgreSQL broke since the first. */
    private long report() {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      long deadlocks = deadlocksSoFar() - deadlocksBefore;
      SUMMARY.put(pair, deadlocks + " deadlocks in " + calls + " calls, " + millis + " ms");
      LOG.info("{}: {} racing calls on two nodes in {} ms, {} deadlocks broken by PostgreSQL; outcomes: {}",
          pair, calls, millis, deadlocks, ledger.outcomes);
      return deadlocks;
    }

    private AssertionError failed() {
      return new AssertionError(pair + ": " + ledger.failures.size() + " calls failed; the first",
          ledger.failures.get(0));
    }
  }

  private void assertEveryInvariant() {
    for (ParticipantId owner : List.of(mediator, amy, zoe)) {
      MailboxAudit.Contents contents = MailboxAudit.check(world, owner);
      assertThat(contents.allMessages())
          .as("%s's All Messages: every message sent to or by them, once", owner)
          .containsExactlyInAnyOrderElementsOf(ledger.messagesOf(owner));
      Set<MessageId> unreadPersonal = new HashSet<>(contents.unread());
      unreadPersonal.retainAll(contents.allMessages());
      assertThat(unreadPersonal)
          .as("%s's unread messages: those received and never opened", owner)
          .containsExactlyInAnyOrderElementsOf(ledger.receivedButNotOpened(owner));
      assertThat(contents.customFolders().keySet())
          .as("%s's custom folders: those created and not deleted", owner)
          .containsExactlyInAnyOrderElementsOf(ledger.customFolders(owner));
      assertThat(nodeB.actingAs(owner).folders())
          .as("both nodes show %s the same folders and counts", owner)
          .isEqualTo(nodeA.actingAs(owner).folders());
    }
    assertThat(StoredInvariants.personalCopies(poolA))
        .as("the personal copies stored: one for the sender and each recipient of every successful send")
        .isEqualTo(ledger.expectedCopies());
    assertThat(actionItems())
        .as("one action item for each access transition that succeeded")
        .isEqualTo(ledger.transitions.get());
    StoredInvariants.assertCountsEqualARecount(poolA);
    StoredInvariants.assertEveryCopyIsInAFolderThatExists(poolA);
    StoredInvariants.assertBothSidesOfEveryAccessLinkAgree(poolA);
  }

  private long actionItems() {
    return TestSql.number(poolA, "SELECT COUNT(*) FROM copies WHERE kind = 'ACTION_ITEM'");
  }

  /**
   * The deadlocks PostgreSQL has broken in this test's database so far. The counter is kept per backend
   * and published asynchronously (at most once a second, when the backend goes idle); so every
   * connection of both pools is first asked to publish its counts ({@code pg_stat_force_next_flush()},
   * PostgreSQL 15 and newer), which a backend does before it answers the next query, and the count is
   * read in a transaction of its own, whose statistics snapshot is therefore fresh.
   */
  private long deadlocksSoFar() {
    for (HikariDataSource pool : List.of(poolA, poolB)) {
      publishStatistics(pool);
    }
    return TestSql.number(poolA, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
  }

  /** Has every connection of {@code pool} publish its pending statistics: borrows them all at once. */
  private static void publishStatistics(HikariDataSource pool) {
    List<Connection> all = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        all.add(pool.getConnection());
      }
      for (Connection connection : all) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SELECT pg_stat_force_next_flush()");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not publish the statistics: " + e.getMessage(), e);
    } finally {
      for (Connection connection : all) {
        try {
          connection.close();
        } catch (SQLException e) {
          // back to the pool or dropped: either way not ours any more
        }
      }
    }
  }

  /** What the calls did, as their callers saw it: the expected state of every mailbox. */
  private static final class Ledger {
    /** Every message sent, with the owners of its copies (the sender first). */
    private final Map<MessageId, List<ParticipantId>> sent = new ConcurrentHashMap<>();
    /** "owner message" of every successful open. */
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final Map<ParticipantId, Set<FolderId>> customFolders = new ConcurrentHashMap<>();
    final AtomicInteger transitions = new AtomicInteger();
    final Map<String, LongAdder> outcomes = new TreeMap<>();
    final List<AssertionError> failures = Collections.synchronizedList(new ArrayList<>());

    synchronized void count(String outcome) {
      outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    void sent(MessageView view) {
      Set<ParticipantId> recipients = view.recipients().stream()
          .map(ParticipantView::id)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      sent(view.id(), view.sender().orElseThrow().id(), recipients);
    }

    void sent(MessageId message, ParticipantId sender, Set<ParticipantId> recipients) {
      List<ParticipantId> owners = new ArrayList<>();
      owners.add(sender);
      owners.addAll(recipients);
      sent.put(message, List.copyOf(owners));
    }

    void opened(ParticipantId reader, MessageId message) {
      opened.add(reader.value() + " " + message.value());
    }

    void folderCreated(ParticipantId owner, FolderId folder) {
      customFolders.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(folder);
    }

    void folderDeleted(ParticipantId owner, FolderId folder) {
      customFolders.get(owner).remove(folder);
    }

    Set<FolderId> customFolders(ParticipantId owner) {
      return Set.copyOf(customFolders.getOrDefault(owner, Set.of()));
    }

    Set<MessageId> messagesOf(ParticipantId owner) {
      return sent.entrySet().stream()
          .filter(e -> e.getValue().contains(owner))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    Set<MessageId> receivedButNotOpened(ParticipantId owner) {
      return sent.entrySet().stream()
          .filter(e -> e.getValue().indexOf(owner) > 0)
          .map(Map.Entry::getKey)
          .filter(message -> !opened.contains(owner.value() + " " + message.value()))
          .collect(Collectors.toSet());
    }

    /** "owner message" for the sender and each recipient of every message sent. */
    Set<String> expectedCopies() {
      Set<String> copies = new HashSet<>();
      sent.forEach((message, owners) -> owners.forEach(owner -> copies.add(owner.value() + " " + message.value())));
      return copies;
    }
  }
}
