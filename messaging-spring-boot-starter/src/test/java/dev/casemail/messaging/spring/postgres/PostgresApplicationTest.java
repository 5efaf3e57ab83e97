package dev.casemail.messaging.spring.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.SystemFolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot application on embedded PostgreSQL, as a host would run it: Spring Boot makes the
 * DataSource from {@code spring.datasource.*} (HikariCP), the starter migrates it and gives the
 * {@link Messaging}, which sends and reads a message there; the health indicator says UP.
 */
@SpringBootTest(classes = PostgresApplicationTest.Application.class)
class PostgresApplicationTest {

  private static final ParticipantId MEDIATOR = ParticipantId.of("mediator-1");
  private static final ParticipantId FATHER = ParticipantId.of("parent-2");

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgres postgres = Server.POSTGRES;
    properties.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    properties.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired Messaging messaging;
  @Autowired DataSource dataSource;
  @Autowired MeterRegistry meters;

  @Autowired
  @Qualifier("casemailMessagingHealthIndicator")
  HealthIndicator health;

  @Test
  void theInjectedMessagingSendsAndReadsOnPostgresAndTheHealthIsUp() throws SQLException {
    messaging.directory().register(ParticipantRegistration.practitioner(MEDIATOR, "R. Mediator"));
    messaging.directory().register(ParticipantRegistration.parent(FATHER, "F. Parent"));
    messaging.directory().registerFamily(FamilyRegistration.of(FamilyId.of("family-2"), "Parent family", Set.of(FATHER)));
    messaging.actingAs(MEDIATOR).requestAccess(FATHER);
    messaging.actingAs(FATHER).approveAccess(MEDIATOR);
    MessageView sent = messaging.actingAs(MEDIATOR).send(NewMessage.builder()
        .addRecipients(FATHER)
        .subject("Session on Thursday")
        .body("We meet at ten.")
        .build());

    FolderPage inbox = messaging.actingAs(FATHER).folder(SystemFolder.INBOX.id(), PageRequest.first());
    MessageView opened = messaging.actingAs(FATHER).open(inbox.items().get(0).id());

    assertThat(opened.id()).isEqualTo(sent.id());
    assertThat(opened.body()).isEqualTo("We meet at ten.");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (ResultSet rows = connection.createStatement().executeQuery(
          "SELECT COUNT(*) FROM copies WHERE owner_id = 'parent-2'")) {
        rows.next();
        assertThat(rows.getLong(1)).as("the father's copies in PostgreSQL").isPositive();
      }
    }
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    assertThat(meters.get("casemail.messaging.calls").tags("operation", "participant.send", "outcome", "success")
        .timer().count()).isEqualTo(1);
  }

  /** The embedded server, started once when first asked for and stopped when the JVM exits. */
  private static final class Server {
    static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            postgres.close();
          } catch (IOException e) {
            // the JVM is going away; the OS cleans the server's temporary directory
          }
        }));
        return postgres;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
    }
  }
}
