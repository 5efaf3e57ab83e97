package dev.casemail.messaging.api;

import java.time.Instant;

/**
 * An event a consumer gave up on ({@link Events#bury}): it no longer holds back the events after it in
 * its mailbox, and stays listed until it is {@linkplain Events#replay replayed}.
 *
 * @param event the event
 * @param attempts how many times the consumer failed it before
 * @param reason the consumer's last reason
 * @param diedAt when it was buried
 */
public record DeadEvent(Event event, int attempts, String reason, Instant diedAt) {

  /** @throws InvalidInputException if a part is null */
  public DeadEvent {
    InputRules.required("event", event);
    InputRules.required("reason", reason);
    InputRules.required("diedAt", diedAt);
  }
}
