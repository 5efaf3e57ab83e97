package dev.casemail.messaging.core.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.folder.Folder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mailbox refuses a custom folder name that another of its folders has, or that looks like one. */
class MailboxLookalikeNamesTest {

  private static final ParticipantId ANNA = ParticipantId.of("anna");

  @Test
  void aNameThatLooksLikeAnotherFoldersNameIsAConflict() {
    Mailbox mailbox = mailboxWith("Court papers", "School");

    for (String lookalike : List.of("C\u043Eurt papers", "\u0421ourt papers", "Court pa\u0440ers", "COURT PAPERS")) {
      assertThatThrownBy(() -> mailbox.createFolder(FolderId.of(900), lookalike)).as(lookalike)
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> mailbox.renameFolder(FolderId.of(101), lookalike)).as(lookalike)
          .isInstanceOf(ConflictException.class);
    }
  }

  @Test
  void aFolderMayTakeANameThatLooksLikeItsOwn() {
    Mailbox mailbox = mailboxWith("Court papers", "School");

    assertThat(mailbox.renameFolder(FolderId.of(100), "C\u043Eurt papers").foldersRenamed())
        .singleElement().satisfies(folder -> assertThat(folder.name().value()).isEqualTo("C\u043Eurt papers"));
  }

  @Test
  void namesThatOnlyShareWordsAreNoConflict() {
    Mailbox mailbox = mailboxWith("Case 1", "School");

    assertThat(mailbox.createFolder(FolderId.of(900), "Case 2").foldersAdded())
        .singleElement().satisfies(folder -> assertThat(folder.name().value()).isEqualTo("Case 2"));
    assertThatThrownBy(() -> mailbox.createFolder(FolderId.of(901), "Case l")).isInstanceOf(ConflictException.class);
  }

  private static Mailbox mailboxWith(String... customNames) {
    List<Folder> folders = new ArrayList<>(Mailbox.open(ANNA).foldersAdded());
    Mailbox empty = new Mailbox(ANNA, folders);
    for (int i = 0; i < customNames.length; i++) {
      folders.addAll(empty.createFolder(FolderId.of(100 + i), customNames[i]).foldersAdded());
    }
    return new Mailbox(ANNA, folders);
  }
}
