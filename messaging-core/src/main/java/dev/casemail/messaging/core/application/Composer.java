package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.ReplyRules;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Sends personal messages (new, reply, reply all, drafts) and system messages. */
final class Composer {

  /** Idempotency keys of different calls never meet: each call kind has its own namespace. */
  static final String SEND_KEYS = "s:";
  static final String NOTIFICATION_KEYS = "n:";
  static final String DRAFT_KEYS = "d:";

  private final Context context;
  private final AutoReplies autoReplies;

  Composer(Context context) {
    this.context = context;
    this.autoReplies = new AutoReplies(context);
  }

  MessageView send(ParticipantId actorId, NewMessage command) {
    return context.transactions.write("send", store -> {
      // the sender and the recipients in one read
      List<ParticipantId> everyone = new ArrayList<>(command.recipients().size() + 1);
      everyone.add(actorId);
      everyone.addAll(command.recipients());
      Map<ParticipantId, Participant> known = store.participants().findAll(everyone);
      Participant actor = Optional.ofNullable(known.get(actorId))
          .orElseThrow(() -> new NotFoundException("participant", actorId.value()));
      Supplier<String> fingerprint =
          () -> Fingerprints.of("send", command.recipients(), command.subject(), command.body());
      return idempotent(store, actorId, command.idempotencyKey().map(k -> SEND_KEYS + k), fingerprint,
          () -> compose(
              store, actor, command.recipients(), command.subject(), command.body(), Optional.empty(), known));
    });
  }

  MessageView reply(ParticipantId actorId, Reply command, boolean all) {
    String operation = all ? "replyAll" : "reply";
    return context.transactions.write(operation, store -> {
      Participant actor = Context.participant(store, actorId);
      MessageCopy original = answerable(store, actorId, command.message(), "message");
      Supplier<String> fingerprint =
          () -> Fingerprints.of(operation, command.message(), command.body(), command.quoteOriginal());
      return idempotent(store, actorId, command.idempotencyKey().map(k -> SEND_KEYS + k), fingerprint, () ->
          compose(
              store,
              actor,
              ReplyRules.recipients(original, all),
              ReplyRules.subject(original.message().subject()),
              ReplyRules.body(command.body(), original.message(), command.quoteOriginal()),
              Optional.of(original)));
    });
  }

  MessageId notify(NewNotification notification) {
    return context.transactions.write("postNotification", store -> {
      Participant recipient = Context.participant(store, notification.recipient());
      Optional<String> key = notification.idempotencyKey().map(k -> NOTIFICATION_KEYS + k);
      // a hash of the content only when there is a key to keep it under
      Optional<String> fingerprint =
          key.map(k -> Fingerprints.of("notify", notification.subject(), notification.body()));
      if (key.isPresent()) {
        Optional<SentKey> earlier = store.sentKeys().find(recipient.id(), key.get());
        if (earlier.isPresent()) {
          return sameContent(earlier.get(), fingerprint.get()).message();
        }
      }
      Message message = postSystem(store, MessageKind.NOTIFICATION, recipient, notification.subject(), notification.body());
      key.ifPresent(k -> store.sentKeys().insert(new SentKey(recipient.id(), k, fingerprint.get(), message.id())));
      return message.id();
    });
  }

  /**
   * A message in the actor's mailbox that can be answered: not a system message.
   *
   * @throws NotFoundException if it is not in the actor's mailbox
   * @throws InvalidInputException if it is a system message
   */
  static MessageCopy answerable(Store store, ParticipantId actor, MessageId id, String field) {
    MessageCopy copy = store.copies().find(actor, id).orElseThrow(() -> new NotFoundException("message", id.toString()));
    if (copy.message().kind().isSystem()) {
      throw new InvalidInputException(field, "is a system message, which cannot be answered");
    }
    return copy;
  }

