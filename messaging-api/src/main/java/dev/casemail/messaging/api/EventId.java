package dev.casemail.messaging.api;

/**
 * Identifies an {@link Event}, stably: the mailbox it concerns and its number in that mailbox's
 * sequence of events (1, 2, 3, … in commit order, without gaps). Redelivering an event redelivers the
 * same id, so a host can make its handler idempotent on it.
 *
 * @param mailbox the participant the event concerns
 * @param sequence the event's number among the mailbox's events, from 1
 */
public record EventId(ParticipantId mailbox, long sequence) implements Comparable<EventId> {

  /** @throws InvalidInputException if the mailbox is null or the sequence is not positive */
  public EventId {
    InputRules.required("mailbox", mailbox);
    if (sequence <= 0) {
      throw new InvalidInputException("sequence", "must be positive (was " + sequence + ")");
    }
  }

  /** Ordered by mailbox, then by sequence: within one mailbox, commit order. */
  @Override
  public int compareTo(EventId other) {
    int byMailbox = mailbox.value().compareTo(other.mailbox.value());
    return byMailbox != 0 ? byMailbox : Long.compare(sequence, other.sequence);
  }

  /** {@code mailbox#sequence}. */
  @Override
  public String toString() {
    return mailbox.value() + "#" + sequence;
  }
}
