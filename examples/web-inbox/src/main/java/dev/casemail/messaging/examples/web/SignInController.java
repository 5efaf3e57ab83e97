package dev.casemail.messaging.examples.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demo sign-in: no passwords, pick one of the seeded people. The chosen participant id becomes
 * the session's principal, the only identity the other pages act as. A real host signs its users in
 * its own way and passes their id to {@code Messaging.actingAs}.
 */
@Controller
class SignInController {

  private final SecurityContextRepository contexts;

  SignInController(SecurityContextRepository contexts) {
    this.contexts = contexts;
  }

  @GetMapping(SecurityConfiguration.SIGN_IN)
  String page(Model model) {
    model.addAttribute("people", DemoPractice.PEOPLE);
    return "signin";
  }

  @PostMapping(SecurityConfiguration.SIGN_IN)
  String signIn(@RequestParam(name = "participant", defaultValue = "") String participant, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    if (DemoPractice.person(participant).isEmpty()) {
      model.addAttribute("people", DemoPractice.PEOPLE);
      model.addAttribute("problem", "Pick one of the people below to sign in as.");
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "signin";
    }
    // a new session for the new identity: nothing of the old one (or a planted session id) carries over
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    request.getSession(true);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
        participant, null, List.of(new SimpleGrantedAuthority("ROLE_PARTICIPANT"))));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return "redirect:/folders/1";
  }
}
