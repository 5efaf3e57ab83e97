package dev.casemail.messaging.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.api.config.RetryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The metrics: on with a MeterRegistry, off without; every method of the three interfaces measured. */
class MessagingMetricsTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class));

  @Test
  void withAMeterRegistryEveryCallIsCountedAndTimedByOperationAndOutcome() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      Messaging messaging = context.getBean(Messaging.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);

      MessagingAutoConfigurationTest.sendsAndReads(messaging);
      assertThatThrownBy(() -> messaging.actingAs(MessagingAutoConfigurationTest.LAWYER).open(MessageId.of(42)))
          .isInstanceOf(NotFoundException.class);

      assertThat(calls(registry, "participant.send", "success")).isEqualTo(1);
      assertThat(calls(registry, "directory.register", "success")).isEqualTo(2);
      assertThat(calls(registry, "participant.open", "success")).isEqualTo(1);
      assertThat(calls(registry, "participant.open", "failure")).isEqualTo(1);
      assertThat(registry.get(MessagingMetrics.FAILURES).tags("operation", "participant.open", "exception", "NotFoundException")
          .counter().count()).isEqualTo(1);
      assertThat(registry.get(MessagingMetrics.CALLS).tags("operation", "participant.send").timer().totalTime(
          java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    });
  }

  @Test
  void withAMeterRegistryEachRetryIsCounted() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      RetryListener retries = context.getBean(MessagingConfiguration.class).retryListener();
      retries.retrying("send", 1);
      retries.retrying("send", 2);
      assertThat(context.getBean(MeterRegistry.class).get(MessagingMetrics.RETRIES).tag("operation", "send").counter().count())
          .isEqualTo(2);
    });
  }

  @Test
  void withoutAMeterRegistryNothingIsMeasured() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(MessagingMetrics.class);
      assertThat(Proxy.isProxyClass(context.getBean(Messaging.class).getClass())).isFalse();
      assertThat(context.getBean(MessagingConfiguration.class).retryListener()).isSameAs(RetryListener.NONE);
    });
  }

  @Test
  void withoutMicrometerOnTheClassPathTheLibraryStillStarts() {
    runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(Messaging.class).doesNotHaveBean(MessagingMetrics.class));
  }

  @Test
  void everyMethodOfEveryInterfaceIsMeasuredAndReachesTheTarget() throws Throwable {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<String> reached = new ArrayList<>();
    Messaging messaging = new MessagingMetrics(registry).decorate(recording(Messaging.class, reached));

    for (Method method : instanceMethods(Messaging.class)) {
      method.invoke(messaging, arguments(method));
    }
    for (Method method : instanceMethods(ParticipantMessaging.class)) {
      method.invoke(messaging.actingAs(ParticipantId.of("p")), arguments(method));
    }
    for (Method method : instanceMethods(Directory.class)) {
      method.invoke(messaging.directory(), arguments(method));
    }

    List<String> expected = new ArrayList<>();
    expected.addAll(measuredOperations(Messaging.class, "messaging"));
    expected.addAll(measuredOperations(ParticipantMessaging.class, "participant"));
    expected.addAll(measuredOperations(Directory.class, "directory"));
    assertThat(expected).hasSizeGreaterThan(40);
    for (String operation : expected) {
      assertThat(calls(registry, operation, "success")).as(operation).isEqualTo(1);
    }
    assertThat(registry.find(MessagingMetrics.CALLS).timers()).hasSameSizeAs(expected);
    assertThat(reached).containsAll(expected);
  }

  @Test
  void aFailureIsCountedByItsTypeAndReachesTheCallerUnchanged() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    NotFoundException missing = new NotFoundException("message", "42");
    Messaging failing = (Messaging) Proxy.newProxyInstance(Messaging.class.getClassLoader(), new Class<?>[] {Messaging.class},
        (proxy, method, args) -> {
          throw missing;
        });
    Messaging messaging = new MessagingMetrics(registry).decorate(failing);

    assertThatThrownBy(() -> messaging.exportRecord(null, null, null)).isSameAs(missing);
    assertThat(calls(registry, "messaging.exportRecord", "failure")).isEqualTo(1);
    assertThat(registry.get(MessagingMetrics.FAILURES).tags("exception", "NotFoundException").counter().count()).isEqualTo(1);
  }

  @Test
  void aMeasuredMessagingIsEqualOnlyToItself() {
    Messaging target = recording(Messaging.class, new ArrayList<>());
    Messaging measured = new MessagingMetrics(new SimpleMeterRegistry()).decorate(target);
    assertThat(measured).isEqualTo(measured).isNotEqualTo(target).hasToString("measured " + target);
    assertThat(measured.hashCode()).isEqualTo(System.identityHashCode(measured));
    assertThat(MessagingMetrics.unmeasured(measured)).isSameAs(target);
    assertThat(MessagingMetrics.unmeasured(target)).isSameAs(target);
  }

  private static double calls(MeterRegistry registry, String operation, String outcome) {
    Timer timer = registry.find(MessagingMetrics.CALLS).tags("operation", operation, "outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  /** The operations of {@code type} that are timed: all but those returning another measured interface. */
  private static List<String> measuredOperations(Class<?> type, String prefix) {
    List<String> operations = new ArrayList<>();
    for (Method method : instanceMethods(type)) {
      if (method.getReturnType() != ParticipantMessaging.class
          && method.getReturnType() != Directory.class) {
        operations.add(prefix + "." + method.getName());
      }
    }
    return operations;
  }

  /** A stand-in that notes each method called ({@code prefix.name}) and returns stand-ins or nothing. */
  private static <T> T recording(Class<T> type, List<String> reached) {
    String prefix = type == Messaging.class ? "messaging" : type == ParticipantMessaging.class ? "participant" : "directory";
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("equals") ? proxy == args[0]
            : method.getName().equals("hashCode") ? 7 : "recording " + type.getSimpleName();
      }
      reached.add(prefix + "." + method.getName());
      if (method.getReturnType() == ParticipantMessaging.class) {
        return recording(ParticipantMessaging.class, reached);
      }
      if (method.getReturnType() == Directory.class) {
        return recording(Directory.class, reached);
      }
      if (method.getReturnType() == boolean.class) {
        return false;
      }
      if (method.getReturnType() == long.class) {
        return 0L; // a proxy must return the primitive's own box (Messaging.removeOrphanedContent)
      }
      if (method.getReturnType().isPrimitive() && method.getReturnType() != void.class) {
        return 0;
      }
      return null;
    }));
  }

  private static List<Method> instanceMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())) {
        methods.add(method);
      }
    }
    return methods;
  }

  private static Object[] arguments(Method method) {
    Object[] arguments = new Object[method.getParameterCount()];
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < arguments.length; i++) {
      if (types[i] == long.class) {
        arguments[i] = 0L;
      } else if (types[i] == int.class) {
        arguments[i] = 0;
      } else if (types[i] == boolean.class) {
        arguments[i] = false;
      }
    }
    return arguments;
  }
}
