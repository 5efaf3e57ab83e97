package dev.casemail.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** {@link MoveRequest#to}: a target and the ids to move, each refused with an InvalidInputException when wrong. */
class MoveRequestTest {

  private static final FolderId ARCHIVE = SystemFolder.ARCHIVE.id();

  @Test
  void movesEveryGivenMessageToTheTarget() {
    MoveRequest request = MoveRequest.to(ARCHIVE, MessageId.of(1), MessageId.of(2), MessageId.of(3));

    assertThat(request.messages()).containsExactly(MessageId.of(1), MessageId.of(2), MessageId.of(3));
    assertThat(request.target()).isEqualTo(ARCHIVE);
    assertThat(request.expectedSource()).isEmpty();
    assertThat(request).isEqualTo(MoveRequest.builder()
        .addMessages(MessageId.of(1), MessageId.of(2), MessageId.of(3)).target(ARCHIVE).build());
  }

  @Test
  void oneMessageIsEnough() {
    assertThat(MoveRequest.to(ARCHIVE, MessageId.of(7))).isEqualTo(MoveRequest.of(MessageId.of(7), ARCHIVE));
  }

  @Test
  void noMessageIsInvalidInput() {
    assertInvalid("messages", () -> MoveRequest.to(ARCHIVE));
  }

  @Test
  void aNullArrayOrANullIdIsInvalidInput() {
    assertInvalid("messages", () -> MoveRequest.to(ARCHIVE, (MessageId[]) null));
    assertInvalid("messages", () -> MoveRequest.to(ARCHIVE, MessageId.of(1), null));
  }

  @Test
  void aNullTargetIsInvalidInput() {
    assertInvalid("target", () -> MoveRequest.to(null, MessageId.of(1)));
  }

  @Test
  void moreThanABatchIsInvalidInput() {
    MessageId[] ids = new MessageId[InputRules.MAX_MOVE_BATCH + 1];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = MessageId.of(i + 1);
    }

    assertInvalid("messages", () -> MoveRequest.to(ARCHIVE, ids));
  }

  private static void assertInvalid(String field, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
