package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.List;

/**
 * Events leased to one consumer: each mailbox's events in commit order (the order of their
 * {@linkplain EventId#sequence() sequence}), held by {@link #lease()} until {@link #leasedUntil()}.
 *
 * @param lease what settles the events
 * @param leasedUntil when the events not settled by then come back, to any instance of the consumer
 * @param events the events, possibly none; the events of one mailbox in order
 */
public record EventBatch(EventLease lease, Instant leasedUntil, List<Event> events) {

  /** @throws InvalidInputException if a part is null */
  public EventBatch {
    InputRules.required("lease", lease);
    InputRules.required("leasedUntil", leasedUntil);
    events = List.copyOf(InputRules.required("events", events));
  }

  /** Whether the batch holds no event. */
  public boolean isEmpty() {
    return events.isEmpty();
  }
}
