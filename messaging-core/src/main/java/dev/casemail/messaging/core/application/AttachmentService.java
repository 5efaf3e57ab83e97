package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MessagingException;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.OpenedAttachment;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.StorageException;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.blob.StoredBlob;
import dev.casemail.messaging.core.attachment.AttachmentPolicy;
import dev.casemail.messaging.core.attachment.DetectedType;
import dev.casemail.messaging.core.port.Store;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Attached files: streams each upload into the blob store before the write that refers to it (so that a
 * large file never holds a mailbox's lock), opens them for those whose mailbox holds them, and removes
 * content nothing refers to. The limits of a message and of the quota are decided again, under the
 * mailboxes' locks, by the call that writes ({@link #checkTotals}).
 */
final class AttachmentService {

  /** How many candidates the clean-up asks the blob store for at first. */
  private static final int CLEAN_UP_BATCH = 1000;

  private final Context context;
  private final BlobStore blobs;
  private final AttachmentPolicy policy;

  AttachmentService(Context context, BlobStore blobs, AttachmentPolicy policy) {
    this.context = context;
    this.blobs = blobs;
    this.policy = policy;
  }

  /**
   * Checks and stores the uploads of one message or draft: each file's type is detected from its first
   * bytes and checked before anything of it is stored; it is then streamed into the blob store, never
   * held whole in memory, and refused as soon as it passes the size left to it.
   *
   * @param carried the bytes of the files the message or draft keeps besides these
   * @param usedElsewhere the bytes of the owner's quota used by other messages and drafts
   * @throws InvalidInputException if a file's type is wrong or its content cannot be read
   * @throws LimitExceededException if a file, the message's files or the quota would be too large
   */
  List<AttachmentView> upload(List<NewAttachment> files, long carried, long usedElsewhere) {
    if (files.isEmpty()) {
      return List.of();
    }
    Instant at = context.now();
    long messageLeft = policy.maxMessageBytes() - carried;
    long quotaLeft = policy.quotaBytes() - usedElsewhere - carried;
    List<AttachmentView> stored = new ArrayList<>(files.size());
    for (NewAttachment file : files) {
      long cap = Math.max(0, Math.min(policy.maxFileBytes(), Math.min(messageLeft, quotaLeft)));
      StoredBlob blob;
      String type;
      try (InputStream raw = open(file)) {
        InputStream content = new BufferedInputStream(raw, 8192);
        DetectedType detected = DetectedType.detect(content, file.name(), file.declaredType());
        policy.checkType(file.name(), file.declaredType(), detected);
        type = detected.type();
        blob = blobs.put(content, cap, at);
      } catch (LimitExceededException e) {
        throw cap == policy.maxFileBytes()
            ? policy.fileTooLarge(file.name())
            : cap == Math.max(0, messageLeft) ? policy.tooMuchInOneMessage() : policy.overQuota(usedElsewhere);
      } catch (IOException | UncheckedIOException e) {
        throw unreadable(file, e);
      } catch (MessagingException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new StorageException("storing attachment " + file.name() + " failed: " + e, e);
      }
      messageLeft -= blob.size();
      quotaLeft -= blob.size();
      stored.add(AttachmentView.builder()
          .name(file.name())
          .contentType(type)
          .size(blob.size())
          .hash(blob.hash())
          .build());
    }
    return stored;
  }

  /**
   * Checks the files a message or a draft will carry against the limits of one message and of the
   * owner's quota, with what storage holds now: the decision the writing call makes under the lock.
   *
   * @param freed the bytes of the owner's quota the same change frees (a draft sent or revised)
   */
  void checkTotals(Store store, ParticipantId owner, List<AttachmentView> files, long freed) {
    if (files.isEmpty()) {
      return;
    }
    policy.checkTotals(files, store.attachments().quotaUsage(owner) - freed);
  }

  /** The bytes of {@code owner}'s quota used now, read on its own. */
  long quotaUsage(ParticipantId owner) {
    return context.transactions.read("attachmentQuota", store -> store.attachments().quotaUsage(owner));
  }

  OpenedAttachment openInMessage(ParticipantId actor, MessageId message, ContentHash hash) {
    AttachmentView file = context.transactions.read("openAttachment", store -> {
      Context.participant(store, actor);
      List<AttachmentView> files = store.copies().find(actor, message)
          .orElseThrow(() -> new NotFoundException("message", message.toString()))
          .message()
          .attachments();
      return carried(files, hash);
    });
    return open(file);
  }

  /**
   * A file of an exported message, checked against the export and against storage: a message of the
   * export lists the hash, and the mailbox still holds that message with a file of that hash (so an
   * export put together by hand opens nothing the mailbox's record does not carry).
   */
  OpenedAttachment openExported(RecordExport export, ContentHash hash) {
    List<MessageId> carrying = new ArrayList<>();
    for (ProvenEntry proven : export.entries()) {
      if (proven.entry().content() instanceof RecordedMessage message && message.attachments().contains(hash.hex())) {
        carrying.add(message.id());
      }
    }
    if (carrying.isEmpty()) {
      throw new NotFoundException("attachment", hash.hex());
    }
    ParticipantId mailbox = export.mailbox().id();
    AttachmentView file = context.transactions.read("openExportedAttachment", store -> {
      Context.participant(store, mailbox);
      for (MessageId message : carrying) {
        Optional<AttachmentView> found = store.copies().find(mailbox, message)
            .flatMap(copy -> copy.message().attachments().stream().filter(f -> f.hash().equals(hash)).findFirst());
        if (found.isPresent()) {
          return found.get();
        }
      }
      throw new NotFoundException("attachment", hash.hex());
    });
    return open(file);
  }

  OpenedAttachment openInDraft(ParticipantId actor, DraftId draft, ContentHash hash) {
    AttachmentView file = context.transactions.read("openDraftAttachment", store -> {
      Context.participant(store, actor);
      List<AttachmentView> files = store.drafts().find(actor, draft)
          .orElseThrow(() -> new NotFoundException("draft", draft.toString()))
          .attachments();
      return carried(files, hash);
    });
    return open(file);
  }

  /**
   * Removes content nothing refers to, last stored before now minus {@code olderThan}. The blob store
   * lists candidates in no order and without a cursor, so when a batch holds only content still referred
   * to, the next asks for twice as many: every pass deletes something or widens, and the last pass is the
   * one that sees fewer candidates than it asked for.
   */
  long removeOrphans(Duration olderThan) {
    InputRules.required("olderThan", olderThan);
    if (olderThan.compareTo(Messaging.MIN_ORPHAN_AGE) < 0) {
      throw new InvalidInputException("olderThan", "must be at least " + Messaging.MIN_ORPHAN_AGE + " (was " + olderThan + ")");
    }
    Instant cutoff = context.now().minus(olderThan);
    long removed = 0;
    int limit = CLEAN_UP_BATCH;
    while (true) {
      int batch = limit;
      List<ContentHash> candidates = guarded(() -> blobs.storedBefore(cutoff, batch));
      if (candidates.isEmpty()) {
        return removed;
      }
      Set<ContentHash> referenced = context.transactions.read(
          "removeOrphanedContent", store -> new HashSet<>(store.attachments().referenced(candidates)));
      int deleted = 0;
      for (ContentHash hash : candidates) {
        if (!referenced.contains(hash) && guarded(() -> blobs.deleteIfStoredBefore(hash, cutoff))) {
          deleted++;
        }
      }
      removed += deleted;
      if (candidates.size() < limit) {
        return removed;
      }
      if (deleted == 0) {
        if (limit > Integer.MAX_VALUE / 2) {
          return removed;
        }
        limit *= 2;
      }
    }
  }

  private static AttachmentView carried(List<AttachmentView> files, ContentHash hash) {
    InputRules.required("hash", hash);
    return files.stream()
        .filter(file -> file.hash().equals(hash))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("attachment", hash.hex()));
  }

  private OpenedAttachment open(AttachmentView file) {
    InputStream content = guarded(() -> blobs.open(file.hash()))
        .orElseThrow(() -> new StorageException("the content of attachment " + file.hash() + " is missing from the blob store", null));
    return new OpenedAttachment(file, content);
  }

  private static InputStream open(NewAttachment file) throws IOException {
    InputStream stream;
    try {
      stream = file.content().open();
    } catch (RuntimeException e) {
      throw new IOException(e);
    }
    if (stream == null) {
      throw new IOException("the content gave no stream");
    }
    return stream;
  }

  private static InvalidInputException unreadable(NewAttachment file, Exception e) {
    return new InvalidInputException("attachments", "must be readable: reading " + file.name() + " failed (" + e.getMessage() + ")");
  }

  /** A blob store's own failure, reported as the API reports storage failures. */
  private static <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (MessagingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StorageException("the blob store failed: " + e, e);
    }
  }
}
