package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.contract.MessagingContract;
import dev.casemail.messaging.core.CoreMessaging;
import dev.casemail.messaging.core.port.IdGenerator;
import javax.sql.DataSource;

/** The whole contract suite on H2 2.x in memory. */
class H2MessagingTest implements MessagingContract {

  /** The database of the blob store made for the next library, which it shares as JdbcMessaging's default does. */
  private DataSource next;

  @Override
  public Messaging newMessaging(MessagingConfiguration configuration, IdGenerator ids) {
    DataSource database = next != null ? next : TestDatabases.freshH2();
    next = null;
    return CoreMessaging.create(new JdbcStorage(database), configuration, ids);
  }

  @Override
  public BlobStore newBlobStore() {
    next = TestDatabases.freshH2();
    return JdbcBlobStore.create(next);
  }
}
