package dev.casemail.messaging.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.TimestampAuthority;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A host's configuration is input like any other: a wrong value of any knob is an
 * {@link InvalidInputException} naming it, with the rule it broke.
 */
class MessagingConfigurationTest {

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void fewerThanOneAttemptIsInvalidInputNamingMaxAttempts(int attempts) {
    assertInvalid(() -> MessagingConfiguration.builder().maxAttempts(attempts).build(),
        "maxAttempts", "must be at least 1 (was " + attempts + ")");
  }

  @Test
  void oneAttemptIsEnough() {
    assertThat(MessagingConfiguration.builder().maxAttempts(1).build().maxAttempts()).isEqualTo(1);
    assertThat(MessagingConfiguration.defaults().maxAttempts()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -3, 1001, Integer.MAX_VALUE})
  void anAccessRequestLimitOutsideOneToAThousandIsInvalidInput(int limit) {
    assertInvalid(() -> MessagingConfiguration.builder().accessRequestLimit(limit).build(),
        "accessRequestLimit", "must be from 1 to 1000 (was " + limit + ")");
  }

  @Test
  void anAccessRequestLimitOfOneOrAThousandIsAllowed() {
    assertThat(MessagingConfiguration.builder().accessRequestLimit(1).build().accessRequestLimit()).isEqualTo(1);
    assertThat(MessagingConfiguration.builder().accessRequestLimit(1000).build().accessRequestLimit()).isEqualTo(1000);
  }

  @Test
  void anAccessRequestPeriodOutsideOneMinuteTo3660DaysIsInvalidInput() {
    for (Duration period : List.of(
        Duration.ZERO, Duration.ofDays(-1), Duration.ofMinutes(1).minusNanos(1), Duration.ofDays(3660).plusNanos(1))) {
      assertInvalid(() -> MessagingConfiguration.builder().accessRequestPeriod(period).build(),
          "accessRequestPeriod", "must be from 1 minute to 3660 days (was " + period + ")");
    }
    assertThat(MessagingConfiguration.builder().accessRequestPeriod(Duration.ofMinutes(1)).build().accessRequestPeriod())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(MessagingConfiguration.builder().accessRequestPeriod(Duration.ofDays(3660)).build().accessRequestPeriod())
        .isEqualTo(Duration.ofDays(3660));
  }

