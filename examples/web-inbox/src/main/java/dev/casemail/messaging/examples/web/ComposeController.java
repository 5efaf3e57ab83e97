package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecipientGroup;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing: a new message with the recipient chooser grouped by family, drafts (save, edit, send,
 * delete), and Reply / Reply All. A form the library refuses comes back with what was typed and the
 * reason, so nothing typed is lost.
 */
@Controller
class ComposeController {

  private final Messaging messaging;

  private final Shown shown;

  ComposeController(Messaging messaging, Shown shown) {
    this.messaging = messaging;
    this.shown = shown;
  }

  /** What the compose form shows and posts back. */
  public record Form(Set<String> recipients, String subject, String body, String idempotencyKey,
      Optional<Long> draft, long version, Optional<Long> inReplyTo) {

    static Form blank() {
      return new Form(Set.of(), "", "", UUID.randomUUID().toString(), Optional.empty(), 0, Optional.empty());
    }

    static Form of(DraftView draft) {
      return new Form(draft.recipients().stream().map(ParticipantId::value).collect(Collectors.toCollection(LinkedHashSet::new)),
          draft.subject().orElse(""), draft.body(), UUID.randomUUID().toString(), Optional.of(draft.id().value()),
          draft.version(), draft.inReplyTo().map(MessageId::value));
    }

    public boolean chosen(ParticipantView participant) {
      return recipients.contains(participant.id().value());
    }

    /** Whether the family's triangle starts open: when one of its people is chosen already. */
    public boolean open(RecipientGroup group) {
      return group.recipients().stream().anyMatch(this::chosen);
    }

    Set<ParticipantId> recipientIds() {
      return recipients.stream().map(ParticipantId::of).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    DraftContent content() {
      DraftContent.Builder content = DraftContent.builder().recipients(recipientIds()).body(body);
      if (!subject.isBlank()) {
        content.subject(subject);
      }
      inReplyTo.map(Ids::message).ifPresent(content::inReplyTo);
      return content.build();
    }
  }

  @GetMapping("/compose")
  String compose(ParticipantMessaging mailbox, Model model) {
    return form(mailbox, model, Form.blank());
  }

  private String form(ParticipantMessaging mailbox, Model model, Form form) {
    model.addAttribute("form", form);
    model.addAttribute("groups", mailbox.recipients());
    model.addAttribute("strangers", strangers(mailbox, form));
    return "compose";
  }

  /** Chosen recipients (in a draft) whom the chooser no longer offers, such as a parent whose access was removed since. */
  private List<ParticipantView> strangers(ParticipantMessaging mailbox, Form form) {
    Set<ParticipantId> offered = mailbox.recipients().stream().flatMap(group -> group.recipients().stream())
        .map(ParticipantView::id).collect(Collectors.toSet());
    List<ParticipantView> strangers = new ArrayList<>();
    for (ParticipantId id : form.recipientIds()) {
      if (!offered.contains(id)) {
        try {
          strangers.add(messaging.directory().participant(id));
        } catch (NotFoundException gone) {
          // not shown: the draft names someone who is not registered, sending it will say so
        }
      }
    }
    return strangers;
  }

  @PostMapping("/compose")
  String send(@RequestParam(name = "recipient", required = false) Set<String> recipients,
      @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String idempotencyKey, @RequestParam(defaultValue = "send") String action,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      ParticipantMessaging mailbox, Model model, RedirectAttributes flash) {
    Form form = new Form(recipients == null ? Set.of() : recipients, subject, body,
        idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey, Optional.empty(), 0, Optional.empty());
    try {
      if (action.equals("save")) {
        DraftView draft = mailbox.saveDraft(form.content());
        flash.addFlashAttribute("notice", "Draft saved.");
        return "redirect:/drafts/" + draft.id().value();
      }
      MessageView sent = mailbox.send(NewMessage.builder()
          .recipients(form.recipientIds())
          .subject(subject)
          .body(body)
          .idempotencyKey(form.idempotencyKey())
          .attachments(Uploads.of(files))
          .build());
      flash.addFlashAttribute("notice", "Message sent.");
      return "redirect:/messages/" + sent.id().value();
    } catch (MessagingException refused) {
      model.addAttribute("problem", (action.equals("save") ? "Not saved. " : "Not sent. ") + shown.problem(refused));
      return form(mailbox, model, form);
    }
  }

  @GetMapping("/drafts")
  String drafts(ParticipantMessaging mailbox, Model model) {
    List<DraftView> drafts = mailbox.allDrafts().toList();
    model.addAttribute("drafts", drafts);
    model.addAttribute("names", drafts.stream().collect(Collectors.toMap(
        draft -> draft.id().value(), draft -> names(draft.recipients()))));
    return "drafts";
  }

  @GetMapping("/drafts/{id}")
  String draft(@PathVariable long id, ParticipantMessaging mailbox, Model model) {
    return form(mailbox, model, Form.of(mailbox.draft(Ids.draft(id))));
  }

  @PostMapping("/drafts/{id}")
  String saveDraft(@PathVariable long id, @RequestParam(name = "recipient", required = false) Set<String> recipients,
      @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
      @RequestParam long version, @RequestParam(required = false) Long inReplyTo,
      @RequestParam(defaultValue = "save") String action, ParticipantMessaging mailbox, Model model, RedirectAttributes flash) {
    DraftId draft = Ids.draft(id);
    if (action.equals("delete")) {
      mailbox.deleteDraft(draft);
      flash.addFlashAttribute("notice", "Draft deleted.");
      return "redirect:/drafts";
    }
    Form form = new Form(recipients == null ? Set.of() : recipients, subject, body, "", Optional.of(id), version,
        Optional.ofNullable(inReplyTo));
    try {
      DraftView saved = mailbox.updateDraft(draft, version, form.content());
      if (action.equals("send")) {
        MessageView sent = mailbox.sendDraft(saved.id());
        flash.addFlashAttribute("notice", "Draft sent.");
        return "redirect:/messages/" + sent.id().value();
      }
      flash.addFlashAttribute("notice", "Draft saved.");
      return "redirect:/drafts/" + id;
    } catch (MessagingException refused) {
      model.addAttribute("problem", (action.equals("send") ? "Not sent. " : "Not saved. ") + shown.problem(refused));
      // the draft may have been saved before sending failed: edit on from the version stored now
      DraftView now = mailbox.draft(draft);
      return form(mailbox, model, new Form(form.recipients(), subject, body, "", Optional.of(id), now.version(), form.inReplyTo()));
    }
  }

  @GetMapping("/messages/{id}/reply")
  String reply(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all, ParticipantMessaging mailbox, Model model) {
    MessageView original = mailbox.preview(Ids.message(id));
    model.addAttribute("original", original);
    model.addAttribute("all", all);
    model.addAttribute("to", replyRecipients(mailbox, original, all));
    model.addAttribute("subject", original.subject().startsWith("Re: ") ? original.subject() : "Re: " + original.subject());
    model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    return "reply";
  }

  @PostMapping("/messages/{id}/reply")
  String sendReply(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all,
      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "false") boolean quote,
      @RequestParam(defaultValue = "") String idempotencyKey,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      ParticipantMessaging mailbox, Model model, RedirectAttributes flash) {
    Reply.Builder reply = Reply.builder().message(Ids.message(id)).body(body).quoteOriginal(quote);
    if (!idempotencyKey.isBlank()) {
      reply.idempotencyKey(idempotencyKey);
    }
    try {
      reply.attachments(Uploads.of(files));
      MessageView sent = all ? mailbox.replyAll(reply.build()) : mailbox.reply(reply.build());
      flash.addFlashAttribute("notice", all ? "Reply sent to everyone." : "Reply sent.");
      return "redirect:/messages/" + sent.id().value();
    } catch (MessagingException refused) {
      model.addAttribute("problem", "Not sent. " + shown.problem(refused));
      model.addAttribute("body", body);
      reply(id, all, mailbox, model);
      model.addAttribute("idempotencyKey", idempotencyKey);
      return "reply";
    }
  }

  /** Whom a reply goes to, as the library decides it (README, "reply and reply all"), for the page to show. */
  private static List<ParticipantView> replyRecipients(ParticipantMessaging mailbox, MessageView original, boolean all) {
    List<ParticipantView> to = new ArrayList<>();
    if (original.direction() == Direction.SENT) {
      to.addAll(original.recipients());
    } else {
      original.sender().ifPresent(to::add);
      if (all) {
        original.recipients().stream().filter(recipient -> !recipient.id().equals(mailbox.participant())).forEach(to::add);
      }
    }
    return to;
  }

  private String names(List<ParticipantId> ids) {
    return ids.stream().map(id -> {
      try {
        return messaging.directory().participant(id).displayName();
      } catch (NotFoundException gone) {
        return id.value();
      }
    }).collect(Collectors.joining(", "));
  }
}
