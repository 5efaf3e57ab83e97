package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.TimestampAuthority;
import dev.casemail.messaging.api.config.AccessPolicy;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.api.config.RetryListener;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A ready {@link Messaging} bean, unless the application defines its own: on the JDBC adapter when the
 * application has a {@link DataSource} (with the library's migrations applied at start-up unless
 * {@code casemail.messaging.jdbc.migrate=false}), otherwise in memory.
 *
 * <p>Its {@link MessagingConfiguration} (unless the application defines that bean too) takes the
 * properties under {@code casemail.messaging} ({@link MessagingProperties}) and the application's own
 * {@link AccessPolicy}, {@link Clock}, {@link RecordSigner}, {@link TimestampAuthority} and
 * {@link RetryListener} beans. With a Micrometer {@code MeterRegistry} bean, every call is measured
 * ({@code casemail.messaging.calls}, {@code casemail.messaging.failures},
 * {@code casemail.messaging.retries}); {@link MessagingHealthAutoConfiguration} adds a health indicator.
 * {@code casemail.messaging.enabled=false} turns all of it off.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnProperty(prefix = MessagingProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

  /** Made by Spring. */
  public MessagingAutoConfiguration() {}

  /**
   * The library's configuration from the properties and the application's own beans; each bean is
   * optional, but two of one kind (two clocks, say) fail the start rather than one being picked.
   */
  @Bean
  @ConditionalOnMissingBean
  MessagingConfiguration casemailMessagingConfiguration(
      MessagingProperties properties,
      ObjectProvider<AccessPolicy> accessPolicy,
      ObjectProvider<Clock> clock,
      ObjectProvider<RecordSigner> recordSigner,
      ObjectProvider<TimestampAuthority> timestampAuthority,
      ObjectProvider<RetryListener> retryListeners) {
    MessagingConfiguration.Builder builder = properties.applyTo(MessagingConfiguration.builder());
    accessPolicy.ifAvailable(builder::accessPolicy);
    clock.ifAvailable(builder::clock);
    recordSigner.ifAvailable(builder::recordSigner);
    timestampAuthority.ifAvailable(builder::timestampAuthority);
    List<RetryListener> listeners = retryListeners.orderedStream().collect(Collectors.toList());
    if (!listeners.isEmpty()) {
      builder.retryListener((operation, lostAttempt) -> listeners.forEach(listener -> listener.retrying(operation, lostAttempt)));
    }
    return builder.build();
  }

  /** The library on the application's {@link DataSource}, or in memory when it has none. */
  @Bean
  @ConditionalOnMissingBean
  Messaging casemailMessaging(
      MessagingConfiguration configuration,
      MessagingProperties properties,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<MessagingDecorator> decorators) {
    DataSource database = dataSource.getIfAvailable();
    Messaging messaging;
    if (database != null) {
      if (properties.getJdbc().isMigrate()) {
        JdbcMessaging.migrate(database);
      }
      LOG.info("casemail messaging on the application's DataSource (JDBC adapter, migrations {})",
          properties.getJdbc().isMigrate() ? "applied at start-up" : "left to the application");
      messaging = JdbcMessaging.create(database, configuration);
    } else {
      LOG.info("casemail messaging in memory: the application has no DataSource, nothing outlives this process");
      messaging = InMemoryMessaging.create(configuration);
    }
    for (MessagingDecorator decorator : decorators.orderedStream().collect(Collectors.toList())) {
      messaging = decorator.decorate(messaging);
    }
    return messaging;
  }

  /** Calls, failures, retries and latency on the application's {@link MeterRegistry}, when it has one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {

    @Bean
    MessagingMetrics casemailMessagingMetrics(MeterRegistry registry) {
      return new MessagingMetrics(registry);
    }
  }
}
