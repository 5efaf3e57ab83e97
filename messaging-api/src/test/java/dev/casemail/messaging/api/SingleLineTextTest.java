package dev.casemail.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Single-line texts (ids, names, subjects, folder names) refuse the bidirectional embedding, override
 * and isolate controls, and are blank when all they hold is invisible: default-ignorable code points
 * (zero-width characters, joiners, variation selectors, fillers, tags) and whitespace.
 */
class SingleLineTextTest {

  @ParameterizedTest
  @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
  void aBidiControlIsRefusedNamingTheFieldAndTheCodePoint(int control) {
    String text = "Invoice " + Character.toString(control) + "fdp.exe";

    assertThatThrownBy(() -> InputRules.singleLine("subject", text, 200))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subject");
          assertThat(e.rule()).contains(String.format("U+%04X", control));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", " \u2060 ", "\uFEFF", "\u00AD", "\u034F", "\u3164",
      "\uFFA0", "\u115F\u1160", "\u180E", "\uFE0F", "\u200E\u200F", "\u061C", "\u00A0\u200B", "\uDB40\uDC20",
      "\uDB40\uDD00", "\u2065", "\u17B4"})
  void aTextOfOnlyInvisibleCharactersIsBlank(String invisible) {
    assertThatThrownBy(() -> InputRules.singleLine("subject", invisible, 200))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subject");
          assertThat(e.rule()).contains("blank");
        });
  }

  @Test
  void visibleTextBesideInvisibleCharactersIsKeptAsWritten() {
    assertThat(InputRules.singleLine("subject", " \u200BHearing\u200D ", 200)).isEqualTo("\u200BHearing\u200D");
    assertThat(InputRules.singleLine("subject", "\u05E9\u05DC\u05D5\u05DD \u200F(1)", 200)).isEqualTo("\u05E9\u05DC\u05D5\u05DD \u200F(1)");
  }

  @Test
  void aSubjectOfOnlyZeroWidthCharactersIsRefusedWhereverASubjectIsRequired() {
    String invisible = "\u200B\u200B\u2060";
    ParticipantId anna = ParticipantId.of("anna");

    assertInvalid("subject", () -> NewMessage.builder().addRecipients(anna).subject(invisible).build());
    assertInvalid("subject", () -> NewNotification.builder().recipient(anna).subject(invisible).build());
    assertInvalid("subject", () -> AutoResponderSettings.builder().enabled(true).subject(invisible).build());
    assertInvalid("subject", () -> NewMessage.builder().addRecipients(anna).subject("\u202EHearing").build());
  }

  @Test
  void aDraftWithAnInvisibleSubjectHasNoSubject() {
    assertThat(DraftContent.builder().subject("\u200B\u200C").build().subject()).isEmpty();
    assertThat(DraftContent.builder().subject(" \uFEFF ").build().subject()).isEmpty();
    assertThat(DraftContent.builder().subject(" Draft ").build().subject()).contains("Draft");
    assertInvalid("subject", () -> DraftContent.builder().subject("Draft\u2067").build());
  }

  @Test
  void aDisabledAutoResponderWithAnInvisibleSubjectHasAnEmptyOne() {
    assertThat(AutoResponderSettings.builder().enabled(false).subject("\u200B").build().subject()).isEmpty();
  }

  @Test
  void namesRefuseBidiControlsAndInvisibleOnlyText() {
    ParticipantId anna = ParticipantId.of("anna");

    assertInvalid("displayName", () -> ParticipantRegistration.parent(anna, "Anna \u202Egnimmahs"));
    assertInvalid("displayName", () -> ParticipantRegistration.parent(anna, "\u200B"));
    assertInvalid("name", () -> FamilyRegistration.of(FamilyId.of("f"), "\u2066F\u2069", java.util.Set.of(anna)));
  }

  @Test
  void bodiesKeepTheirTextExactly() {
    String body = "\u202Bمرحبا\u202C and \u200B";

    assertThat(InputRules.multiLine("body", body, 1000)).isEqualTo(body);
  }

  static void assertInvalid(String field, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
