package dev.casemail.messaging.api;

/**
 * A consumer's hold on the events of one {@link EventBatch}, until the batch's lease ends: what
 * {@link Events#acknowledge}, {@link Events#fail}, {@link Events#bury} and {@link Events#release} are
 * given, so that only the holder settles what it holds.
 *
 * @param consumer the consumer's name
 * @param token the lease's own opaque token, new for every batch
 */
public record EventLease(String consumer, String token) {

  /** @throws InvalidInputException if a part is null or blank */
  public EventLease {
    InputRules.singleLine("consumer", consumer, Events.MAX_CONSUMER_NAME_LENGTH);
    InputRules.singleLine("token", token, 64);
  }
}
