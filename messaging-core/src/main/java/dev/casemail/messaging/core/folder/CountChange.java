package dev.casemail.messaging.core.folder;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import java.util.Objects;

/** How much a folder's total and unread counts change: one entry of a batch of count adjustments. */
public record CountChange(ParticipantId owner, FolderId folder, long total, long unread) {

  public CountChange {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(folder, "folder");
  }
}
