package dev.casemail.messaging.events.dispatcher;

import dev.casemail.messaging.api.InvalidInputException;

/**
 * One event as a source leased it: what the dispatcher needs to route, retry and group it, around the
 * host's payload.
 *
 * <p>Delivery is at least once: the same {@link #id()} can be delivered again (after a failure, after
 * a lease ran out, after a crash), so a handler must be idempotent, for instance by remembering the ids
 * it has sent a notice for.
 *
 * @param id the event's stable id, the same on every delivery; for logs and for a handler's
 *     idempotency
 * @param key the mailbox or recipient the event concerns: events of one key are handled one at a time
 *     and in lease order on one dispatcher, and a digest groups by it
 * @param attempt which delivery this is, from 1: one more than the failures recorded for the event
 * @param payload the event itself
 * @param <E> the payload's type
 */
public record LeasedEvent<E>(String id, String key, int attempt, E payload) {

  /**
   * Checks the parts.
   *
   * @throws InvalidInputException if the id or key is null or empty, the attempt is below 1, or the
   *     payload is null
   */
  public LeasedEvent {
    if (id == null || id.isEmpty()) {
      throw new InvalidInputException("id", "must not be empty");
    }
    if (key == null || key.isEmpty()) {
      throw new InvalidInputException("key", "must not be empty");
    }
    if (attempt < 1) {
      throw new InvalidInputException("attempt", "must be at least 1");
    }
    if (payload == null) {
      throw new InvalidInputException("payload", "must not be null");
    }
  }
}
