package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.events.dispatcher.DigestHandler;
import dev.casemail.messaging.events.dispatcher.DispatcherCounters;
import dev.casemail.messaging.events.dispatcher.DispatcherListener;
import dev.casemail.messaging.events.dispatcher.EventDispatcher;
import dev.casemail.messaging.events.dispatcher.EventHandler;
import dev.casemail.messaging.events.dispatcher.LeasedEvent;
import dev.casemail.messaging.events.dispatcher.OutboxEventSource;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Runs the events dispatcher on the library's outbox when {@code messaging-events-dispatcher} is on
 * the class path and the application has a handler bean: an {@code EventHandler<Event>} (each event
 * alone) or a {@code DigestHandler<Event>} (a recipient's events per digest window), not both. The
 * dispatcher ({@link MessagingEventDispatcher}) starts with the application context and stops when it
 * closes; its settings are {@link MessagingEventsProperties} ({@code casemail.messaging.events.*}), its
 * clock the application's {@link Clock} bean if it has one (the library's), and the application's
 * {@link DispatcherListener} beans hear of every outcome. It purges the acknowledged events older than
 * the retention. {@code casemail.messaging.events.enabled=false} turns it off.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass(EventDispatcher.class)
@ConditionalOnBean(Messaging.class)
@ConditionalOnProperty(prefix = MessagingEventsProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(MessagingEventsAutoConfiguration.HasHandler.class)
@EnableConfigurationProperties(MessagingEventsProperties.class)
public class MessagingEventsAutoConfiguration {

  /** Made by Spring. */
  public MessagingEventsAutoConfiguration() {}

  /** The dispatcher on the application's handler, started and stopped with the context. */
  @Bean
  @ConditionalOnMissingBean
  MessagingEventDispatcher casemailEventDispatcher(
      Messaging messaging,
      MessagingEventsProperties properties,
      ObjectProvider<EventHandler<Event>> handler,
      ObjectProvider<DigestHandler<Event>> digestHandler,
      ObjectProvider<Clock> clock,
      ObjectProvider<DispatcherListener> listeners) {
    EventHandler<Event> single = handler.getIfUnique();
    DigestHandler<Event> digest = digestHandler.getIfUnique();
    if (single != null && digest != null) {
      throw new InvalidInputException(MessagingEventsProperties.PREFIX,
          "needs one handler bean: an EventHandler<Event> or a DigestHandler<Event>, not both");
    }
    if (single == null && digest == null) {
      throw new InvalidInputException(MessagingEventsProperties.PREFIX,
          "needs exactly one EventHandler<Event> or DigestHandler<Event> bean (found several of one kind)");
    }
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    DispatcherCounters counters = new DispatcherCounters();
    List<DispatcherListener> hosts = listeners.orderedStream().collect(Collectors.toList());
    DispatcherListener listener = new Listeners(counters, hosts);
    Supplier<EventDispatcher<Event>> dispatchers = () -> {
      EventDispatcher.Builder<Event> builder = EventDispatcher.builder(
              OutboxEventSource.on(messaging.events(), time).purgingAcknowledgedAfter(properties.getRetention()),
              properties.getConsumer())
          .threads(properties.getThreads())
          .batchSize(properties.getBatchSize())
          .leaseDuration(properties.getLeaseDuration())
          .maxAttempts(properties.getMaxAttempts())
          .clock(time)
          .listener(listener);
      if (digest != null) {
        builder.digest(properties.getDigestWindow(), properties.getDigestMaxSize(), digest);
      } else {
        builder.handler(single);
      }
      return builder.build();
    };
    dispatchers.get(); // refuses a setting out of range now, at start-up, naming it
    return new MessagingEventDispatcher(dispatchers, properties.getConsumer(), counters);
  }

  /** The counters first, then the application's listeners, in their order. */
  private record Listeners(DispatcherCounters counters, List<DispatcherListener> hosts) implements DispatcherListener {

    @Override
    public void handled(LeasedEvent<?> event) {
      counters.handled(event);
      hosts.forEach(l -> l.handled(event));
    }

    @Override
    public void failed(LeasedEvent<?> event, Throwable failure) {
      counters.failed(event, failure);
      hosts.forEach(l -> l.failed(event, failure));
    }

    @Override
    public void retried(LeasedEvent<?> event) {
      counters.retried(event);
      hosts.forEach(l -> l.retried(event));
    }

    @Override
    public void dead(LeasedEvent<?> event) {
      counters.dead(event);
      hosts.forEach(l -> l.dead(event));
    }

    @Override
    public void leaseExpired(LeasedEvent<?> event) {
      counters.leaseExpired(event);
      hosts.forEach(l -> l.leaseExpired(event));
    }
  }

  /** Matches when the application has an EventHandler or a DigestHandler bean. */
  static final class HasHandler extends AnyNestedCondition {

    HasHandler() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(EventHandler.class)
    static final class Single {}

    @ConditionalOnBean(DigestHandler.class)
    static final class Digest {}
  }
}
