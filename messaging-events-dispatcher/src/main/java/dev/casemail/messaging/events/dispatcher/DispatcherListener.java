package dev.casemail.messaging.events.dispatcher;

/**
 * Optional hooks for metrics (counters) and alerts, called on the dispatcher's threads after the fact.
 * Every method does nothing by default; a listener that throws is logged and ignored. Keep them quick:
 * they run on the worker that handled the event. {@link DispatcherCounters} is a ready one.
 */
public interface DispatcherListener {

  /** A listener that does nothing. */
  DispatcherListener NONE = new DispatcherListener() {};

  /** The handler handled the event and the source recorded it as acknowledged. */
  default void handled(LeasedEvent<?> event) {}

  /** The handler failed on the event (it is then either {@linkplain #retried retried} or {@link #dead}). */
  default void failed(LeasedEvent<?> event, Throwable failure) {}

  /** A failed event was released to come back after its backoff. */
  default void retried(LeasedEvent<?> event) {}

  /** A failed event was marked dead: it had reached the maximum number of attempts. */
  default void dead(LeasedEvent<?> event) {}

  /**
   * The event's lease ran out before its outcome could be recorded (the handler outlasted the lease,
   * or the event waited too long in the dispatcher), so nothing was recorded: it comes back with its
   * lease and will be handled again.
   */
  default void leaseExpired(LeasedEvent<?> event) {}
}
