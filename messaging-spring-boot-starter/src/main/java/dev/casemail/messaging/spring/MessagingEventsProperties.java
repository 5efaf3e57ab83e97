package dev.casemail.messaging.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The events dispatcher's settings, under {@code casemail.messaging.events}: used when
 * {@code messaging-events-dispatcher} is on the class path and the application has an
 * {@code EventHandler<Event>} or a {@code DigestHandler<Event>} bean. A value out of range fails the
 * start with an {@code InvalidInputException} naming the setting.
 */
@ConfigurationProperties(prefix = MessagingEventsProperties.PREFIX)
public class MessagingEventsProperties {

  /** The prefix of these properties. */
  public static final String PREFIX = "casemail.messaging.events";

  /** Whether to run the events dispatcher when the application has a handler bean. */
  private boolean enabled = true;

  /** The consumer name: every instance of the service uses the same one, and they share the work. */
  private String consumer = "notifications";

  /** How many worker threads call the handler. */
  private int threads = 2;

  /** The most events one lease asks for. */
  private int batchSize = 100;

  /** How long a lease holds its events: well above the handler's worst time. */
  private Duration leaseDuration = Duration.ofMinutes(1);

  /** How many attempts an event gets before it is dead (then listed by Events.deadEvents). */
  private int maxAttempts = 10;

  /** With a DigestHandler bean: a recipient's events within this window make one digest. */
  private Duration digestWindow = Duration.ofMinutes(5);

  /** With a DigestHandler bean: the most events in one digest. */
  private int digestMaxSize = 50;

  /** How long acknowledged events are kept before the dispatcher purges them. */
  private Duration retention = Duration.ofDays(7);

  /** Creates the properties at their defaults. */
  public MessagingEventsProperties() {}

  /** Whether to run the events dispatcher when the application has a handler bean. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether to run the events dispatcher. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The consumer name every instance leases under. */
  public String getConsumer() {
    return consumer;
  }

  /** Sets the consumer name. */
  public void setConsumer(String consumer) {
    this.consumer = consumer;
  }

  /** How many worker threads call the handler. */
  public int getThreads() {
    return threads;
  }

  /** Sets how many worker threads call the handler. */
  public void setThreads(int threads) {
    this.threads = threads;
  }

  /** The most events one lease asks for. */
  public int getBatchSize() {
    return batchSize;
  }

  /** Sets the most events one lease asks for. */
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  /** How long a lease holds its events. */
  public Duration getLeaseDuration() {
    return leaseDuration;
  }

  /** Sets how long a lease holds its events. */
  public void setLeaseDuration(Duration leaseDuration) {
    this.leaseDuration = leaseDuration;
  }

  /** How many attempts an event gets before it is dead. */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Sets how many attempts an event gets before it is dead. */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** The digest window, used with a DigestHandler bean. */
  public Duration getDigestWindow() {
    return digestWindow;
  }

  /** Sets the digest window. */
  public void setDigestWindow(Duration digestWindow) {
    this.digestWindow = digestWindow;
  }

  /** The most events in one digest. */
  public int getDigestMaxSize() {
    return digestMaxSize;
  }

  /** Sets the most events in one digest. */
  public void setDigestMaxSize(int digestMaxSize) {
    this.digestMaxSize = digestMaxSize;
  }

  /** How long acknowledged events are kept. */
  public Duration getRetention() {
    return retention;
  }

  /** Sets how long acknowledged events are kept. */
  public void setRetention(Duration retention) {
    this.retention = retention;
  }
}
