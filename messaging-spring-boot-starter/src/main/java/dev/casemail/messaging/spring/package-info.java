/**
 * Spring Boot auto-configuration of casemail messaging: a ready {@link dev.casemail.messaging.api.Messaging}
 * bean on the application's {@code DataSource} (migrated at start-up) or in memory, configured by the
 * properties under {@code casemail.messaging} ({@link dev.casemail.messaging.spring.MessagingProperties})
 * and by the host's own beans, with a health indicator and Micrometer metrics when the host has them.
 */
package dev.casemail.messaging.spring;
