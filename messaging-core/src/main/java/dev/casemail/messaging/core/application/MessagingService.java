package dev.casemail.messaging.core.application;

import static dev.casemail.messaging.api.InputRules.required;

import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.Events;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.OpenedAttachment;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.access.RequestLimit;
import dev.casemail.messaging.core.attachment.AttachmentPolicy;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.port.Storage;
import dev.casemail.messaging.core.record.HeadSigner;
import dev.casemail.messaging.core.record.RecordSigners;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The library's entry point on one storage: wires the services. Public only so that
 * {@code CoreMessaging} can build it; hosts obtain a {@link Messaging} from an adapter's factory.
 */
public final class MessagingService implements Messaging {

  final Composer composer;
  final AccessService access;
  final DraftService drafts;
  final FolderService folders;
  final ReadService reading;
  final AutoResponderService autoResponder;
  final RecordService record;
  final AttachmentService attachments;
  private final DirectoryService directory;
  private final EventService events;

  /** The library on {@code storage}, configured by the host's {@code configuration}, with ids from {@code ids}. */
  public MessagingService(Storage storage, MessagingConfiguration configuration, IdGenerator ids) {
    Clock clock = Objects.requireNonNull(configuration.clock(), "clock");
    Context context = new Context(
        new Transactions(
            Objects.requireNonNull(storage, "storage"),
            configuration.maxAttempts(),
            Objects.requireNonNull(configuration.retryListener(), "retryListener"),
            FailureLog.toSlf4j(clock)),
        clock,
        Objects.requireNonNull(ids, "ids"),
        Objects.requireNonNull(configuration.accessPolicy(), "accessPolicy"),
        new RequestLimit(configuration.accessRequestLimit(), configuration.accessRequestPeriod()),
        new HeadSigner(
            configuration.recordSigner().orElseGet(RecordSigners::generatedOnFirstUse),
            configuration.formerRecordKeys()),
        configuration.timestampAuthority());
    this.attachments = new AttachmentService(
        context, configuration.blobStore().orElse(NoBlobStore.INSTANCE), AttachmentPolicy.of(configuration));
    this.composer = new Composer(context, attachments);
    this.access = new AccessService(context, composer);
    this.drafts = new DraftService(context, composer, attachments);
    this.folders = new FolderService(context);
    this.reading = new ReadService(context);
    this.autoResponder = new AutoResponderService(context);
    this.record = new RecordService(context);
    this.directory = new DirectoryService(context);
    this.events = new EventService(context);
  }

  @Override
  public Directory directory() {
    return directory;
  }

  @Override
  public ParticipantMessaging actingAs(ParticipantId participant) {
    return new ActingParticipant(required("participant", participant), this);
  }

  @Override
  public MessageId postNotification(NewNotification notification) {
    return composer.notify(required("notification", notification));
  }

  @Override
  public RecordExport exportRecord(ParticipantId mailbox, RecordScope scope, String courtOrder) {
    String reference = InputRules.singleLine("courtOrder", courtOrder, InputRules.MAX_SUBJECT_LENGTH);
    return record.export(required("mailbox", mailbox), required("scope", scope), Optional.of(reference));
  }

  @Override
  public OpenedAttachment openExportedAttachment(RecordExport export, ContentHash hash) {
    return attachments.openExported(required("export", export), required("hash", hash));
  }

  @Override
  public long removeOrphanedContent(Duration olderThan) {
    return attachments.removeOrphans(required("olderThan", olderThan));
  }

  @Override
  public Events events() {
    return events;
  }
}
