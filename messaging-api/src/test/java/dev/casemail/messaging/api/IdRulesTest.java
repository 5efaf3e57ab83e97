package dev.casemail.messaging.api;

import static dev.casemail.messaging.api.SingleLineTextTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids and idempotency keys are compared exactly, so what cannot be seen cannot be in a new one: no
 * invisible character anywhere (else {@code prac-\u200BP} would sit beside {@code prac-P}), no
 * whitespace at all, on top of the rules of every single-line text, when a participant or a family
 * is registered or a key is sent. The id values themselves keep the rules every earlier version
 * registered under, so that stored ids always read back.
 */
class IdRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"prac-\u200BP", "\u200Bprac-P", "prac-P\u200D", "prac\u00ADP", "prac\u2060P", "prac\uFEFFP",
      "prac\u034FP", "prac\uFE0FP", "prac\u3164P", "prac\u200EP", "prac\uDB40\uDC41P"})
  void anIdWithAnInvisibleCharacterIsRefused(String id) {
    assertRefusedForNewIds(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"prac P", "prac\u00A0P", "prac\u2003P", "prac\u3000P", "prac\u202FP", "prac\u1680P"})
  void anIdWithWhitespaceInsideIsRefused(String id) {
    assertRefusedForNewIds(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0prac-P", "prac\u202EP"})
  void aNewIdWithABidiControlOrANoBreakSpaceAtAnEndIsRefused(String id) {
    assertRefusedForNewIds(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {" prac-P", "prac-P ", "prac-P\u2003", "prac\nP", "prac\u2028P", "", "\uD800x"})
  void theEarlierRulesStillHoldForEveryId(String id) {
    assertInvalid("participantId", () -> ParticipantId.of(id));
    assertInvalid("familyId", () -> FamilyId.of(id));
    assertInvalid("idempotencyKey", () -> key(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"prac-\u200BP", "prac P", "prac\u202EP", "\u00A0prac-P"})
  void anIdAnEarlierVersionStoredStillReadsBack(String stored) {
    assertThat(ParticipantId.of(stored).value()).isEqualTo(stored);
    assertThat(FamilyId.of(stored).value()).isEqualTo(stored);
  }

  private static void assertRefusedForNewIds(String id) {
    assertInvalid("id", () -> ParticipantRegistration.practitioner(ParticipantId.of(id), "Dr P"));
    assertInvalid("id", () -> FamilyRegistration.of(FamilyId.of(id), "F", Set.of(ParticipantId.of("anna"))));
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
