package dev.casemail.messaging.spring.readme;

import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.config.AccessFacts;
import dev.casemail.messaging.api.config.AccessPolicy;
import dev.casemail.messaging.api.config.DefaultAccessPolicy;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

// The README's "Getting started with Spring Boot" shows this code between the markers;
// ReadmeSpringBootSnippetTest runs it and checks that the README shows exactly it.
// README-SPRING-SNIPPET-START
@SpringBootApplication
public class CaseService {

  public static void main(String[] args) {
    SpringApplication.run(CaseService.class, args);
  }

  /** A court ordered no direct contact: the parents write to their practitioners, never to each other. */
  @Bean
  AccessPolicy noContactBetweenParents() {
    AccessPolicy rules = new DefaultAccessPolicy();
    return new AccessPolicy() {
      @Override
      public boolean mayMessage(ParticipantView sender, ParticipantView recipient, AccessFacts facts) {
        boolean parentToParent = sender.role() == ParticipantRole.PARENT && recipient.role() == ParticipantRole.PARENT;
        return !parentToParent && rules.mayMessage(sender, recipient, facts);
      }

      @Override
      public Set<ParticipantId> recipientsOf(ParticipantView sender, AccessFacts facts) {
        Set<ParticipantId> recipients = new HashSet<>(rules.recipientsOf(sender, facts));
        if (sender.role() == ParticipantRole.PARENT) {
          recipients.removeAll(facts.coParents(sender.id()));
        }
        return recipients;
      }
    };
  }
}

@Service
class HearingReminders {
  private final Messaging messaging;  // the starter's: JDBC on the application's DataSource

  HearingReminders(Messaging messaging) {
    this.messaging = messaging;
  }

  MessageView remind(ParticipantId practitioner, ParticipantId parent) {
    return messaging.actingAs(practitioner).send(NewMessage.builder()
        .addRecipients(parent)
        .subject("Hearing on Monday")
        .body("Please bring the school reports.")
        .build());
  }
}
// README-SPRING-SNIPPET-END
