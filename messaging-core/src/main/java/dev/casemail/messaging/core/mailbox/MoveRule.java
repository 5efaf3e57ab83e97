package dev.casemail.messaging.core.mailbox;

import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.message.MessageCopy;
import java.util.Optional;

/**
 * Can this message move there? A copy may go to Archive, to any custom folder, or back to its own
 * home folder (a restore). Nothing goes into All Messages (a view, not a place) or Drafts (drafts
 * only); so a received message never goes to Sent, a sent one never to Inbox, and a system message
 * only to Archive, a custom folder or its home.
 */
public final class MoveRule {

  private MoveRule() {}

  /** Why {@code copy} may not go to {@code target}; empty if it may. */
  public static Optional<String> refusal(MessageCopy copy, Folder target) {
    if (target.isCustom() || target.is(SystemFolder.ARCHIVE) || target.is(copy.homeFolder())) {
      return Optional.empty();
    }
    SystemFolder to = target.system().orElseThrow();
    switch (to) {
      case ALL_MESSAGES:
        return Optional.of("nothing can be moved into All Messages");
      case DRAFTS:
        return Optional.of("messages cannot be moved into Drafts");
      default:
        return Optional.of(
            describe(copy) + " can go only to Archive, a custom folder or " + copy.homeFolder().displayName()
                + ", not " + to.displayName());
    }
  }

  /** Why a move may not name {@code source} as the folder its messages come from; empty if it may. */
  public static Optional<String> sourceRefusal(Folder source) {
    if (source.is(SystemFolder.ALL_MESSAGES)) {
      return Optional.of("nothing can be moved out of All Messages");
    }
    if (source.is(SystemFolder.DRAFTS)) {
      return Optional.of("Drafts holds drafts, not messages");
    }
    return Optional.empty();
  }

  private static String describe(MessageCopy copy) {
    if (copy.message().kind().isSystem()) {
      return "a system message";
    }
    return copy.direction() == dev.casemail.messaging.api.Direction.SENT ? "a sent message" : "a received message";
  }
}
