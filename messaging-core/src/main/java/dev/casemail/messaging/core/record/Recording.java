package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordContent;
import java.util.Objects;

/**
 * An entry a change records in one mailbox's record, before it has its place: sealing the change
 * ({@link SealedRecord#seal}) gives it its index and leaf hash.
 */
public record Recording(ParticipantId mailbox, RecordContent content) {

  public Recording {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(content, "content");
  }
}
