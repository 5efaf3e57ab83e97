package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.CaseMember;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My Cases: the families the signed-in participant is part of or works with, the professional access
 * links with their status and history, and every step of an access link's lifecycle as a button
 * (request, approve, refuse, block, withdraw, remove). The library decides which step is allowed.
 */
@Controller
class CasesController {

  private final Messaging messaging;

  private final Shown shown;

  CasesController(Messaging messaging, Shown shown) {
    this.messaging = messaging;
    this.shown = shown;
  }

  /** One row of the access table: the link, whose side is answering, and the buttons it offers. */
  public record Row(AccessLinkView link, String counterpart, String counterpartId, boolean mine, List<String> actions) {}

  @GetMapping("/cases")
  String cases(ParticipantMessaging mailbox, Model model) {
    ParticipantId me = mailbox.participant();
    List<AccessLinkView> links = mailbox.accessLinks();
    Map<ParticipantId, AccessLinkView> byCounterpart = links.stream()
        .collect(Collectors.toMap(link -> link.counterpartOf(me).id(), Function.identity()));
    model.addAttribute("cases", mailbox.cases());
    model.addAttribute("practitioner", mailbox.me().role() == ParticipantRole.PRACTITIONER);
    model.addAttribute("links", links.stream().map(link -> row(me, link)).toList());
    model.addAttribute("requestable", (Function<CaseMember, Boolean>) member -> requestable(byCounterpart.get(member.parent().id())));
    return "cases";
  }

  private static boolean requestable(AccessLinkView link) {
    return link == null || !(link.status() == AccessStatus.APPROVED || link.status() == AccessStatus.REQUESTED);
  }

  private static Row row(ParticipantId me, AccessLinkView link) {
    boolean mine = link.requestedBy().equals(me);
    List<String> actions = switch (link.status()) {
      case REQUESTED -> mine ? List.of("withdraw") : List.of("approve", "refuse", "block");
      case APPROVED -> List.of("remove");
      default -> List.of("request");
    };
    return new Row(link, link.counterpartOf(me).displayName(), link.counterpartOf(me).id().value(), mine, actions);
  }

  @PostMapping("/cases/{action}")
  String act(@PathVariable String action, @RequestParam String counterpart, ParticipantMessaging mailbox, RedirectAttributes flash) {
    ParticipantId other = ParticipantId.of(counterpart);
    String name = name(other);
    try {
      String done = switch (action) {
        case "request" -> {
          mailbox.requestAccess(other);
          yield "Access requested from " + name + ": the request is in their Action Items.";
        }
        case "approve" -> {
          mailbox.approveAccess(other);
          yield "You approved access for " + name + ": you can message each other now.";
        }
        case "refuse" -> {
          mailbox.refuseAccess(other);
          yield "You refused access for " + name + ".";
        }
        case "block" -> {
          mailbox.blockAccess(other);
          yield "You refused access for " + name + " and blocked further requests from them.";
        }
        case "withdraw" -> {
          mailbox.withdrawAccessRequest(other);
          yield "You withdrew your request to " + name + ".";
        }
        case "remove" -> {
          mailbox.removeAccess(other);
          yield "Access with " + name + " removed; the messages already exchanged stay in both mailboxes.";
        }
        default -> throw new NotFoundException("action", action);
      };
      flash.addFlashAttribute("notice", done);
    } catch (NotFoundException unknown) {
      if (unknown.kind().equals("action")) {
        throw unknown;
      }
      flash.addFlashAttribute("problem", shown.problem(unknown));
    } catch (MessagingException refused) {
      flash.addFlashAttribute("problem", shown.problem(refused));
    }
    return "redirect:/cases";
  }

  private String name(ParticipantId id) {
    return Optional.of(id).map(participant -> {
      try {
        return messaging.directory().participant(participant).displayName();
      } catch (NotFoundException unknown) {
        return participant.value();
      }
    }).orElseThrow();
  }
}
