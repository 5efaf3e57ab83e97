package dev.casemail.messaging.examples;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantView;
import java.io.PrintStream;
import java.util.stream.Collectors;

/** Prints a mailbox the way its owner reads it: folders with counts, and what a folder holds. */
final class MailboxPrinter {

  private final PrintStream out;

  MailboxPrinter(PrintStream out) {
    this.out = out;
  }

  /** The folder list with total and unread counts, system folders first, then custom ones. */
  void folders(ParticipantMessaging mailbox) {
    ParticipantView me = mailbox.me();
    out.printf("  %s's folders:%n", me.displayName());
    for (FolderView folder : mailbox.folders()) {
      String unread = folder.unread() == 0 ? "" : "  (" + folder.unread() + " unread)";
      String custom = folder.isCustom() ? "  [custom]" : "";
      out.printf("    %-16s %3d%s%s%n", folder.name(), folder.total(), unread, custom);
    }
  }

  /** The first page of a folder, newest first: sender, subject and whether it was opened. */
  void folder(ParticipantMessaging mailbox, FolderId folder) {
    FolderPage page = mailbox.folder(folder, PageRequest.first(20));
    long total = page.folder().total();
    out.printf("  %s — %s (%d message%s, %d unread):%n",
        mailbox.me().displayName(), page.folder().name(), total, total == 1 ? "" : "s", page.folder().unread());
    for (MessageSummary message : page.items()) {
      String from = message.sender().map(ParticipantView::displayName).orElse("(system)");
      String to = message.recipients().stream().map(ParticipantView::displayName).collect(Collectors.joining(", "));
      out.printf("    %s %-10s %-22s → %-34s %s%n",
          message.unread() ? "●" : " ", kindLabel(message), from, to, message.subject());
    }
    if (page.items().isEmpty()) {
      out.println("    (empty)");
    }
  }

  private static String kindLabel(MessageSummary message) {
    switch (message.kind()) {
      case AUTO_REPLY:
        return "auto-reply";
      case ACTION_ITEM:
        return "action";
      case NOTIFICATION:
        return "notice";
      default:
        return message.direction().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
