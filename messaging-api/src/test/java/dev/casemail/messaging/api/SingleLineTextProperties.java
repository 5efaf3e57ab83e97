package dev.casemail.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rules of single-line texts as invariants over any text. */
class SingleLineTextProperties {

  @Property
  void anyTextWithABidiControlIsRefusedNamingTheField(
      @ForAll("texts") String before, @ForAll("bidiControls") char control, @ForAll("texts") String after) {
    Throwable thrown = catchThrowable(() -> InputRules.singleLine("name", before + control + after, 1000));

    assertThat(thrown).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) thrown).field()).isEqualTo("name");
  }

  @Property
  void anyTextOfInvisibleCharactersOnlyIsRefusedAsBlank(@ForAll("invisibleTexts") String invisible) {
    Throwable thrown = catchThrowable(() -> InputRules.singleLine("name", invisible, 1000));

    assertThat(thrown).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) thrown).rule()).contains("blank");
  }

  @Property
  void whatSingleLineAcceptsItReturnsTrimmedAndHasSomethingVisible(@ForAll("texts") String text) {
    String accepted;
    try {
      accepted = InputRules.singleLine("name", text, 1000);
    } catch (InvalidInputException refused) {
      return;
    }
    assertThat(accepted).isEqualTo(text.strip());
    assertThat(accepted.codePoints().anyMatch(c -> !InputRules.isInvisible(c))).isTrue();
    assertThat(accepted.codePoints().noneMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
        .isTrue();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab \u00A0\u200B\u200D\u2060\uFEFF\u00AD\u3164\u0301é😀\u202A\u2069\u2028\t")
        .ofMaxLength(12);
  }

  @Provide
  Arbitrary<Character> bidiControls() {
    return Arbitraries.of('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
  }

  @Provide
  Arbitrary<String> invisibleTexts() {
    return Arbitraries.strings()
        .withChars("\u200B\u200C\u200D\u2060\uFEFF\u00AD\u034F\u3164\uFFA0\u180E\uFE0F \u00A0\u2003\u3000\u061C")
        .ofMinLength(1).ofMaxLength(20);
  }
}
