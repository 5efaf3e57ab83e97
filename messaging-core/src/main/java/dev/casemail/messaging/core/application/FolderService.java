package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.mailbox.Mailbox;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.port.Store;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The folder list, custom folders, and moves: each decided by the owner's {@link Mailbox}. */
final class FolderService {

  private final Context context;

  FolderService(Context context) {
    this.context = context;
  }

  List<FolderView> list(ParticipantId actorId) {
    return context.transactions.read("folders", store -> {
      Context.participant(store, actorId);
      return mailbox(store, actorId).inReadingOrder().stream().map(Folder::view).collect(Collectors.toList());
    });
  }

  FolderView create(ParticipantId actorId, String name) {
    return write("createFolder", actorId, store -> {
      MailboxChange change = mailbox(store, actorId).createFolder(newFolderId(), name);
      return Outcome.of(change, change.foldersAdded().get(0).view());
    });
  }

  FolderView rename(ParticipantId actorId, FolderId id, String name) {
    return write("renameFolder", actorId, store -> {
      MailboxChange change = mailbox(store, actorId).renameFolder(id, name);
      return Outcome.of(change, change.foldersRenamed().get(0).view());
    });
  }

  void delete(ParticipantId actorId, FolderId id) {
    write("deleteFolder", actorId, store -> Outcome.of(mailbox(store, actorId).deleteFolder(id), null));
  }

  void move(ParticipantId actorId, MoveRequest request) {
    write("move", actorId, store -> {
      Mailbox mailbox = mailbox(store, actorId);
      MailboxChange change = mailbox.move(
          request.messages(),
          store.copies().findAll(actorId, request.messages()),
          request.target(),
          request.expectedSource());
      return Outcome.of(change, null);
    });
  }

  /** A write on the actor's own mailbox only. */
  private <T> T write(String operation, ParticipantId actorId, Function<Store, Outcome<T>> work) {
    return context.transactions.write(operation, store -> {
      Context.participant(store, actorId);
      return Plan.of(List.of(actorId), () -> work.apply(store));
    });
  }

  private static Mailbox mailbox(Store store, ParticipantId owner) {
    return new Mailbox(owner, store.folders().of(owner));
  }

  private FolderId newFolderId() {
    long id;
    do {
      id = context.nextId();
    } while (SystemFolder.of(new FolderId(id)).isPresent());
    return new FolderId(id);
  }
}
