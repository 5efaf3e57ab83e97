package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.CoreMessaging;

/**
 * The library on plain Java collections. Thread-safe: every operation is atomic and isolated (one
 * writer at a time, readers in parallel). Nothing survives the JVM; use it for tests, demos and
 * single-process embedding, and the JDBC adapter for production.
 *
 * <pre>{@code
 * Messaging messaging = InMemoryMessaging.create();
 * }</pre>
 */
public final class InMemoryMessaging {

  private InMemoryMessaging() {}

  /** A new, empty library with the production defaults (system clock, default access policy). */
  public static Messaging create() {
    return create(MessagingConfiguration.defaults());
  }

  /**
   * A new, empty library configured by the host: its clock, access policy, limits and record keys
   * ({@link MessagingConfiguration}, in {@code messaging-api}). Attachments' bytes go to the
   * configuration's blob store, or to a new {@link InMemoryBlobStore} when it names none.
   */
  public static Messaging create(MessagingConfiguration configuration) {
    return CoreMessaging.create(new InMemoryStorage(), withBlobStore(configuration));
  }

  /** {@code configuration} with its blob store, or a new {@link InMemoryBlobStore} when it has none. */
  static MessagingConfiguration withBlobStore(MessagingConfiguration configuration) {
    if (configuration.blobStore().isPresent()) {
      return configuration;
    }
    return MessagingConfiguration.builder().from(configuration).blobStore(new InMemoryBlobStore()).build();
  }
}
