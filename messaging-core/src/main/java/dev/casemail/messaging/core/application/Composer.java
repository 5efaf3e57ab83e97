package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.config.AccessFacts;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.mailbox.Delivery;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.message.ReplyRules;
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

/** Sends personal messages (new, reply, reply all, drafts) and system messages. */
final class Composer {

  /** A message decided on, and the change that delivers it (with any auto-replies it causes). */
  record Composed(Message message, MailboxChange change) {

    /** The sender's copy, as the call that sent it returns it. */
    MessageView view() {
      return Views.justSent(MessageCopy.forSender(message));
    }
  }

  private final Context context;
  private final AutoReplies autoReplies;
  private final AttachmentService attachments;

  Composer(Context context, AttachmentService attachments) {
    this.context = context;
    this.autoReplies = new AutoReplies(context);
    this.attachments = attachments;
  }

  /** The files of a new message, stored before its write (and checked again in it). */
  private List<AttachmentView> uploads(ParticipantId actorId, List<NewAttachment> files) {
    return files.isEmpty() ? List.of() : attachments.upload(files, 0, attachments.quotaUsage(actorId));
  }

  MessageView send(ParticipantId actorId, NewMessage command) {
    List<AttachmentView> files = uploads(actorId, command.attachments());
    return context.transactions.write("send", store -> Plan.of(mailboxes(actorId, command.recipients()), () -> {
      // the sender and the recipients in one read
      List<ParticipantId> everyone = new ArrayList<>(command.recipients().size() + 1);
      everyone.add(actorId);
      everyone.addAll(command.recipients());
      Map<ParticipantId, Participant> known = store.participants().findAll(everyone);
      Participant actor = Optional.ofNullable(known.get(actorId))
          .orElseThrow(() -> new NotFoundException("participant", actorId.value()));
      return Idempotency.once(
          store,
          actorId,
          command.idempotencyKey().map(k -> Idempotency.SEND_KEYS + k),
          () -> files.isEmpty()
              ? Fingerprints.of("send", command.recipients(), command.subject(), command.body())
              : Fingerprints.of("send", command.recipients(), command.subject(), command.body(), fingerprint(files)),
          first -> sentCopy(store, actorId, first),
          () -> {
            Composed sent = compose(
                store, actor, command.recipients(), command.subject(), command.body(), Optional.empty(), known,
                files, 0);
            return Outcome.of(sent.change(), sent.view());
          },
          MessageView::id);
    }));
  }

  MessageView reply(ParticipantId actorId, Reply command, boolean all) {
    String operation = all ? "replyAll" : "reply";
    List<AttachmentView> files = uploads(actorId, command.attachments());
    return context.transactions.write(operation, store -> {
      Participant actor = Context.participant(store, actorId);
      // read before locking: only the original's content is used, which never changes
      MessageCopy original = answerable(store, actorId, command.message(), "message");
      List<ParticipantId> to = ReplyRules.recipients(original, all);
      return Plan.of(mailboxes(actorId, to), () -> Idempotency.once(
          store,
          actorId,
          command.idempotencyKey().map(k -> Idempotency.SEND_KEYS + k),
          () -> files.isEmpty()
              ? Fingerprints.of(operation, command.message(), command.body(), command.quoteOriginal())
              : Fingerprints.of(operation, command.message(), command.body(), command.quoteOriginal(), fingerprint(files)),
          first -> sentCopy(store, actorId, first),
          () -> {
            Composed sent = compose(
                store,
                actor,
                to,
                ReplyRules.subject(original.message().subject()),
                ReplyRules.body(command.body(), original.message(), command.quoteOriginal()),
                Optional.of(original),
                Map.of(),
                files,
                0);
            return Outcome.of(sent.change(), sent.view());
          },
          MessageView::id));
    });
  }

