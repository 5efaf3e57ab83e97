package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.events.dispatcher.DispatcherCounters;
import dev.casemail.messaging.events.dispatcher.EventDispatcher;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * The events dispatcher as a Spring bean with a life cycle: started when the application context has
 * started (after every other bean, so that the handler's own dependencies are ready), stopped when it
 * closes, before the {@code DataSource} goes (no thread left, nothing unsent lost: what was not
 * handled comes back to the next instance with its lease). A context stopped and started again runs
 * a new dispatcher.
 */
public final class MessagingEventDispatcher implements SmartLifecycle {

  private final Supplier<EventDispatcher<Event>> dispatchers;
  private final String consumer;
  private final DispatcherCounters counters;
  private EventDispatcher<Event> running; // guarded by this

  MessagingEventDispatcher(Supplier<EventDispatcher<Event>> dispatchers, String consumer, DispatcherCounters counters) {
    this.dispatchers = dispatchers;
    this.consumer = consumer;
    this.counters = counters;
  }

  /** The consumer name it leases under. */
  public String consumer() {
    return consumer;
  }

  /** What it has done so far: events handled, failed, retried, dead, and leases that ran out. */
  public DispatcherCounters counters() {
    return counters;
  }

  @Override
  public synchronized void start() {
    if (running == null) {
      running = dispatchers.get().start();
    }
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running != null;
  }
}
