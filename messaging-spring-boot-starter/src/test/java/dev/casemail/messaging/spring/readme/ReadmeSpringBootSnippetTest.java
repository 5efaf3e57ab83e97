package dev.casemail.messaging.spring.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.config.AccessPolicy;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * README's "Getting started with Spring Boot": its Java block is {@link CaseService}'s code (compiled
 * with this module's tests) and runs, with the README's {@code casemail.messaging} properties, on H2.
 */
class ReadmeSpringBootSnippetTest {

  private static final Path README = Path.of("..", "README.md");
  private static final String SECTION = "## Getting started with Spring Boot";
  private static final Path SNIPPET_FILE =
      Path.of("src", "test", "java", "dev", "casemail", "messaging", "spring", "readme", "CaseService.java");

  private static final ParticipantId LAWYER = ParticipantId.of("lawyer-1");
  private static final ParticipantId MOTHER = ParticipantId.of("parent-1");
  private static final ParticipantId FATHER = ParticipantId.of("parent-2");

  @Test
  void theReadmesApplicationRunsWithTheReadmesProperties() throws IOException {
    List<String> properties = new ArrayList<>(readmeBlock("```properties").stream()
        .filter(line -> line.startsWith("casemail.messaging."))
        .collect(Collectors.toList()));
    assertThat(properties).hasSize(5);
    properties.add("spring.datasource.url=jdbc:h2:mem:readme-spring;DB_CLOSE_DELAY=-1");
    properties.add("spring.main.banner-mode=off");

    try (ConfigurableApplicationContext application =
        new SpringApplicationBuilder(CaseService.class).properties(properties.toArray(String[]::new)).run()) {
      MessagingConfiguration configuration = application.getBean(MessagingConfiguration.class);
      assertThat(configuration.maxAttempts()).isEqualTo(5);
      assertThat(configuration.accessRequestLimit()).isEqualTo(3);
      assertThat(configuration.accessRequestPeriod()).isEqualTo(Duration.ofDays(30));
      assertThat(configuration.accessPolicy()).isSameAs(application.getBean(AccessPolicy.class));

      Messaging messaging = application.getBean(Messaging.class);
      messaging.directory().register(ParticipantRegistration.practitioner(LAWYER, "A. Lawyer"));
      messaging.directory().register(ParticipantRegistration.parent(MOTHER, "M. Parent"));
      messaging.directory().register(ParticipantRegistration.parent(FATHER, "F. Parent"));
      messaging.directory().registerFamily(FamilyRegistration.of(FamilyId.of("family-1"), "Parent family", Set.of(MOTHER, FATHER)));
      messaging.actingAs(LAWYER).requestAccess(MOTHER);
      messaging.actingAs(MOTHER).approveAccess(LAWYER);

      MessageView reminder = application.getBean(HearingReminders.class).remind(LAWYER, MOTHER);
      assertThat(messaging.actingAs(MOTHER).open(reminder.id()).subject()).isEqualTo("Hearing on Monday");

      // the policy bean is the library's: co-parents may not write to each other, nor see each other as recipients
      assertThatThrownBy(() -> messaging.actingAs(MOTHER).send(NewMessage.builder()
              .addRecipients(FATHER).subject("Weekend").body("Can we swap?").build()))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(messaging.actingAs(MOTHER).recipients().stream()
              .flatMap(group -> group.recipients().stream()).map(ParticipantView::id))
          .contains(LAWYER).doesNotContain(FATHER);
      assertThat(messaging.actingAs(MOTHER).send(NewMessage.builder()
              .addRecipients(LAWYER).subject("Weekend").body("Could you ask the father?").build()).subject())
          .isEqualTo("Weekend");
    }
  }

  @Test
  void theReadmesApplicationImportsNothingOfTheCore() throws IOException {
    List<String> imports = Files.readAllLines(SNIPPET_FILE, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("import ")).collect(Collectors.toList());

    assertThat(imports).as("the README's application, policy included, is written in the API's types")
        .anyMatch(line -> line.contains("dev.casemail.messaging.api.config.AccessPolicy"))
        .noneMatch(line -> line.contains("dev.casemail.messaging.core"));
  }

  @Test
  void theReadmeShowsExactlyTheApplicationThisTestRuns() throws IOException {
    assertThat(normalized(readmeBlock("```java"))).isEqualTo(normalized(snippet()));
  }

  /** The first block opening with {@code fence} in README's Spring Boot section. */
  private static List<String> readmeBlock(String fence) throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    int section = lines.indexOf(SECTION);
    assertThat(section).as("README.md has the section %s", SECTION).isNotNegative();
    int start = lines.subList(section, lines.size()).indexOf(fence) + section;
    assertThat(start).as("a %s block in %s", fence, SECTION).isGreaterThan(section);
    int end = lines.subList(start + 1, lines.size()).indexOf("```") + start + 1;
    int next = lines.subList(section + 1, lines.size()).stream().filter(line -> line.startsWith("## ")).findFirst()
        .map(heading -> lines.subList(section + 1, lines.size()).indexOf(heading) + section + 1).orElse(lines.size());
    assertThat(end).as("the %s block ends inside %s", fence, SECTION).isLessThan(next);
    return lines.subList(start + 1, end);
  }

  private static List<String> snippet() throws IOException {
    List<String> lines = Files.readAllLines(SNIPPET_FILE, StandardCharsets.UTF_8);
    int start = lines.indexOf("// README-SPRING-SNIPPET-START");
    int end = lines.indexOf("// README-SPRING-SNIPPET-END");
    assertThat(start).as("the start marker in %s", SNIPPET_FILE).isNotNegative();
    assertThat(end).as("the end marker in %s", SNIPPET_FILE).isGreaterThan(start);
    return lines.subList(start + 1, end);
  }

  /** Lines without trailing blanks. */
  private static List<String> normalized(List<String> lines) {
    return lines.stream().map(String::stripTrailing).collect(Collectors.toList());
  }
}
