package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.contract.MessagingContract;
import dev.casemail.messaging.core.MessagingConfiguration;

/** The whole contract suite on H2 2.x in memory. */
class H2MessagingTest implements MessagingContract {

  @Override
  public Messaging newMessaging(MessagingConfiguration configuration) {
    return JdbcMessaging.create(TestDatabases.freshH2(), configuration);
  }
}
