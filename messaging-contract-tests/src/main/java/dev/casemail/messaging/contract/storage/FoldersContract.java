package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.personal;
import static dev.casemail.messaging.contract.storage.StorageScene.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.folder.Folder;
import dev.casemail.messaging.core.folder.FolderCounts;
import dev.casemail.messaging.core.folder.FolderName;
import dev.casemail.messaging.core.folder.Folders;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.message.Message;
import dev.casemail.messaging.core.participant.Participant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The port {@link Folders}: each owner's folders with their names and the counts the changes left. */
public interface FoldersContract extends StorageFixture {

  @Test
  default void aNewMailboxHasEverySystemFolderAndNothingElseAllEmpty() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");

    assertThat(scene.committed().folders().of(anna.id())).containsExactlyInAnyOrderElementsOf(systemFolders(anna));
    for (SystemFolder folder : SystemFolder.values()) {
      assertThat(scene.committed().folders().find(anna.id(), folder.id())).contains(Folder.system(anna.id(), folder));
    }
  }

  @Test
  default void anAddedCustomFolderIsFoundWithItsName() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Folder court = Folder.custom(anna.id(), FolderId.of(Long.MAX_VALUE), FolderName.custom("Court — 2024 ✓ 😀"));
    Folder school = Folder.custom(anna.id(), FolderId.of(8), FolderName.custom("school"));

    scene.apply(MailboxChange.builder().addFolder(court).addFolder(school).build());

    assertThat(scene.committed().folders().find(anna.id(), court.id())).contains(court);
    assertThat(scene.committed().folders().find(anna.id(), school.id())).contains(school);
    List<Folder> expected = new ArrayList<>(systemFolders(anna));
    expected.add(court);
    expected.add(school);
    assertThat(scene.committed().folders().of(anna.id())).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  default void foldersAreFoundOnlyUnderTheirOwner() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Folder court = Folder.custom(anna.id(), FolderId.of(1000), FolderName.custom("Court"));
    scene.apply(MailboxChange.builder().addFolder(court).build());

    assertThat(scene.committed().folders().find(ben.id(), court.id())).isEmpty();
    assertThat(scene.committed().folders().of(ben.id())).containsExactlyInAnyOrderElementsOf(systemFolders(ben));
    assertThat(scene.committed().folders().find(anna.id(), FolderId.of(1001))).isEmpty();
    assertThat(scene.committed().folders().find(ParticipantId.of("ghost"), SystemFolder.INBOX.id())).isEmpty();
    assertThat(scene.committed().folders().of(ParticipantId.of("ghost"))).isEmpty();
  }

  @Test
  default void theCountsAreReadAsTheChangesLeftThem() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Message first = scene.deliver(personal(1, 1, lee, at(1), anna));
    scene.deliver(personal(2, 2, lee, at(2), anna));
    scene.deliver(system(MessageKind.NOTIFICATION, 3, at(3), anna));
    scene.open(anna, first, at(4));

    assertThat(counts(scene, anna)).containsExactlyInAnyOrder(
        "Inbox 2/1", "Action Items 0/0", "Notifications 1/1", "Drafts 0/0", "Sent 0/0", "Archive 0/0",
        "All Messages 2/1");
    assertThat(counts(scene, lee)).containsExactlyInAnyOrder(
        "Inbox 0/0", "Action Items 0/0", "Notifications 0/0", "Drafts 0/0", "Sent 2/0", "Archive 0/0",
        "All Messages 2/0");
    assertThat(scene.committed().folders().find(anna.id(), SystemFolder.INBOX.id()).orElseThrow().counts())
        .isEqualTo(new FolderCounts(2, 1));
  }

  private static List<Folder> systemFolders(Participant owner) {
    return Arrays.stream(SystemFolder.values()).map(f -> Folder.system(owner.id(), f)).collect(Collectors.toList());
  }

  /** Each folder of the owner as "name total/unread". */
  private static List<String> counts(StorageScene scene, Participant owner) {
    return scene.committed().folders().of(owner.id()).stream()
        .map(f -> f.name().value() + " " + f.total() + "/" + f.unread())
        .collect(Collectors.toList());
  }
}
