package dev.casemail.messaging.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real {@link DataSource} whose connections count every statement execution ({@code execute},
 * {@code executeQuery}, {@code executeUpdate}, {@code executeBatch}, {@code executeLargeUpdate}, …)
 * and every commit, and that can be armed to fail the k-th of these events with an
 * {@link InjectedFailure}: an {@link SQLException} with SQL state {@value #SQL_STATE} (connection
 * failure), which is not one of the states the library retries.
 *
 * <p>A statement fails after the database ran it, so that its effect is in the transaction that
 * must now be rolled back; a commit fails before it reaches the database (a commit that succeeded but
 * reported failure leaves an outcome no library can know). The trap fires once.
 *
 * <p>Everything runs on the real connection of the wrapped pool: nothing of JDBC is mocked, the
 * proxies only count and throw.
 */
final class FailingDataSource implements DataSource {

  /** Connection failure: a plain storage failure, never retried by the core. */
  static final String SQL_STATE = "08006";

  private final DataSource delegate;
  private final List<String> events = new ArrayList<>();
  private int failAt;
  private boolean fired;

  FailingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** From now on counts events and fails none. */
  synchronized void countOnly() {
    arm(0);
  }

  /** From now on counts events and fails the {@code k}-th (1 for the first), once. */
  synchronized void failAt(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k starts at 1");
    }
    arm(k);
  }

  private void arm(int k) {
    events.clear();
    failAt = k;
    fired = false;
  }

  /** How many events happened since the last {@link #countOnly()} or {@link #failAt(int)}. */
  synchronized int events() {
    return events.size();
  }

  /** The events since the last arming, in order: the SQL of each statement run, or "commit". */
  synchronized List<String> eventLog() {
    return List.copyOf(events);
  }

  /** Whether the armed failure was thrown. */
  synchronized boolean fired() {
    return fired;
  }

  /** Records an event; true if it is the one that must fail. */
  private synchronized boolean fails(String event) {
    events.add(event);
    if (events.size() == failAt) {
      fired = true;
      return true;
    }
    return false;
  }

  private synchronized InjectedFailure failure(String event) {
    return new InjectedFailure("injected failure at event " + failAt + ": " + event);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connection(delegate.getConnection(username, password));
  }

  private Connection connection(Connection real) {
    return Connection.class.cast(Proxy.newProxyInstance(
        FailingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, new ConnectionHandler(real)));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("the failing data source does not unwrap");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }

  private static Object call(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Counts commits (failing before the real one) and hands out counting statements. */
  private final class ConnectionHandler implements InvocationHandler {
    private final Connection real;

    ConnectionHandler(Connection real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      String name = method.getName();
      if (name.equals("commit") && fails("commit")) {
        throw failure("commit");
      }
      Object result = call(real, method, arguments);
      if (result instanceof Statement
          && (name.equals("createStatement") || name.equals("prepareStatement") || name.equals("prepareCall"))) {
        String prepared = arguments != null && arguments.length > 0 && arguments[0] instanceof String
            ? (String) arguments[0]
            : null;
        Class<?> type = method.getReturnType();
        return Proxy.newProxyInstance(
            FailingDataSource.class.getClassLoader(),
            new Class<?>[] {type},
            new StatementHandler((Statement) result, prepared));
      }
      return result;
    }
  }

  /** Counts executions, failing after the real one. */
  private final class StatementHandler implements InvocationHandler {
    private final Statement real;
    private final String prepared;

    StatementHandler(Statement real, String prepared) {
      this.real = real;
      this.prepared = prepared;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      if (!method.getName().startsWith("execute")) {
        return call(real, method, arguments);
      }
      String event = method.getName() + " "
          + (arguments != null && arguments.length > 0 && arguments[0] instanceof String ? arguments[0] : prepared);
      boolean fail = fails(event);
      Object result = call(real, method, arguments);
      if (fail) {
        if (result instanceof AutoCloseable) {
          ((AutoCloseable) result).close(); // the result set of a query
        }
        throw failure(event);
      }
      return result;
    }
  }

  /** The failure this data source throws; a test finds it at the root of what the API threw. */
  static final class InjectedFailure extends SQLException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
      super(message, SQL_STATE);
    }
  }
}
