package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a whole mailbox through the API and checks what must hold after any sequence of calls: the
 * system folders are all there in their order, every copy sits in exactly one real folder, All
 * Messages holds exactly the personal messages and auto-replies of the real folders, and every
 * folder's total and unread counts equal a recount of its listing. Public so that an adapter's own
 * tests (several service instances on one database, for one) can audit what they leave behind.
 */
public final class MailboxAudit {

  /** What one mailbox holds, as read after the checks passed. */
  public record Contents(
      Map<MessageId, FolderId> folderOf,
      Set<MessageId> unread,
      Set<MessageId> allMessages,
      Map<FolderId, String> customFolders) {}

  private MailboxAudit() {}

  /** Reads {@code owner}'s mailbox through {@code world}'s library, asserts the invariants, returns what it holds. */
  public static Contents check(World world, ParticipantId owner) {
    List<FolderView> folders = world.as(owner).folders();
    List<SystemFolder> systemOrder = Arrays.asList(SystemFolder.values());
    assertThat(folders.subList(0, systemOrder.size()))
        .as("%s's system folders", owner)
        .extracting(FolderView::id)
        .containsExactlyElementsOf(systemOrder.stream().map(SystemFolder::id).collect(Collectors.toList()));
    assertThat(folders.subList(0, systemOrder.size())).as("%s's system folder names", owner)
        .extracting(FolderView::name)
        .containsExactlyElementsOf(systemOrder.stream().map(SystemFolder::displayName).collect(Collectors.toList()));
    List<FolderView> customs = folders.subList(systemOrder.size(), folders.size());
    assertThat(customs).as("%s's custom folders, by name ignoring case", owner)
        .allMatch(FolderView::isCustom)
        .isSortedAccordingTo(Comparator.comparing((FolderView f) -> FolderMoveMachine.key(f.name())));

    Map<MessageId, FolderId> folderOf = new LinkedHashMap<>();
    Set<MessageId> unread = new LinkedHashSet<>();
    Map<FolderId, String> custom = new LinkedHashMap<>();
    List<MessageSummary> allMessages = List.of();
    Set<MessageId> personal = new LinkedHashSet<>();
    for (FolderView folder : folders) {
      if (folder.isCustom()) {
        custom.put(folder.id(), folder.name());
      }
      if (folder.system().filter(SystemFolder.DRAFTS::equals).isPresent()) {
        assertThat(folder.total()).as("%s's Drafts count", owner).isEqualTo(world.drafts(owner).size());
        continue;
      }
      List<MessageSummary> listing = world.list(owner, folder.id());
      assertRecount(owner, folder, listing);
      if (folder.system().filter(SystemFolder.ALL_MESSAGES::equals).isPresent()) {
        allMessages = listing;
        continue;
      }
      for (MessageSummary copy : listing) {
        assertThat(copy.folder()).as("folder of %s listed in %s of %s", copy.id(), folder.name(), owner)
            .isEqualTo(folder.id());
        FolderId earlier = folderOf.put(copy.id(), folder.id());
        assertThat(earlier).as("%s of %s is in %s and in %s", copy.id(), owner, earlier, folder.id()).isNull();
        if (copy.unread()) {
          unread.add(copy.id());
        }
        if (!copy.kind().isSystem()) {
          personal.add(copy.id());
        }
      }
    }
    Set<MessageId> all =
        allMessages.stream().map(MessageSummary::id).collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(all).as("%s's All Messages has no duplicates", owner).hasSize(allMessages.size());
    assertThat(all).as("%s's All Messages = personal messages and auto-replies of the real folders", owner)
        .containsExactlyInAnyOrderElementsOf(personal);
    for (MessageSummary copy : allMessages) {
      assertThat(copy.folder()).as("All Messages shows where %s sits", copy.id()).isEqualTo(folderOf.get(copy.id()));
    }
    return new Contents(folderOf, unread, all, custom);
  }

  private static void assertRecount(ParticipantId owner, FolderView folder, List<MessageSummary> listing) {
    assertThat(folder.total()).as("total of %s of %s", folder.name(), owner).isEqualTo(listing.size());
    assertThat(folder.unread()).as("unread of %s of %s", folder.name(), owner)
        .isEqualTo(listing.stream().filter(MessageSummary::unread).count());
  }
}
