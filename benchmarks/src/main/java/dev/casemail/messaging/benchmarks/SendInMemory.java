package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.MailboxConstants;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * W1: the lawyer sends a 1 KiB message to both parents, in memory. Side by side: the library
 * ({@code InMemoryMessaging}), Apache James (the same MIME message appended to the sender's Sent and
 * to both parents' INBOX), and the bare-collections floor (the same records, no rules). Each
 * measurement iteration starts from empty stores, so what is measured never depends on how much
 * the previous iteration stored.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SendInMemory {

  /** The library on plain collections, through its public API. */
  @State(Scope.Thread)
  public static class Library {
    ParticipantMessaging lawyer;

    @Setup(Level.Iteration)
    public void emptyLibrary() {
      var messaging = InMemoryMessaging.create();
      Practice.register(messaging);
      lawyer = messaging.actingAs(Practice.LAWYER);
    }
  }

  /** Apache James' in-memory mailbox: three users, each with the mailboxes a send touches. */
  @State(Scope.Thread)
  public static class James {
    MailboxSession lawyer;
    MailboxSession mother;
    MailboxSession father;
    MessageManager lawyerSent;
    MessageManager motherInbox;
    MessageManager fatherInbox;
    final byte[] letter = JamesMailboxes.mime(
        Practice.LAWYER.value(), List.of(Practice.MOTHER.value(), Practice.FATHER.value()),
        Practice.SUBJECT, Practice.LETTER);

    @Setup(Level.Iteration)
    public void emptyMailboxes() throws Exception {
      JamesMailboxes james = new JamesMailboxes();
      lawyer = james.session(Practice.LAWYER.value());
      mother = james.session(Practice.MOTHER.value());
      father = james.session(Practice.FATHER.value());
      lawyerSent = james.createMailbox(lawyer, JamesMailboxes.SENT);
      motherInbox = james.createMailbox(mother, MailboxConstants.INBOX);
      fatherInbox = james.createMailbox(father, MailboxConstants.INBOX);
    }
  }

  /** The floor: plain concurrent maps. */
  @State(Scope.Thread)
  public static class Floor {
    BareCollections store;
    final BareCollections.Person lawyer = new BareCollections.Person(Practice.LAWYER.value(), "PRACTITIONER", Practice.LAWYER_NAME);
    final List<BareCollections.Person> parents = List.of(
        new BareCollections.Person(Practice.MOTHER.value(), "PARENT", Practice.MOTHER_NAME),
        new BareCollections.Person(Practice.FATHER.value(), "PARENT", Practice.FATHER_NAME));

    @Setup(Level.Iteration)
    public void emptyMaps() {
      store = new BareCollections();
    }
  }

  @Benchmark
  public MessageView library(Library library) {
    return library.lawyer.send(Practice.letterToBothParents());
  }

  @Benchmark
  public void james(James james, Blackhole blackhole) throws Exception {
    MessageUid sent = JamesMailboxes.append(james.lawyerSent, james.lawyer, james.letter, true);
    MessageUid mother = JamesMailboxes.append(james.motherInbox, james.mother, james.letter, false);
    MessageUid father = JamesMailboxes.append(james.fatherInbox, james.father, james.letter, false);
    blackhole.consume(sent);
    blackhole.consume(mother);
    blackhole.consume(father);
  }

  @Benchmark
  public BareCollections.Message bareCollections(Floor floor) {
    return floor.store.send(floor.lawyer, floor.parents, Practice.SUBJECT, Practice.LETTER);
  }
}