  /**
   * Checks the access policy for every recipient, then sends: delivery, then any auto-replies.
   *
   * @param original the message answered, whose thread the new one joins
   * @throws InvalidInputException if the actor is among the recipients
   * @throws AccessDeniedException naming every recipient the actor may not message
   */
  Message compose(
      Store store,
      Participant actor,
      Collection<ParticipantId> recipientIds,
      String subject,
      String body,
      Optional<MessageCopy> original) {
    return compose(store, actor, recipientIds, subject, body, original, Map.of());
  }

  /** As above, with participants the caller already read ({@code known}), so as not to read them twice. */
  private Message compose(
      Store store,
      Participant actor,
      Collection<ParticipantId> recipientIds,
      String subject,
      String body,
      Optional<MessageCopy> original,
      Map<ParticipantId, Participant> known) {
    List<Participant> recipients = allowedRecipients(store, actor, recipientIds, known);
    Instant now = context.now();
    long id = context.nextId();
    ThreadId thread = original.map(o -> o.message().thread()).orElseGet(() -> new ThreadId(context.nextId()));
    Message message = new Message(
        new MessageId(id),
        thread,
        MessageKind.PERSONAL,
        Optional.of(actor),
        recipients,
        subject,
        body,
        now,
        original.map(o -> o.message().id()));
    Delivery.deliver(store, message);
    autoReplies.answer(store, message, now);
    return message;
  }

  /** Posts a system message (an action item or a notification) to one participant. */
  Message postSystem(Store store, MessageKind kind, Participant recipient, String subject, String body) {
    Message message = new Message(
        new MessageId(context.nextId()),
        new ThreadId(context.nextId()),
        kind,
        Optional.empty(),
        List.of(recipient),
        subject,
        body,
        context.now(),
        Optional.empty());
    Delivery.deliver(store, message);
    return message;
  }

  /**
   * Runs {@code send} once per idempotency key: a retry with the same content returns the first
   * message; the key with other content is a {@link ConflictException}. The content's fingerprint (a
   * hash of all of it) is computed only when there is a key.
   */
  MessageView idempotent(
      Store store, ParticipantId actor, Optional<String> key, Supplier<String> fingerprint, Supplier<Message> send) {
    if (key.isEmpty()) {
      return Views.justSent(MessageCopy.forSender(send.get()));
    }
    String print = fingerprint.get();
    Optional<SentKey> earlier = store.sentKeys().find(actor, key.get());
    if (earlier.isPresent()) {
      MessageId first = sameContent(earlier.get(), print).message();
      return Views.message(store, store.copies().find(actor, first).orElseThrow());
    }
    Message message = send.get();
    store.sentKeys().insert(new SentKey(actor, key.get(), print, message.id()));
    return Views.justSent(MessageCopy.forSender(message));
  }

  private static SentKey sameContent(SentKey earlier, String fingerprint) {
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw new ConflictException("the idempotency key was already used for different content");
    }
    return earlier;
  }

  private List<Participant> allowedRecipients(
      Store store, Participant actor, Collection<ParticipantId> ids, Map<ParticipantId, Participant> known) {
    if (ids.contains(actor.id())) {
      throw new InvalidInputException("recipients", "must not include the sender");
    }
    List<ParticipantId> mailboxes = new ArrayList<>(ids.size() + 1);
    mailboxes.add(actor.id());
    mailboxes.addAll(ids);
    store.lockMailboxes(mailboxes);
    Map<ParticipantId, Participant> found =
        known.keySet().containsAll(ids) ? known : store.participants().findAll(ids);
    StoreAccessFacts facts = new StoreAccessFacts(store);
    if (ids.size() > 1) {
      facts.prefetch(actor.id());
    }
    Set<ParticipantId> denied = new LinkedHashSet<>();
    List<Participant> recipients = new ArrayList<>(ids.size());
    for (ParticipantId id : ids) {
      Participant recipient = found.get(id);
      // an unknown id is denied like a known one, so a refusal never tells who is registered
      if (recipient == null || !context.policy.mayMessage(actor, recipient, facts)) {
        denied.add(id);
      } else {
        recipients.add(recipient);
      }
    }
    if (!denied.isEmpty()) {
      throw new AccessDeniedException(actor.id() + " may not message " + denied, denied);
    }
    return recipients;
  }
}
