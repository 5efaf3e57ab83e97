package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A put, a touch and a delete of {@link JdbcBlobStore} are all or nothing: for each k, the k-th
 * statement (or the commit) of the call fails with a plain SQL error ({@link FailingDataSource}), and
 * the test proves that the caller gets a {@link StorageException}, that no chunk and no content row
 * is left of a failed put and nothing changed of what was kept, read row by row, and that the same
 * call then succeeds. A failure after the commit (the connection failing as it is given back) is
 * reported too, and what was kept is whole.
 */
class BlobStoreAtomicityTest {

  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant T3 = Instant.parse("2026-03-03T10:00:00Z");

  /** Three chunks, the last of one byte. */
  private static final byte[] CONTENT = bytes(1, 2 * JdbcBlobStore.CHUNK_SIZE + 1);

  enum Database {
    POSTGRES(TestDatabases::freshPostgres),
    H2(TestDatabases::freshH2);

    private final Supplier<DataSource> fresh;

    Database(Supplier<DataSource> fresh) {
      this.fresh = fresh;
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aPutOfNewContentFailingAtAnyStatementOrItsCommitLeavesNoChunkAndNoContent(Database database) {
    int events = countEvents(database, store -> store.put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1));
    assertThat(events).as("3 chunks, the touch, the content row, the commit").isEqualTo(6);

    for (int k = 1; k <= events; k++) {
      DataSource plain = database.fresh.get();
      FailingDataSource failing = new FailingDataSource(plain);
      failing.failAt(k);

      Throwable thrown = catchThrowable(
          () -> JdbcBlobStore.create(failing).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1));

      assertThat(failing.fired()).as("event %d fired", k).isTrue();
      assertInjected(thrown, k);
      assertThat(TestSql.number(plain, "SELECT COUNT(*) FROM blob_chunks")).as("chunks after failure %d", k).isZero();
      assertThat(TestSql.number(plain, "SELECT COUNT(*) FROM blob_contents")).as("contents after failure %d", k).isZero();

      StoredBlob stored = JdbcBlobStore.create(failing).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1);
      assertWhole(plain, stored, T1);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aPutOfKeptContentFailingAtAnyStatementOrItsCommitNeitherTouchesNorDamagesIt(Database database) {
    int events = countEvents(database, store -> {
      store.put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1);
      return null;
    }, store -> store.put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T3));
    assertThat(events).as("3 chunks, the touch, dropping the new chunks, the commit").isEqualTo(6);

    for (int k = 1; k <= events; k++) {
      DataSource plain = database.fresh.get();
      StoredBlob kept = JdbcBlobStore.create(plain).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1);
      FailingDataSource failing = new FailingDataSource(plain);
      failing.failAt(k);

