package dev.casemail.messaging.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A host's configuration is input like any other: a wrong value is an {@link InvalidInputException}. */
class MessagingConfigurationTest {

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void fewerThanOneAttemptIsInvalidInputNamingMaxAttempts(int attempts) {
    assertThatThrownBy(() -> MessagingConfiguration.builder().maxAttempts(attempts).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxAttempts"));
  }

  @Test
  void aMissingClockPolicyOrIdSourceIsInvalidInputNamingIt() {
    assertThatThrownBy(() -> MessagingConfiguration.builder().clock(null).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clock"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().accessPolicy(null).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("accessPolicy"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().idGenerator(null).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("idGenerator"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().retryListener(null).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("retryListener"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().from(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("configuration"));
  }

  @Test
  void oneAttemptIsEnough() {
    assertThat(MessagingConfiguration.builder().maxAttempts(1).build().maxAttempts()).isEqualTo(1);
    assertThat(MessagingConfiguration.defaults().maxAttempts()).isEqualTo(5);
  }
}
