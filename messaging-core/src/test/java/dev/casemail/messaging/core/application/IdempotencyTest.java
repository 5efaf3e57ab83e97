package dev.casemail.messaging.core.application;

import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.Fixtures;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.mailbox.Delivery;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.port.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

  private static final ParticipantId OWNER = MOTHER.id();
  private static final String KEY = Idempotency.SEND_KEYS + "handover-1";
  private static final MailboxChange DELIVERED = Delivery.of(Fixtures.personal(1, MOTHER, Fixtures.FATHER));

  private final Map<List<Object>, SentKey> keys = new HashMap<>();
  private final Store store = TestStores.withSentKeys((owner, key) -> Optional.ofNullable(keys.get(List.of(owner, key))));
  private final AtomicInteger fingerprinted = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();

  @Test
  void aCallWithoutAKeyIsSentEveryTimeAndNeverFingerprinted() {
    Outcome<MessageId> outcome = once(Optional.empty(), "content");

    assertThat(outcome.change()).isSameAs(DELIVERED);
    assertThat(outcome.result()).isEqualTo(MessageId.of(1));
    assertThat(fingerprinted).hasValue(0);
    assertThat(Idempotency.earlier(store, OWNER, Optional.empty(), fingerprint("content"))).isEmpty();
  }

  @Test
  void theFirstCallWithAKeySendsAndRemembersTheKeyInTheSameChange() {
    Outcome<MessageId> outcome = once(Optional.of(KEY), "content");

    assertThat(sent).hasValue(1);
    assertThat(outcome.change().placed()).isEqualTo(DELIVERED.placed());
    assertThat(outcome.change().keys()).containsExactly(new SentKey(OWNER, KEY, "fp:content", MessageId.of(1)));
    assertThat(outcome.change().owners()).containsAll(DELIVERED.owners());
  }

  @Test
  void aRetryWithTheSameContentAnswersWithTheFirstMessageAndChangesNothing() {
    keys.put(List.of(OWNER, KEY), new SentKey(OWNER, KEY, "fp:content", MessageId.of(77)));

    Outcome<MessageId> outcome = once(Optional.of(KEY), "content");

    assertThat(sent).hasValue(0);
    assertThat(outcome.change()).isSameAs(MailboxChange.NONE);
    assertThat(outcome.result()).isEqualTo(MessageId.of(77));
  }

  @Test
  void theSameKeyWithOtherContentIsAConflictAndSendsNothing() {
    keys.put(List.of(OWNER, KEY), new SentKey(OWNER, KEY, "fp:content", MessageId.of(77)));

    assertThatThrownBy(() -> once(Optional.of(KEY), "other content"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already used for different content");
    assertThat(sent).hasValue(0);
  }

  @Test
  void keysAreTheirOwnersAlone() {
    keys.put(List.of(Fixtures.FATHER.id(), KEY), new SentKey(Fixtures.FATHER.id(), KEY, "fp:x", MessageId.of(77)));

    assertThat(Idempotency.earlier(store, OWNER, Optional.of(KEY), fingerprint("content"))).isEmpty();
  }

  @Test
  void eachKindOfCallHasItsOwnNamespaceOfKeys() {
    assertThat(List.of(Idempotency.SEND_KEYS, Idempotency.NOTIFICATION_KEYS, Idempotency.DRAFT_KEYS))
        .doesNotHaveDuplicates();
  }

  private Outcome<MessageId> once(Optional<String> key, String content) {
    return Idempotency.once(
        store, OWNER, key, fingerprint(content),
        first -> first,
        () -> {
          sent.incrementAndGet();
          return Outcome.of(DELIVERED, MessageId.of(1));
        },
        id -> id);
  }

  private Supplier<String> fingerprint(String content) {
    return () -> {
      fingerprinted.incrementAndGet();
      return "fp:" + content;
    };
  }
}
