package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands every controller method that asks for a {@link ParticipantMessaging} the library acting as
 * the signed-in participant: the session's principal is the only identity a page can act as, so no
 * request parameter can make a page act as someone else.
 */
@Configuration(proxyBeanMethods = false)
class SignedInParticipant implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  private final Messaging messaging;

  SignedInParticipant(Messaging messaging) {
    this.messaging = messaging;
  }

  /** The library as the signed-in participant. */
  ParticipantMessaging current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
      throw new AccessDeniedException("not signed in");
    }
    return messaging.actingAs(ParticipantId.of(authentication.getName()));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(ParticipantMessaging.class);
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    return current();
  }
}
