package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.core.port.StorageConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prepared statements on the connection of one transaction, with the few parameter and column types
 * the schema uses. Every {@link SQLException} leaves as an {@link SqlFailure}, which
 * {@link JdbcStorage} translates at the transaction boundary.
 */
final class Sql {

  /** Reads one row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** A typed SQL NULL, for the drivers that want to know the type of a null parameter. */
  enum Null {
    TEXT(Types.VARCHAR),
    BIGINT(Types.BIGINT),
    TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE);

    final int sqlType;

    Null(int sqlType) {
      this.sqlType = sqlType;
    }
  }

  private final Connection connection;
  private final boolean readOnly;

  Sql(Connection connection, boolean readOnly) {
    this.connection = connection;
    this.readOnly = readOnly;
  }

  /** Refuses a write in a read-only transaction: a bug in the caller, never a user error. */
  void requireWritable() {
    if (readOnly) {
      throw new IllegalStateException("a read-only transaction cannot change the store");
    }
  }

  /** {@code "?, ?, ?"} for {@code count} parameters: the one builder of every {@code IN (…)} list. */
  static String marks(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    StringBuilder marks = new StringBuilder(count * 3);
    for (int i = 0; i < count; i++) {
      marks.append(i == 0 ? "?" : ", ?");
    }
    return marks.toString();
  }

  /** The parameters {@code leading}, then every one of {@code values}: for a statement with an IN list. */
  static Object[] parameters(List<?> values, Object... leading) {
    Object[] all = new Object[leading.length + values.size()];
    System.arraycopy(leading, 0, all, 0, leading.length);
    for (int i = 0; i < values.size(); i++) {
      all[leading.length + i] = values.get(i);
    }
    return all;
  }

  /**
   * Writes a row that may exist: {@code update} first, and {@code insert} with the same parameters if
   * it changed nothing. Safe without a database-specific upsert because every caller holds the lock of
   * the row's mailbox, so no one can insert it in between.
   */
  void upsert(String update, String insert, Object... parameters) {
    requireWritable();
    if (update(update, parameters) == 0) {
      update(insert, parameters);
    }
  }

  /** An update that must change exactly one row; otherwise the state the core decided on is gone. */
  void updateOne(String statement, Object... parameters) {
    requireWritable();
    int changed = update(statement, parameters);
    if (changed != 1) {
      throw new StorageConflictException(
          "expected to change one row, changed " + changed + ": " + statement);
    }
  }

  /** A batch whose every statement must change exactly one row (or report no count). */
  void batchOfOnes(String statement, List<Object[]> rows) {
    requireWritable();
    for (int count : batch(statement, rows)) {
      // SUCCESS_NO_INFO (-2) is a driver that does not count in batches
      if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
        throw new StorageConflictException(
            "expected every statement to change one row, one changed " + count + ": " + statement);
      }
    }
  }

  /**
   * The parameters one multi-row statement binds at most: well under PostgreSQL's 65,535, so that a
   * change of any size is written in as few statements as it can be.
   */
  static final int MAX_PARAMETERS_PER_STATEMENT = 30_000;

  /**
   * Runs one statement over many rows where a batch would run one per row: {@code before}, then
   * {@code row} once for each of {@code rows} (comma-separated), then {@code after}; {@code shared}
   * parameters are bound before each statement's rows. The server parses, plans and executes one
   * statement instead of one per row (a send's copies, record entries, events, receipts, folder
   * counts). A change too large for one statement is split after {@link #MAX_PARAMETERS_PER_STATEMENT}
   * parameters. Returns the rows the statements changed, summed.
   *
   * <p>{@code row} is a parenthesised list whose {@code ?} marks take one row's parameters, e.g.
   * {@code "(?, ?, NULL)"}; every row of {@code rows} has as many parameters.
   */
  int multiRow(String before, Object[] shared, String row, List<Object[]> rows, String after) {
    if (rows.isEmpty()) {
      return 0;
    }
    int width = rows.get(0).length;
    int perStatement = Math.max(1, (MAX_PARAMETERS_PER_STATEMENT - shared.length) / Math.max(1, width));
    int changed = 0;
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
      StringBuilder statement = new StringBuilder(before.length() + after.length() + chunk.size() * (row.length() + 2));
      statement.append(before);
      Object[] parameters = new Object[shared.length + chunk.size() * width];
      System.arraycopy(shared, 0, parameters, 0, shared.length);
      int next = shared.length;
      for (int i = 0; i < chunk.size(); i++) {
        Object[] values = chunk.get(i);
        if (values.length != width) {
          throw new IllegalArgumentException("rows of " + values.length + " and " + width + " parameters");
        }
        statement.append(i == 0 ? "" : ", ").append(row);
        System.arraycopy(values, 0, parameters, next, width);
        next += width;
      }
      statement.append(after);
      changed += update(statement.toString(), parameters);
    }
    return changed;
  }

  /** Inserts {@code rows} with multi-row {@code INSERT … VALUES}: {@code into} is "INSERT INTO t (a, b)". */
  int insertRows(String into, String row, List<Object[]> rows) {
    requireWritable();
    return multiRow(into + " VALUES ", new Object[0], row, rows, "");
  }

  int update(String sql, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** Runs one statement for each parameter list, as a JDBC batch; returns each one's update count. */
  int[] batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : rows) {
        bind(statement, parameters);
        statement.addBatch();
      }
      return statement.executeBatch();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  <T> List<T> query(String sql, Row<T> row, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(row.read(rows));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  <T> Optional<T> queryOne(String sql, Row<T> row, Object... parameters) {
    List<T> rows = query(sql, row, parameters);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row, got " + rows.size() + ": " + sql);
    }
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      int index = i + 1;
      if (value instanceof Null) {
        statement.setNull(index, ((Null) value).sqlType);
      } else if (value instanceof String) {
        statement.setString(index, (String) value);
      } else if (value instanceof Long) {
        statement.setLong(index, (Long) value);
      } else if (value instanceof Integer) {
        statement.setInt(index, (Integer) value);
      } else if (value instanceof Boolean) {
        statement.setBoolean(index, (Boolean) value);
      } else if (value instanceof Instant) {
        statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
      } else {
        throw new IllegalArgumentException("unsupported parameter type " + (value == null ? "null" : value.getClass()));
      }
    }
  }

  /** An instant parameter, or a typed NULL. */
  static Object instant(Optional<Instant> value) {
    return value.<Object>map(v -> v).orElse(Null.TIMESTAMP);
  }

  static Object text(Optional<String> value) {
    return value.<Object>map(v -> v).orElse(Null.TEXT);
  }

  static Object number(Optional<Long> value) {
    return value.<Object>map(v -> v).orElse(Null.BIGINT);
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value.toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
  }

  static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(value);
  }

  /** An SQLException on its way to the transaction boundary. */
  static final class SqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }

    SQLException sqlException() {
      return (SQLException) getCause();
    }
  }
}
