package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.mailbox.DraftBox;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.StorageConflictException;
import dev.casemail.messaging.core.port.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Drafts: saved without the rules of sending (recipients and subject may be missing), checked in full
 * when sent. The Drafts folder's total counts the drafts.
 */
final class DraftService {

  private final Context context;
  private final Composer composer;
  private final AttachmentService attachments;

  DraftService(Context context, Composer composer, AttachmentService attachments) {
    this.context = context;
    this.composer = composer;
    this.attachments = attachments;
  }

  DraftView save(ParticipantId actorId, DraftContent content) {
    if (!content.keptAttachments().isEmpty()) {
      throw new InvalidInputException("keptAttachments", "must be empty for a new draft, which has no attachments yet");
    }
    List<AttachmentView> files = content.attachments().isEmpty()
        ? List.of()
        : attachments.upload(content.attachments(), 0, attachments.quotaUsage(actorId));
    return context.transactions.write("saveDraft", store -> {
      Context.participant(store, actorId);
      return Plan.of(List.of(actorId), () -> {
        checkContent(store, actorId, content);
        attachments.checkTotals(store, actorId, files, 0);
        Draft draft = Draft.create(actorId, new DraftId(context.nextId()), content, files, context.now());
        return Outcome.of(DraftBox.save(draft), draft.view());
      });
    });
  }

  DraftView update(ParticipantId actorId, DraftId id, long expectedVersion, DraftContent content) {
    List<AttachmentView> uploaded = List.of();
    if (!content.attachments().isEmpty()) {
      // what the draft keeps and what the rest of the quota holds, as it is now; decided again under the lock
      Draft before = context.transactions.read("updateDraft", store -> {
        Context.participant(store, actorId);
        return draft(store, actorId, id);
      });
      long kept = bytes(kept(before, content));
      uploaded = attachments.upload(content.attachments(), kept, attachments.quotaUsage(actorId) - bytes(before.attachments()));
    }
    List<AttachmentView> added = uploaded;
    return context.transactions.write("updateDraft", store -> {
      Context.participant(store, actorId);
      return Plan.of(List.of(actorId), () -> {
        Draft draft = draft(store, actorId, id);
        checkContent(store, actorId, content);
        List<AttachmentView> files = new ArrayList<>(kept(draft, content));
        files.addAll(added);
        if (files.size() > InputRules.MAX_ATTACHMENTS) {
          throw new InvalidInputException(
              "attachments", "must hold 0 to " + InputRules.MAX_ATTACHMENTS + " entries with the kept ones (was " + files.size() + ")");
        }
        attachments.checkTotals(store, actorId, files, bytes(draft.attachments()));
        MailboxChange change = DraftBox.revise(draft, expectedVersion, content, files, context.now());
        return Outcome.of(change, change.draftsRevised().get(0).draft().view());
      });
    });
  }

  /**
   * The draft's attachments that {@code content} keeps, in the draft's order.
   *
   * @throws InvalidInputException if it keeps a hash the draft does not carry
   */
  private static List<AttachmentView> kept(Draft draft, DraftContent content) {
    Set<ContentHash> carried = draft.attachments().stream().map(AttachmentView::hash).collect(Collectors.toSet());
    for (ContentHash hash : content.keptAttachments()) {
      if (!carried.contains(hash)) {
        throw new InvalidInputException("keptAttachments", "must name attachments of the draft: " + hash + " is not one");
      }
    }
    return draft.attachments().stream()
        .filter(file -> content.keptAttachments().contains(file.hash()))
        .collect(Collectors.toList());
  }

  private static long bytes(List<AttachmentView> files) {
    return files.stream().mapToLong(AttachmentView::size).sum();
  }

  void delete(ParticipantId actorId, DraftId id) {
    context.transactions.write("deleteDraft", store -> {
      Context.participant(store, actorId);
      return Plan.of(List.of(actorId), () -> Outcome.of(DraftBox.discard(draft(store, actorId, id)), null));
    });
  }

  /**
   * Sends a draft once: the draft's id is the idempotency key, so sending it again (from a second
   * device, or a retry after a lost answer) returns the message the first call sent.
   */
  MessageView send(ParticipantId actorId, DraftId id) {
    return context.transactions.write("sendDraft", store -> {
      Participant actor = Context.participant(store, actorId);
      Optional<String> key = Optional.of(Idempotency.DRAFT_KEYS + id.value());
      Supplier<String> fingerprint = () -> Fingerprints.of("sendDraft", id);
      if (Idempotency.earlier(store, actorId, key, fingerprint).isPresent()) {
        return Plan.of(List.of(actorId), () -> Outcome.unchanged(
            Composer.sentCopy(store, actorId, Idempotency.earlier(store, actorId, key, fingerprint).orElseThrow())));
      }
      // planned from the draft as it is now, and checked again once the mailboxes are locked
      Draft planned = draft(store, actorId, id);
      return Plan.of(Composer.mailboxes(actorId, planned.content().recipients()), () -> {
        Optional<MessageId> sentMeanwhile = Idempotency.earlier(store, actorId, key, fingerprint);
        if (sentMeanwhile.isPresent()) {
          return Outcome.unchanged(Composer.sentCopy(store, actorId, sentMeanwhile.get()));
        }
        Draft draft = draft(store, actorId, id);
        if (draft.version() != planned.version()) {
          throw new StorageConflictException("draft " + id + " was saved while it was being sent");
        }
        DraftContent content = draft.content();
        if (content.recipients().isEmpty()) {
          throw new InvalidInputException("recipients", "are required to send a draft");
        }
        String subject = content.subject()
            .orElseThrow(() -> new InvalidInputException("subject", "is required to send a draft"));
        Optional<MessageCopy> original = content.inReplyTo()
            .map(message -> Composer.answerable(store, actorId, message, "inReplyTo"));
        Composer.Composed sent =
            composer.compose(store, actor, content.recipients(), subject, content.body(), original, Map.of(),
                draft.attachments(), bytes(draft.attachments()));
        MailboxChange change = sent.change()
            .and(Idempotency.remember(actorId, key.get(), fingerprint.get(), sent.message().id()))
            .and(DraftBox.discard(draft));
        return Outcome.of(change, sent.view());
      });
    });
  }

  DraftView get(ParticipantId actorId, DraftId id) {
    return context.transactions.read("draft", store -> {
      Context.participant(store, actorId);
      return draft(store, actorId, id).view();
    });
  }

  DraftPage page(ParticipantId actorId, PageRequest request) {
    return context.transactions.read("drafts", store -> {
      Context.participant(store, actorId);
      Cursors.Listing listing =
          new Cursors.Listing(Cursors.Scope.DRAFTS, actorId, SystemFolder.DRAFTS.id().value());
      Paging.Slice<Draft> slice = Paging.page(
          store, context.cursors, listing, request, (after, limit) -> store.drafts().page(actorId, after, limit), Draft::key);
      return DraftPage.builder()
          .items(slice.items().stream().map(Draft::view).collect(Collectors.toList()))
          .next(slice.next())
          .build();
    });
  }

  private static Draft draft(Store store, ParticipantId owner, DraftId id) {
    return store.drafts().find(owner, id).orElseThrow(() -> new NotFoundException("draft", id.toString()));
  }

  private static void checkContent(Store store, ParticipantId actorId, DraftContent content) {
    if (content.recipients().contains(actorId)) {
      throw new InvalidInputException("recipients", "must not include the sender");
    }
    content.inReplyTo().ifPresent(message -> Composer.answerable(store, actorId, message, "inReplyTo"));
  }
}
