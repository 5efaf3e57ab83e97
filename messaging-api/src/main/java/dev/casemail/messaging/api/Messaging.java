package dev.casemail.messaging.api;

import dev.casemail.messaging.api.blob.ContentHash;
import java.time.Duration;

/**
 * The library's entry point, obtained from a storage adapter's factory (for example
 * {@code InMemoryMessaging.create()}). Thread-safe; one instance serves the whole host service.
 *
 * <pre>{@code
 * Messaging messaging = InMemoryMessaging.create();
 * messaging.directory().register(ParticipantRegistration.practitioner(drLee, "Dr. Lee"));
 * ParticipantMessaging lee = messaging.actingAs(drLee);
 * lee.requestAccess(anna);
 * }</pre>
 *
 * <p>The host authenticates its users; the library authorizes every call made through
 * {@link #actingAs(ParticipantId)} against that participant.
 */
public interface Messaging {

  /** Where the host registers participants and families. */
  Directory directory();

  /**
   * Acts as one participant: every call on the result is authorized against them. Cheap; the
   * participant is looked up by each call, which throws {@link NotFoundException} if they are not
   * registered.
   *
   * @throws InvalidInputException if {@code participant} is null
   */
  ParticipantMessaging actingAs(ParticipantId participant);

  /**
   * Posts a notification from the system into the recipient's Notifications folder.
   *
   * @return the id of the notification in the recipient's mailbox
   * @throws NotFoundException if the recipient is not registered
   * @throws ConflictException if the idempotency key was used for a different notification
   * @throws InvalidInputException if {@code notification} is null
   */
  MessageId postNotification(NewNotification notification);

  /**
   * Exports a participant's record for the host, for a court order or a subpoena: as
   * {@link ParticipantMessaging#exportRecord} does for the owner, but the export's own entry names
   * {@code courtOrder}, so the owner and anyone checking the record later sees who asked and why.
   *
   * @param courtOrder the host's reference for the order or request, 1 to
   *     {@value InputRules#MAX_SUBJECT_LENGTH} characters
   * @throws NotFoundException if the participant is not registered
   * @throws InvalidInputException if an argument is null or the reference breaks the rules of a single-line text
   * @throws RecordIntegrityException if the stored record was changed behind the library's back, as for
   *     the owner's; nothing is exported or recorded then
   */
  RecordExport exportRecord(ParticipantId mailbox, RecordScope scope, String courtOrder);

  /**
   * Opens a file that a message of {@code export} carries, for the host to hand the files over with the
   * export ({@code RecordExports.writeZip} in {@code messaging-record-export} streams each into a ZIP).
   * The file must be checked against the export: one of the export's messages lists {@code hash} among
   * its attachments, and that message is still in the mailbox of {@code export.mailbox()}, carrying a
   * file with that hash. The caller closes the result; reading it does not count as opening the message.
   *
   * @throws NotFoundException (kind {@code "attachment"}) if no message of the export carries a file
   *     with that hash, or none of those that do is in the mailbox (the export is not of this library's
   *     record); (kind {@code "participant"}) if the export's mailbox is not registered
   * @throws InvalidInputException if an argument is null
   * @throws StorageException if the content is missing from the blob store
   */
  OpenedAttachment openExportedAttachment(RecordExport export, ContentHash hash);

  /**
   * Removes attachment content that no message and no draft refers to (the files of a send that was
   * refused, or failed, after they were stored) and that was last stored more than {@code olderThan}
   * ago. Content a message or a draft refers to is never removed. A host runs it now and then (daily,
   * say); it reads the store in batches and may be run by several service instances at once.
   *
   * @param olderThan at least {@link #MIN_ORPHAN_AGE}, so that a send whose files are stored but not
   *     yet committed never loses them
   * @return how many contents were removed
   * @throws InvalidInputException if {@code olderThan} is null or shorter than {@link #MIN_ORPHAN_AGE}
   */
  long removeOrphanedContent(Duration olderThan);

  /**
   * The shortest age {@link #removeOrphanedContent} accepts: one hour, far longer than any send takes
   * between storing its files and committing the message.
   */
  Duration MIN_ORPHAN_AGE = Duration.ofHours(1);

  /**
   * The outbox of events: what happened that a participant should hear of, for the host to email,
   * text or push (see {@link Events}).
   */
  Events events();
}
