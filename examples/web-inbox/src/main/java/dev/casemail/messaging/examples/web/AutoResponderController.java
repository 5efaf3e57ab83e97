package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.ParticipantMessaging;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auto-responder: status Enabled or Disabled, a subject and a message, and optionally when it
 * starts and ends (in UTC, like every time the pages show).
 */
@Controller
class AutoResponderController {

  private final Shown shown;

  AutoResponderController(Shown shown) {
    this.shown = shown;
  }

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @GetMapping("/autoresponder")
  String page(ParticipantMessaging mailbox, Model model) {
    AutoResponderSettings settings = mailbox.autoResponder();
    model.addAttribute("enabled", settings.enabled());
    model.addAttribute("subject", settings.subject());
    model.addAttribute("body", settings.body());
    model.addAttribute("from", settings.activeFrom().map(AutoResponderController::field).orElse(""));
    model.addAttribute("until", settings.activeUntil().map(AutoResponderController::field).orElse(""));
    return "autoresponder";
  }

  @PostMapping("/autoresponder")
  String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String until, ParticipantMessaging mailbox, Model model, RedirectAttributes flash) {
    try {
      AutoResponderSettings.Builder settings = AutoResponderSettings.builder().enabled(enabled).subject(subject).body(body);
      instant(from, "start").ifPresent(settings::activeFrom);
      instant(until, "end").ifPresent(settings::activeUntil);
      AutoResponderSettings saved = mailbox.configureAutoResponder(settings.build());
      flash.addFlashAttribute("notice", saved.enabled() ? "Auto-reply enabled." : "Auto-reply disabled.");
      return "redirect:/autoresponder";
    } catch (MessagingException | UnreadableTime refused) {
      model.addAttribute("problem", "Not saved. "
          + (refused instanceof MessagingException typed ? shown.problem(typed) : refused.getMessage()));
      model.addAttribute("enabled", enabled);
      model.addAttribute("subject", subject);
      model.addAttribute("body", body);
      model.addAttribute("from", from);
      model.addAttribute("until", until);
      return "autoresponder";
    }
  }

  private static String field(Instant at) {
    return FIELD.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC));
  }

  private static Optional<Instant> instant(String field, String which) {
    if (field.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(field.strip()).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new UnreadableTime("The " + which + " time must be a date and time such as 2026-12-24T09:00.");
    }
  }

  /** A start or end time the form sent that is not a date and time. */
  private static final class UnreadableTime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableTime(String message) {
      super(message);
    }
  }
}
