package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Catches the refusal a call must end with, so a test can go on to check what it names. */
final class Refusals {

  private Refusals() {}

  /** Runs {@code call}, asserts it throws a {@code type}, and returns what it threw. */
  static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    return thrown("the call", type, call);
  }

  /** As {@link #thrown(Class, ThrowingCallable)}, naming the call in a failure. */
  static <T extends Throwable> T thrown(String call, Class<T> type, ThrowingCallable callable) {
    Throwable thrown = catchThrowable(callable);
    assertThat(thrown).as("%s must be refused with %s", call, type.getSimpleName()).isInstanceOf(type);
    return type.cast(thrown);
  }
}
