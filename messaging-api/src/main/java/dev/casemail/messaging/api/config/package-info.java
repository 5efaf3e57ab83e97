/**
 * What a host sets when it builds a {@link dev.casemail.messaging.api.Messaging}: the
 * {@link dev.casemail.messaging.api.config.MessagingConfiguration} every storage adapter's factory takes
 * ({@code InMemoryMessaging.create(configuration)}, {@code JdbcMessaging.create(dataSource, configuration)}),
 * and the extension points it carries: the {@link dev.casemail.messaging.api.config.AccessPolicy} (who may
 * message whom, deciding on the {@link dev.casemail.messaging.api.config.AccessFacts} of the call), with
 * the library's {@link dev.casemail.messaging.api.config.DefaultAccessPolicy}, and the
 * {@link dev.casemail.messaging.api.config.RetryListener} for metrics.
 *
 * <p>Everything here is in terms of the API's own types ({@code ParticipantView}, {@code ParticipantId},
 * {@code AccessStatus}), so that a host configures the library and writes its own policy without
 * importing anything of {@code messaging-core}. The clock is a plain {@link java.time.Clock}: a host's
 * tests pass one they move by hand.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    typeInnerBuilder = "GeneratedBuilder",
    builder = "new")
package dev.casemail.messaging.api.config;

import org.immutables.value.Value;
