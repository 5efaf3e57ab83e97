package dev.casemail.messaging.core;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.core.application.MessagingService;
import dev.casemail.messaging.core.port.Storage;
import java.util.Objects;

/** Builds the library on a storage adapter. Adapter modules call it from their public factory. */
public final class CoreMessaging {

  private CoreMessaging() {}

  /** The library on {@code storage}, configured by {@code configuration}. */
  public static Messaging create(Storage storage, MessagingConfiguration configuration) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(configuration, "configuration");
    return new MessagingService(storage, configuration);
  }
}