      Throwable thrown = catchThrowable(
          () -> JdbcBlobStore.create(failing).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T3));

      assertInjected(thrown, k);
      assertWhole(plain, kept, T1);

      JdbcBlobStore.create(failing).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T3);
      assertWhole(plain, kept, T3);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aDeleteFailingAtAnyStatementOrItsCommitDeletesNothing(Database database) {
    int events = countEvents(database,
        store -> store.put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1),
        store -> store.deleteIfStoredBefore(ContentHash.ofDigest(sha256(CONTENT)), T2));
    assertThat(events).as("the lock, two deletes, the commit").isEqualTo(4);

    for (int k = 1; k <= events; k++) {
      DataSource plain = database.fresh.get();
      StoredBlob kept = JdbcBlobStore.create(plain).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1);
      FailingDataSource failing = new FailingDataSource(plain);
      failing.failAt(k);

      Throwable thrown = catchThrowable(() -> JdbcBlobStore.create(failing).deleteIfStoredBefore(kept.hash(), T2));

      assertInjected(thrown, k);
      assertWhole(plain, kept, T1);

      assertThat(JdbcBlobStore.create(failing).deleteIfStoredBefore(kept.hash(), T2)).isTrue();
      assertThat(TestSql.number(plain, "SELECT COUNT(*) FROM blob_chunks")).isZero();
      assertThat(TestSql.number(plain, "SELECT COUNT(*) FROM blob_contents")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFailureAfterTheCommitIsReportedAndWhatWasKeptIsWhole(Database database) {
    DataSource plain = database.fresh.get();
    DataSource failingOnClose = new FailingOnClose(plain);

    Throwable thrown = catchThrowable(
        () -> JdbcBlobStore.create(failingOnClose).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1));

    assertThat(thrown).isInstanceOf(StorageException.class).hasRootCauseMessage("the connection broke as it was given back");
    assertWhole(plain, new StoredBlob(ContentHash.ofDigest(sha256(CONTENT)), CONTENT.length), T1);
    // the caller retries, as a StorageException invites: content-addressed, the retry only touches it
    StoredBlob again = JdbcBlobStore.create(plain).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T3);
    assertWhole(plain, again, T3);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aReadFailingIsAStorageException(Database database) throws IOException {
    DataSource plain = database.fresh.get();
    StoredBlob kept = JdbcBlobStore.create(plain).put(new ByteArrayInputStream(CONTENT), Long.MAX_VALUE, T1);
    FailingDataSource failing = new FailingDataSource(plain);
    BlobStore store = JdbcBlobStore.create(failing);

    failing.failAt(1);
    assertInjected(catchThrowable(() -> store.open(kept.hash())), 1);
    failing.failAt(1);
    assertInjected(catchThrowable(() -> store.contains(kept.hash())), 1);
    failing.failAt(1);
    assertInjected(catchThrowable(() -> store.storedBefore(T2, 10)), 1);

    failing.countOnly();
    try (InputStream in = store.open(kept.hash()).orElseThrow()) {
      in.readNBytes(JdbcBlobStore.CHUNK_SIZE); // the first chunk
      failing.failAt(1);
      assertInjected(catchThrowable(in::read), 1);
    }
  }

  // helpers -----------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Call {
    Object on(BlobStore store);
  }

  /** How many statements and commits {@code call} runs, after {@code before}, on a fresh database. */
  private static int countEvents(Database database, Call before, Call call) {
    DataSource plain = database.fresh.get();
    before.on(JdbcBlobStore.create(plain));
    FailingDataSource counting = new FailingDataSource(plain);
    counting.countOnly();
    call.on(JdbcBlobStore.create(counting));
    return counting.events();
  }

  private static int countEvents(Database database, Call call) {
    return countEvents(database, store -> null, call);
  }

  private static void assertInjected(Throwable thrown, int k) {
    assertThat(thrown).as("failure at event %d", k).isInstanceOf(StorageException.class);
    Throwable cause = thrown;
    while (cause.getCause() != null && !(cause instanceof FailingDataSource.InjectedFailure)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("the injected failure behind event %d", k).isInstanceOf(FailingDataSource.InjectedFailure.class);
  }

  /** {@code blob} is kept once, whole, last stored at {@code at}, with no chunk of any other upload. */
  private static void assertWhole(DataSource plain, StoredBlob blob, Instant at) {
    List<List<Object>> contents = TestSql.rows(plain,
        "SELECT content_hash, size_bytes, chunk_count, upload_id FROM blob_contents");
    assertThat(contents).hasSize(1);
    assertThat(contents.get(0).get(0)).isEqualTo(blob.hash().hex());
    assertThat(((Number) contents.get(0).get(1)).longValue()).isEqualTo(CONTENT.length);
    assertThat(((Number) contents.get(0).get(2)).intValue()).isEqualTo(3);
    assertThat(TestSql.column(plain, "SELECT DISTINCT upload_id FROM blob_chunks"))
        .as("no chunk of another upload is left")
        .containsExactly((String) contents.get(0).get(3));
    assertThat(TestSql.number(plain, "SELECT COUNT(*) FROM blob_chunks")).isEqualTo(3);
    BlobStore store = JdbcBlobStore.create(plain);
    assertThat(store.storedBefore(at, 10)).as("not before %s", at).isEmpty();
    assertThat(store.storedBefore(at.plusMillis(1), 10)).as("last stored at %s", at).containsExactly(blob.hash());
    try (InputStream in = store.open(blob.hash()).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(CONTENT);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A data source whose connections fail as they are closed, after the real close: a failure after
   * every commit. (Reads close their connections too: use it for one put only.)
   */
  private static final class FailingOnClose implements DataSource {
    private final DataSource delegate;

    FailingOnClose(DataSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = delegate.getConnection();
      return (Connection) Proxy.newProxyInstance(FailingOnClose.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, arguments) -> {
            Object result;
            try {
              result = method.invoke(real, arguments);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (method.getName().equals("close")) {
              throw new SQLException("the connection broke as it was given back", "08006");
            }
            return result;
          });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLException("not used");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("does not unwrap");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
