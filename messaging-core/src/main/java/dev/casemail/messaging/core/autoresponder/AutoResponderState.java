package dev.casemail.messaging.core.autoresponder;

import dev.casemail.messaging.api.AutoResponderSettings;
import java.time.Instant;
import java.util.Objects;

/**
 * A mailbox's saved auto-responder settings.
 *
 * @param version increases with every save; replies recorded under an older version do not count
 */
public record AutoResponderState(AutoResponderSettings settings, long version, Instant savedAt) {

  public AutoResponderState {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(savedAt, "savedAt");
  }
}
