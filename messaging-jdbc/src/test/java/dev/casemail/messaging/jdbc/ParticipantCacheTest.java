package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.StorageException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC adapter remembers participants it has read, to spare a query on every send. It may only
 * remember what was committed: a registration whose transaction failed must stay unknown, and a
 * participant another service instance registered must be found.
 */
class ParticipantCacheTest {

  private static final ParticipantId PARENT = ParticipantId.of("parent");

  @Test
  void aRegistrationWhoseCommitFailedIsNotRemembered() {
    FailingDataSource database = new FailingDataSource(TestDatabases.freshH2());
    Messaging messaging = JdbcMessaging.create(database);
    database.countOnly();
    messaging.directory().register(ParticipantRegistration.practitioner(ParticipantId.of("counting"), "Counting"));
    int commit = database.events(); // the registration's last event is its commit

    database.failAt(commit);
    assertThatThrownBy(() -> messaging.directory().register(ParticipantRegistration.parent(PARENT, "Parent")))
        .isInstanceOf(StorageException.class);
    database.countOnly();

    assertThatThrownBy(() -> messaging.directory().participant(PARENT)).isInstanceOf(NotFoundException.class);
    assertThat(messaging.directory().register(ParticipantRegistration.parent(PARENT, "Parent")).displayName())
        .isEqualTo("Parent");
    assertThat(messaging.directory().participant(PARENT).displayName()).isEqualTo("Parent");
  }

  @Test
  void aParticipantRegisteredThroughAnotherInstanceIsFound() {
    DataSource database = TestDatabases.freshH2();
    Messaging first = JdbcMessaging.create(database);
    Messaging second = JdbcMessaging.create(database);

    assertThatThrownBy(() -> second.directory().participant(PARENT)).isInstanceOf(NotFoundException.class);
    first.directory().register(ParticipantRegistration.parent(PARENT, "Parent"));

    assertThat(second.directory().participant(PARENT).displayName()).isEqualTo("Parent");
  }
}
