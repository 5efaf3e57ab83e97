package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the library's storage answers a cheap read (a participant looked up by its key), DOWN with
 * the error otherwise. The read goes around the metrics, so that health checks do not count as calls.
 */
final class MessagingHealthIndicator extends AbstractHealthIndicator {

  /** An id nobody is expected to register; if someone does, the lookup still answers. */
  static final ParticipantId PROBE = ParticipantId.of("casemail-health-probe");

  private final Messaging messaging;

  MessagingHealthIndicator(Messaging messaging) {
    super("casemail messaging storage did not answer");
    this.messaging = MessagingMetrics.unmeasured(messaging);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try {
      messaging.directory().participant(PROBE);
    } catch (NotFoundException expected) {
      // the storage answered
    }
    builder.up();
  }
}
