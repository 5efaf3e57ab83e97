package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.Messaging;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A health indicator, {@code casemailMessaging}, when Spring Boot's health support
 * ({@code spring-boot-health}, which the actuator brings) is on the class path and there is a
 * {@link Messaging} bean: UP when the storage answers a cheap read, DOWN with the error otherwise.
 * {@code management.health.casemail.enabled=false} turns it off.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Messaging.class)
@ConditionalOnEnabledHealthIndicator("casemail")
public class MessagingHealthAutoConfiguration {

  /** Made by Spring. */
  public MessagingHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "casemailMessagingHealthIndicator")
  HealthIndicator casemailMessagingHealthIndicator(Messaging messaging) {
    return new MessagingHealthIndicator(messaging);
  }
}
