package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two service instances (two pools, two stores) on one PostgreSQL schema put the same bytes at once,
 * and put and clean up the same content at once: every put succeeds, the content is kept once and
 * whole, and no chunk of a losing upload is left behind. The second instance's pool lends its
 * connections at REPEATABLE READ and without auto-commit, as a host's pool may: the store works at
 * READ COMMITTED whatever it is lent (a put that loses the race must see the winner's row).
 */
class BlobStoreAcrossInstancesTest {

  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
  private static final int THREADS = 8;
  private static final int ROUNDS = 4;

  @Test
  void twoInstancesPuttingAndCleaningUpTheSameBytesKeepThemOnceAndWhole() throws Exception {
    String schema = TestDatabases.migratedPostgresSchema();
    try (HikariDataSource one = TestDatabases.postgresPool(schema, THREADS);
        HikariDataSource other = repeatableReadPool(schema)) {
      BlobStore[] instances = {JdbcBlobStore.create(one), JdbcBlobStore.create(other)};
      for (int round = 0; round < ROUNDS; round++) {
        byte[] content = new byte[2 * JdbcBlobStore.CHUNK_SIZE + round + 1];
        new Random(round).nextBytes(content);
        Instant at = T1.plusSeconds(round);

        List<Object> puts = race(i -> () -> instances[i % 2].put(new ByteArrayInputStream(content), Long.MAX_VALUE, at));
        assertThat(puts).as("round %d", round).hasSize(THREADS).allMatch(p -> p.equals(puts.get(0)));
        StoredBlob stored = (StoredBlob) puts.get(0);
        assertKeptOnceAndWhole(one, instances[1], stored, content);

        // half put it again after the cutoff, half clean up what was stored before it
        List<Object> mixed = race(i -> () -> i % 2 == 0
            ? instances[i % 4 / 2].put(new ByteArrayInputStream(content), Long.MAX_VALUE, T2.plusSeconds(1))
            : instances[i % 4 / 2].deleteIfStoredBefore(stored.hash(), T2));
        assertThat(mixed).filteredOn(StoredBlob.class::isInstance).containsOnly(stored);
        assertKeptOnceAndWhole(one, instances[0], stored, content);
        TestSql.update(one, "DELETE FROM blob_chunks");
        TestSql.update(one, "DELETE FROM blob_contents");
      }
    }
  }

  private static HikariDataSource repeatableReadPool(String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(TestDatabases.postgres().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
    config.setMaximumPoolSize(THREADS);
    config.setMinimumIdle(0);
    config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    config.setAutoCommit(false);
    return new HikariDataSource(config);
  }

  private static void assertKeptOnceAndWhole(HikariDataSource pool, BlobStore store, StoredBlob stored, byte[] content)
      throws Exception {
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM blob_contents")).isEqualTo(1);
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM blob_chunks c WHERE NOT EXISTS"
        + " (SELECT 1 FROM blob_contents b WHERE b.upload_id = c.upload_id)")).as("orphan chunks").isZero();
    assertThat(TestSql.number(pool, "SELECT COUNT(*) FROM blob_chunks")).isEqualTo(3);
    try (InputStream in = store.open(stored.hash()).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  private static List<Object> race(java.util.function.IntFunction<Callable<Object>> task) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<Object> work = task.apply(i);
        futures.add(threads.submit(() -> {
          start.await();
          return work.call();
        }));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> future : futures) {
        results.add(future.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