  @Test
  void aNullClockIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().clock(null), "clock");
  }

  @Test
  void aNullAccessPolicyIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().accessPolicy(null), "accessPolicy");
  }

  @Test
  void aNullRetryListenerIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().retryListener(null), "retryListener");
  }

  @Test
  void aNullAccessRequestPeriodIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().accessRequestPeriod(null), "accessRequestPeriod");
  }

  @Test
  void aNullRecordSignerIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().recordSigner(null), "recordSigner");
  }

  @Test
  void aNullListOfFormerKeysOrANullKeyInItIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().formerRecordKeys(null), "formerRecordKeys");
    assertRefusesNull(() -> MessagingConfiguration.builder().formerRecordKeys(Arrays.asList((PublicKey) null)),
        "formerRecordKeys");
  }

  @Test
  void aNullTimestampAuthorityOrOptionalIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().timestampAuthority((TimestampAuthority) null),
        "timestampAuthority");
    assertRefusesNull(() -> MessagingConfiguration.builder().timestampAuthority((Optional<TimestampAuthority>) null),
        "timestampAuthority");
  }

  @Test
  void copyingFromNullIsInvalidInput() {
    assertRefusesNull(() -> MessagingConfiguration.builder().from(null), "configuration");
  }

  @Test
  void aRefusedValueLeavesTheBuilderAsItWas() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    MessagingConfiguration.Builder builder = MessagingConfiguration.builder().clock(fixed);

    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(InvalidInputException.class);

    assertThat(builder.build().clock()).isSameAs(fixed);
  }

  @Test
  void theDefaultsAreTheLibrarysOwn() {
    MessagingConfiguration defaults = MessagingConfiguration.defaults();

    assertThat(defaults.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(defaults.accessPolicy()).isInstanceOf(DefaultAccessPolicy.class);
    assertThat(defaults.retryListener()).isSameAs(RetryListener.NONE);
    assertThat(defaults.accessRequestLimit()).isEqualTo(3);
    assertThat(defaults.accessRequestPeriod()).isEqualTo(Duration.ofDays(30));
    assertThat(defaults.recordSigner()).isEmpty();
    assertThat(defaults.formerRecordKeys()).isEmpty();
    assertThat(defaults.timestampAuthority()).isEmpty();
  }

  @Test
  void aCopyKeepsEveryValueAndChangesOnlyWhatIsSetAfterwards() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    RecordSigner signer = new RecordSigner() {
      @Override
      public String algorithm() {
        return "Ed25519";
      }

      @Override
      public PublicKey publicKey() {
        throw new UnsupportedOperationException("not needed here");
      }

      @Override
      public byte[] sign(byte[] message) {
        return new byte[64];
      }
    };
    MessagingConfiguration original = MessagingConfiguration.builder()
        .clock(fixed).maxAttempts(2).accessRequestLimit(7).recordSigner(signer).build();

    MessagingConfiguration copy = MessagingConfiguration.builder().from(original).maxAttempts(9).build();

    assertThat(copy.clock()).isSameAs(fixed);
    assertThat(copy.accessRequestLimit()).isEqualTo(7);
    assertThat(copy.recordSigner()).containsSame(signer);
    assertThat(copy.maxAttempts()).isEqualTo(9);
    assertThat(original.maxAttempts()).isEqualTo(2);
  }

  @Test
  void theAttachmentDefaultsAre25MiBAFile50MiBAMessage2GiBAMailboxAndTheDocumentTypes() {
    MessagingConfiguration defaults = MessagingConfiguration.defaults();

    assertThat(defaults.maxAttachmentBytes()).isEqualTo(25L * 1024 * 1024);
    assertThat(defaults.maxAttachmentBytesPerMessage()).isEqualTo(50L * 1024 * 1024);
    assertThat(defaults.attachmentQuotaBytes()).isEqualTo(2048L * 1024 * 1024);
    assertThat(defaults.attachmentTypes()).contains("application/pdf", "image/png", "image/jpeg", "image/heic",
        "application/msword", "application/vnd.ms-excel", "text/plain").doesNotContain("text/html");
    assertThat(defaults.blobStore()).isEmpty();
  }

  @Test
  void attachmentLimitsOutOfRangeAreInvalidInputNamingThem() {
    long mib = MessagingConfiguration.MIB;
    assertThatThrownBy(() -> MessagingConfiguration.builder().maxAttachmentBytes(0).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxAttachmentBytes"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().maxAttachmentBytes(100 * mib + 1).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxAttachmentBytes"));
    assertThat(MessagingConfiguration.builder().maxAttachmentBytes(100 * mib).maxAttachmentBytesPerMessage(100 * mib).build()
        .maxAttachmentBytes()).isEqualTo(100 * mib);
    assertThatThrownBy(() -> MessagingConfiguration.builder().maxAttachmentBytes(10 * mib).maxAttachmentBytesPerMessage(mib).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxAttachmentBytesPerMessage"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().attachmentQuotaBytes(0).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("attachmentQuotaBytes"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().attachmentTypes(Set.of()).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("attachmentTypes"));
    assertThatThrownBy(() -> MessagingConfiguration.builder().attachmentTypes(Set.of("Application/PDF")).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("attachmentTypes"));
    assertRefusesNull(() -> MessagingConfiguration.builder().attachmentTypes(null), "attachmentTypes");
    assertRefusesNull(() -> MessagingConfiguration.builder().blobStore(null), "blobStore");
  }

  private static void assertInvalid(ThrowingCallable call, String field, String rule) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
  }

  private static void assertRefusesNull(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(field);
    });
  }
}
