package dev.casemail.messaging.core.application;

import dev.casemail.messaging.core.attachment.AttachmentIndex;
import dev.casemail.messaging.core.access.AccessLinks;
import dev.casemail.messaging.core.autoresponder.AutoResponders;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.event.Outbox;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.mailbox.MailboxChanges;
import dev.casemail.messaging.core.mailbox.MailboxLocks;
import dev.casemail.messaging.core.message.MessageCopies;
import dev.casemail.messaging.core.message.Receipts;
import dev.casemail.messaging.core.message.SentKeys;
import dev.casemail.messaging.core.paging.CursorSecrets;
import dev.casemail.messaging.core.participant.Families;
import dev.casemail.messaging.core.participant.Participants;
import dev.casemail.messaging.core.port.Store;
import dev.casemail.messaging.core.record.Records;
import java.lang.reflect.Proxy;

/**
 * Stores for the services' helpers: only the ports a test gives are real; every other one fails the
 * test if it is used at all ({@link Store} refuses nulls, so they cannot simply be left out).
 */
final class TestStores {

  private TestStores() {}

  /** A store whose cursor secret is {@code secrets}'. */
  static Store withCursorSecrets(CursorSecrets secrets) {
    return store(secrets, unused(SentKeys.class));
  }

  /** A store whose idempotency keys are {@code keys}. */
  static Store withSentKeys(SentKeys keys) {
    return store(unused(CursorSecrets.class), keys);
  }

  private static Store store(CursorSecrets secrets, SentKeys keys) {
    return new Store(
        unused(Participants.class),
        unused(Families.class),
        unused(AccessLinks.class),
        unused(MessageCopies.class),
        unused(Receipts.class),
        keys,
        unused(Folders.class),
        unused(Drafts.class),
        unused(AutoResponders.class),
        secrets,
        unused(Records.class),
        unused(Outbox.class),
        unused(MailboxLocks.class),
        unused(MailboxChanges.class),
        unused(AttachmentIndex.class));
  }

  /** A port that fails whoever calls it. */
  private static <T> T unused(Class<T> port) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "toString":
          return "unused " + port.getSimpleName();
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          throw new AssertionError(port.getSimpleName() + "." + method.getName() + " is not used by the code under test");
      }
    }));
  }
}
