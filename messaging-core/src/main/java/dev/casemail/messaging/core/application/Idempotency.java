package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.port.Store;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a call that sends a message at most once per idempotency key, for every kind of call that takes
 * a key (send, reply, reply all, send a draft, post a notification): a retry with the same content
 * answers with the first message and changes nothing; the same key with other content is a
 * {@link ConflictException}. The key is remembered in the same change as the message, so the two are
 * stored together or not at all; two racing calls with one key meet at the store's unique key, and the
 * loser is retried and finds the first.
 */
final class Idempotency {

  /** Idempotency keys of different calls never meet: each call kind has its own namespace. */
  static final String SEND_KEYS = "s:";
  static final String NOTIFICATION_KEYS = "n:";
  static final String DRAFT_KEYS = "d:";

  private Idempotency() {}

  /**
   * The first message sent under {@code key} by {@code owner}, if the key was used.
   *
   * @throws ConflictException if it was used for content other than {@code fingerprint}'s
   */
  static Optional<MessageId> earlier(Store store, ParticipantId owner, Optional<String> key, Supplier<String> fingerprint) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return store.sentKeys().find(owner, key.get()).map(earlier -> {
      if (!earlier.fingerprint().equals(fingerprint.get())) {
        throw new ConflictException("the idempotency key was already used for different content");
      }
      return earlier.message();
    });
  }

  /**
   * Sends once per key: answers a retry with {@code replay} of the first message, or sends with
   * {@code send} and remembers the key with the message it sent ({@code sentId} of its result). The
   * content's fingerprint (a hash of all of it) is computed only when there is a key.
   */
  static <T> Outcome<T> once(
      Store store,
      ParticipantId owner,
      Optional<String> key,
      Supplier<String> fingerprint,
      Function<MessageId, T> replay,
      Supplier<Outcome<T>> send,
      Function<T, MessageId> sentId) {
    Optional<MessageId> first = earlier(store, owner, key, fingerprint);
    if (first.isPresent()) {
      return Outcome.unchanged(replay.apply(first.get()));
    }
    Outcome<T> sent = send.get();
    if (key.isEmpty()) {
      return sent;
    }
    MailboxChange remembered = remember(owner, key.get(), fingerprint.get(), sentId.apply(sent.result()));
    return Outcome.of(sent.change().and(remembered), sent.result());
  }

  /** The change that remembers that the call under {@code key} sent {@code message}. */
  static MailboxChange remember(ParticipantId owner, String key, String fingerprint, MessageId message) {
    return MailboxChange.builder().rememberKey(new SentKey(owner, key, fingerprint, message)).build();
  }
}
