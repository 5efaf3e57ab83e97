package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.SystemFolder;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What every page shows around its content (who is signed in, the folders with their counts), and
 * the library's typed errors as pages: an unknown id is the 404 page, any other refusal a page that
 * says what was refused and why, never a stack trace.
 */
@ControllerAdvice
class PageModel {

  private static final Logger LOG = LoggerFactory.getLogger(PageModel.class);

  private final SignedInParticipant signedIn;

  private final Shown shown;

  PageModel(SignedInParticipant signedIn, Shown shown) {
    this.signedIn = signedIn;
    this.shown = shown;
  }

  @ModelAttribute
  void around(Model model) {
    if (!signedIn()) {
      return;
    }
    ParticipantMessaging mailbox = signedIn.current();
    model.addAttribute("me", mailbox.me());
    model.addAttribute("sidebar", new Sidebar(mailbox));
    model.addAttribute("draftsId", SystemFolder.DRAFTS.id().value());
  }

  private static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** Who is signed in, for the header of an error page (the model of the failed page is not there). */
  private void header(Model model) {
    if (signedIn()) {
      try {
        model.addAttribute("me", signedIn.current().me());
      } catch (MessagingException unavailable) {
        LOG.debug("no header for the error page: {}", unavailable.getMessage());
      }
    }
  }

  @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class, NoResourceFoundException.class})
  String notFound(Exception e, Model model, HttpServletResponse response) {
    LOG.debug("not found: {}", e.getMessage());
    header(model);
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("detail", e instanceof NotFoundException found
        ? "There is no " + found.kind() + " " + found.id() + " in your mailbox."
        : "There is no such page.");
    return "error/404";
  }

  @ExceptionHandler(MessagingException.class)
  String refused(MessagingException e, Model model, HttpServletResponse response) {
    LOG.debug("refused: {}", e.getMessage());
    header(model);
    response.setStatus(status(e).value());
    model.addAttribute("status", status(e).value());
    model.addAttribute("title", status(e).getReasonPhrase());
    model.addAttribute("detail", shown.problem(e));
    return "error/refused";
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  String missing(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    header(model);
    model.addAttribute("status", 400);
    model.addAttribute("title", "Bad Request");
    model.addAttribute("detail", "The form lacks its field \"" + e.getParameterName() + "\".");
    return "error/refused";
  }

  private static HttpStatus status(MessagingException e) {
    if (e instanceof InvalidInputException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (e instanceof AccessDeniedException) {
      return HttpStatus.FORBIDDEN;
    }
    if (e instanceof ConflictException || e instanceof IllegalMoveException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof LimitExceededException) {
      return HttpStatus.TOO_MANY_REQUESTS;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
