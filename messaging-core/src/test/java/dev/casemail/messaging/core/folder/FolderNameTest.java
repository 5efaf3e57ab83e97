package dev.casemail.messaging.core.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.SystemFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A custom folder's name is never a system folder's name, nor one that looks like it (UTS #39 confusables). */
class FolderNameTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "\u0406nbox", // Cyrillic capital I
      "\u0456nbox", // Cyrillic small i
      "lnbox", // a small L for the capital I
      "Inb\u043Ex", // Cyrillic small o
      "\u0391rchive", // Greek capital alpha
      "Arch\u0456ve",
      "Dr\u0430fts", // Cyrillic small a
      "\u0405ent", // Cyrillic capital dze
      "Action \u0406tems",
      "Notificati\u03BFns", // Greek small omicron
      "All Mess\u0430ges",
      "Inbo\u0445", // Cyrillic small ha
  })
  void aNameThatLooksLikeASystemFoldersNameIsRefusedAsInvalidInput(String name) {
    assertThatThrownBy(() -> FolderName.custom(name))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Inbox 2", "Old Inbox", "Sent to court", "Archives", "Draft", "Action", "Notes"})
  void aNameThatMerelyResemblesASystemFoldersNameIsAllowed(String name) {
    assertThat(FolderName.custom(name).value()).isEqualTo(name);
  }

  @Test
  void aSystemFoldersOwnNameIsRefusedInEveryCase() {
    for (SystemFolder folder : SystemFolder.values()) {
      for (String name : new String[] {folder.displayName(), folder.displayName().toUpperCase(), folder.displayName().toLowerCase()}) {
        assertThatThrownBy(() -> FolderName.custom(name)).as(name).isInstanceOf(InvalidInputException.class);
      }
    }
  }

  @Test
  void twoNamesThatLookAlikeHaveTheSameSkeleton() {
    assertThat(FolderName.custom("Court papers").looksLike(FolderName.custom("C\u043Eurt papers"))).isTrue();
    assertThat(FolderName.custom("Court papers").looksLike(FolderName.custom("COURT PAPERS"))).isTrue();
    assertThat(FolderName.custom("Case I").looksLike(FolderName.custom("Case l"))).isTrue();
    assertThat(FolderName.custom("Court papers").looksLike(FolderName.custom("Court paper"))).isFalse();
    assertThat(FolderName.custom("Case 1").looksLike(FolderName.custom("Case 2"))).isFalse();
  }
}
