package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.ThreadPage;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Opening messages (first-viewed times), folder pages and thread pages. */
final class ReadService {

  private final Context context;

  ReadService(Context context) {
    this.context = context;
  }

  MessageView open(ParticipantId actorId, MessageId id) {
    return context.transactions.write("open", store -> {
      Context.participant(store, actorId);
      MessageCopy copy = copy(store, actorId, id);
      if (copy.isUnread()) {
        Instant at = context.now();
        store.copies().markOpened(actorId, id, at);
        store.folders().adjustCounts(actorId, copy.folder(), 0, -1);
        if (copy.inAllMessages()) {
          store.folders().adjustCounts(actorId, SystemFolder.ALL_MESSAGES.id(), 0, -1);
        }
        copy.message().sender().ifPresent(sender ->
            store.receipts().recordFirstView(sender.id(), id, actorId, at));
        copy = copy.openedAt(at);
      }
      return Views.message(store, copy);
    });
  }

  MessageView preview(ParticipantId actorId, MessageId id) {
    return context.transactions.read("preview", store -> {
      Context.participant(store, actorId);
      return Views.message(store, copy(store, actorId, id));
    });
  }

  FolderPage folder(ParticipantId actorId, FolderId folderId, PageRequest request) {
    return context.transactions.read("folder", store -> {
      Context.participant(store, actorId);
      Folder folder = store.folders().find(actorId, folderId)
          .orElseThrow(() -> new NotFoundException("folder", folderId.toString()));
      if (folder.is(SystemFolder.DRAFTS)) {
        throw new InvalidInputException("folder", "is Drafts, which holds drafts: list it with drafts()");
      }
      Optional<PageKey> after = Cursors.decode(request.after(), Cursors.Scope.FOLDER, actorId, folderId.value());
      int limit = request.size() + 1;
      List<MessageCopy> copies = folder.is(SystemFolder.ALL_MESSAGES)
          ? store.copies().inAllMessages(actorId, after, limit)
          : store.copies().inFolder(actorId, folderId, after, limit);
      FolderPage.Builder page = FolderPage.builder().folder(folder.view());
      if (copies.size() > request.size()) {
        copies = copies.subList(0, request.size());
        page.next(Cursors.encode(Cursors.Scope.FOLDER, actorId, folderId.value(), last(copies).message().key()));
      }
      return page.items(copies.stream().map(Views::summary).collect(Collectors.toList())).build();
    });
  }

  ThreadPage thread(ParticipantId actorId, ThreadId thread, PageRequest request) {
    return context.transactions.read("thread", store -> {
      Context.participant(store, actorId);
      Optional<PageKey> after = Cursors.decode(request.after(), Cursors.Scope.THREAD, actorId, thread.value());
      List<MessageCopy> copies = store.copies().inThread(actorId, thread, after, request.size() + 1);
      if (copies.isEmpty() && after.isEmpty()) {
        throw new NotFoundException("thread", thread.toString());
      }
      ThreadPage.Builder page = ThreadPage.builder().thread(thread);
      if (copies.size() > request.size()) {
        copies = copies.subList(0, request.size());
        page.next(Cursors.encode(Cursors.Scope.THREAD, actorId, thread.value(), last(copies).message().key()));
      }
      return page.items(copies.stream().map(Views::summary).collect(Collectors.toList())).build();
    });
  }

  private static MessageCopy copy(Store store, ParticipantId owner, MessageId id) {
    return store.copies().find(owner, id).orElseThrow(() -> new NotFoundException("message", id.toString()));
  }

  private static MessageCopy last(List<MessageCopy> copies) {
    return copies.get(copies.size() - 1);
  }
}
