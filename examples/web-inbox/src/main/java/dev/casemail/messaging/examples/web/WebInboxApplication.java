package dev.casemail.messaging.examples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web inbox: the practitioner's Messages help page in the browser, server-rendered with Thymeleaf,
 * on the library's Spring Boot starter and an H2 file (see {@code application.properties}). A demo
 * sign-in picks one of the seeded people ({@link DemoPractice}); every page then calls the library as
 * that participant, and only as them.
 */
@SpringBootApplication
public class WebInboxApplication {

  /** Serves the web inbox (port 8080 unless {@code server.port} says otherwise). */
  public static void main(String[] args) {
    SpringApplication.run(WebInboxApplication.class, args);
  }
}
