package dev.casemail.messaging.core.message;

import dev.casemail.messaging.api.ParticipantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When one recipient first opened a message, kept in the sender's mailbox so the sender reads it
 * without touching the recipient's.
 */
public record Receipt(ParticipantId recipient, Optional<Instant> firstViewedAt) {

  public Receipt {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(firstViewedAt, "firstViewedAt");
  }
}
