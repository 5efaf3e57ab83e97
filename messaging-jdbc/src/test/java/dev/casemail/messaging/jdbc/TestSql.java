package dev.casemail.messaging.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC for the tests that look into the tables behind the API's back: each call on its own
 * connection in auto-commit, every row as a list of column values.
 */
final class TestSql {

  private TestSql() {}

  static List<List<Object>> rows(DataSource dataSource, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet result = statement.executeQuery()) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The first column of every row, as text. */
  static List<String> column(DataSource dataSource, String sql, Object... parameters) {
    List<String> values = new ArrayList<>();
    for (List<Object> row : rows(dataSource, sql, parameters)) {
      values.add(String.valueOf(row.get(0)));
    }
    return values;
  }

  /** A query of one row and one number. */
  static long number(DataSource dataSource, String sql, Object... parameters) {
    List<List<Object>> rows = rows(dataSource, sql, parameters);
    if (rows.size() != 1) {
      throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
    }
    return ((Number) rows.get(0).get(0)).longValue();
  }

  static int update(DataSource dataSource, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        Object value = parameters[i];
        statement.setObject(
            i + 1, value instanceof Instant ? OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC) : value);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
