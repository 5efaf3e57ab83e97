package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.core.MessagingConfiguration;

/**
 * What an adapter's test class provides to run the contract suite: a new, empty library on the adapter
 * under test. Each call must return a library on storage that holds nothing yet (a fresh store, a
 * fresh database schema), so that tests and property tries never see each other's data.
 */
public interface MessagingFixture {

  /** A new library on empty storage of the adapter under test, built with {@code configuration}. */
  Messaging newMessaging(MessagingConfiguration configuration);

  /** A new scenario on a new, empty library with a controllable clock. */
  default World newWorld() {
    return new World(this, MessagingConfiguration.builder());
  }

  /** A new scenario on a new, empty library configured by {@code configuration} and a controllable clock. */
  default World newWorld(MessagingConfiguration.Builder configuration) {
    return new World(this, configuration);
  }
}
