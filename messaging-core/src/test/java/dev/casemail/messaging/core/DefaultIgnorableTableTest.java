package dev.casemail.messaging.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import dev.casemail.messaging.api.InputRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API may use only the JDK, so it carries Unicode's Default_Ignorable_Code_Point as a table of
 * its own; the core may use ICU4J, which derives the property from the Unicode data it ships. They
 * agree on every code point.
 */
class DefaultIgnorableTableTest {

  @Test
  void theApisTableOfInvisibleCharactersIsUnicodesDefaultIgnorableCodePointsAndWhitespace() {
    List<String> disagreements = new ArrayList<>();
    for (int c = Character.MIN_CODE_POINT; c <= Character.MAX_CODE_POINT; c++) {
      boolean unicode = UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
          || Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (InputRules.isInvisible(c) != unicode) {
        disagreements.add(String.format("U+%04X (ICU says %s)", c, unicode));
      }
    }
    assertThat(disagreements).as("code points where InputRules.isInvisible disagrees with ICU "
        + UCharacter.getUnicodeVersion()).isEmpty();
  }
}
