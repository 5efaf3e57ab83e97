/**
 * The core of casemail messaging: the pure domain and the services implementing the API, behind the
 * ports a storage adapter implements.
 *
 * <p>Hosts do not meet this package: they configure the library with the API's
 * {@link dev.casemail.messaging.api.config.MessagingConfiguration} (the clock, the access policy, the
 * limits and the record's keys a storage adapter's factory accepts). Adapter authors implement
 * {@link dev.casemail.messaging.core.port.Storage} and the ports it hands out, and pass the result to
 * {@link dev.casemail.messaging.core.CoreMessaging#create}; the id source
 * ({@link dev.casemail.messaging.core.port.IdGenerator}) is a knob for the library's own tests, reached
 * only through {@code CoreMessaging}.
 *
 * <p>Packages by concept ({@code participant}, {@code access}, {@code message}, {@code folder},
 * {@code mailbox}, {@code draft}, {@code autoresponder}) hold each concept's model, its rules and the
 * storage port it needs; {@code port} holds the cross-cutting ports (transactions, ids);
 * {@code application} holds the services that run each API call as one transaction.
 */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package dev.casemail.messaging.core;

import org.immutables.value.Value;
