package dev.casemail.messaging.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Messaging;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator: UP while the storage answers, DOWN with the error when it does not; there only when it can be. */
class MessagingHealthTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class, MessagingHealthAutoConfiguration.class));

  @Test
  void inMemoryTheLibraryIsUp() {
    runner.run(context -> assertThat(health(context.getBean("casemailMessagingHealthIndicator", HealthIndicator.class)).getStatus())
        .isEqualTo(Status.UP));
  }

  @Test
  void whileTheDatabaseAnswersTheLibraryIsUpAndWhenItFailsItIsDownWithTheError() {
    DataSource database = MessagingAutoConfigurationTest.h2();
    runner.withBean(DataSource.class, () -> database).run(context -> {
      HealthIndicator indicator = context.getBean("casemailMessagingHealthIndicator", HealthIndicator.class);
      assertThat(health(indicator).getStatus()).isEqualTo(Status.UP);

      execute(database, "DROP TABLE participants CASCADE");

      Health down = health(indicator);
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(down.getDetails().get("error")))
          .startsWith("dev.casemail.messaging.api.StorageException").containsIgnoringCase("participants");
    });
  }

  @Test
  void healthChecksAreNotCountedAsCalls() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      health(context.getBean("casemailMessagingHealthIndicator", HealthIndicator.class));
      assertThat(context.getBean(MeterRegistry.class).find(MessagingMetrics.CALLS).timers()).isEmpty();
    });
  }

  @Test
  void withoutSpringBootsHealthSupportThereIsNoIndicator() {
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(Messaging.class).doesNotHaveBean("casemailMessagingHealthIndicator"));
  }

  @Test
  void theIndicatorCanBeTurnedOff() {
    runner.withPropertyValues("management.health.casemail.enabled=false").run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(Messaging.class).doesNotHaveBean("casemailMessagingHealthIndicator"));
  }

  @Test
  void withoutMessagingThereIsNoIndicator() {
    runner.withPropertyValues("casemail.messaging.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean("casemailMessagingHealthIndicator"));
  }

  private static Health health(HealthIndicator indicator) {
    return indicator.health(true);
  }

  private static void execute(DataSource database, String statement) throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.createStatement().execute(statement);
    }
  }
}
