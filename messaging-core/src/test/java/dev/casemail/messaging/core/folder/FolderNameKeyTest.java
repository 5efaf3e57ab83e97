package dev.casemail.messaging.core.folder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.InputRules;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/**
 * A folder name's key fits storage whatever the name's length after NFKC: 64 code points within the
 * rules can grow to 1,152 characters, more than the JDBC column {@code folders.name_key VARCHAR(800)}.
 * Keys that fit are kept as they are, so every key version 1 stored still compares equal.
 */
class FolderNameKeyTest {

  /** Column {@code folders.name_key} of the JDBC schema, in UTF-16 units. */
  private static final int STORED_KEY_LENGTH = 800;

  @Test
  void theLongestNameAfterNfkcStillHasAKeyThatFitsStorage() {
    String longest = "\uFDFA".repeat(InputRules.MAX_FOLDER_NAME_LENGTH);
    assertThat(Normalizer.normalize(longest, Normalizer.Form.NFKC)).hasSize(1152);

    String key = FolderName.custom(longest).key();

    assertThat(key.length()).isLessThanOrEqualTo(STORED_KEY_LENGTH);
    assertThat(FolderName.custom(longest + " ").key()).isEqualTo(key);
  }

  @Test
  void longKeysThatDifferOnlyAtTheEndStayDifferent() {
    String stem = "\uFDFA".repeat(InputRules.MAX_FOLDER_NAME_LENGTH - 1);

    String a = FolderName.custom(stem + "a").key();
    String b = FolderName.custom(stem + "b").key();
    String upperA = FolderName.custom(stem + "A").key();

    assertThat(a).isNotEqualTo(b).hasSizeLessThanOrEqualTo(STORED_KEY_LENGTH);
    assertThat(upperA).isEqualTo(a);
  }

  @Test
  void keysThatFitAreTheNormalizedNameItself() {
    assertThat(FolderName.custom("  Court\u00A0Papers ").key()).isEqualTo("court papers");
    assertThat(FolderName.custom("Stra\u00DFe").key()).isEqualTo("strasse");
    assertThat(FolderName.custom("Pa\u00ADpers\u200B").key()).isEqualTo("papers");
    String longButFitting = "\uFDFA".repeat(44); // 792 units after NFKC
    assertThat(FolderName.custom(longButFitting).key()).isEqualTo(Normalizer.normalize(longButFitting, Normalizer.Form.NFKC).toLowerCase());
  }

  @Test
  void aLongKeyNeverSplitsASurrogatePair() {
    String name = "\uD835\uDC00".repeat(InputRules.MAX_FOLDER_NAME_LENGTH); // MATHEMATICAL BOLD CAPITAL A: NFKC "a"
    // after NFKC: 734 units, then an emoji's surrogate pair on units 734 and 735, then 162 units more
    String wide = "\uFDFA".repeat(40) + "x".repeat(14) + "\uD83D\uDE00" + "\uFDFA".repeat(9);

    assertThat(FolderName.custom(name).key()).isEqualTo("a".repeat(InputRules.MAX_FOLDER_NAME_LENGTH));
    String key = FolderName.custom(wide).key();
    assertThat(key.length()).isLessThanOrEqualTo(STORED_KEY_LENGTH);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))).as("pair at " + i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at " + i).isFalse();
      }
    }
  }
}
