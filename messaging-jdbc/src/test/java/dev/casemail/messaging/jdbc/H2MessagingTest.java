package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingContract;
import dev.casemail.messaging.core.CoreMessaging;
import dev.casemail.messaging.core.port.IdGenerator;

/** The whole contract suite on H2 2.x in memory. */
class H2MessagingTest implements MessagingContract {

  @Override
  public Messaging newMessaging(MessagingConfiguration configuration, IdGenerator ids) {
    return CoreMessaging.create(new JdbcStorage(TestDatabases.freshH2()), configuration, ids);
  }
}
