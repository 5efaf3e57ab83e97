package dev.casemail.messaging.api;

import static dev.casemail.messaging.api.SingleLineTextTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids and idempotency keys are compared exactly, so what cannot be seen cannot be in them: no
 * invisible character anywhere (else {@code prac-\u200BP} would sit beside {@code prac-P}), no
 * whitespace at all, on top of the rules of every single-line text.
 */
class IdRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"prac-\u200BP", "\u200Bprac-P", "prac-P\u200D", "prac\u00ADP", "prac\u2060P", "prac\uFEFFP",
      "prac\u034FP", "prac\uFE0FP", "prac\u3164P", "prac\u200EP", "prac\uDB40\uDC41P"})
  void anIdWithAnInvisibleCharacterIsRefused(String id) {
    assertInvalid("participantId", () -> ParticipantId.of(id));
    assertInvalid("familyId", () -> FamilyId.of(id));
    assertInvalid("idempotencyKey", () -> key(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"prac P", "prac\u00A0P", "prac\u2003P", "prac\u3000P", "prac\u202FP", "prac\u1680P"})
  void anIdWithWhitespaceInsideIsRefused(String id) {
    assertInvalid("participantId", () -> ParticipantId.of(id));
    assertInvalid("familyId", () -> FamilyId.of(id));
    assertInvalid("idempotencyKey", () -> key(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {" prac-P", "prac-P ", "\u00A0prac-P", "prac-P\u2003", "prac\u202EP", "prac\nP", ""})
  void theEarlierRulesStillHold(String id) {
    assertInvalid("participantId", () -> ParticipantId.of(id));
    assertInvalid("familyId", () -> FamilyId.of(id));
    assertInvalid("idempotencyKey", () -> key(id));
  }

  @Test
  void visibleIdsOfAnyScriptAreAccepted() {
    for (String id : new String[] {"prac-P", "ПРАК-1", "子供-2", "user@example.org", "a'b\"c;--", "😀"}) {
      assertThat(ParticipantId.of(id).value()).isEqualTo(id);
      assertThat(FamilyId.of(id).value()).isEqualTo(id);
      assertThat(key(id).idempotencyKey()).contains(id);
    }
  }

  private static NewMessage key(String key) {
    return NewMessage.builder().addRecipients(ParticipantId.of("anna")).subject("s").idempotencyKey(key).build();
  }
}
