package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingContract;
import dev.casemail.messaging.core.CoreMessaging;
import dev.casemail.messaging.core.port.IdGenerator;

/** The whole contract suite on the in-memory adapter. */
class InMemoryMessagingTest implements MessagingContract {

  @Override
  public Messaging newMessaging(MessagingConfiguration configuration, IdGenerator ids) {
    return CoreMessaging.create(new InMemoryStorage(), configuration, ids);
  }

  @Override
  public BlobStore newBlobStore() {
    return new InMemoryBlobStore();
  }
}
