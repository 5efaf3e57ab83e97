package dev.casemail.messaging.api.config;

/**
 * Told each time a call that lost a race in storage (a unique key taken meanwhile, a serialization
 * failure, a deadlock) is about to be tried again, as {@link MessagingConfiguration#maxAttempts()}
 * allows: for a host's metrics. Not told of the last lost attempt, which fails the call with a
 * {@code ConflictException} instead.
 *
 * <p>Called on the caller's thread, between two attempts; it must return quickly and not throw.
 */
@FunctionalInterface
public interface RetryListener {

  /** Tells nobody; the default. */
  RetryListener NONE = (operation, lostAttempt) -> {};

  /**
   * A call is tried again.
   *
   * @param operation the call's name in the library's log, such as {@code "send"}
   * @param lostAttempt the attempt that lost its race, from 1
   */
  void retrying(String operation, int lostAttempt);
}
