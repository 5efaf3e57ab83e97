package dev.casemail.messaging.core.message;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MEDIATOR;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.core.Fixtures;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ListedCopyTest {

  private static final Message PERSONAL = Fixtures.personal(1, MOTHER, FATHER, MEDIATOR);

  @Test
  void theSendersCopyListsEveryRecipientInTheSendersOrder() {
    ListedCopy listed = ListedCopy.of(MessageCopy.forSender(PERSONAL));

    assertThat(listed.direction()).isEqualTo(Direction.SENT);
    assertThat(listed.recipients()).containsExactly(FATHER, MEDIATOR);
    assertThat(listed.key()).isEqualTo(PERSONAL.key());
  }

  @Test
  void aReceivedCopyListsNoRecipientWhereverItSits() {
    MessageCopy copy = MessageCopy.forRecipient(PERSONAL, MEDIATOR.id());

    assertThat(ListedCopy.of(copy).recipients()).isEmpty();
    assertThat(ListedCopy.of(copy).direction()).isEqualTo(Direction.RECEIVED);
    assertThat(ListedCopy.of(MessageCopy.forRecipient(Fixtures.actionItem(2, MOTHER), MOTHER.id())).recipients())
        .as("a system message, which has no sender").isEmpty();
  }

  @Test
  void aListingKeepsWhatACopyShowsButTheBody() {
    MessageCopy copy = MessageCopy.forRecipient(PERSONAL, FATHER.id()).openedAt(Fixtures.NOW);
    ListedCopy listed = ListedCopy.of(copy);

    assertThat(listed.owner()).isEqualTo(FATHER.id());
    assertThat(listed.id()).isEqualTo(PERSONAL.id());
    assertThat(listed.thread()).isEqualTo(PERSONAL.thread());
    assertThat(listed.kind()).isEqualTo(PERSONAL.kind());
    assertThat(listed.sender()).contains(MOTHER);
    assertThat(listed.subject()).isEqualTo(PERSONAL.subject());
    assertThat(listed.preview()).isEqualTo(ListedCopy.preview(PERSONAL.body()));
    assertThat(listed.folder()).isEqualTo(copy.folder());
    assertThat(listed.openedAt()).isEqualTo(Optional.of(Fixtures.NOW));
  }

  @Test
  void aPreviewIsOneLineOfAtMost120Characters() {
    assertThat(ListedCopy.preview("  Dear a,\r\n\n\t the   hearing moves.  \n")).isEqualTo("Dear a, the hearing moves.");
    assertThat(ListedCopy.preview("")).isEmpty();
    assertThat(ListedCopy.preview("x".repeat(300))).hasSize(120);
    assertThat(ListedCopy.preview("😀".repeat(200))).as("code points, not UTF-16 units").hasSize(240);
    assertThat(ListedCopy.preview("a" + " ".repeat(5000) + "b")).isEqualTo("a b");
  }

  @Property
  void aPreviewOfAPreviewIsThePreview(@ForAll String body) {
    String preview = ListedCopy.preview(body);
    assertThat(ListedCopy.preview(preview)).isEqualTo(preview);
    assertThat(preview.codePointCount(0, preview.length())).isLessThanOrEqualTo(ListedCopy.PREVIEW_LENGTH);
    assertThat(preview).doesNotContain("\n", "\t", "  ");
  }
}
