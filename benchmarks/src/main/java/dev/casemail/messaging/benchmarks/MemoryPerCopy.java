package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.MailboxConstants;

/**
 * W6: retained heap per stored copy beyond the text itself. Stores {@code N} messages from the lawyer
 * to both parents (3 copies each), each with its own subject and body, then:
 * {@code (heap after GC − heap after GC before storing − the text's own bytes) / copies}.
 *
 * <p>The text's bytes are the subject and body strings as the JVM holds them (a 24-byte
 * {@code String} and its byte array of 16 bytes plus one byte per Latin-1 character, rounded up to
 * 8): what any store must hold at the very least. Run it in a JVM of its own with the serial
 * collector, whose full collection leaves exactly the live objects:
 * {@code java -XX:+UseSerialGC -Xmx2g -cp … MemoryPerCopy library 100000}. It prints one line,
 * {@code bytesPerCopy=<n>}, last.
 *
 * <p>Variants: {@code library} (the in-memory adapter through the public API), {@code floor} (the
 * bare-collections floor: same records, same shared text), {@code james} (James' in-memory mailbox:
 * one MIME message appended to three mailboxes; its text is the MIME bytes, counted once per
 * appended copy since James keeps a copy per mailbox).
 */
public final class MemoryPerCopy {

  private MemoryPerCopy() {}

  public static void main(String[] args) throws Exception {
    String variant = args.length > 0 ? args[0] : "library";
    int messages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Store store = switch (variant) {
      case "library" -> new Library();
      case "floor" -> new Floor();
      case "james" -> new James();
      default -> throw new IllegalArgumentException("unknown variant " + variant + " (library, floor, james)");
    };
    store.warmUp();
    long before = heapAfterGc();
    long text = 0;
    for (int i = 0; i < messages; i++) {
      String subject = "Hearing on day " + i;
      String body = i + " " + Practice.NOTE;
      text += store.send(subject, body);
    }
    long after = heapAfterGc();
    long copies = 3L * messages;
    double perCopy = (double) (after - before - text) / copies;
    System.out.printf(Locale.ROOT, "variant=%s messages=%d copies=%d heapDelta=%d textBytes=%d%n",
        variant, messages, copies, after - before, text);
    System.out.printf(Locale.ROOT, "bytesPerCopy=%.1f%n", perCopy);
    Reference.reachabilityFence(store);
  }

  /** One way of storing the lawyer's message to both parents; returns the text bytes it was given. */
  private interface Store {
    void warmUp() throws Exception;

    long send(String subject, String body) throws Exception;
  }

  private static final class Library implements Store {
    private ParticipantMessaging lawyer;

    @Override
    public void warmUp() {
      lawyer = fresh();
      for (int i = 0; i < 2_000; i++) {
        send("warm-up", "warm-up " + i);
      }
      lawyer = fresh();
    }

    private static ParticipantMessaging fresh() {
      Messaging messaging = InMemoryMessaging.create();
      Practice.register(messaging);
      return messaging.actingAs(Practice.LAWYER);
    }

    @Override
    public long send(String subject, String body) {
      lawyer.send(NewMessage.builder().addRecipients(Practice.MOTHER, Practice.FATHER).subject(subject).body(body).build());
      return stringBytes(subject) + stringBytes(body);
    }
  }

  private static final class Floor implements Store {
    private BareCollections store;
    private final BareCollections.Person lawyer =
        new BareCollections.Person(Practice.LAWYER.value(), "PRACTITIONER", Practice.LAWYER_NAME);
    private final List<BareCollections.Person> parents = List.of(
        new BareCollections.Person(Practice.MOTHER.value(), "PARENT", Practice.MOTHER_NAME),
        new BareCollections.Person(Practice.FATHER.value(), "PARENT", Practice.FATHER_NAME));

    @Override
    public void warmUp() {
      store = new BareCollections();
      for (int i = 0; i < 2_000; i++) {
        send("warm-up", "warm-up " + i);
      }
      store = new BareCollections();
      // the floor's first send creates the three mailboxes: do it before the baseline, as for the library
      store.send(lawyer, parents, "first", "first");
    }

    @Override
    public long send(String subject, String body) {
      store.send(lawyer, parents, subject, body);
      return stringBytes(subject) + stringBytes(body);
    }
  }

  private static final class James implements Store {
    private MailboxSession lawyer;
    private MailboxSession mother;
    private MailboxSession father;
    private MessageManager sent;
    private MessageManager motherInbox;
    private MessageManager fatherInbox;

    @Override
    public void warmUp() throws Exception {
      fresh();
      for (int i = 0; i < 2_000; i++) {
        send("warm-up", "warm-up " + i);
      }
      fresh();
    }

    private void fresh() throws Exception {
      JamesMailboxes james = new JamesMailboxes();
      lawyer = james.session(Practice.LAWYER.value());
      mother = james.session(Practice.MOTHER.value());
      father = james.session(Practice.FATHER.value());
      sent = james.createMailbox(lawyer, JamesMailboxes.SENT);
      motherInbox = james.createMailbox(mother, MailboxConstants.INBOX);
      fatherInbox = james.createMailbox(father, MailboxConstants.INBOX);
    }

    @Override
    public long send(String subject, String body) throws Exception {
      byte[] mime = JamesMailboxes.mime(
          Practice.LAWYER.value(), List.of(Practice.MOTHER.value(), Practice.FATHER.value()), subject, body);
      JamesMailboxes.append(sent, lawyer, mime, true);
      JamesMailboxes.append(motherInbox, mother, mime, false);
      JamesMailboxes.append(fatherInbox, father, mime, false);
      return 3 * arrayBytes(mime.length);
    }
  }

  /** A Latin-1 string as a 64-bit JVM with compressed pointers holds it: the object and its array. */
  static long stringBytes(String text) {
    if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("the measurement counts Latin-1 text only");
    }
    return 24 + arrayBytes(text.length());
  }

  static long arrayBytes(int length) {
    return (16 + length + 7) / 8 * 8;
  }

  static long heapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
