package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.contract.MessagingContract;
import dev.casemail.messaging.core.MessagingConfiguration;

/** The whole contract suite on PostgreSQL 17 (embedded, started by the build). */
class PostgresMessagingTest implements MessagingContract {

  @Override
  public Messaging newMessaging(MessagingConfiguration configuration) {
    return JdbcMessaging.create(TestDatabases.freshPostgres(), configuration);
  }
}
