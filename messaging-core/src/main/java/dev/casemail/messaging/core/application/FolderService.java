package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.IllegalMoveException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.mailbox.Mailbox;
import dev.casemail.messaging.core.mailbox.MoveRule;
import dev.casemail.messaging.core.message.MessageCopy;
import dev.casemail.messaging.core.port.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The folder list, custom folders, and moves. */
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
    return context.transactions.write("createFolder", store -> {
      Context.participant(store, actorId);
      Folder folder = mailbox(store, actorId).newCustomFolder(newFolderId(), name);
      store.folders().insert(folder);
      return folder.view();
    });
  }

  FolderView rename(ParticipantId actorId, FolderId id, String name) {
    return context.transactions.write("renameFolder", store -> {
      Context.participant(store, actorId);
      Folder renamed = mailbox(store, actorId).rename(id, name);
      store.folders().rename(renamed);
      return renamed.view();
    });
  }

  void delete(ParticipantId actorId, FolderId id) {
    context.transactions.write("deleteFolder", store -> {
      Context.participant(store, actorId);
      Folder folder = mailbox(store, actorId).customFolderToDelete(id);
      FolderCounts moved = store.copies().moveAll(actorId, folder.id(), SystemFolder.ARCHIVE.id());
      store.folders().adjustCounts(actorId, SystemFolder.ARCHIVE.id(), moved.total(), moved.unread());
      store.folders().delete(actorId, folder.id());
      return null;
    });
  }

  void move(ParticipantId actorId, MoveRequest request) {
    context.transactions.write("move", store -> {
      Context.participant(store, actorId);
      Mailbox mailbox = mailbox(store, actorId);
      Folder target = mailbox.folder(request.target());
      Optional<Folder> source = request.expectedSource().map(mailbox::folder);
      Map<MessageId, MessageCopy> copies = new HashMap<>();
      for (MessageCopy copy : store.copies().findForUpdate(actorId, request.messages())) {
        copies.put(copy.message().id(), copy);
      }
      List<MessageId> missing =
          request.messages().stream().filter(id -> !copies.containsKey(id)).collect(Collectors.toList());
      if (!missing.isEmpty()) {
        throw new NotFoundException(missing.size() == 1 ? "message" : "messages",
            missing.stream().map(MessageId::toString).collect(Collectors.joining(", ")));
      }
      Map<MessageId, String> refusals = new LinkedHashMap<>();
      Optional<String> sourceRefusal = source.flatMap(MoveRule::sourceRefusal);
      for (MessageId id : request.messages()) {
        Optional<String> refusal = sourceRefusal.or(() -> MoveRule.refusal(copies.get(id), target));
        refusal.ifPresent(reason -> refusals.put(id, reason));
      }
      if (!refusals.isEmpty()) {
        throw new IllegalMoveException(refusals);
      }
      if (source.isPresent()) {
        List<MessageId> elsewhere = request.messages().stream()
            .filter(id -> !copies.get(id).folder().equals(source.get().id()))
            .collect(Collectors.toList());
        if (!elsewhere.isEmpty()) {
          throw new ConflictException(
              "messages " + elsewhere + " are no longer in folder " + source.get().name().value());
        }
      }
      List<MessageCopy> moving = new ArrayList<>();
      for (MessageId id : request.messages()) {
        MessageCopy copy = copies.get(id);
        if (!copy.folder().equals(target.id())) {
          moving.add(copy);
        }
      }
      if (moving.isEmpty()) {
        return null;
      }
      store.copies().move(actorId, moving.stream().map(c -> c.message().id()).collect(Collectors.toList()), target.id());
      // one count adjustment per folder touched, however many messages move
      Map<FolderId, long[]> leaving = new LinkedHashMap<>();
      long unread = 0;
      for (MessageCopy copy : moving) {
        long[] counts = leaving.computeIfAbsent(copy.folder(), f -> new long[2]);
        counts[0]++;
        if (copy.isUnread()) {
          counts[1]++;
          unread++;
        }
      }
      leaving.forEach((folder, counts) -> store.folders().adjustCounts(actorId, folder, -counts[0], -counts[1]));
      store.folders().adjustCounts(actorId, target.id(), moving.size(), unread);
      return null;
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
