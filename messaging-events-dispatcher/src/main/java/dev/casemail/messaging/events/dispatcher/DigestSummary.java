package dev.casemail.messaging.events.dispatcher;

import dev.casemail.messaging.api.InvalidInputException;

/**
 * The counts a digest's notice needs, from {@link Digest#summary}: {@code events} new events from
 * {@code senders} distinct senders. The wording (and its language) is the host's.
 *
 * @param events at least 1
 * @param senders between 0 (no event has a sender) and {@code events}
 */
public record DigestSummary(int events, int senders) {

  /**
   * Checks the counts.
   *
   * @throws InvalidInputException if events is below 1 or senders is outside 0..events
   */
  public DigestSummary {
    if (events < 1) {
      throw new InvalidInputException("events", "must be at least 1");
    }
    if (senders < 0 || senders > events) {
      throw new InvalidInputException("senders", "must be between 0 and the number of events");
    }
  }
}
