package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How JdbcBlobStore's streams use the database: one chunk per query, no connection held between
 * reads, and a content deleted while it is read ends the read with an error, never a silent short
 * read.
 */
class BlobStreamTest {

  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void aHalfReadStreamHoldsNoConnection() throws IOException {
    String schema = TestDatabases.migratedPostgresSchema();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(TestDatabases.postgres().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(2_000); // a held connection fails the put below in 2 s
    try (HikariDataSource onlyOne = new HikariDataSource(config)) {
      BlobStore store = JdbcBlobStore.create(onlyOne);
      byte[] first = bytes(1, 3 * JdbcBlobStore.CHUNK_SIZE);
      byte[] second = bytes(2, 2 * JdbcBlobStore.CHUNK_SIZE);
      StoredBlob kept = store.put(new ByteArrayInputStream(first), Long.MAX_VALUE, T1);

      try (InputStream in = store.open(kept.hash()).orElseThrow()) {
        byte[] start = in.readNBytes(JdbcBlobStore.CHUNK_SIZE + 1); // two chunks fetched
        StoredBlob other = store.put(new ByteArrayInputStream(second), Long.MAX_VALUE, T1);
        assertThat(store.contains(other.hash())).isTrue();
        byte[] rest = in.readAllBytes();
        assertThat(start.length + rest.length).isEqualTo(first.length);
        assertThat(Arrays.copyOfRange(first, start.length, first.length)).isEqualTo(rest);
      }
    }
  }

  @Test
  void aContentDeletedWhileReadEndsTheReadWithAStorageException() throws IOException {
    BlobStore store = JdbcBlobStore.create(TestDatabases.freshH2());
    byte[] content = bytes(3, 3 * JdbcBlobStore.CHUNK_SIZE);
    StoredBlob kept = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, T1);

    try (InputStream in = store.open(kept.hash()).orElseThrow()) {
      assertThat(in.readNBytes(JdbcBlobStore.CHUNK_SIZE)).hasSize(JdbcBlobStore.CHUNK_SIZE);
      assertThat(store.deleteIfStoredBefore(kept.hash(), T2)).isTrue();
      assertThatThrownBy(in::readAllBytes).isInstanceOf(StorageException.class).hasMessageContaining("deleted");
    }
  }

  @Test
  void bytesChangedBehindTheStoresBackFailTheReadAtItsEnd() throws IOException {
    javax.sql.DataSource database = TestDatabases.freshH2();
    BlobStore store = JdbcBlobStore.create(database);
    byte[] content = bytes(5, 2 * JdbcBlobStore.CHUNK_SIZE + 7);
    StoredBlob kept = store.put(new ByteArrayInputStream(content), Long.MAX_VALUE, T1);
    byte[] forged = bytes(6, 7);
    try (java.sql.Connection connection = database.getConnection();
        java.sql.PreparedStatement change = connection.prepareStatement(
            "UPDATE blob_chunks SET bytes = ? WHERE chunk_index = 2")) {
      change.setBytes(1, forged);
      assertThat(change.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }

    try (InputStream in = store.open(kept.hash()).orElseThrow()) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(StorageException.class).hasMessageContaining("changed");
    }
    TestSql.update(database, "UPDATE blob_contents SET size_bytes = size_bytes + 1");
    try (InputStream in = store.open(kept.hash()).orElseThrow()) {
      assertThatThrownBy(in::readAllBytes).as("a size that does not match").isInstanceOf(StorageException.class);
    }
  }

  @Test
  void aClosedStreamRefusesToRead() throws IOException {
    BlobStore store = JdbcBlobStore.create(TestDatabases.freshH2());
    StoredBlob kept = store.put(new ByteArrayInputStream(bytes(4, 10)), Long.MAX_VALUE, T1);
    InputStream in = store.open(kept.hash()).orElseThrow();
    in.close();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class);
  }

  private static byte[] bytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
