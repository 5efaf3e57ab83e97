package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.core.message.MessageCopy;
import java.time.Instant;

/**
 * Opening a copy: the first time its owner opens it, it stops counting as unread and the first-viewed
 * time is recorded, once, in the owner's copy and on the receipt in the sender's mailbox. Opening it
 * again changes nothing, and listing or previewing never opens.
 */
public final class Opening {

  private Opening() {}

  /** The change that opening {@code copy} at {@code at} makes; none if it was opened before. */
  public static MailboxChange of(MessageCopy copy, Instant at) {
    if (!copy.isUnread()) {
      return MailboxChange.NONE;
    }
    return MailboxChange.builder().open(copy, at).build();
  }
}