  MessageId notify(NewNotification notification) {
    ParticipantId recipientId = notification.recipient();
    return context.transactions.write("postNotification", store -> Plan.of(List.of(recipientId), () -> {
      Participant recipient = Context.participant(store, recipientId);
      return Idempotency.once(
          store,
          recipientId,
          notification.idempotencyKey().map(k -> Idempotency.NOTIFICATION_KEYS + k),
          () -> Fingerprints.of("notify", notification.subject(), notification.body()),
          first -> first,
          () -> {
            Composed posted = postSystem(
                store, MessageKind.NOTIFICATION, recipient, notification.subject(), notification.body());
            return Outcome.of(posted.change(), posted.message().id());
          },
          id -> id);
    }));
  }

  /** What of a message's files tells a retry from another call with the same key: names and hashes. */
  private static List<String> fingerprint(List<AttachmentView> files) {
    List<String> parts = new ArrayList<>(files.size());
    files.forEach(file -> parts.add(file.name() + "\u0000" + file.hash().hex()));
    return parts;
  }

  /** The actor's copy of a message the actor sent before, as a retried call returns it. */
  static MessageView sentCopy(Store store, ParticipantId actor, MessageId message) {
    return Views.message(store, store.copies().find(actor, message)
        .orElseThrow(() -> new IllegalStateException("the message " + message + " of an idempotency key is gone")));
  }

  /** The sender's mailbox and every recipient's, the sender first. */
  static Set<ParticipantId> mailboxes(ParticipantId sender, Collection<ParticipantId> recipients) {
    Set<ParticipantId> mailboxes = new LinkedHashSet<>();
    mailboxes.add(sender);
    mailboxes.addAll(recipients);
    return mailboxes;
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
   * Checks the access policy for every recipient, then decides the message and its delivery, with any
   * auto-replies it causes.
   *
   * @param original the message answered, whose thread the new one joins
   * @param known participants the caller already read, so as not to read them twice
   * @param files the files it carries, stored already
   * @param freed the bytes of the actor's quota the same change frees (a draft that is sent)
   * @throws InvalidInputException if the actor is among the recipients
   * @throws AccessDeniedException naming every recipient the actor may not message
   * @throws dev.casemail.messaging.api.LimitExceededException if the files pass a limit of a message or
   *     the actor's quota
   */
  Composed compose(
      Store store,
      Participant actor,
      Collection<ParticipantId> recipientIds,
      String subject,
      String body,
      Optional<MessageCopy> original,
      Map<ParticipantId, Participant> known,
      List<AttachmentView> files,
      long freed) {
    AccessFacts facts = new StoreAccessFacts(store, actor.id());
    List<Participant> recipients = allowedRecipients(store, actor, recipientIds, known, facts);
    attachments.checkTotals(store, actor.id(), files, freed);
    Instant now = context.now();
    long id = context.nextId();
    Optional<ThreadId> joined = original.map(o -> o.message().thread());
    ThreadId thread = joined.orElseGet(() -> new ThreadId(context.nextId()));
    Message message = new Message(
        new MessageId(id),
        thread,
        MessageKind.PERSONAL,
        Optional.of(actor),
        recipients,
        subject,
        body,
        now,
        original.map(o -> o.message().id()),
        files);
    MailboxChange change = Delivery.of(message).and(autoReplies.answer(store, message, now, facts));
    return new Composed(message, change);
  }

  /** Decides a system message (an action item or a notification) to one participant, in a thread of its own. */
  Composed postSystem(Store store, MessageKind kind, Participant recipient, String subject, String body) {
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
    return new Composed(message, Delivery.of(message));
  }

  private List<Participant> allowedRecipients(
      Store store,
      Participant actor,
      Collection<ParticipantId> ids,
      Map<ParticipantId, Participant> known,
      AccessFacts facts) {
    if (ids.contains(actor.id())) {
      throw new InvalidInputException("recipients", "must not include the sender");
    }
    Map<ParticipantId, Participant> found =
        known.keySet().containsAll(ids) ? known : store.participants().findAll(ids);
    Set<ParticipantId> denied = new LinkedHashSet<>();
    List<Participant> recipients = new ArrayList<>(ids.size());
    for (ParticipantId id : ids) {
      Participant recipient = found.get(id);
      // an unknown id is denied like a known one, so a refusal never tells who is registered
      if (recipient == null || !context.mayMessage(actor, recipient, facts)) {
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
