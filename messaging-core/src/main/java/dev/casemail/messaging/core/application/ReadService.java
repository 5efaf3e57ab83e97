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
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.mailbox.Opening;
import dev.casemail.messaging.core.message.ListedCopy;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
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
      // read before locking for its sender only, which never changes: the receipt is in the sender's mailbox
      MessageCopy planned = copy(store, actorId, id);
      Set<ParticipantId> mailboxes = new LinkedHashSet<>();
      mailboxes.add(actorId);
      planned.message().sender().ifPresent(sender -> mailboxes.add(sender.id()));
      return Plan.of(mailboxes, () -> {
        MessageCopy copy = copy(store, actorId, id);
        Instant at = context.now();
        MailboxChange change = Opening.of(copy, at);
        return Outcome.of(change, Views.message(store, change.isEmpty() ? copy : copy.openedAt(at)));
      });
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
      Cursors.Listing listing = new Cursors.Listing(Cursors.Scope.FOLDER, actorId, folderId.value());
      Paging.Slice<ListedCopy> slice = Paging.page(store, context.cursors, listing, request,
          (after, limit) -> folder.is(SystemFolder.ALL_MESSAGES)
              ? store.copies().inAllMessages(actorId, after, limit)
              : store.copies().inFolder(actorId, folderId, after, limit),
          ListedCopy::key);
      return FolderPage.builder()
          .folder(folder.view())
          .items(slice.items().stream().map(Views::summary).collect(Collectors.toList()))
          .next(slice.next())
          .build();
    });
  }

  ThreadPage thread(ParticipantId actorId, ThreadId thread, PageRequest request) {
    return context.transactions.read("thread", store -> {
      Context.participant(store, actorId);
      Cursors.Listing listing = new Cursors.Listing(Cursors.Scope.THREAD, actorId, thread.value());
      Paging.Slice<ListedCopy> slice = Paging.page(store, context.cursors, listing, request,
          (after, limit) -> store.copies().inThread(actorId, thread, after, limit),
          ListedCopy::key);
      if (slice.items().isEmpty() && request.after().isEmpty()) {
        throw new NotFoundException("thread", thread.toString());
      }
      return ThreadPage.builder()
          .thread(thread)
          .items(slice.items().stream().map(Views::summary).collect(Collectors.toList()))
          .next(slice.next())
          .build();
    });
  }

  private static MessageCopy copy(Store store, ParticipantId owner, MessageId id) {
    return store.copies().find(owner, id).orElseThrow(() -> new NotFoundException("message", id.toString()));
  }
}
