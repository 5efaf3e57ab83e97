package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.PageCursor;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The folders and the messages in them: a folder's page with its counts and checkboxes to move, a
 * message opened (which records its first view), and the custom folders (create, rename, delete).
 */
@Controller
class MailboxController {

  private final Shown shown;

  MailboxController(Shown shown) {
    this.shown = shown;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/folders/" + SystemFolder.INBOX.id().value();
  }

  @GetMapping("/folders/{id}")
  String folder(@PathVariable long id, @RequestParam(required = false) String after, ParticipantMessaging mailbox, Model model) {
    FolderId folder = Ids.folder(id);
    if (folder.equals(SystemFolder.DRAFTS.id())) {
      return "redirect:/drafts";
    }
    PageRequest request = after == null || after.isBlank() ? PageRequest.first() : PageRequest.first().next(new PageCursor(after));
    FolderPage page = mailbox.folder(folder, request);
    model.addAttribute("page", page);
    model.addAttribute("folder", page.folder());
    model.addAttribute("movable", !folder.equals(SystemFolder.ALL_MESSAGES.id()));
    model.addAttribute("moveTargets", moveTargets(mailbox, folder));
    model.addAttribute("next", page.next().map(PageCursor::token).orElse(null));
    model.addAttribute("paged", after != null && !after.isBlank());
    return "folder";
  }

  private static final Set<FolderId> HOMES = Set.of(SystemFolder.INBOX.id(), SystemFolder.ACTION_ITEMS.id(),
      SystemFolder.NOTIFICATIONS.id(), SystemFolder.SENT.id());

  /**
   * Where the messages of a folder may be moved: from a home folder (Inbox, Action Items, Notifications,
   * Sent) to Archive or a custom folder; from Archive or a custom folder also back home. Never Drafts or
   * All Messages. The library decides for each message (a received one never goes to Sent, say).
   */
  private static List<FolderView> moveTargets(ParticipantMessaging mailbox, FolderId from) {
    boolean fromHome = HOMES.contains(from);
    return mailbox.folders().stream()
        .filter(folder -> !folder.id().equals(from))
        .filter(folder -> folder.isCustom() || folder.id().equals(SystemFolder.ARCHIVE.id())
            || (!fromHome && HOMES.contains(folder.id())))
        .toList();
  }

  /** Where one message may be moved: Archive, a custom folder, or back to its home folder. */
  private static List<FolderView> moveTargets(ParticipantMessaging mailbox, MessageView message) {
    FolderId home = home(message);
    return mailbox.folders().stream()
        .filter(folder -> !folder.id().equals(message.folder()))
        .filter(folder -> folder.isCustom() || folder.id().equals(SystemFolder.ARCHIVE.id()) || folder.id().equals(home))
        .toList();
  }

  private static FolderId home(MessageView message) {
    if (message.direction() == Direction.SENT) {
      return SystemFolder.SENT.id();
    }
    return switch (message.kind()) {
      case ACTION_ITEM -> SystemFolder.ACTION_ITEMS.id();
      case NOTIFICATION -> SystemFolder.NOTIFICATIONS.id();
      default -> SystemFolder.INBOX.id();
    };
  }

  @PostMapping("/folders/{id}/move")
  String move(@PathVariable long id, @RequestParam(name = "message", required = false) List<Long> messages,
      @RequestParam(required = false) Long target, ParticipantMessaging mailbox, RedirectAttributes flash) {
    FolderId from = Ids.folder(id);
    String back = "redirect:/folders/" + id;
    if (messages == null || messages.isEmpty()) {
      flash.addFlashAttribute("problem", "Tick the box of at least one message to move.");
      return back;
    }
    if (target == null) {
      flash.addFlashAttribute("problem", "Choose the folder to move to.");
      return back;
    }
    Set<MessageId> ids = messages.stream().map(Ids::message).collect(Collectors.toCollection(LinkedHashSet::new));
    FolderView to = mailbox.folderView(Ids.folder(target));
    try {
      mailbox.move(MoveRequest.builder().messages(ids).target(to.id()).expectedSource(from).build());
      flash.addFlashAttribute("notice", "Moved " + ids.size() + (ids.size() == 1 ? " message" : " messages") + " to " + to.name() + ".");
    } catch (IllegalMoveException refused) {
      flash.addFlashAttribute("problem", "Nothing was moved. " + offending(mailbox, refused, to));
    } catch (MessagingException refused) {
      flash.addFlashAttribute("problem", "Nothing was moved. " + shown.problem(refused));
    }
    return back;
  }

