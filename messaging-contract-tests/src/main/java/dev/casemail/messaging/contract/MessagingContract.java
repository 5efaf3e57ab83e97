package dev.casemail.messaging.contract;

/**
 * The whole contract: every example test and every property of the product. A storage adapter runs
 * it with a test class of a few lines, in the adapter's package (where its storage is visible):
 *
 * <pre>{@code
 * class InMemoryMessagingTest implements MessagingContract {
 *   public Messaging newMessaging(MessagingConfiguration configuration, IdGenerator ids) {
 *     return CoreMessaging.create(new InMemoryStorage(), configuration, ids);
 *   }
 *   public BlobStore newBlobStore() {
 *     return new InMemoryBlobStore();
 *   }
 * }
 * }</pre>
 */
public interface MessagingContract
    extends SmokeContract,
        DirectoryContract,
        AccessContract,
        AccessProperties,
        AccessPrivacyContract,
        SendingContract,
        ReplyContract,
        DraftContract,
        NotificationContract,
        ReadingContract,
        CursorIntegrityContract,
        ThreadIdsContract,
        RecordContract,
        AutoResponderContract,
        FolderContract,
        MoveContract,
        FolderMoveProperties,
        ConcurrencyContract,
        HostileInputContract,
        EventsContract,
        AttachmentsContract {}
