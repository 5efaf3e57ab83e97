package dev.casemail.messaging.core.mailbox;

import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.folder.CountChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DraftBoxTest {

  private static final Draft DRAFT =
      Draft.create(MOTHER.id(), DraftId.of(7), DraftContent.builder().subject("Holidays").build(), NOW);
  private static final Instant LATER = NOW.plusSeconds(600);

  @Test
  void aSavedDraftCountsInDrafts() {
    MailboxChange saved = DraftBox.save(DRAFT);

    assertThat(saved.draftsAdded()).containsExactly(DRAFT);
    assertThat(saved.counts()).containsExactly(new CountChange(MOTHER.id(), SystemFolder.DRAFTS.id(), 1, 0));
  }

  @Test
  void savingADraftAgainGivesItTheNewContentAndTheNextVersionAndCountsNothing() {
    DraftContent content = DraftContent.builder().subject("Summer holidays").body("Two weeks each?").build();

    MailboxChange revised = DraftBox.revise(DRAFT, 1, content, LATER);

    assertThat(revised.draftsRevised()).containsExactly(
        new MailboxChange.DraftRevised(new Draft(MOTHER.id(), DRAFT.id(), content, NOW, LATER, 2), 1));
    assertThat(revised.counts()).isEmpty();
    assertThat(revised.owners()).containsExactly(MOTHER.id());
  }

  @Test
  void savingADraftThatWasSavedMeanwhileIsAConflict() {
    Draft savedElsewhere = DRAFT.revised(DRAFT.content(), LATER);

    assertThatThrownBy(() -> DraftBox.revise(savedElsewhere, 1, DRAFT.content(), LATER))
        .isInstanceOf(ConflictException.class).hasMessageContaining("version 2, not 1");
  }

  @Test
  void aDiscardedDraftNoLongerCountsInDrafts() {
    MailboxChange discarded = DraftBox.discard(DRAFT);

    assertThat(discarded.draftsRemoved()).containsExactly(new MailboxChange.DraftRemoved(MOTHER.id(), DRAFT.id()));
    assertThat(discarded.counts()).containsExactly(new CountChange(MOTHER.id(), SystemFolder.DRAFTS.id(), -1, 0));
  }
}
