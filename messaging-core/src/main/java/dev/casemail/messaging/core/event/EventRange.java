package dev.casemail.messaging.core.event;

import dev.casemail.messaging.api.ParticipantId;
import java.util.Objects;

/**
 * What a lease reads of one mailbox: up to {@code max} of its events numbered from {@code after + 1},
 * in order.
 */
public record EventRange(ParticipantId mailbox, long after, int max) {

  public EventRange {
    Objects.requireNonNull(mailbox, "mailbox");
    if (after < 0 || max < 1) {
      throw new IllegalArgumentException("a range after #" + after + " of up to " + max + " events");
    }
  }
}
