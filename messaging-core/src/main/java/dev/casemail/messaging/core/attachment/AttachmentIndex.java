package dev.casemail.messaging.core.attachment;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.blob.ContentHash;
import java.util.Collection;
import java.util.Set;

/**
 * What storage knows of the files that messages and drafts carry (a storage port, used within one
 * transaction): how much of a mailbox's quota is used, and which content is referred to at all.
 */
public interface AttachmentIndex {

  /**
   * The bytes counted on {@code owner}'s quota: the sizes of the files of every message {@code owner}
   * sent and of every draft {@code owner} keeps, each attachment counted once per message or draft.
   */
  long quotaUsage(ParticipantId owner);

  /** Those of {@code hashes} that a message or a draft of any mailbox carries. */
  Set<ContentHash> referenced(Collection<ContentHash> hashes);
}
