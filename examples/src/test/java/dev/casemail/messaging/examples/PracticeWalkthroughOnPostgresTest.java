package dev.casemail.messaging.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample application's other storage: given a PostgreSQL URL, user and password (as the README's
 * command passes them with -D), it migrates that database and runs there, twice, the second run
 * seeing the first's history. The server is a real PostgreSQL 17 started for this test.
 */
class PracticeWalkthroughOnPostgresTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @TempDir
  Path dataDir;

  @Test
  void runsOnTheDatabaseItsUrlNamesAndKeepsTheHistory() throws IOException {
    Properties settings = new Properties();
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    settings.setProperty(SampleDatabase.JDBC_URL, url);
    settings.setProperty(SampleDatabase.JDBC_USER, "postgres");
    settings.setProperty(SampleDatabase.JDBC_PASSWORD, "postgres");
    settings.setProperty(SampleDatabase.DATA_DIR, dataDir.toString());

    String first;
    try (SampleDatabase database = SampleDatabase.from(settings)) {
      assertThat(database.description()).isEqualTo(url);
      first = PracticeWalkthroughTest.run(database);
    }
    String second;
    try (SampleDatabase database = SampleDatabase.from(settings)) {
      second = PracticeWalkthroughTest.run(database);
    }

    assertThat(first).startsWith("A new database").contains("refused: dana.reyes may not message [sam.morgan]");
    assertThat(second).startsWith("This database already holds 9 messages in Dana's All Messages from 1 earlier run;")
        .contains("Morgan mediation  10  (10 unread)  [custom]")
        .contains("consistent with 1 earlier export; extends ");
    try (var files = Files.list(dataDir)) {
      // the data directory keeps the record key and the exports, but no H2 file next to the PostgreSQL run
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder(SampleRecordKey.PRIVATE_FILE, SampleRecordKey.PUBLIC_FILE, SampleDatabase.EXPORTS);
    }
  }
}
