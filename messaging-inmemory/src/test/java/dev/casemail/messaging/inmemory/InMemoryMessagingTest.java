package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.contract.MessagingContract;
import dev.casemail.messaging.core.MessagingConfiguration;

/** The whole contract suite on the in-memory adapter. */
class InMemoryMessagingTest implements MessagingContract {

  @Override
  public Messaging newMessaging(MessagingConfiguration configuration) {
    return InMemoryMessaging.create(configuration);
  }
}
