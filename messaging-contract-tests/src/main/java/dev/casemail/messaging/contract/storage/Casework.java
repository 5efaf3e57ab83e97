package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.personal;
import static dev.casemail.messaging.contract.storage.StorageScene.request;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.access.AccessLink;
import dev.casemail.messaging.core.autoresponder.AutoReplyRecord;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.mailbox.Delivery;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.message.SentKey;
import dev.casemail.messaging.core.participant.Participant;
import java.util.List;
import java.util.Optional;

/**
 * Three mailboxes with something of everything stored: a practitioner (Lee) who wrote to two parents
 * (Anna and Ben) and has drafts, an idempotency key and approved access to Anna; Anna, who answered
 * and keeps two custom folders; Ben, whose auto-responder answered Lee once. What a change must
 * leave exactly as it was when it is refused or its transaction fails.
 */
final class Casework {

  static final FolderId INBOX = SystemFolder.INBOX.id();
  static final FolderId ARCHIVE = SystemFolder.ARCHIVE.id();
  static final FolderId COURT = FolderId.of(1000);
  static final FolderId OLD = FolderId.of(1001);

  final StorageScene scene;
  final Participant lee;
  final Participant anna;
  final Participant ben;
  /** Lee to Anna and Ben: unread by both, in their Inboxes. */
  final Message first;
  /** Anna's answer to Lee, in the same thread; Anna's copy sits in her folder "Old". */
  final Message second;
  /** Lee's draft 500, at version 1, and 502, which {@link #everyKindOfWrite()} removes. */
  final Draft draft;
  final Draft spare;
  final SentKey key;
  /** Lee's access to Anna: requested by Lee, approved by Anna (two events). */
  final AccessLink link;

  private Casework(StorageScene scene) {
    this.scene = scene;
    lee = scene.practitioner("lee");
    anna = scene.parent("anna");
    ben = scene.parent("ben");
    first = scene.deliver(personal(1, 1, lee, at(1), anna, ben));
    second = scene.deliver(personal(2, 1, anna, at(2), lee));
    scene.apply(MailboxChange.builder()
        .addFolder(Folder.custom(anna.id(), COURT, FolderName.custom("Court")))
        .addFolder(Folder.custom(anna.id(), OLD, FolderName.custom("Old")))
        .build());
    scene.apply(MailboxChange.builder().move(scene.copy(anna, second), OLD).build());
    draft = Draft.create(lee.id(), DraftId.of(500), DraftContent.builder().addRecipients(anna.id()).build(), at(3));
    spare = Draft.create(lee.id(), DraftId.of(502), DraftContent.builder().body("spare").build(), at(3));
    scene.apply(MailboxChange.builder().addDraft(draft).addDraft(spare).build());
    key = new SentKey(lee.id(), "send:k0", "f0", first.id());
    scene.apply(MailboxChange.builder()
        .rememberKey(key)
        .saveAutoResponder(ben.id(), new AutoResponderState(away("Ben"), 1, at(4)))
        .recordAutoReply(new AutoReplyRecord(ben.id(), lee.id(), at(4), 1))
        .build());
    AccessLink requested = request(Optional.empty(), lee, anna, lee, at(5));
    scene.apply(MailboxChange.builder().saveLink(requested).build());
    link = requested.approve(anna.id(), at(6));
    scene.apply(MailboxChange.builder().saveLink(link).build());
  }

  static Casework on(StorageScene scene) {
    return new Casework(scene);
  }

  /** Message 900, from Lee to Anna and Ben, not delivered yet. */
  Message fresh() {
    return personal(900, 900, lee, at(50), anna, ben);
  }

  /**
   * One change with a write of every kind, each allowed on the casework as it is: a delivery, a move,
   * an opening, a custom folder emptied into Archive and removed, a folder added and one renamed, a
   * draft added, one revised and one removed, a key, an auto-reply, an auto-responder saved and an
   * access link removed.
   */
  MailboxChange everyKindOfWrite() {
    return partsOfEveryKind().stream().reduce(MailboxChange.NONE, MailboxChange::and);
  }

  /** The writes of {@link #everyKindOfWrite()}, each a change of its own. */
  List<MailboxChange> partsOfEveryKind() {
    Message fresh = fresh();
    return List.of(
        Delivery.of(fresh),
        MailboxChange.builder().move(scene.copy(anna, first), COURT).build(),
        MailboxChange.builder().open(scene.copy(ben, first), at(51)).build(),
        MailboxChange.builder().removeFolderInto(scene.folder(anna, OLD), SystemFolder.ARCHIVE.id()).build(),
        MailboxChange.builder()
            .addFolder(Folder.custom(ben.id(), FolderId.of(2000), FolderName.custom("School")))
            .build(),
        MailboxChange.builder()
            .renameFolder(scene.folder(anna, COURT).renamed(FolderName.custom("Court 2024")))
            .build(),
        MailboxChange.builder()
            .addDraft(Draft.create(lee.id(), DraftId.of(501), DraftContent.builder().body("new").build(), at(52)))
            .build(),
        MailboxChange.builder()
            .reviseDraft(draft.revised(DraftContent.builder().body("revised").build(), at(53)), draft.version())
            .build(),
        MailboxChange.builder().removeDraft(lee.id(), spare.id()).build(),
        MailboxChange.builder().rememberKey(new SentKey(lee.id(), "send:k1", "f1", fresh.id())).build(),
        MailboxChange.builder().recordAutoReply(new AutoReplyRecord(ben.id(), lee.id(), at(54), 1)).build(),
        MailboxChange.builder().saveAutoResponder(anna.id(), new AutoResponderState(away("Anna"), 1, at(54))).build(),
        MailboxChange.builder().saveLink(link.remove(anna.id(), at(55))).build());
  }

  static AutoResponderSettings away(String who) {
    return AutoResponderSettings.builder().enabled(true).subject(who + " is away").body("Back soon.").build();
  }
}
