package dev.casemail.messaging.events.dispatcher;

import dev.casemail.messaging.api.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One recipient's events grouped into one handler call: those that reached the key within the digest
 * window after the first (the source gathered them into one lease), up to the maximum group size, in
 * their order.
 *
 * @param key the recipient or mailbox every event of the digest concerns
 * @param events at least one, all with this key
 * @param <E> the payload's type
 */
public record Digest<E>(String key, List<LeasedEvent<E>> events) {

  /**
   * Checks the parts and copies the list.
   *
   * @throws InvalidInputException if the key is empty, there is no event, or one has another key
   */
  public Digest {
    if (key == null || key.isEmpty()) {
      throw new InvalidInputException("key", "must not be empty");
    }
    if (events == null || events.isEmpty()) {
      throw new InvalidInputException("events", "must hold at least one event");
    }
    events = List.copyOf(events);
    for (LeasedEvent<E> event : events) {
      if (!event.key().equals(key)) {
        throw new InvalidInputException("events", "must all have the digest's key");
      }
    }
  }

  /** How many events the digest holds. */
  public int size() {
    return events.size();
  }

  /** The payloads, in the digest's order. */
  public List<E> payloads() {
    return events.stream().map(LeasedEvent::payload).toList();
  }

  /**
   * Counts the events and their distinct senders, for a text such as "3 new messages from 2 people".
   *
   * @param senderOf the sender of a payload (any value with {@code equals}), or null for a payload that
   *     has none (an access event, a notification): those count as events but not as senders
   */
  public DigestSummary summary(Function<? super E, ?> senderOf) {
    if (senderOf == null) {
      throw new InvalidInputException("senderOf", "must not be null");
    }
    Set<Object> senders = new HashSet<>();
    for (LeasedEvent<E> event : events) {
      Object sender = senderOf.apply(event.payload());
      if (sender != null) {
        senders.add(sender);
      }
    }
    return new DigestSummary(events.size(), senders.size());
  }
}
