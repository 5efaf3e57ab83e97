package dev.casemail.messaging.core.autoresponder;

import dev.casemail.messaging.api.ParticipantId;
import java.time.Instant;
import java.util.Objects;

/** The last auto-reply {@code owner} sent to {@code correspondent}, under which settings version. */
public record AutoReplyRecord(ParticipantId owner, ParticipantId correspondent, Instant at, long settingsVersion) {

  public AutoReplyRecord {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(correspondent, "correspondent");
    Objects.requireNonNull(at, "at");
  }
}
