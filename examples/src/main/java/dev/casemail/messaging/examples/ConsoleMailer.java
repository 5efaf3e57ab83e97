package dev.casemail.messaging.examples;

import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.Event;
import dev.casemail.messaging.api.EventBatch;
import dev.casemail.messaging.api.EventType;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.events.dispatcher.Digest;
import dev.casemail.messaging.events.dispatcher.DigestSummary;
import dev.casemail.messaging.events.dispatcher.DispatcherCounters;
import dev.casemail.messaging.events.dispatcher.EventDispatcher;
import dev.casemail.messaging.events.dispatcher.OutboxEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The sample's stand-in for the host's mailer: the events dispatcher on the library's outbox, with a
 * digest per recipient, and instead of an email the notice each participant would get, kept for the
 * walkthrough to print. A notice says what kind of thing happened and how many; never a subject or a
 * body (events carry none), so the reader must log in to read them.
 */
final class ConsoleMailer implements AutoCloseable {

  /** A recipient's events within this window make one notice. */
  static final Duration WINDOW = Duration.ofSeconds(2);
  static final String CONSUMER = "sample-mailer";
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final Events events;
  private final Directory directory;
  private final List<String> notices = new ArrayList<>(); // guarded by itself
  private final DispatcherCounters counters = new DispatcherCounters();
  private final EventDispatcher<Event> dispatcher;

  private ConsoleMailer(Messaging messaging) {
    this.events = messaging.events();
    this.directory = messaging.directory();
    this.dispatcher = EventDispatcher.builder(
            OutboxEventSource.on(messaging.events()).purgingAcknowledgedAfter(Duration.ofDays(30)), CONSUMER)
        .digest(WINDOW, 50, this::send)
        .pollInterval(Duration.ofMillis(100))
        .maxIdleInterval(Duration.ofMillis(500))
        .listener(counters)
        .build();
  }

  /** Starts the mailer's threads; from now on every event the library writes reaches it. */
  static ConsoleMailer start(Messaging messaging) {
    ConsoleMailer mailer = new ConsoleMailer(messaging);
    mailer.dispatcher.start();
    return mailer;
  }

  /**
   * The notices sent so far, in the order they were sent, once the mailer has been idle for longer
   * than the digest window (so that the last events have been gathered and sent), or after 30 s.
   */
  List<String> awaitNotices() {
    long idleNanos = WINDOW.plusSeconds(1).toNanos();
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    long handled = -1;
    long since = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long now = counters.handled();
      if (now != handled) {
        handled = now;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= idleNanos) {
        break;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    synchronized (notices) {
      return List.copyOf(notices);
    }
  }

  /**
   * How many events are pending for the mailer (looked up, after {@link #close()}, by leasing them and
   * giving them straight back).
   */
  int leftPending() {
    EventBatch pending = events.lease(CONSUMER, Events.MAX_BATCH_SIZE, Events.MIN_LEASE);
    events.release(pending.lease());
    return pending.events().size();
  }

  /** How many events the mailer has handled and acknowledged. */
  long handled() {
    return counters.handled();
  }

  /** One notice for one recipient's events of the window. Idempotent enough for a console. */
  private void send(Digest<Event> digest) {
    ParticipantId recipient = digest.payloads().get(0).mailbox();
    DigestSummary messages = digest.summary(
        e -> e.type() == EventType.MESSAGE_RECEIVED ? e.counterpart().orElseThrow() : null);
    Map<String, Integer> counts = new TreeMap<>();
    for (Event event : digest.payloads()) {
      String what = switch (event.type()) {
        case MESSAGE_RECEIVED -> null;
        case MESSAGE_FIRST_VIEWED -> "read receipt";
        case ACCESS_REQUESTED, ACCESS_APPROVED, ACCESS_REFUSED, ACCESS_BLOCKED, ACCESS_WITHDRAWN, ACCESS_REMOVED ->
            "update in My Cases";
        case AUTO_REPLY_SENT -> "auto-reply sent for you";
        case NOTIFICATION_POSTED -> "notification";
        case RECORD_EXPORTED -> "export of your record";
      };
      if (what != null) {
        counts.merge(what, 1, Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    int received = digest.size() - counts.values().stream().mapToInt(Integer::intValue).sum();
    if (received > 0) {
      parts.add(received + (received == 1 ? " new message" : " new messages") + " from " + messages.senders()
          + (messages.senders() == 1 ? " person" : " people"));
    }
    counts.forEach((what, n) -> parts.add(n + " " + (n == 1 ? what : plural(what))));
    String text = String.format("to %s <%s>: \"You have %s. Log in to read them.\"",
        directory.participant(recipient).displayName(), recipient, String.join(", ", parts));
    synchronized (notices) {
      notices.add(text);
    }
  }

  private static String plural(String what) {
    return switch (what) {
      case "update in My Cases" -> "updates in My Cases";
      case "export of your record" -> "exports of your record";
      case "auto-reply sent for you" -> "auto-replies sent for you";
      default -> what + "s";
    };
  }

  /** Stops the mailer: no thread left; what it did not send stays in the outbox for the next run. */
  @Override
  public void close() {
    dispatcher.close();
  }
}
