package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingFixture;
import dev.casemail.messaging.contract.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page and the counts returned with it come from one snapshot, on both databases: while two
 * participants send to a parent and the parent opens every other message, readers keep reading the
 * first page of her Inbox and of her All Messages, each larger than all she will ever receive. Every
 * page must then hold exactly as many items as its folder's total, and exactly as many unopened items
 * as its unread count.
 */
class PagesAgreeWithTheirCountsTest {

  private static final Logger LOG = LoggerFactory.getLogger(PagesAgreeWithTheirCountsTest.class);

  /** Messages per sender; both together stay below the page size, so a page is the whole folder. */
  private static final int SENDS = 90;

  private static final int PAGE_SIZE = InputRules.MAX_PAGE_SIZE;

  private static final int READERS = 3;

  /** The end of a sender's messages, in the queue of messages to open. */
  private static final MessageId DONE = new MessageId(Long.MAX_VALUE);

  /** The two databases, each giving a new, empty, migrated one per call. */
  enum Database {
    POSTGRES(TestDatabases::freshPostgres),
    H2(TestDatabases::freshH2);

    private final Supplier<DataSource> fresh;

    Database(Supplier<DataSource> fresh) {
      this.fresh = fresh;
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void everyPageReadWhileMessagesArriveAndAreOpenedAgreesWithTheCountsReadWithIt(Database database) {
    Messaging messaging = JdbcMessaging.create(database.fresh.get(), MessagingConfiguration.defaults());
    MessagingFixture fixture = (configuration, ids) -> messaging;
    World world = fixture.newWorld();
    // the reader's id sorts first: an open (her mailbox, then the sender's) and a send (both, in key
    // order) lock alike, so this test does not depend on the order crossing calls lock in
    ParticipantId ada = world.parent("ada");
    ParticipantId mediator = world.practitioner("mediator");
    ParticipantId zed = world.parent("zed");
    world.family("ada-and-zed", ada, zed);
    world.grant(mediator, ada);
    List<ParticipantId> senders = List.of(mediator, zed);

    BlockingQueue<MessageId> toOpen = new LinkedBlockingQueue<>();
    CountDownLatch sending = new CountDownLatch(senders.size());
    AtomicInteger reads = new AtomicInteger();
    List<String> disagreements = Collections.synchronizedList(new ArrayList<>());
    int opener = senders.size();

    try (StartingGate gate = new StartingGate(senders.size() + 1 + READERS)) {
      List<StartingGate.Outcome<Void>> outcomes = gate.run(task -> () -> {
        if (task < opener) {
          try {
            for (int i = 0; i < SENDS; i++) {
              toOpen.add(world.send(senders.get(task), "Message " + i, "Hello", ada).id());
            }
          } finally {
            toOpen.add(DONE);
            sending.countDown();
          }
        } else if (task == opener) {
          int done = 0;
          int taken = 0;
          while (done < senders.size()) {
            MessageId next = toOpen.take();
            if (next.equals(DONE)) {
              done++;
            } else if (taken++ % 2 == 0) {
              world.as(ada).open(next);
            }
          }
        } else {
          do {
            for (SystemFolder folder : List.of(SystemFolder.INBOX, SystemFolder.ALL_MESSAGES)) {
              FolderPage page = world.as(ada).folder(folder.id(), PageRequest.first(PAGE_SIZE));
              reads.incrementAndGet();
              disagreement(page).ifPresent(disagreements::add);
            }
          } while (sending.getCount() > 0);
        }
        return null;
      });
      for (StartingGate.Outcome<Void> outcome : outcomes) {
        if (!outcome.succeeded()) {
          throw new AssertionError("task " + outcome.task() + " failed", outcome.failure());
        }
      }
    }

    LOG.info("{}: {} of {} pages read while messages arrived disagree with their counts{}", database,
        disagreements.size(), reads.get(), disagreements.isEmpty() ? "" : ", e.g. " + disagreements.get(0));
    assertThat(world.folder(ada, SystemFolder.INBOX).total()).as("messages received").isEqualTo(2L * SENDS);
    assertThat(reads.get()).as("pages read").isGreaterThanOrEqualTo(2 * READERS);
    assertThat(disagreements)
        .as("%s: pages (of %d read) whose items disagree with the counts returned with them", database, reads.get())
        .isEmpty();
  }

  /** What is wrong with a page that holds its whole folder, if anything. */
  private static Optional<String> disagreement(FolderPage page) {
    long items = page.items().size();
    long unopened = page.items().stream().filter(MessageSummary::unread).count();
    if (items == page.folder().total() && unopened == page.folder().unread() && page.next().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(page.folder().name() + ": " + items + " items, " + unopened + " unopened, but total "
        + page.folder().total() + " and unread " + page.folder().unread()
        + (page.next().isPresent() ? ", and a next page" : ""));
  }
}
