package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The properties under {@code casemail.messaging}. Each value is checked by the library's own rule as
 * it is bound: a wrong one fails the application's start with an {@link InvalidInputException} naming
 * the property, such as {@code casemail.messaging.max-attempts must be at least 1 (was 0)}.
 */
@ConfigurationProperties(prefix = MessagingProperties.PREFIX)
public class MessagingProperties {

  /** The prefix of every property of the library. */
  public static final String PREFIX = "casemail.messaging";

  /** Whether to configure a Messaging bean at all. */
  private boolean enabled = true;

  /** How often a call that lost a race in storage is tried in all before it fails with a conflict; at least 1. */
  private int maxAttempts = 5;

  /** How many access requests one requester may make to one participant within the request period; 1 to 1000. */
  private int accessRequestLimit = 3;

  /** The period the access request limit counts requests in; 1 minute to 3660 days. */
  private Duration accessRequestPeriod = Duration.ofDays(30);

  private final Jdbc jdbc = new Jdbc();

  /** Creates the properties at their defaults, which are the library's. */
  public MessagingProperties() {}

  /** Whether to configure a Messaging bean at all. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether to configure a Messaging bean at all. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** How often a call that lost a race in storage is tried in all. */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Sets how often a call that lost a race is tried in all. @throws InvalidInputException if below 1 */
  public void setMaxAttempts(int maxAttempts) {
    check("max-attempts", builder -> builder.maxAttempts(maxAttempts));
    this.maxAttempts = maxAttempts;
  }

  /** How many access requests one requester may make to one participant per period. */
  public int getAccessRequestLimit() {
    return accessRequestLimit;
  }

  /** Sets the access request limit. @throws InvalidInputException unless 1 to 1000 */
  public void setAccessRequestLimit(int accessRequestLimit) {
    check("access-request-limit", builder -> builder.accessRequestLimit(accessRequestLimit));
    this.accessRequestLimit = accessRequestLimit;
  }

  /** The period the access request limit counts requests in. */
  public Duration getAccessRequestPeriod() {
    return accessRequestPeriod;
  }

  /** Sets the period of the access request limit. @throws InvalidInputException unless 1 minute to 3660 days */
  public void setAccessRequestPeriod(Duration accessRequestPeriod) {
    check("access-request-period", builder -> builder.accessRequestPeriod(accessRequestPeriod));
    this.accessRequestPeriod = accessRequestPeriod;
  }

  /** The properties of the JDBC adapter, used when the application has a {@code DataSource}. */
  public Jdbc getJdbc() {
    return jdbc;
  }

  /** These values on a builder of the library's configuration. */
  MessagingConfiguration.Builder applyTo(MessagingConfiguration.Builder builder) {
    return builder
        .maxAttempts(maxAttempts)
        .accessRequestLimit(accessRequestLimit)
        .accessRequestPeriod(accessRequestPeriod);
  }

  /** Checks one value by the library's rule, naming the property when it breaks it. */
  private static void check(String property, UnaryOperator<MessagingConfiguration.Builder> value) {
    try {
      value.apply(MessagingConfiguration.builder()).build();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(PREFIX + "." + property, e.rule());
    }
  }

  /** The properties under {@code casemail.messaging.jdbc}. */
  public static class Jdbc {

    /** Whether to apply the library's schema migrations to the DataSource at start-up. */
    private boolean migrate = true;

    /** Creates the properties at their defaults. */
    public Jdbc() {}

    /** Whether to apply the library's schema migrations to the DataSource at start-up. */
    public boolean isMigrate() {
      return migrate;
    }

    /** Sets whether to apply the schema migrations at start-up. */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }
  }
}
