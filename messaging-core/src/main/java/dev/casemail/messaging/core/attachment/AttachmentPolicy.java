package dev.casemail.messaging.core.attachment;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The host's rules for attached files: how large one may be, how large the files of one message may be
 * together, how much one mailbox may hold, and which content types are allowed. The shape of a name
 * and the number of files are the API's rules (they are checked when a command is built).
 *
 * @param maxFileBytes the largest file
 * @param maxMessageBytes the most bytes of one message's (or draft's) files together
 * @param quotaBytes the most bytes the files a participant sent or keeps in drafts may have together
 * @param allowedTypes the content types allowed, as detected
 */
public record AttachmentPolicy(long maxFileBytes, long maxMessageBytes, long quotaBytes, Set<String> allowedTypes) {

  /** The limit names of the {@link LimitExceededException}s thrown. */
  public static final String FILE_LIMIT = "attachmentSize";
  /** See {@link #FILE_LIMIT}. */
  public static final String MESSAGE_LIMIT = "attachmentsTotal";
  /** See {@link #FILE_LIMIT}. */
  public static final String QUOTA_LIMIT = "attachmentQuota";

  public AttachmentPolicy {
    allowedTypes = Set.copyOf(allowedTypes);
  }

  /** The policy the host configured. */
  public static AttachmentPolicy of(MessagingConfiguration configuration) {
    return new AttachmentPolicy(
        configuration.maxAttachmentBytes(),
        configuration.maxAttachmentBytesPerMessage(),
        configuration.attachmentQuotaBytes(),
        configuration.attachmentTypes());
  }

  /**
   * Checks a detected type against the allow-list and the declared one.
   *
   * @throws InvalidInputException (field {@code "attachments"}) if the type is not allowed, or the bytes
   *     contradict the declared type
   */
  public void checkType(String name, String declared, DetectedType detected) {
    if (!detected.agreesWith(declared)) {
      throw new InvalidInputException(
          "attachments", "must have the declared type: " + name + " is declared " + declared + " but its bytes are "
              + detected.type());
    }
    if (!allowedTypes.contains(detected.type())) {
      throw new InvalidInputException(
          "attachments", "must have an allowed type: " + name + " is " + detected.type() + ", allowed are "
              + allowedTypes.stream().sorted().toList());
    }
  }

  /**
   * Checks the files of one message or draft against the limits of a message and of the owner's quota.
   *
   * @param usedElsewhere the bytes of the owner's quota used by other messages and drafts
   * @throws LimitExceededException ({@link #MESSAGE_LIMIT} or {@link #QUOTA_LIMIT}) if a limit is passed
   */
  public void checkTotals(Collection<AttachmentView> files, long usedElsewhere) {
    long total = 0;
    for (AttachmentView file : files) {
      if (file.size() > maxFileBytes) {
        throw fileTooLarge(file.name());
      }
      total += file.size();
    }
    if (total > maxMessageBytes) {
      throw tooMuchInOneMessage();
    }
    if (total > 0 && usedElsewhere + total > quotaBytes) {
      throw overQuota(usedElsewhere);
    }
  }

  public LimitExceededException fileTooLarge(String name) {
    return new LimitExceededException(
        FILE_LIMIT, "an attachment may have at most " + maxFileBytes + " bytes: " + name + " has more", Optional.empty());
  }

  public LimitExceededException tooMuchInOneMessage() {
    return new LimitExceededException(
        MESSAGE_LIMIT, "the attachments of one message may have at most " + maxMessageBytes + " bytes together",
        Optional.empty());
  }

  public LimitExceededException overQuota(long used) {
    return new LimitExceededException(
        QUOTA_LIMIT, "the mailbox's attachments may have at most " + quotaBytes + " bytes; " + used
            + " are used", Optional.empty());
  }
}
