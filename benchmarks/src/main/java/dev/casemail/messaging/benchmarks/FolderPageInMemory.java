package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * W2 in memory: the first page (the 50 newest) of an Inbox holding 10 k copies and of one holding
 * 1 M; the large/small time ratio shows whether a page costs the same at any size. Every fork builds
 * the same store, filled through the public API one send at a time: the mother's Inbox with 10 k
 * notes, the father's with 1 M. The parameter only chooses whose Inbox is read, so the two figures
 * come from JVMs in the same state (same heap, same compiled code paths) and differ only by the
 * size of the mailbox read.
 *
 * <p>Beside it, James' newest-50 listing of an INBOX of 10 k and of one of 100 k messages, built
 * the same way: the headers of the 50 highest uids (its charitable best: uids are in arrival order,
 * so no sort by date is asked for). James is filled to 100 k, not 1 M, because its scan makes the
 * gap plain already and a million appends would take most of the suite's time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class FolderPageInMemory {

  static final int SMALL = 10_000;
  static final int LARGE = 1_000_000;
  static final int JAMES_SMALL = 10_000;
  static final int JAMES_LARGE = 100_000;

  /** The library holding both Inboxes; {@link #copies} chooses the one read. */
  @State(Scope.Benchmark)
  public static class Library {
    @Param({"10000", "1000000"})
    public int copies;

    ParticipantMessaging reader;

    @Setup(Level.Trial)
    public void fillInboxes() {
      var messaging = InMemoryMessaging.create();
      Practice.register(messaging);
      ParticipantMessaging lawyer = messaging.actingAs(Practice.LAWYER);
      for (int i = 0; i < SMALL; i++) {
        lawyer.send(Practice.noteTo(Practice.MOTHER));
      }
      for (int i = 0; i < LARGE; i++) {
        lawyer.send(Practice.noteTo(Practice.FATHER));
      }
      ParticipantId read = copies == SMALL ? Practice.MOTHER : copies == LARGE ? Practice.FATHER : null;
      if (read == null) {
        throw new IllegalArgumentException("copies must be " + SMALL + " or " + LARGE);
      }
      reader = messaging.actingAs(read);
      long total = reader.folder(SystemFolder.INBOX.id(), PageRequest.first()).folder().total();
      if (total != copies) {
        throw new IllegalStateException("the Inbox holds " + total + " copies, not " + copies);
      }
    }
  }

  /** James holding both INBOXes; {@link #jamesMessages} chooses the one read. */
  @State(Scope.Benchmark)
  public static class James {
    @Param({"10000", "100000"})
    public int jamesMessages;

    MailboxSession session;
    MessageManager inbox;
    MessageRange newest;

    @Setup(Level.Trial)
    public void fillInboxes() throws Exception {
      JamesMailboxes james = new JamesMailboxes();
      MailboxSession mother = james.session(Practice.MOTHER.value());
      MailboxSession father = james.session(Practice.FATHER.value());
      MessageManager motherInbox = james.createMailbox(mother, MailboxConstants.INBOX);
      MessageManager fatherInbox = james.createMailbox(father, MailboxConstants.INBOX);
      MessageUid motherLast = fill(motherInbox, mother, Practice.MOTHER, JAMES_SMALL);
      MessageUid fatherLast = fill(fatherInbox, father, Practice.FATHER, JAMES_LARGE);
      if (jamesMessages != JAMES_SMALL && jamesMessages != JAMES_LARGE) {
        throw new IllegalArgumentException("jamesMessages must be " + JAMES_SMALL + " or " + JAMES_LARGE);
      }
      boolean small = jamesMessages == JAMES_SMALL;
      session = small ? mother : father;
      inbox = small ? motherInbox : fatherInbox;
      MessageUid last = small ? motherLast : fatherLast;
      long count = inbox.getMessageCount(session);
      if (count != jamesMessages) {
        throw new IllegalStateException("the INBOX holds " + count + " messages, not " + jamesMessages);
      }
      newest = MessageRange.range(MessageUid.of(last.asLong() - PageRequest.DEFAULT_SIZE + 1), last);
    }

    private static MessageUid fill(MessageManager inbox, MailboxSession session, ParticipantId owner, int messages)
        throws Exception {
      byte[] note = JamesMailboxes.mime(Practice.LAWYER.value(), List.of(owner.value()), Practice.SUBJECT, Practice.NOTE);
      MessageUid last = null;
      for (int i = 0; i < messages; i++) {
        last = JamesMailboxes.append(inbox, session, note, false);
      }
      return last;
    }
  }

  @Benchmark
  public FolderPage library(Library library) {
    return library.reader.folder(SystemFolder.INBOX.id(), PageRequest.first());
  }

  @Benchmark
  public void james(James james, Blackhole blackhole) throws Exception {
    MessageResultIterator page = james.inbox.getMessages(james.newest, FetchGroup.HEADERS, james.session);
    int count = 0;
    while (page.hasNext()) {
      MessageResult message = page.next();
      blackhole.consume(message.getHeaders());
      count++;
    }
    if (count != PageRequest.DEFAULT_SIZE) {
      throw new IllegalStateException("James listed " + count + " messages");
    }
  }
}
