package dev.casemail.messaging.examples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The web inbox: the practitioner's Messages help page in the browser, server-rendered with Thymeleaf,
 * on the library's Spring Boot starter and an H2 file (see {@code application.properties}). A demo
 * sign-in picks one of the seeded people ({@link DemoPractice}); every page then calls the library as
 * that participant, and only as them. There are no user accounts and no passwords (Spring Boot's
 * generated user is turned off): the sign-in page is the only way in.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class WebInboxApplication {

  /** Serves the web inbox (port 8080 unless {@code server.port} says otherwise). */
  public static void main(String[] args) {
    SpringApplication.run(WebInboxApplication.class, args);
  }
}
