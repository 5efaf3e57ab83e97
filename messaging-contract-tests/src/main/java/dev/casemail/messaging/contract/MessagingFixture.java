package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.port.TimeOrderedIdGenerator;

/**
 * What an adapter's test class provides to run the contract suite: a new, empty library on the adapter
 * under test. Each call must return a library on storage that holds nothing yet (a fresh store, a
 * fresh database schema), so that tests and property tries never see each other's data.
 *
 * <p>The id source is the core's test knob, not a host's setting (it is not in
 * {@link MessagingConfiguration}): the adapter's test passes it to
 * {@code CoreMessaging.create(storage, configuration, ids)}.
 */
public interface MessagingFixture {

  /**
   * A new library on empty storage of the adapter under test, built with {@code configuration} and
   * drawing its ids from {@code ids}.
   */
  Messaging newMessaging(MessagingConfiguration configuration, IdGenerator ids);

  /** A new library on empty storage of the adapter under test, with the library's own ids on the configuration's clock. */
  default Messaging newMessaging(MessagingConfiguration configuration) {
    return newMessaging(configuration, new TimeOrderedIdGenerator(configuration.clock()));
  }

  /** A new scenario on a new, empty library with a controllable clock. */
  default World newWorld() {
    return newWorld(MessagingConfiguration.builder());
  }

  /** A new scenario on a new, empty library configured by {@code configuration} and a controllable clock. */
  default World newWorld(MessagingConfiguration.Builder configuration) {
    return new World(configuration, this::newMessaging);
  }

  /** A new scenario as {@link #newWorld(MessagingConfiguration.Builder)}, drawing its ids from {@code ids}. */
  default World newWorld(MessagingConfiguration.Builder configuration, IdGenerator ids) {
    return new World(configuration, built -> newMessaging(built, ids));
  }
}
