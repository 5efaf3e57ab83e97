package dev.casemail.messaging.core;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.application.MessagingService;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.TimeOrderedIdGenerator;
import java.util.Objects;

/**
 * Builds the library on a storage adapter. Adapter modules call it from their public factory, which
 * takes the host's {@link MessagingConfiguration} (an API type).
 *
 * <p>The id source is not part of that configuration: a host has no need to choose ids, and the rules
 * an {@link IdGenerator} must keep are the core's. It is a knob for the library's own tests (predictable
 * ids, an id source that repeats itself), reached through {@link #create(Storage, MessagingConfiguration,
 * IdGenerator)} from an adapter's tests, which live in the adapter's package.
 */
public final class CoreMessaging {

  private CoreMessaging() {}

  /** The library on {@code storage}, configured by {@code configuration}, with time-ordered ids on its clock. */
  public static Messaging create(Storage storage, MessagingConfiguration configuration) {
    Objects.requireNonNull(configuration, "configuration");
    return create(storage, configuration, new TimeOrderedIdGenerator(configuration.clock()));
  }

  /** The library on {@code storage}, configured by {@code configuration}, with ids from {@code ids}. */
  public static Messaging create(Storage storage, MessagingConfiguration configuration, IdGenerator ids) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(ids, "ids");
    return new MessagingService(storage, configuration, ids);
  }
}