  @GetMapping("/messages/{id}")
  String message(@PathVariable long id, ParticipantMessaging mailbox, Model model) {
    MessageView message = mailbox.open(Ids.message(id));
    model.addAttribute("message", message);
    model.addAttribute("where", mailbox.folderView(message.folder()));
    model.addAttribute("thread", mailbox.messagesOf(message.thread()).toList());
    model.addAttribute("moveTargets", moveTargets(mailbox, message));
    model.addAttribute("others", message.recipients().stream()
        .filter(recipient -> !recipient.id().equals(mailbox.participant())).count());
    return "message";
  }

  @PostMapping("/messages/{id}/move")
  String moveOne(@PathVariable long id, @RequestParam long target, ParticipantMessaging mailbox, RedirectAttributes flash) {
    MessageId message = Ids.message(id);
    FolderView to = mailbox.folderView(Ids.folder(target));
    try {
      mailbox.move(MoveRequest.of(message, to.id()));
      flash.addFlashAttribute("notice", "Moved to " + to.name() + ".");
    } catch (IllegalMoveException refused) {
      flash.addFlashAttribute("problem", "Not moved. " + offending(mailbox, refused, to));
    } catch (MessagingException refused) {
      flash.addFlashAttribute("problem", "Not moved. " + shown.problem(refused));
    }
    return "redirect:/messages/" + id;
  }

  /** Each message the library refused to move, by subject, with its reason. */
  private static String offending(ParticipantMessaging mailbox, IllegalMoveException refused, FolderView to) {
    return refused.offending().entrySet().stream()
        .map((Map.Entry<MessageId, String> entry) -> "\u201c" + mailbox.preview(entry.getKey()).subject() + "\u201d cannot go to "
            + to.name() + ": " + entry.getValue() + ".")
        .collect(Collectors.joining(" "));
  }

  @GetMapping("/folders/new")
  String newFolder() {
    return "folder-new";
  }

  @PostMapping("/folders")
  String createFolder(@RequestParam(defaultValue = "") String name, ParticipantMessaging mailbox, Model model, RedirectAttributes flash) {
    try {
      FolderView created = mailbox.createFolder(name);
      flash.addFlashAttribute("notice", "Folder \u201c" + created.name() + "\u201d created.");
      return "redirect:/folders/" + created.id().value();
    } catch (MessagingException refused) {
      model.addAttribute("problem", shown.problem(refused));
      model.addAttribute("name", name);
      return "folder-new";
    }
  }

  @PostMapping("/folders/{id}/rename")
  String renameFolder(@PathVariable long id, @RequestParam(defaultValue = "") String name, ParticipantMessaging mailbox,
      RedirectAttributes flash) {
    try {
      FolderView renamed = mailbox.renameFolder(Ids.folder(id), name);
      flash.addFlashAttribute("notice", "Folder renamed to \u201c" + renamed.name() + "\u201d.");
    } catch (MessagingException refused) {
      flash.addFlashAttribute("problem", "Not renamed. " + shown.problem(refused));
    }
    return "redirect:/folders/" + id;
  }

  @PostMapping("/folders/{id}/delete")
  String deleteFolder(@PathVariable long id, ParticipantMessaging mailbox, RedirectAttributes flash) {
    FolderView folder = mailbox.folderView(Ids.folder(id));
    try {
      mailbox.deleteFolder(folder.id());
      flash.addFlashAttribute("notice", "Folder \u201c" + folder.name() + "\u201d deleted; the " + folder.total()
          + (folder.total() == 1 ? " message" : " messages") + " it held are in Archive.");
      return "redirect:/folders/" + SystemFolder.ARCHIVE.id().value();
    } catch (MessagingException refused) {
      flash.addFlashAttribute("problem", "Not deleted. " + shown.problem(refused));
      return "redirect:/folders/" + id;
    }
  }
}
