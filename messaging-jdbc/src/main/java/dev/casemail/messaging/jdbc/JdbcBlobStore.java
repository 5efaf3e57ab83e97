package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} on the library's database (PostgreSQL or H2, the tables of migration 9, which
 * {@link JdbcMessaging#migrate} applies): content in rows of at most 256 KiB, one row per content
 * naming its chunks.
 *
 * <pre>{@code
 * JdbcMessaging.migrate(dataSource);
 * BlobStore blobs = JdbcBlobStore.create(dataSource);
 * }</pre>
 *
 * <p><b>Putting.</b> One transaction at READ COMMITTED: the chunks are inserted one statement each
 * (never a batch, which the PostgreSQL driver would hold in memory whole) under a new provisional
 * upload id while the bytes are hashed; then the content is published by one row in
 * {@code blob_contents} naming its hash and that upload. When the hash is kept already, the
 * existing row's time of last storing is touched and the new chunks are deleted in the same
 * transaction. Two puts of the same bytes at once (on one instance or on several) both succeed: the
 * second one's insert waits for the first to commit, fails on the key, rolls back to a savepoint and
 * touches the first one's row. Any failure rolls the whole transaction back: nothing is kept, and
 * the chunks of a failed put never outlive it. A put holds one connection for as long as it reads its
 * stream: a slow uploader holds a pooled connection, so size the pool for the uploads the host runs
 * at once.
 *
 * <p><b>Reading.</b> {@link #open} reads the content row, then its stream fetches one chunk per query
 * on a connection borrowed for that query only: it holds at most one chunk and no connection between
 * reads, and closing it releases the chunk. A chunk deleted while the stream is read (the clean-up
 * removed the content meanwhile) ends the read with a {@link StorageException}, as does any failure
 * of the database while reading. The stream hashes what it hands out: at its end, bytes that no
 * longer match their hash or their size (changed behind the store's back) fail the read with a
 * {@link StorageException}.
 *
 * <p><b>Times</b> are kept to the microsecond, truncated, like every instant of the schema.
 *
 * <p><b>Citus.</b> Content is shared across mailboxes, so neither table is keyed by mailbox owner. They
 * are distributed tables, not reference tables (a reference table is copied to every node, and
 * attachments are the bulk of the data): {@code blob_contents} by {@code content_hash},
 * {@code blob_chunks} by {@code upload_id}. Every statement but {@link #storedBefore} (the clean-up's
 * listing, over every shard) names its table's distribution column, so each runs on one shard; a put
 * or a delete is one distributed transaction over two shards.
 *
 * <p>SQL failures are thrown as {@link StorageException}. Thread-safe.
 */
public final class JdbcBlobStore implements BlobStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcBlobStore.class);

  /** The most bytes of one chunk row: 256 KiB. */
  static final int CHUNK_SIZE = 256 * 1024;

  private static final String LIMIT = "attachmentSize";
  private static final String UNIQUE_VIOLATION = "23505";
  /** Attempts to publish when concurrent puts and clean-ups of the same hash keep crossing. */
  private static final int PUBLISH_ATTEMPTS = 10;

  private static final String INSERT_CHUNK =
      "INSERT INTO blob_chunks (upload_id, chunk_index, bytes) VALUES (?, ?, ?)";
  private static final String TOUCH =
      "UPDATE blob_contents SET last_stored_at = ? WHERE content_hash = ?";
  private static final String INSERT_CONTENT =
      "INSERT INTO blob_contents (content_hash, upload_id, size_bytes, chunk_count, last_stored_at)"
          + " VALUES (?, ?, ?, ?, ?)";
  private static final String DELETE_CHUNKS = "DELETE FROM blob_chunks WHERE upload_id = ?";
  private static final String FIND_CONTENT =
      "SELECT upload_id, size_bytes, chunk_count FROM blob_contents WHERE content_hash = ?";
  private static final String READ_CHUNK =
      "SELECT bytes FROM blob_chunks WHERE upload_id = ? AND chunk_index = ?";
  private static final String STORED_BEFORE =
      "SELECT content_hash FROM blob_contents WHERE last_stored_at < ? FETCH FIRST ? ROWS ONLY";
  private static final String LOCK_IF_STORED_BEFORE =
      "SELECT upload_id FROM blob_contents WHERE content_hash = ? AND last_stored_at < ? FOR UPDATE";
  private static final String DELETE_CONTENT = "DELETE FROM blob_contents WHERE content_hash = ?";

  private final DataSource dataSource;
  private final int chunkSize;
  /**
   * The isolation level the data source lends its connections at, learnt from the first one (asking a
   * PostgreSQL connection is a round trip; a pool lends every connection alike); -1 until then.
   */
  private volatile int lentIsolation = -1;

  private JdbcBlobStore(DataSource dataSource, int chunkSize) {
    this.dataSource = dataSource;
    this.chunkSize = chunkSize;
  }

  /**
   * The store on {@code dataSource}, whose schema {@link JdbcMessaging#migrate} has migrated (it may be
   * the data source of the library itself).
   */
  public static JdbcBlobStore create(DataSource dataSource) {
    return new JdbcBlobStore(Objects.requireNonNull(dataSource, "dataSource"), CHUNK_SIZE);
  }

  /**
   * Reads and keeps {@code content} as {@link BlobStore#put} says, in one transaction holding one
   * connection while the stream is read.
   *
   * @throws InvalidInputException when {@code maxBytes} is negative
   * @throws LimitExceededException (limit {@code "attachmentSize"}) past {@code maxBytes}
   * @throws UncheckedIOException when reading {@code content} fails
   * @throws StorageException when the database fails; nothing was kept
   */
  @Override
  public StoredBlob put(InputStream content, long maxBytes, Instant at) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(at, "at");
    if (maxBytes < 0) {
      throw new InvalidInputException("maxBytes", "the most bytes of a content is at least 0");
    }
    Instant storedAt = at.truncatedTo(ChronoUnit.MICROS);
    String upload = UUID.randomUUID().toString();
    return inTransaction(connection -> {
      Written written = writeChunks(connection, upload, content, maxBytes);
      publish(connection, upload, written, storedAt);
      return new StoredBlob(written.hash(), written.size());
    }, "could not store content");
  }

  /** What was written of an upload. */
  private record Written(ContentHash hash, long size, int chunks) {}

  private Written writeChunks(Connection connection, String upload, InputStream content, long maxBytes)
      throws SQLException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[chunkSize];
    long size = 0;
    int chunks = 0;
    try (PreparedStatement insert = connection.prepareStatement(INSERT_CHUNK)) {
      while (true) {
        long allowed = maxBytes - size;
        // read one byte past the limit at most, and stop there
        int wanted = allowed >= chunkSize ? chunkSize : (int) allowed + 1;
        int filled = fill(content, buffer, wanted);
        if (size + filled > maxBytes) {
          throw new LimitExceededException(
              LIMIT, "the content has more than " + maxBytes + " bytes", Optional.empty());
        }
        if (filled == 0) {
          break;
        }
        sha256.update(buffer, 0, filled);
        insert.setString(1, upload);
        insert.setInt(2, chunks);
        insert.setBytes(3, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled));
        insert.executeUpdate();
        size += filled;
        chunks++;
        if (filled < wanted) {
          break; // the stream ended
        }
      }
    }
    return new Written(ContentHash.ofDigest(sha256.digest()), size, chunks);
  }

  /** Reads into {@code buffer} until {@code wanted} bytes or the end of {@code content}. */
  private static int fill(InputStream content, byte[] buffer, int wanted) {
    int filled = 0;
    try {
      while (filled < wanted) {
        int read = content.read(buffer, filled, wanted - filled);
        if (read < 0) {
          break;
        }
        filled += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the content", e);
    }
    return filled;
  }

  /**
   * Publishes the upload under its hash, or touches the content kept under it already and drops the
   * upload's chunks.
   */
  private static void publish(Connection connection, String upload, Written written, Instant storedAt)
      throws SQLException {
    String hash = written.hash().hex();
    for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
      if (update(connection, TOUCH, storedAt, hash) == 1) {
        update(connection, DELETE_CHUNKS, upload);
        return;
      }
      Savepoint beforeInsert = connection.setSavepoint();
      try {
        update(connection, INSERT_CONTENT, hash, upload, written.size(), written.chunks(), storedAt);
        connection.releaseSavepoint(beforeInsert);
        return;
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        // a concurrent put of the same bytes committed first: touch its row on the next turn
        connection.rollback(beforeInsert);
        LOG.debug("content {} was published concurrently; touching it instead", hash);
      }
    }
    throw new SQLException("content " + hash + " could not be published: concurrent puts and deletes kept crossing");
  }

  /**
   * The content kept under {@code hash}, read chunk by chunk, one short query each on a connection
   * borrowed for that query only.
   *
   * @throws StorageException when the database fails (also from the stream's reads)
   */
  @Override
  public Optional<InputStream> open(ContentHash hash) {
    Objects.requireNonNull(hash, "hash");
    Optional<Content> content = query(connection -> {
      try (PreparedStatement find = prepare(connection, FIND_CONTENT, hash.hex());
          ResultSet row = find.executeQuery()) {
        return row.next()
            ? Optional.of(new Content(row.getString(1), row.getLong(2), row.getInt(3)))
            : Optional.<Content>empty();
      }
    }, "could not open content");
    return content.map(found -> new ChunkStream(hash, found));
  }

  /** Where a content's chunks are. */
  private record Content(String upload, long size, int chunks) {}

  /**
   * @throws StorageException when the database fails
   */
  @Override
  public boolean contains(ContentHash hash) {
    Objects.requireNonNull(hash, "hash");
    return query(connection -> {
      try (PreparedStatement find = prepare(connection, FIND_CONTENT, hash.hex());
          ResultSet row = find.executeQuery()) {
        return row.next();
      }
    }, "could not look for content");
  }

  /**
   * @throws InvalidInputException when {@code limit} is negative
   * @throws StorageException when the database fails
   */
  @Override
  public List<ContentHash> storedBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    if (limit < 0) {
      throw new InvalidInputException("limit", "a limit is at least 0");
    }
    if (limit == 0) {
      return List.of();
    }
    return query(connection -> {
      try (PreparedStatement find = prepare(connection, STORED_BEFORE, cutoff, limit);
          ResultSet rows = find.executeQuery()) {
        List<ContentHash> hashes = new ArrayList<>();
        while (rows.next()) {
          hashes.add(ContentHash.of(rows.getString(1)));
        }
        return List.copyOf(hashes);
      }
    }, "could not list content");
  }

  /**
   * Deletes the content row and its chunks in one transaction, having locked the row only if it is
   * still before {@code cutoff}: a put of the same bytes at the same moment either touched the row
   * first (kept) or waits and then publishes its own upload anew.
   *
   * @throws StorageException when the database fails; nothing was deleted
   */
  @Override
  public boolean deleteIfStoredBefore(ContentHash hash, Instant cutoff) {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(cutoff, "cutoff");
    return inTransaction(connection -> {
      String upload;
      try (PreparedStatement lock = prepare(connection, LOCK_IF_STORED_BEFORE, hash.hex(), cutoff);
          ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          return false;
        }
        upload = row.getString(1);
      }
      update(connection, DELETE_CONTENT, hash.hex());
      update(connection, DELETE_CHUNKS, upload);
      return true;
    }, "could not delete content");
  }

  // transactions -----------------------------------------------------------------------------------

  /** Work on the connection of one transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction at READ COMMITTED (so that a touch after losing a race sees
   * the winner's row), and gives the connection back as it was lent.
   */
  private <T> T inTransaction(Work<T> work, String failure) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int lent = lentIsolation;
      if (lent < 0) {
        lent = connection.getTransactionIsolation();
        lentIsolation = lent;
      }
      try {
        if (autoCommit) {
          connection.setAutoCommit(false);
        }
        if (lent != Connection.TRANSACTION_READ_COMMITTED) {
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        T result;
        try {
          result = work.on(connection);
          connection.commit();
        } catch (RuntimeException | Error | SQLException e) {
          rollback(connection, e);
          throw e;
        }
        return result;
      } finally {
        restore(connection, autoCommit, lent);
      }
    } catch (SQLException e) {
      throw storageFailure(failure, e);
    }
  }

  /** Runs {@code work}, a read, on a connection borrowed for it, ending any transaction it opened. */
  private <T> T query(Work<T> work, String failure) {
    try (Connection connection = dataSource.getConnection()) {
      T result = work.on(connection);
      if (!connection.getAutoCommit()) {
        connection.rollback(); // a read changed nothing; end the transaction the pool's setting opened
      }
      return result;
    } catch (SQLException e) {
      throw storageFailure(failure, e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        connection.setTransactionIsolation(isolation);
      }
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.debug("could not restore the connection's settings", e);
    }
  }

  private static StorageException storageFailure(String what, SQLException e) {
    return new StorageException(what + " (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
  }

  private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        Object value = parameters[i];
        if (value instanceof String text) {
          statement.setString(i + 1, text);
        } else if (value instanceof Long number) {
          statement.setLong(i + 1, number);
        } else if (value instanceof Integer number) {
          statement.setInt(i + 1, number);
        } else if (value instanceof Instant instant) {
          statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
          throw new IllegalArgumentException("unsupported parameter " + value);
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * A content's bytes, one chunk fetched at a time, hashed as they are read: at its end, bytes that no
   * longer match their hash or their size (changed behind the store's back) fail the read.
   */
  private final class ChunkStream extends InputStream {
    private final ContentHash hash;
    private final Content content;
    private final MessageDigest sha256 = sha256();
    private long read;
    private int next;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean closed;
    private boolean verified;

    ChunkStream(ContentHash hash, Content content) {
      this.hash = hash;
      this.content = content;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, target.length);
      if (closed) {
        throw new IOException("the content's stream is closed");
      }
      if (length == 0) {
        return 0;
      }
      if (position == chunk.length) {
        if (next == content.chunks()) {
          verify();
          return -1;
        }
        chunk = fetch(next);
        position = 0;
        next++;
      }
      int count = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, target, offset, count);
      sha256.update(chunk, position, count);
      position += count;
      read += count;
      return count;
    }

    private void verify() {
      if (verified) {
        return;
      }
      if (read != content.size() || !MessageDigest.isEqual(sha256.digest(), hash.digest())) {
        throw new StorageException("the bytes kept under " + hash + " were changed: they no longer match their hash"
            + " or their size (" + read + " bytes read, " + content.size() + " kept)", null);
      }
      verified = true;
    }

    @Override
    public int available() {
      return chunk.length - position;
    }

    private byte[] fetch(int index) {
      byte[] bytes = query(connection -> {
        try (PreparedStatement find = prepare(connection, READ_CHUNK, content.upload(), index);
            ResultSet row = find.executeQuery()) {
          return row.next() ? row.getBytes(1) : null;
        }
      }, "could not read content");
      if (bytes == null || bytes.length == 0) {
        throw new StorageException(
            "chunk " + index + " of the content is missing: it was deleted while it was read", null);
      }
      return bytes;
    }

    @Override
    public void close() {
      closed = true;
      chunk = new byte[0];
      position = 0;
    }
  }
}
