package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.config.RetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures every call of {@link Messaging}, {@link ParticipantMessaging} and {@link Directory}:
 *
 * <ul>
 *   <li>{@value #CALLS}, a timer tagged {@code operation} (such as {@code participant.send},
 *       {@code directory.register}, {@code messaging.postNotification}) and {@code outcome}
 *       ({@code success} or {@code failure}): the number of calls and their latency;
 *   <li>{@value #FAILURES}, a counter tagged {@code operation} and {@code exception}, the simple name of
 *       what the call threw ({@code NotFoundException}, {@code AccessDeniedException}, …);
 *   <li>{@value #RETRIES}, a counter tagged {@code operation} with the library's own name of the call
 *       (such as {@code send}): each retry after a lost race in storage.
 * </ul>
 *
 * <p>A decorator built with {@link Proxy}: every method of the three interfaces, present and future,
 * goes through {@link #invoke}, so none can be left unmeasured. {@code actingAs} and {@code directory}
 * are not timed (they do not touch storage); what they return is measured in turn. A stream a listing
 * returns is timed as it is created, not as it is read.
 */
final class MessagingMetrics implements MessagingDecorator, RetryListener {

  static final String CALLS = "casemail.messaging.calls";
  static final String FAILURES = "casemail.messaging.failures";
  static final String RETRIES = "casemail.messaging.retries";

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  MessagingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Messaging decorate(Messaging messaging) {
    return measured(Messaging.class, "messaging", messaging);
  }

  @Override
  public void retrying(String operation, int lostAttempt) {
    counters.computeIfAbsent(RETRIES + "|" + operation, key -> Counter.builder(RETRIES)
            .description("Retries of casemail messaging calls after a lost race in storage")
            .tag("operation", operation)
            .register(registry))
        .increment();
  }

  /** The messaging {@code messaging} measures, or {@code messaging} itself if it is not measured. */
  static Messaging unmeasured(Messaging messaging) {
    if (Proxy.isProxyClass(messaging.getClass()) && Proxy.getInvocationHandler(messaging) instanceof Measured) {
      return (Messaging) ((Measured) Proxy.getInvocationHandler(messaging)).target;
    }
    return messaging;
  }

  private <T> T measured(Class<T> type, String prefix, T target) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Measured(prefix, target)));
  }

  private void succeeded(String operation, long nanos) {
    timer(operation, "success").record(nanos, TimeUnit.NANOSECONDS);
  }

  private void failed(String operation, Throwable failure, long nanos) {
    timer(operation, "failure").record(nanos, TimeUnit.NANOSECONDS);
    String exception = failure.getClass().getSimpleName();
    counters.computeIfAbsent(FAILURES + "|" + operation + "|" + exception, key -> Counter.builder(FAILURES)
            .description("Failed casemail messaging calls, by what they threw")
            .tag("operation", operation)
            .tag("exception", exception)
            .register(registry))
        .increment();
  }

  private Timer timer(String operation, String outcome) {
    return timers.computeIfAbsent(operation + "|" + outcome, key -> Timer.builder(CALLS)
        .description("Calls of casemail messaging, by operation and outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry));
  }

  /** One measured object: a messaging, a participant's messaging or the directory. */
  private final class Measured implements InvocationHandler {
    private final String prefix;
    private final Object target;

    Measured(String prefix, Object target) {
      this.prefix = prefix;
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        switch (method.getName()) {
          case "equals":
            return proxy == args[0];
          case "hashCode":
            return System.identityHashCode(proxy);
          default:
            return "measured " + target;
        }
      }
      if (method.getReturnType() == ParticipantMessaging.class) {
        return measured(ParticipantMessaging.class, "participant", (ParticipantMessaging) call(method, args));
      }
      if (method.getReturnType() == Directory.class) {
        return measured(Directory.class, "directory", (Directory) call(method, args));
      }
      String operation = prefix + "." + method.getName();
      long start = System.nanoTime();
      try {
        Object result = call(method, args);
        succeeded(operation, System.nanoTime() - start);
        return result;
      } catch (Throwable failure) {
        failed(operation, failure, System.nanoTime() - start);
        throw failure;
      }
    }

    /** The target's method; what it throws is thrown as it is. */
    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
