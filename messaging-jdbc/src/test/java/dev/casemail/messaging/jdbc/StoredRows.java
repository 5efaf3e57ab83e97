package dev.casemail.messaging.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every row of every table of the library's schema, read straight from the database, table by table
 * and in primary key order, so that two reads compare as plain values: nothing half-written can hide
 * behind what the API shows. Flyway's history table is left out (it is not the library's state, and
 * it records when each database was migrated).
 *
 * <p>The tables and their keys are learnt once from the schema's metadata, and the same reader then
 * serves every database migrated alike.
 */
final class StoredRows {

  /** Table name (lower case) to the query that reads all its rows in primary key order. */
  private final Map<String, String> queries;

  private StoredRows(Map<String, String> queries) {
    this.queries = queries;
  }

  /** Learns the tables and their keys from the schema behind {@code dataSource}. */
  static StoredRows ofSchema(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, String> queries = new TreeMap<>();
      for (String table : tables(connection)) {
        List<String> key = primaryKey(connection.getMetaData(), connection.getSchema(), table);
        queries.put(
            table.toLowerCase(Locale.ROOT),
            "SELECT * FROM \"" + table + "\" ORDER BY \"" + String.join("\", \"", key) + "\"");
      }
      return new StoredRows(queries);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the schema: " + e.getMessage(), e);
    }
  }

  /**
   * Table name (lower case) to its rows, each row as {@code column=value, …}, from a database with the
   * schema this reader learnt.
   */
  Map<String, List<String>> read(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      Map<String, List<String>> tables = new TreeMap<>();
      for (Map.Entry<String, String> table : queries.entrySet()) {
        tables.put(table.getKey(), rows(statement, table.getValue()));
      }
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the stored rows: " + e.getMessage(), e);
    }
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
      while (found.next()) {
        String type = found.getString("TABLE_TYPE");
        String name = found.getString("TABLE_NAME");
        if ((type.equals("TABLE") || type.equals("BASE TABLE"))
            && !name.equalsIgnoreCase(JdbcMessaging.HISTORY_TABLE)) {
          tables.add(name);
        }
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no table in schema " + connection.getSchema());
    }
    return tables;
  }

  private static List<String> rows(Statement statement, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet found = statement.executeQuery(query)) {
      ResultSetMetaData columns = found.getMetaData();
      while (found.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          row.append(i == 1 ? "" : ", ")
              .append(columns.getColumnName(i).toLowerCase(Locale.ROOT))
              .append('=')
              .append(found.getObject(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static List<String> primaryKey(DatabaseMetaData metaData, String schema, String table) throws SQLException {
    Map<Short, String> columns = new TreeMap<>();
    try (ResultSet key = metaData.getPrimaryKeys(null, schema, table)) {
      while (key.next()) {
        columns.put(key.getShort("KEY_SEQ"), key.getString("COLUMN_NAME"));
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalStateException("table " + table + " has no primary key");
    }
    return new ArrayList<>(columns.values());
  }
}
