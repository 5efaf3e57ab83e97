package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.PageRequest;
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
 * W2 in memory: the first page (the 50 newest) of the mother's Inbox when it holds 10 k and when it
 * holds 1 M copies; the large/small time ratio shows whether a page costs the same at any size. The
 * Inbox is filled through the public API, one send at a time, before measuring.
 *
 * <p>Beside it, James' newest-50 listing of an INBOX of 10 k and 100 k messages: the headers of the
 * 50 highest uids (its charitable best: uids are in arrival order, so no sort by date is asked for).
 * James is filled to 100 k, not 1 M, because its scan makes the gap plain already and a million
 * appends would take most of the suite's time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class FolderPageInMemory {

  /** The library with the mother's Inbox holding {@link #copies} copies. */
  @State(Scope.Benchmark)
  public static class Library {
    @Param({"10000", "1000000"})
    public int copies;

    ParticipantMessaging mother;

    @Setup(Level.Trial)
    public void fillInbox() {
      var messaging = InMemoryMessaging.create();
      Practice.register(messaging);
      ParticipantMessaging lawyer = messaging.actingAs(Practice.LAWYER);
      for (int i = 0; i < copies; i++) {
        lawyer.send(Practice.noteToMother());
      }
      mother = messaging.actingAs(Practice.MOTHER);
      long total = mother.folder(SystemFolder.INBOX.id(), PageRequest.first()).folder().total();
      if (total != copies) {
        throw new IllegalStateException("the Inbox holds " + total + " copies, not " + copies);
      }
    }
  }

  /** James with the mother's INBOX holding {@link #jamesMessages} messages. */
  @State(Scope.Benchmark)
  public static class James {
    @Param({"10000", "100000"})
    public int jamesMessages;

    MailboxSession mother;
    MessageManager inbox;
    MessageRange newest;

    @Setup(Level.Trial)
    public void fillInbox() throws Exception {
      JamesMailboxes james = new JamesMailboxes();
      mother = james.session(Practice.MOTHER.value());
      inbox = james.createMailbox(mother, MailboxConstants.INBOX);
      byte[] note = JamesMailboxes.mime(
          Practice.LAWYER.value(), List.of(Practice.MOTHER.value()), Practice.SUBJECT, Practice.NOTE);
      MessageUid first = null;
      MessageUid last = null;
      for (int i = 0; i < jamesMessages; i++) {
        last = JamesMailboxes.append(inbox, mother, note, false);
        if (first == null) {
          first = last;
        }
      }
      long count = inbox.getMessageCount(mother);
      if (count != jamesMessages) {
        throw new IllegalStateException("the INBOX holds " + count + " messages, not " + jamesMessages);
      }
      newest = MessageRange.range(MessageUid.of(last.asLong() - PageRequest.DEFAULT_SIZE + 1), last);
    }
  }

  @Benchmark
  public FolderPage library(Library library) {
    return library.mother.folder(SystemFolder.INBOX.id(), PageRequest.first());
  }

  @Benchmark
  public void james(James james, Blackhole blackhole) throws Exception {
    MessageResultIterator page = james.inbox.getMessages(james.newest, FetchGroup.HEADERS, james.mother);
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
