package dev.casemail.messaging.events.dispatcher;

/**
 * The host's code for a digest: one notice for several events of one recipient ("3 new messages from 2
 * people"), used instead of an {@link EventHandler} when the dispatcher is built with a digest window.
 *
 * <p>The same promises and duties as {@link EventHandler}, for the whole group: returning normally
 * acknowledges every event of the digest; throwing fails the digest: its first event is retried after
 * its backoff and the others come back with it (possibly with more, in a larger digest), or, if the
 * first event had reached its last attempt, every event of the digest is dead. <strong>Must be
 * idempotent</strong>: an event can be delivered again, alone or in another digest.
 *
 * @param <E> the payload's type
 */
@FunctionalInterface
public interface DigestHandler<E> {

  /**
   * Handles one recipient's group of events.
   *
   * @throws Exception any failure: the digest is retried or, after its first event's last attempt,
   *     every event of it is dead
   */
  void handle(Digest<E> digest) throws Exception;
}
