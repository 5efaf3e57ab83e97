package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.SignedTreeHead;
import java.util.Objects;

/** An export as storage keeps it: what its entry says, and the head it was signed with. */
public record StoredExport(RecordedExport export, SignedTreeHead head) {

  public StoredExport {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(head, "head");
  }
}
