package dev.casemail.messaging.contract.storage;

/**
 * The contract of every storage port, one interface per port, each driving the port directly inside
 * {@code Storage} transactions, never through the API. An adapter runs it beside the whole-API suite
 * ({@code MessagingContract}) with a test class of a few lines, so that a failure names the port that
 * is wrong before the API's tests fail somewhere downstream:
 *
 * <pre>{@code
 * class InMemoryStoragePortsTest implements StoragePortsContract {
 *   public Storage newStorage() {
 *     return new InMemoryStorage();
 *   }
 * }
 * }</pre>
 */
public interface StoragePortsContract
    extends ParticipantsContract,
        FamiliesContract,
        AccessLinksContract,
        MessageCopiesContract,
        ReceiptsContract,
        SentKeysContract,
        FoldersContract,
        DraftsContract,
        AutoRespondersContract,
        CursorSecretsContract,
        MailboxLocksContract,
        MailboxChangesContract,
        OutboxContract {}
