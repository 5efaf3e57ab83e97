package dev.casemail.messaging.examples.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Sessions and CSRF with Spring Security. Every page but the demo sign-in needs a signed-in
 * participant; every POST needs the session's CSRF token (Thymeleaf puts it in each form whose
 * action it writes), or Spring Security refuses it with 403. The pages need no script at all, and
 * the Content-Security-Policy says so.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String SIGN_IN = "/signin";

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  SecurityFilterChain web(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(SIGN_IN, "/css/**", "/error", "/favicon.ico").permitAll()
            .anyRequest().authenticated())
        .securityContext(context -> context.securityContextRepository(contexts))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
        .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl(SIGN_IN + "?signedOut"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")));
    return http.build();
  }
}
