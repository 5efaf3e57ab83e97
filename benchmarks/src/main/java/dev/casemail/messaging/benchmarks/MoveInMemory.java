package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxId;
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

/**
 * W5: the mother moves one message, Inbox to Archive and back on the next call, in memory; beside
 * it James' {@code moveMessages} of one message between the mother's INBOX and Archive. Both
 * mailboxes hold 1,000 messages, filled through each one's API before measuring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MoveInMemory {

  static final int MAILBOX_SIZE = 1_000;

  @State(Scope.Thread)
  public static class Library {
    ParticipantMessaging mother;
    MessageId message;
    boolean inInbox = true;

    @Setup(Level.Trial)
    public void fillInbox() {
      var messaging = InMemoryMessaging.create();
      Practice.register(messaging);
      ParticipantMessaging lawyer = messaging.actingAs(Practice.LAWYER);
      for (int i = 0; i < MAILBOX_SIZE; i++) {
        lawyer.send(Practice.noteToMother());
      }
      mother = messaging.actingAs(Practice.MOTHER);
      message = mother.folder(SystemFolder.INBOX.id(), PageRequest.first(1)).items().get(0).id();
    }

    FolderId flip() {
      FolderId target = inInbox ? SystemFolder.ARCHIVE.id() : SystemFolder.INBOX.id();
      inInbox = !inInbox;
      return target;
    }
  }

  @State(Scope.Thread)
  public static class James {
    JamesMailboxes james;
    MailboxSession mother;
    MailboxId inbox;
    MailboxId archive;
    MessageUid uid;
    boolean inInbox = true;

    @Setup(Level.Trial)
    public void fillInbox() throws Exception {
      james = new JamesMailboxes();
      mother = james.session(Practice.MOTHER.value());
      MessageManager inboxManager = james.createMailbox(mother, MailboxConstants.INBOX);
      inbox = inboxManager.getId();
      archive = james.createMailbox(mother, JamesMailboxes.ARCHIVE).getId();
      byte[] note = JamesMailboxes.mime(
          Practice.LAWYER.value(), List.of(Practice.MOTHER.value()), Practice.SUBJECT, Practice.NOTE);
      for (int i = 0; i < MAILBOX_SIZE; i++) {
        uid = JamesMailboxes.append(inboxManager, mother, note, false);
      }
    }
  }

  @Benchmark
  public void library(Library library) {
    library.mother.move(MoveRequest.of(library.message, library.flip()));
  }

  @Benchmark
  public MessageUid james(James james) throws Exception {
    MailboxId from = james.inInbox ? james.inbox : james.archive;
    MailboxId to = james.inInbox ? james.archive : james.inbox;
    james.uid = james.james.move(james.uid, from, to, james.mother);
    james.inInbox = !james.inInbox;
    return james.uid;
  }
}
