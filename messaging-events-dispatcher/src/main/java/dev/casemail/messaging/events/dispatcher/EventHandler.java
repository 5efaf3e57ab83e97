package dev.casemail.messaging.events.dispatcher;

/**
 * The host's code for one event: send the email, the text, the push.
 *
 * <p>Called on one of the dispatcher's worker threads, never on the host's, and for one key never on
 * two threads at once. Returning normally means handled: the event is acknowledged (if its lease is
 * still held). Throwing anything means failed: the event is retried later or, after the last attempt,
 * marked dead; the worker thread carries on.
 *
 * <p><strong>Must be idempotent.</strong> Delivery is at least once: an event whose acknowledgement
 * did not happen (a crash, a lease that ran out while this ran, a failed acknowledgement) is delivered
 * again, so the same {@link LeasedEvent#id()} can arrive twice. Remember what was sent, or make the
 * notice harmless to repeat. Finish well within the lease duration, and give up when interrupted (the
 * dispatcher interrupts handlers only when a stop's timeout runs out).
 *
 * @param <E> the payload's type
 */
@FunctionalInterface
public interface EventHandler<E> {

  /**
   * Handles one event.
   *
   * @throws Exception any failure: the event is retried or, after the last attempt, dead
   */
  void handle(LeasedEvent<E> event) throws Exception;
}
