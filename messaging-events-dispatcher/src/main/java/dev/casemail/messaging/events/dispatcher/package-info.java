/**
 * The events dispatcher: runs a host's handler on the library's outbox events, on threads of its own.
 *
 * <p>{@link dev.casemail.messaging.events.dispatcher.EventDispatcher} leases batches through the small
 * {@link dev.casemail.messaging.events.dispatcher.EventSource} port, calls an {@link
 * dev.casemail.messaging.events.dispatcher.EventHandler} per event or a {@link
 * dev.casemail.messaging.events.dispatcher.DigestHandler} per recipient's group, retries with a {@link
 * dev.casemail.messaging.events.dispatcher.Backoff}, marks events dead after the last attempt, and
 * tells an optional {@link dev.casemail.messaging.events.dispatcher.DispatcherListener}. Delivery is at
 * least once: handlers must be idempotent. Use, retries, digests and shutdown are in {@code
 * docs/events-dispatcher.md}.
 */
package dev.casemail.messaging.events.dispatcher;
