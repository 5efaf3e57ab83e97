package dev.casemail.messaging.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.events.dispatcher.Digest;
import dev.casemail.messaging.events.dispatcher.DigestHandler;
import dev.casemail.messaging.events.dispatcher.DispatcherListener;
import dev.casemail.messaging.events.dispatcher.EventHandler;
import dev.casemail.messaging.events.dispatcher.LeasedEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events dispatcher in a Spring application: on when there is a handler bean, off without one,
 * without the dispatcher's jar, or when turned off; it delivers, stops with the context, and refuses
 * bad settings and ambiguous handlers at start-up.
 */
class MessagingEventsAutoConfigurationTest {

  private static final ParticipantId LAWYER = ParticipantId.of("lawyer-1");
  private static final ParticipantId MOTHER = ParticipantId.of("parent-1");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class, MessagingEventsAutoConfiguration.class))
      .withPropertyValues("casemail.messaging.events.lease-duration=10s");

  /** What the handler beans below were given. */
  static final List<Event> HANDLED = new CopyOnWriteArrayList<>();
  static final List<Digest<Event>> DIGESTS = new CopyOnWriteArrayList<>();

  @Configuration(proxyBeanMethods = false)
  static class CollectingMailer {
    @Bean
    EventHandler<Event> mailer() {
      return event -> HANDLED.add(event.payload());
    }
  }

  /** The host's mailer in README's example. */
  interface Mailer {
    void sendNotice(ParticipantId participant);
  }

  /** README's example of a handler bean, as README shows it (see the test at the end). */
  @Configuration(proxyBeanMethods = false)
  static class ReadmeNotices {
    // README-STARTER-EVENTS-START
    @Bean
    EventHandler<Event> notices(Mailer mailer) {                   // or a DigestHandler<Event>: one call per digest
      return event -> mailer.sendNotice(event.payload().mailbox()); // throw to have it retried
    }
    // README-STARTER-EVENTS-END
  }

  @Configuration(proxyBeanMethods = false)
  static class Digester {
    @Bean
    DigestHandler<Event> digester() {
      return DIGESTS::add;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class FailingMailer {
    @Bean
    EventHandler<Event> mailer() {
      return event -> {
        throw new IllegalStateException("SMTP down");
      };
    }
  }

  private ApplicationContextRunner withHandler(ApplicationContextRunner runner) {
    HANDLED.clear();
    return runner.withUserConfiguration(CollectingMailer.class);
  }

  private static void converse(Messaging messaging) {
    messaging.directory().register(ParticipantRegistration.practitioner(LAWYER, "A. Lawyer"));
    messaging.directory().register(ParticipantRegistration.parent(MOTHER, "M. Parent"));
    messaging.actingAs(LAWYER).requestAccess(MOTHER);
    messaging.actingAs(MOTHER).approveAccess(LAWYER);
    messaging.actingAs(LAWYER).send(NewMessage.builder().addRecipients(MOTHER).subject("Hearing").body("x").build());
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void aHandlerBeanGetsEveryEventFromTheStartedContextAndTheDispatcherStopsWithIt() {
    withHandler(runner).run(context -> {
      MessagingEventDispatcher dispatcher = context.getBean(MessagingEventDispatcher.class);
      assertThat(dispatcher.isRunning()).isTrue();
      assertThat(dispatcher.consumer()).isEqualTo("notifications");
      converse(context.getBean(Messaging.class));

      await("the request, the approval and the message", () -> dispatcher.counters().handled() == 3);
      assertThat(HANDLED).extracting(Event::type).containsExactlyInAnyOrder(
          EventType.ACCESS_REQUESTED, EventType.ACCESS_APPROVED, EventType.MESSAGE_RECEIVED);
      assertThat(context.getBean(Messaging.class).events().consumers()).containsExactly("notifications");

      context.stop();
      assertThat(dispatcher.isRunning()).isFalse();
      assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("casemail-events-notifications-"));
    });
  }

  @Test
  void aDigestHandlerBeanGetsARecipientsEventsTogether() {
    List<Digest<Event>> digests = DIGESTS;
    digests.clear();
    runner.withPropertyValues("casemail.messaging.events.digest-window=1s", "casemail.messaging.events.consumer=digests")
        .withUserConfiguration(Digester.class)
        .run(context -> {
          Messaging messaging = context.getBean(Messaging.class);
          converse(messaging);
          messaging.actingAs(LAWYER).send(NewMessage.builder().addRecipients(MOTHER).subject("Again").body("y").build());

          await("a digest for each side", () -> digests.size() == 2);
          assertThat(digests).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo("parent-1");
            assertThat(d.size()).as("the request and both messages").isEqualTo(3);
          });
          assertThat(context.getBean(MessagingEventDispatcher.class).consumer()).isEqualTo("digests");
        });
  }

  @Test
  void theApplicationsListenersHearOfEveryOutcome() {
    AtomicInteger failures = new AtomicInteger();
    DispatcherListener listener = new DispatcherListener() {
      @Override
      public void failed(LeasedEvent<?> event, Throwable failure) {
        failures.incrementAndGet();
      }
    };
    runner.withBean(DispatcherListener.class, () -> listener)
        .withUserConfiguration(FailingMailer.class)
        .run(context -> {
          converse(context.getBean(Messaging.class));
          await("failures heard", () -> failures.get() >= 3);
          assertThat(context.getBean(MessagingEventDispatcher.class).counters().failed()).isGreaterThanOrEqualTo(3);
        });
  }

  @Test
  void readmesHandlerBeanNotifiesEachRecipient() {
    List<ParticipantId> notified = new CopyOnWriteArrayList<>();
    runner.withBean(Mailer.class, () -> notified::add).withUserConfiguration(ReadmeNotices.class).run(context -> {
      converse(context.getBean(Messaging.class));
      await("three notices", () -> notified.size() == 3);
      assertThat(notified).containsExactlyInAnyOrder(MOTHER, LAWYER, MOTHER);
    });
  }

  @Test
  void theReadmeShowsExactlyTheHandlerBeanThisTestRuns() throws java.io.IOException {
    List<String> readme = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "README.md"));
    int intro = readme.indexOf("application, started with the context and stopped when it closes (before the `DataSource`):");
    assertThat(intro).as("README's paragraph on the starter's dispatcher").isNotNegative();
    int start = readme.subList(intro, readme.size()).indexOf("```java") + intro;
    int end = readme.subList(start + 1, readme.size()).indexOf("```") + start + 1;
    List<String> here = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
        "src/test/java/dev/casemail/messaging/spring/MessagingEventsAutoConfigurationTest.java"));
    List<String> snippet = here.subList(here.indexOf("    // README-STARTER-EVENTS-START") + 1,
        here.indexOf("    // README-STARTER-EVENTS-END"));
    assertThat(readme.subList(start + 1, end))
        .isEqualTo(snippet.stream().map(line -> line.substring(4)).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void withoutAHandlerBeanThereIsNoDispatcher() {
    runner.run(context -> assertThat(context).hasSingleBean(Messaging.class)
        .doesNotHaveBean(MessagingEventDispatcher.class));
  }

  @Test
  void turnedOffThereIsNoDispatcher() {
    withHandler(runner).withPropertyValues("casemail.messaging.events.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(MessagingEventDispatcher.class));
  }

  @Test
  void withoutTheDispatchersJarThereIsNoDispatcher() {
    runner.withClassLoader(new FilteredClassLoader("dev.casemail.messaging.events.dispatcher"))
        .run(context -> assertThat(context).hasSingleBean(Messaging.class)
            .doesNotHaveBean(MessagingEventDispatcher.class));
  }

  @Test
  void aSettingOutOfRangeFailsTheStartNamingIt() {
    withHandler(runner).withPropertyValues("casemail.messaging.events.threads=0").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("threads"));
    });
  }

  @Test
  void bothKindsOfHandlerFailTheStart() {
    withHandler(runner).withUserConfiguration(Digester.class)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("not both");
        });
  }
}
