package dev.casemail.messaging.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.TimestampAuthority;
import dev.casemail.messaging.api.config.AccessFacts;
import dev.casemail.messaging.api.config.AccessPolicy;
import dev.casemail.messaging.api.config.DefaultAccessPolicy;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.api.config.RetryListener;
import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each condition of {@link MessagingAutoConfiguration}, on and off, in a context of its own. */
class MessagingAutoConfigurationTest {

  static final ParticipantId LAWYER = ParticipantId.of("lawyer-1");
  static final ParticipantId MOTHER = ParticipantId.of("parent-1");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class));

  @Test
  void withoutADataSourceTheLibraryRunsInMemory() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Messaging.class).hasSingleBean(MessagingConfiguration.class);
      assertThat(sendsAndReads(context.getBean(Messaging.class)).body()).isEqualTo("Please bring the school reports.");
    });
  }

  @Test
  void onTheApplicationsDataSourceTheLibraryMigratesTheSchemaAndStoresThere() {
    DataSource database = h2();
    runner.withBean(DataSource.class, () -> database).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(tables(database)).contains(JdbcMessaging.HISTORY_TABLE.toUpperCase(), "PARTICIPANTS");
      sendsAndReads(context.getBean(Messaging.class));
      assertThat(count(database, "SELECT COUNT(*) FROM participants")).isEqualTo(2);
    });
  }

  @Test
  void withMigrateOffTheSchemaIsLeftToTheApplication() {
    DataSource database = h2();
    runner.withBean(DataSource.class, () -> database).withPropertyValues("casemail.messaging.jdbc.migrate=false")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Messaging.class);
          assertThat(tables(database)).doesNotContain(JdbcMessaging.HISTORY_TABLE.toUpperCase(), "PARTICIPANTS");
          JdbcMessaging.migrate(database); // as the application's own migrations would
          sendsAndReads(context.getBean(Messaging.class));
          assertThat(count(database, "SELECT COUNT(*) FROM participants")).isEqualTo(2);
        });
  }

  @Test
  void theApplicationsOwnPolicyClockSignerAndTimestampAuthorityAreTheLibrarys() {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    AccessPolicy policy = new DefaultAccessPolicy();
    RecordSigner signer = RecordSigners.generatedOnFirstUse();
    TimestampAuthority authority = digest -> new byte[] {1};
    runner
        .withBean(AccessPolicy.class, () -> policy)
        .withBean(Clock.class, () -> clock)
        .withBean(RecordSigner.class, () -> signer)
        .withBean(TimestampAuthority.class, () -> authority)
        .run(context -> {
          MessagingConfiguration configuration = context.getBean(MessagingConfiguration.class);
          assertThat(configuration.accessPolicy()).isSameAs(policy);
          assertThat(configuration.clock()).isSameAs(clock);
          assertThat(configuration.recordSigner()).containsSame(signer);
          assertThat(configuration.timestampAuthority()).containsSame(authority);
          assertThat(sendsAndReads(context.getBean(Messaging.class)).sentAt()).isEqualTo(now);
        });
  }

  @Test
  void theApplicationsAccessPolicyDecidesWhoMayMessageWhom() {
    AccessPolicy nobody = new AccessPolicy() {
      @Override
      public boolean mayMessage(ParticipantView sender, ParticipantView recipient, AccessFacts facts) {
        return false;
      }

      @Override
      public Set<ParticipantId> recipientsOf(ParticipantView sender, AccessFacts facts) {
        return Set.of();
      }
    };
    runner.withBean(AccessPolicy.class, () -> nobody).run(context ->
        assertThatThrownBy(() -> sendsAndReads(context.getBean(Messaging.class))).isInstanceOf(AccessDeniedException.class));
  }

  @Test
  void withoutTheApplicationsBeansTheLibrarysDefaultsHold() {
    runner.run(context -> {
      MessagingConfiguration configuration = context.getBean(MessagingConfiguration.class);
      MessagingConfiguration defaults = MessagingConfiguration.defaults();
      assertThat(configuration.accessPolicy()).isInstanceOf(DefaultAccessPolicy.class);
      assertThat(configuration.clock()).isEqualTo(defaults.clock());
      assertThat(configuration.timestampAuthority()).isEmpty();
      assertThat(configuration.maxAttempts()).isEqualTo(defaults.maxAttempts());
      assertThat(configuration.accessRequestLimit()).isEqualTo(defaults.accessRequestLimit());
      assertThat(configuration.accessRequestPeriod()).isEqualTo(defaults.accessRequestPeriod());
      assertThat(configuration.retryListener()).isSameAs(RetryListener.NONE);
    });
  }

  @Test
  void twoClocksFailTheStartRatherThanOneBeingPicked() {
    runner.withBean("utc", Clock.class, Clock::systemUTC).withBean("other", Clock.class, Clock::systemDefaultZone)
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause().isInstanceOf(NoUniqueBeanDefinitionException.class).hasMessageContaining(Clock.class.getName()));
  }

  @Test
  void theApplicationsRetryListenersAreAllTold() {
    List<String> heard = new ArrayList<>();
    runner
        .withBean("first", RetryListener.class, () -> (operation, attempt) -> heard.add("first " + operation + attempt))
        .withBean("second", RetryListener.class, () -> (operation, attempt) -> heard.add("second " + operation + attempt))
        .run(context -> {
          context.getBean(MessagingConfiguration.class).retryListener().retrying("send", 1);
          assertThat(heard).containsExactlyInAnyOrder("first send1", "second send1");
        });
  }

  @Test
  void theApplicationsOwnMessagingTurnsTheAutoConfigurationOff() {
    Messaging own = InMemoryMessaging.create();
    runner.withBean(DataSource.class, MessagingAutoConfigurationTest::h2).withBean("ownMessaging", Messaging.class, () -> own)
        .run(context -> {
          assertThat(context).hasSingleBean(Messaging.class).doesNotHaveBean("casemailMessaging");
          assertThat(context.getBean(Messaging.class)).isSameAs(own);
        });
  }

  @Test
  void theApplicationsOwnConfigurationIsUsedAsItIs() {
    MessagingConfiguration own = MessagingConfiguration.builder().maxAttempts(2).build();
    runner.withBean(MessagingConfiguration.class, () -> own).withPropertyValues("casemail.messaging.max-attempts=9")
        .run(context -> assertThat(context.getBean(MessagingConfiguration.class)).isSameAs(own));
  }

  @Test
  void enabledFalseConfiguresNothing() {
    runner.withPropertyValues("casemail.messaging.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Messaging.class)
            .doesNotHaveBean(MessagingConfiguration.class));
  }

  @Test
  void thePropertiesAreTheConfigurationsValues() {
    runner.withPropertyValues(
            "casemail.messaging.max-attempts=7",
            "casemail.messaging.access-request-limit=10",
            "casemail.messaging.access-request-period=2h")
        .run(context -> {
          MessagingConfiguration configuration = context.getBean(MessagingConfiguration.class);
          assertThat(configuration.maxAttempts()).isEqualTo(7);
          assertThat(configuration.accessRequestLimit()).isEqualTo(10);
          assertThat(configuration.accessRequestPeriod()).isEqualTo(Duration.ofHours(2));
        });
  }

  @Test
  void thePropertiesDefaultsAreTheLibrarys() {
    MessagingProperties properties = new MessagingProperties();
    MessagingConfiguration defaults = MessagingConfiguration.defaults();
    assertThat(properties.getMaxAttempts()).isEqualTo(defaults.maxAttempts());
    assertThat(properties.getAccessRequestLimit()).isEqualTo(defaults.accessRequestLimit());
    assertThat(properties.getAccessRequestPeriod()).isEqualTo(defaults.accessRequestPeriod());
    assertThat(properties.isEnabled()).isTrue();
    assertThat(properties.getJdbc().isMigrate()).isTrue();
  }

  @Test
  void aValueOutOfRangeFailsTheStartNamingTheProperty() {
    assertRefused("casemail.messaging.max-attempts=0", "casemail.messaging.max-attempts", "must be at least 1 (was 0)");
    assertRefused("casemail.messaging.access-request-limit=1001", "casemail.messaging.access-request-limit",
        "must be from 1 to 1000 (was 1001)");
    assertRefused("casemail.messaging.access-request-period=30s", "casemail.messaging.access-request-period",
        "must be from 1 minute to 3660 days (was PT30S)");
  }

  @Test
  void aValueOfTheWrongTypeFailsTheStartNamingTheProperty() {
    runner.withPropertyValues("casemail.messaging.max-attempts=many").run(context -> {
      assertThat(context).hasFailed();
      assertThat(bindFailure(context.getStartupFailure()).getName()).hasToString("casemail.messaging.max-attempts");
    });
  }

  private void assertRefused(String property, String field, String rule) {
    runner.withPropertyValues(property).run(context -> {
      assertThat(context).hasFailed().getFailure()
          .rootCause()
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e).hasMessage(field + " " + rule);
          });
      // a binding failure, which Spring Boot's failure analysis reports with the reason above on a real start
      assertThat(bindFailure(context.getStartupFailure()).getName()).hasToString(MessagingProperties.PREFIX);
    });
  }

  private static BindException bindFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return (BindException) cause;
      }
    }
    throw new AssertionError("no BindException in " + failure, failure);
  }

  /** A lawyer and two parents registered, the lawyer's access approved, a message sent and opened. */
  static MessageView sendsAndReads(Messaging messaging) {
    messaging.directory().register(ParticipantRegistration.practitioner(LAWYER, "A. Lawyer"));
    messaging.directory().register(ParticipantRegistration.parent(MOTHER, "M. Parent"));
    messaging.directory().registerFamily(FamilyRegistration.of(FamilyId.of("family-1"), "Parent family", Set.of(MOTHER)));
    messaging.actingAs(LAWYER).requestAccess(MOTHER);
    messaging.actingAs(MOTHER).approveAccess(LAWYER);
    MessageView sent = messaging.actingAs(LAWYER).send(NewMessage.builder()
        .addRecipients(MOTHER)
        .subject("Hearing on Monday")
        .body("Please bring the school reports.")
        .build());
    MessageView opened = messaging.actingAs(MOTHER).open(sent.id());
    assertThat(opened.id()).isEqualTo(sent.id());
    return opened;
  }

  /** A fresh in-memory H2 database, kept while the JVM runs. */
  static DataSource h2() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return database;
  }

  static List<String> tables(DataSource database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = database.getConnection();
        ResultSet rows = connection.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME").toUpperCase());
      }
    }
    return tables;
  }

  static long count(DataSource database, String query) throws SQLException {
    try (Connection connection = database.getConnection(); ResultSet rows = connection.createStatement().executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

}
