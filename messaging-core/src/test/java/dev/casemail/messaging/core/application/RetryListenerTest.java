package dev.casemail.messaging.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.config.RetryListener;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The {@link RetryListener} of a configuration hears of every retry after a lost race, and of nothing else. */
class RetryListenerTest {

  private final List<String> heard = new ArrayList<>();
  private final RetryListener listener = (operation, lostAttempt) -> heard.add(operation + "#" + lostAttempt);

  @Test
  void aCallThatLosesTwoRacesAndThenSucceedsIsReportedAsTwoRetries() {
    Transactions transactions = new Transactions(losing(2), 5, listener, FailureLog.toSlf4j(Clock.systemUTC()));

    String page = transactions.read("folder", store -> "page");

    assertThat(page).isEqualTo("page");

    assertThat(heard).containsExactly("folder#1", "folder#2");
  }

  @Test
  void theLastLostAttemptIsAConflictNotARetry() {
    Transactions transactions = new Transactions(losing(10), 3, listener, FailureLog.toSlf4j(Clock.systemUTC()));

    assertThatThrownBy(() -> transactions.read("send", store -> "sent")).isInstanceOf(ConflictException.class);

    assertThat(heard).containsExactly("send#1", "send#2");
  }

  @Test
  void aCallThatWinsAtOnceIsNoRetry() {
    Transactions transactions = new Transactions(losing(0), 5, listener, FailureLog.toSlf4j(Clock.systemUTC()));

    transactions.read("open", store -> "message");

    assertThat(heard).isEmpty();
  }

  /** A storage whose first {@code losses} transactions lose a race; the others run their work on no store. */
  private static Storage losing(int losses) {
    return new Storage() {
      private int attempts;

      @Override
      public <T> T write(Function<Store, T> work) {
        return read(work);
      }

      @Override
      public <T> T read(Function<Store, T> work) {
        if (attempts++ < losses) {
          throw new StorageConflictException("lost race " + attempts);
        }
        return work.apply(null);
      }
    };
  }
}
