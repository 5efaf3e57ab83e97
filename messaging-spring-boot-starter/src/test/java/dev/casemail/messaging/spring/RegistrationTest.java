package dev.casemail.messaging.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/** What the jar tells Spring Boot and the IDE: its auto-configurations and the metadata of its properties. */
class RegistrationTest {

  @Test
  void springBootFindsTheAutoConfigurations() {
    List<String> candidates = new ArrayList<>();
    ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(candidates::add);
    assertThat(candidates).contains(MessagingAutoConfiguration.class.getName(), MessagingHealthAutoConfiguration.class.getName(),
        MessagingEventsAutoConfiguration.class.getName());
  }

  @Test
  void everyPropertyHasItsMetadataForIdeCompletion() throws IOException {
    String metadata;
    try (InputStream json = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(json).as("META-INF/spring-configuration-metadata.json (spring-boot-configuration-processor)").isNotNull();
      metadata = new String(json.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> names = new ArrayList<>();
    Matcher name = Pattern.compile("\"name\": \"(casemail\\.messaging\\.[a-z.-]+)\",\\s*\"type\"").matcher(metadata);
    while (name.find()) {
      names.add(name.group(1));
    }
    assertThat(names).containsExactlyInAnyOrder(
        "casemail.messaging.enabled",
        "casemail.messaging.max-attempts",
        "casemail.messaging.access-request-limit",
        "casemail.messaging.access-request-period",
        "casemail.messaging.jdbc.migrate",
        "casemail.messaging.jdbc",
        "casemail.messaging.events",
        "casemail.messaging.events.enabled",
        "casemail.messaging.events.consumer",
        "casemail.messaging.events.threads",
        "casemail.messaging.events.batch-size",
        "casemail.messaging.events.lease-duration",
        "casemail.messaging.events.max-attempts",
        "casemail.messaging.events.digest-window",
        "casemail.messaging.events.digest-max-size",
        "casemail.messaging.events.retention");
    assertThat(metadata).contains("\"defaultValue\": 5", "\"defaultValue\": \"30d\"", "\"defaultValue\": \"notifications\"",
        "\"defaultValue\": \"7d\"");
  }
}
