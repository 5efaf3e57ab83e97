package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How the pages show times, names and the library's errors; the templates call it as {@code @shown}
 * (public, like the records the templates read: Spring's expression language calls public methods only).
 * Times are in UTC and say so, the same for everyone, as a court record would show them.
 */
@Component("shown")
public class Shown {

  private final Messaging messaging;

  Shown(Messaging messaging) {
    this.messaging = messaging;
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  /** A time as the pages show it, such as {@code 1 Dec 2026, 14:05 UTC}. */
  public String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** A file's size as a person reads it: bytes, KiB or MiB. */
  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    return bytes < 1024 * 1024
        ? String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0)
        : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  /** The names of some participants, comma-separated. */
  public String names(List<ParticipantView> participants) {
    return participants.stream().map(ParticipantView::displayName).collect(Collectors.joining(", "));
  }

  /** One of the library's typed errors as a sentence a person can act on. */
  String problem(MessagingException e) {
    return problem(e, id -> {
      try {
        return messaging.directory().participant(id).displayName();
      } catch (NotFoundException unknown) {
        return id.value();
      }
    });
  }

  /** As {@link #problem(MessagingException)}, naming participants by {@code names}. */
  static String problem(MessagingException e, Function<ParticipantId, String> names) {
    String text = e.getMessage();
    if (e instanceof InvalidInputException) {
      return capitalized(text) + ".";
    }
    if (e instanceof NotFoundException) {
      return "Not found: " + text + ".";
    }
    if (e instanceof AccessDeniedException denied && !denied.participants().isEmpty()) {
      return "Not allowed: you may not message " + denied.participants().stream().map(names).collect(Collectors.joining(", "))
          + ". Professional access is asked for, and granted, in My Cases.";
    }
    if (e instanceof AccessDeniedException) {
      return "Not allowed: " + text + ".";
    }
    if (e instanceof LimitExceededException limit) {
      return capitalized(text) + limit.retryAfter().map(at -> " (try again after " + TIME.format(at) + ")").orElse("") + ".";
    }
    if (e instanceof IllegalMoveException) {
      return capitalized(text) + ".";
    }
    return capitalized(text) + ".";
  }

  private static String capitalized(String text) {
    if (text == null || text.isEmpty()) {
      return "Something went wrong";
    }
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
  }
}
