package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Events leased to one consumer: each mailbox's events in commit order (the order of their
 * {@linkplain EventId#sequence() sequence}), held by {@link #lease()} until {@link #leasedUntil()}.
 *
 * @param lease what settles the events
 * @param leasedUntil when the events not settled by then come back, to any instance of the consumer
 * @param events the events, possibly none; the events of one mailbox in order
 * @param failures how many times the consumer has {@linkplain Events#fail failed} an event of the
 *     batch before, for each event that has failed at least once (the others are absent): a consumer
 *     that gives up after N attempts reads it to know which attempt this is
 */
public record EventBatch(EventLease lease, Instant leasedUntil, List<Event> events, Map<EventId, Integer> failures) {

  /** @throws InvalidInputException if a part is null, or a failure count is not positive */
  public EventBatch {
    InputRules.required("lease", lease);
    InputRules.required("leasedUntil", leasedUntil);
    events = List.copyOf(InputRules.required("events", events));
    failures = Map.copyOf(InputRules.required("failures", failures));
    for (Integer count : failures.values()) {
      if (count < 1) {
        throw new InvalidInputException("failures", "must count at least one failure (was " + count + ")");
      }
    }
  }

  /** A batch of events none of which has failed before. */
  public EventBatch(EventLease lease, Instant leasedUntil, List<Event> events) {
    this(lease, leasedUntil, events, Map.of());
  }

  /** Whether the batch holds no event. */
  public boolean isEmpty() {
    return events.isEmpty();
  }

  /** How many times the consumer has failed {@code event} before this batch: 0 if never. */
  public int failuresOf(EventId event) {
    return failures.getOrDefault(event, 0);
  }
}
