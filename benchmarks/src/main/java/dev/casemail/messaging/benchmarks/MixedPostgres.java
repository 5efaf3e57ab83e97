package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * W7: a mixed workload on PostgreSQL through two service instances: two {@code JdbcMessaging}
 * instances, each on its own pool of four connections, on one embedded PostgreSQL 17, at 1 and at 8
 * threads. 200 participants (40 practitioners, 80 families of two parents; ids are random UUIDs, as a
 * host's would be) call, in random order: send (30 %), reply or reply all (15 %), open (20 %), move
 * (15 %), create or delete a custom folder (10 %) and access changes (10 %). Each family has its
 * practitioner, with approved access to both parents for good, so that every send and reply is
 * allowed; every family's first parent also goes through the whole access lifecycle (request,
 * approval, removal, request again, withdrawal) with a second practitioner, who never messages them.
 *
 * <p>Each participant is played by one thread (participant {@code i} by thread {@code i mod
 * threads}), and so is each access link, so that no call of the workload can be refused by another
 * thread's call: creating and deleting folders, moving messages and stepping a link are always valid.
 * Messages cross threads: a send pushes its id to each recipient's queue, from which the thread that
 * plays the recipient opens, answers and moves it. A call that needs a message of which there is
 * none yet sends instead. Every call alternates between the two instances.
 *
 * <p>JMH's {@link Mode#SampleTime} times the calls one by one (at these call times, every call); a
 * thread calls back to back, so the calls per second are the threads divided by the mean time. A
 * call that ends in a {@link ConflictException} (it lost a race more often than the library retries)
 * is counted, not thrown. The deadlocks PostgreSQL broke during the measured iterations, those
 * conflicts and the calls made of each kind are written to
 * {@code <casemail.w7.out>/<benchmark>.properties} for the suite's report. They are counted from the
 * start to the end of each measured iteration, which includes the margins in which JMH keeps the
 * threads calling so that all of them start and stop measuring together: at 8 threads they cover
 * more calls than JMH timed, since a thread held up in a deadlock delays the end of an iteration
 * while the others go on calling.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class MixedPostgres {

  /** Where the deadlock and conflict counts go (a directory), set by the suite. */
  static final String OUT_PROPERTY = "casemail.w7.out";

  static final int PRACTITIONERS = 40;
  static final int FAMILIES = 80;

  /** At most this many custom folders per participant at a time. */
  private static final int FOLDERS = 3;

  /** How many of a participant's own messages it keeps moving about. */
  private static final int RECENT = 20;

  /** The scene: 200 participants on two instances, and the messages in flight between threads. */
  @State(Scope.Benchmark)
  public static class Scene {
    Postgres postgres;
    final List<Messaging> nodes = new ArrayList<>();
    final List<ParticipantId> participants = new ArrayList<>();
    final Map<ParticipantId, Integer> index = new HashMap<>();
    /**
     * For each participant, the groups it messages: a parent its co-parent and their practitioner, a
     * practitioner the parents of each of its families. A message goes to some of one group, so that
     * every reply to all of it is allowed too.
     */
    final List<List<int[]>> groups = new ArrayList<>();
    /** The lifecycle links: {practitioner, parent}. */
    final List<int[]> links = new ArrayList<>();
    /** For each participant, the messages it received and has not opened yet, newest last. */
    final List<ConcurrentLinkedDeque<MessageId>> unopened = new ArrayList<>();
    final LongAdder conflicts = new LongAdder();
    /** The calls made, by kind (ordinal of {@link Kind}). */
    final LongAdder[] calls = new LongAdder[Kind.values().length];
    long deadlocks;
    long conflictsMeasured;
    final long[] callsMeasured = new long[Kind.values().length];
    private long deadlocksBefore;
    private long conflictsBefore;
    private final long[] callsBefore = new long[Kind.values().length];

    public Scene() {
      for (int i = 0; i < calls.length; i++) {
        calls[i] = new LongAdder();
      }
    }

    void calling(Kind kind) {
      calls[kind.ordinal()].increment();
    }

    @Setup(Level.Trial)
    public void start() {
      postgres = Postgres.start();
      // the mix changes access many times a minute, far beyond the default request limit
      nodes.add(JdbcMessaging.create(postgres.dataSource(), MessagingConfiguration.builder().accessRequestLimit(1000).build()));
      nodes.add(JdbcMessaging.create(postgres.anotherPool(), MessagingConfiguration.builder().accessRequestLimit(1000).build()));
      Messaging setup = nodes.get(0);
      Random ids = new Random(7);
      for (int i = 0; i < PRACTITIONERS + 2 * FAMILIES; i++) {
        ParticipantId id = ParticipantId.of(new UUID(ids.nextLong(), ids.nextLong()).toString());
        index.put(id, participants.size());
        participants.add(id);
        setup.directory().register(i < PRACTITIONERS
            ? ParticipantRegistration.practitioner(id, "Practitioner " + i)
            : ParticipantRegistration.parent(id, "Parent " + i));
        unopened.add(new ConcurrentLinkedDeque<>());
      }
      for (int p = 0; p < PRACTITIONERS; p++) {
        groups.add(new ArrayList<>());
      }
      for (int f = 0; f < FAMILIES; f++) {
        int mother = PRACTITIONERS + 2 * f;
        int father = mother + 1;
        int practitioner = f % PRACTITIONERS;
        setup.directory().registerFamily(FamilyRegistration.of(FamilyId.of("family-" + f), "Family " + f,
            new LinkedHashSet<>(List.of(participants.get(mother), participants.get(father)))));
        for (int parent : List.of(mother, father)) {
          setup.actingAs(participants.get(practitioner)).requestAccess(participants.get(parent));
          setup.actingAs(participants.get(parent)).approveAccess(participants.get(practitioner));
        }
        groups.get(practitioner).add(new int[] {mother, father});
        links.add(new int[] {(practitioner + 1) % PRACTITIONERS, mother});
      }
      for (int f = 0; f < FAMILIES; f++) {
        int mother = PRACTITIONERS + 2 * f;
        groups.add(List.<int[]>of(new int[] {mother + 1, f % PRACTITIONERS}));
        groups.add(List.<int[]>of(new int[] {mother, f % PRACTITIONERS}));
      }
      postgres.execute("ANALYZE");
    }

    @Setup(Level.Iteration)
    public void beforeIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        deadlocksBefore = postgres.deadlocks();
        conflictsBefore = conflicts.sum();
        for (int i = 0; i < calls.length; i++) {
          callsBefore[i] = calls[i].sum();
        }
      }
    }

    @TearDown(Level.Iteration)
    public void afterIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        deadlocks += postgres.deadlocks() - deadlocksBefore;
        conflictsMeasured += conflicts.sum() - conflictsBefore;
        for (int i = 0; i < calls.length; i++) {
          callsMeasured[i] += calls[i].sum() - callsBefore[i];
        }
      }
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams benchmark) throws IOException {
      String out = System.getProperty(OUT_PROPERTY);
      if (out != null) {
        Path file = Paths.get(out).resolve(figuresFile(benchmark.getBenchmark()));
        Files.createDirectories(file.getParent());
        StringBuilder figures = new StringBuilder();
        figures.append("deadlocks=").append(deadlocks).append('\n');
        figures.append("conflicts=").append(conflictsMeasured).append('\n');
        for (Kind kind : Kind.values()) {
          figures.append("calls.").append(kind.label).append('=').append(callsMeasured[kind.ordinal()]).append('\n');
        }
        Files.writeString(file, figures, StandardCharsets.UTF_8);
      }
      postgres.close();
    }
  }

  /** The file a run of {@code benchmark} (its full name) leaves its counts in. */
  static String figuresFile(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1) + ".properties";
  }

  /** One thread of the workload: the participants and links it plays, and what it knows of them. */
  @State(Scope.Thread)
  public static class Player {
    private final List<Integer> mine = new ArrayList<>();
    private final List<Integer> myLinks = new ArrayList<>();
    private final Map<Integer, Integer> linkStep = new HashMap<>();
    private final Map<Integer, List<FolderId>> folders = new HashMap<>();
    /** Each participant's own messages (sent, or received and opened), newest last. */
    private final Map<Integer, Deque<Own>> recent = new HashMap<>();
    private Random random;
    private int calls;
    private int folderNames;

    @Setup(Level.Trial)
    public void cast(Scene scene, ThreadParams thread) {
      random = new Random(31 + thread.getThreadIndex());
      for (int i = 0; i < scene.participants.size(); i++) {
        if (i % thread.getThreadCount() == thread.getThreadIndex()) {
          mine.add(i);
          folders.put(i, new ArrayList<>());
          recent.put(i, new ArrayDeque<>());
        }
      }
      for (int l = 0; l < scene.links.size(); l++) {
        if (l % thread.getThreadCount() == thread.getThreadIndex()) {
          myLinks.add(l);
          linkStep.put(l, 0);
        }
      }
    }

    /** One call of the workload. */
    Object next(Scene scene) {
      int who = mine.get(random.nextInt(mine.size()));
      Messaging node = scene.nodes.get(calls++ % 2);
      int dice = random.nextInt(100);
      try {
        if (dice < 30) {
          return send(scene, node, who);
        } else if (dice < 45) {
          return reply(scene, node, who);
        } else if (dice < 65) {
          return open(scene, node, who);
        } else if (dice < 80) {
          return move(scene, node, who);
        } else if (dice < 90) {
          return changeFolders(node, scene, who);
        } else {
          return changeAccess(scene, node);
        }
      } catch (ConflictException lostTooManyRaces) {
        scene.conflicts.increment();
        return lostTooManyRaces;
      }
    }

    private ParticipantMessaging as(Scene scene, Messaging node, int participant) {
      return node.actingAs(scene.participants.get(participant));
    }

    private Object send(Scene scene, Messaging node, int who) {
      List<int[]> choices = scene.groups.get(who);
      int[] group = choices.get(random.nextInt(choices.size()));
      Set<Integer> to = new LinkedHashSet<>();
      to.add(group[random.nextInt(group.length)]);
      if (random.nextBoolean()) {
        to.add(group[random.nextInt(group.length)]);
      }
      NewMessage.Builder message = NewMessage.builder().subject(Practice.SUBJECT).body(Practice.NOTE);
      to.forEach(recipient -> message.addRecipients(scene.participants.get(recipient)));
      scene.calling(Kind.SEND);
      MessageId sent = as(scene, node, who).send(message.build()).id();
      for (int recipient : to) {
        scene.unopened.get(recipient).addLast(sent);
      }
      remember(who, sent, false);
      return sent;
    }

    /** Answers the newest message received (unopened or opened), to its sender or to all. */
    private Object reply(Scene scene, Messaging node, int who) {
      MessageId original = scene.unopened.get(who).peekLast();
      if (original == null) {
        original = recent.get(who).stream().filter(Own::received).map(Own::message).reduce((a, b) -> b).orElse(null);
      }
      if (original == null) {
        return send(scene, node, who);
      }
      Reply reply = Reply.to(original, "Noted, thank you.");
      ParticipantMessaging replier = as(scene, node, who);
      scene.calling(Kind.REPLY);
      MessageView sent = random.nextBoolean() ? replier.reply(reply) : replier.replyAll(reply);
      for (ParticipantView recipient : sent.recipients()) {
        scene.unopened.get(scene.index.get(recipient.id())).addLast(sent.id());
      }
      remember(who, sent.id(), false);
      return sent;
    }

    private Object open(Scene scene, Messaging node, int who) {
      MessageId message = scene.unopened.get(who).pollLast();
      if (message == null) {
        return send(scene, node, who);
      }
      remember(who, message, true);
      scene.calling(Kind.OPEN);
      return as(scene, node, who).open(message);
    }

    private Object move(Scene scene, Messaging node, int who) {
      Deque<Own> own = recent.get(who);
      if (own.isEmpty()) {
        return send(scene, node, who);
      }
      Own pick = own.stream().skip(random.nextInt(own.size())).findFirst().orElseThrow();
      List<FolderId> customs = folders.get(who);
      int dice = random.nextInt(10);
      FolderId target;
      if (dice < 5 && !customs.isEmpty()) {
        target = customs.get(random.nextInt(customs.size()));
      } else if (dice < 8) {
        target = SystemFolder.ARCHIVE.id();
      } else {
        target = pick.received() ? SystemFolder.INBOX.id() : SystemFolder.SENT.id();
      }
      scene.calling(Kind.MOVE);
      as(scene, node, who).move(MoveRequest.of(pick.message(), target));
      return target;
    }

    private Object changeFolders(Messaging node, Scene scene, int who) {
      List<FolderId> customs = folders.get(who);
      scene.calling(Kind.FOLDER);
      if (customs.size() < FOLDERS && (customs.isEmpty() || random.nextBoolean())) {
        FolderId created = as(scene, node, who).createFolder("Folder " + folderNames++).id();
        customs.add(created);
        return created;
      }
      FolderId doomed = customs.remove(random.nextInt(customs.size()));
      as(scene, node, who).deleteFolder(doomed);
      return doomed;
    }

    /** The next step of one of this thread's links: request, approve, remove, request again, withdraw. */
    private Object changeAccess(Scene scene, Messaging node) {
      if (myLinks.isEmpty()) {
        return send(scene, node, mine.get(random.nextInt(mine.size())));
      }
      int link = myLinks.get(random.nextInt(myLinks.size()));
      int step = linkStep.get(link);
      linkStep.put(link, (step + 1) % 5);
      ParticipantMessaging practitioner = as(scene, node, scene.links.get(link)[0]);
      ParticipantMessaging parent = as(scene, node, scene.links.get(link)[1]);
      ParticipantId practitionerId = practitioner.participant();
      ParticipantId parentId = parent.participant();
      scene.calling(Kind.ACCESS);
      switch (step) {
        case 0:
          return practitioner.requestAccess(parentId);
        case 1:
          return parent.approveAccess(practitionerId);
        case 2:
          return random.nextBoolean() ? parent.removeAccess(practitionerId) : practitioner.removeAccess(parentId);
        case 3:
          return parent.requestAccess(practitionerId);
        default:
          return parent.withdrawAccessRequest(practitionerId);
      }
    }

    private void remember(int who, MessageId message, boolean received) {
      Deque<Own> own = recent.get(who);
      own.addLast(new Own(message, received));
      if (own.size() > RECENT) {
        own.removeFirst();
      }
    }
  }

  /** The kinds of call, as the report names them. */
  enum Kind {
    SEND("send"),
    REPLY("reply"),
    OPEN("open"),
    MOVE("move"),
    FOLDER("folder"),
    ACCESS("access");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** A message in a participant's own mailbox: one it sent, or one it received. */
  private record Own(MessageId message, boolean received) {}

  @Benchmark
  @Threads(1)
  public Object oneThread(Scene scene, Player player) {
    return player.next(scene);
  }

  @Benchmark
  @Threads(8)
  public Object eightThreads(Scene scene, Player player) {
    return player.next(scene);
  }
}
