package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.Store;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Drafts: saved without the rules of sending (recipients and subject may be missing), checked in full
 * when sent. The Drafts folder's total counts the drafts.
 */
final class DraftService {

  private final Context context;
  private final Composer composer;

  DraftService(Context context, Composer composer) {
    this.context = context;
    this.composer = composer;
  }

  DraftView save(ParticipantId actorId, DraftContent content) {
    return context.transactions.write("saveDraft", store -> {
      Context.participant(store, actorId);
      checkContent(store, actorId, content);
      Draft draft = Draft.create(actorId, new DraftId(context.nextId()), content, context.now());
      store.drafts().insert(draft);
      store.folders().adjustCounts(actorId, SystemFolder.DRAFTS.id(), 1, 0);
      return draft.view();
    });
  }

  DraftView update(ParticipantId actorId, DraftId id, long expectedVersion, DraftContent content) {
    return context.transactions.write("updateDraft", store -> {
      Context.participant(store, actorId);
      Draft draft = draft(store, actorId, id);
      if (draft.version() != expectedVersion) {
        throw new ConflictException(
            "draft " + id + " was saved meanwhile: it is at version " + draft.version() + ", not " + expectedVersion);
      }
      checkContent(store, actorId, content);
      Draft revised = draft.revised(content, context.now());
      if (!store.drafts().update(revised, expectedVersion)) {
        throw new ConflictException("draft " + id + " was saved meanwhile");
      }
      return revised.view();
    });
  }

  void delete(ParticipantId actorId, DraftId id) {
    context.transactions.write("deleteDraft", store -> {
      Context.participant(store, actorId);
      draft(store, actorId, id);
      discard(store, actorId, id);
      return null;
    });
  }

  MessageView send(ParticipantId actorId, DraftId id) {
    return context.transactions.write("sendDraft", store -> {
      Participant actor = Context.participant(store, actorId);
      String key = Composer.DRAFT_KEYS + id.value();
      Supplier<String> fingerprint = () -> Fingerprints.of("sendDraft", id);
      if (store.sentKeys().find(actorId, key).isPresent()) {
        // already sent: answer as the first call did
        return composer.idempotent(store, actorId, Optional.of(key), fingerprint, () -> {
          throw new IllegalStateException("unreachable");
        });
      }
      DraftContent content = draft(store, actorId, id).content();
      if (content.recipients().isEmpty()) {
        throw new InvalidInputException("recipients", "are required to send a draft");
      }
      String subject = content.subject()
          .orElseThrow(() -> new InvalidInputException("subject", "is required to send a draft"));
      Optional<MessageCopy> original = content.inReplyTo()
          .map(message -> Composer.answerable(store, actorId, message, "inReplyTo"));
      MessageView sent = composer.idempotent(store, actorId, Optional.of(key), fingerprint, () ->
          composer.compose(store, actor, content.recipients(), subject, content.body(), original));
      discard(store, actorId, id);
      return sent;
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
      long listing = SystemFolder.DRAFTS.id().value();
      Optional<PageKey> after = Cursors.decode(request.after(), Cursors.Scope.DRAFTS, actorId, listing);
      List<Draft> drafts = store.drafts().page(actorId, after, request.size() + 1);
      DraftPage.Builder page = DraftPage.builder();
      if (drafts.size() > request.size()) {
        drafts = drafts.subList(0, request.size());
        page.next(Cursors.encode(Cursors.Scope.DRAFTS, actorId, listing, drafts.get(drafts.size() - 1).key()));
      }
      return page.items(drafts.stream().map(Draft::view).collect(Collectors.toList())).build();
    });
  }

  private static Draft draft(Store store, ParticipantId owner, DraftId id) {
    return store.drafts().find(owner, id).orElseThrow(() -> new NotFoundException("draft", id.toString()));
  }

  private static void discard(Store store, ParticipantId owner, DraftId id) {
    store.drafts().delete(owner, id);
    store.folders().adjustCounts(owner, SystemFolder.DRAFTS.id(), -1, 0);
  }

  private static void checkContent(Store store, ParticipantId actorId, DraftContent content) {
    if (content.recipients().contains(actorId)) {
      throw new InvalidInputException("recipients", "must not include the sender");
    }
    content.inReplyTo().ifPresent(message -> Composer.answerable(store, actorId, message, "inReplyTo"));
  }
}
