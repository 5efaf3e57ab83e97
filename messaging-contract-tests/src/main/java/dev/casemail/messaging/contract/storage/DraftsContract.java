package dev.casemail.messaging.contract.storage;

import static dev.casemail.messaging.contract.storage.StorageScene.WHOLE;
import static dev.casemail.messaging.contract.storage.StorageScene.at;
import static dev.casemail.messaging.contract.storage.StorageScene.walk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.draft.Draft;
import dev.casemail.messaging.core.draft.Drafts;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.participant.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The port {@link Drafts}: each owner's drafts as saved, most recently saved first by (updated time,
 * id), paged strictly after a key.
 */
public interface DraftsContract extends StorageFixture {

  @Test
  default void anAddedDraftIsFoundAsSaved() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Participant ben = scene.parent("ben");
    Draft full = Draft.create(lee.id(), DraftId.of(Long.MAX_VALUE), DraftContent.builder()
        .addRecipients(ben.id(), anna.id())
        .subject("Hearing — Monday ✓")
        .body("Dear Ben,\r\n\tsee you 😀\n")
        .inReplyTo(MessageId.of(7))
        .build(), at(1));
    Draft empty = Draft.create(lee.id(), DraftId.of(1), DraftContent.builder().build(), at(2));

    scene.apply(MailboxChange.builder().addDraft(full).addDraft(empty).build());

    assertThat(scene.committed().drafts().find(lee.id(), full.id())).contains(full);
    assertThat(scene.committed().drafts().find(lee.id(), empty.id())).contains(empty);
  }

  @Test
  default void draftsAreFoundOnlyUnderTheirOwner() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Participant anna = scene.parent("anna");
    Draft draft = draft(lee, 5, at(1));
    scene.apply(MailboxChange.builder().addDraft(draft).build());

    assertThat(scene.committed().drafts().find(anna.id(), draft.id())).isEmpty();
    assertThat(scene.committed().drafts().find(lee.id(), DraftId.of(6))).isEmpty();
    assertThat(scene.committed().drafts().find(ParticipantId.of("ghost"), draft.id())).isEmpty();
    assertThat(scene.committed().drafts().page(anna.id(), Optional.empty(), WHOLE)).isEmpty();
    assertThat(scene.committed().drafts().page(ParticipantId.of("ghost"), Optional.empty(), WHOLE)).isEmpty();
    assertThat(scene.committed().drafts().page(lee.id(), Optional.empty(), WHOLE)).containsExactly(draft);
  }

  @Test
  default void draftsAreListedMostRecentlySavedFirstWithEqualInstantsByTheLargerIdFirst() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    scene.apply(MailboxChange.builder()
        .addDraft(draft(lee, 1, at(5)))
        .addDraft(draft(lee, Long.MAX_VALUE, at(5)))
        .addDraft(draft(lee, 100, at(5)))
        .addDraft(draft(lee, 7, at(1)))
        .addDraft(draft(lee, 8, at(9)))
        .build());
    List<Long> newestFirst = List.of(8L, Long.MAX_VALUE, 100L, 1L, 7L);

    assertThat(ids(scene.committed().drafts().page(lee.id(), Optional.empty(), WHOLE))).isEqualTo(newestFirst);
    for (int limit = 1; limit <= newestFirst.size() + 1; limit++) {
      assertThat(ids(walk(limit, Draft::key, (after, max) -> scene.committed().drafts().page(lee.id(), after, max))))
          .as("the pages of at most %d", limit)
          .isEqualTo(newestFirst);
    }
    assertThat(ids(page(scene, lee, at(5), Long.MAX_VALUE))).containsExactly(100L, 1L, 7L);
    assertThat(ids(page(scene, lee, at(5), 0))).containsExactly(7L);
    assertThat(ids(page(scene, lee, at(9), Long.MAX_VALUE))).isEqualTo(newestFirst);
    assertThat(page(scene, lee, at(1), 7)).isEmpty();
    assertThat(ids(scene.committed().drafts().page(lee.id(), Optional.of(new PageKey(at(9), 8)), 2)))
        .containsExactly(Long.MAX_VALUE, 100L);
  }

  @Test
  default void aRevisedDraftIsListedByItsNewUpdateTime() {
    StorageScene scene = StorageScene.on(newStorage());
    Participant lee = scene.practitioner("lee");
    Draft old = draft(lee, 7, at(1));
    scene.apply(MailboxChange.builder().addDraft(old).addDraft(draft(lee, 8, at(2))).build());
    Draft revised = old.revised(DraftContent.builder().body("second thoughts").build(), at(3));

    scene.apply(MailboxChange.builder().reviseDraft(revised, old.version()).build());

    assertThat(scene.committed().drafts().page(lee.id(), Optional.empty(), WHOLE))
        .containsExactly(revised, draft(lee, 8, at(2)));
    assertThat(scene.committed().drafts().find(lee.id(), old.id())).contains(revised);
    assertThat(revised.createdAt()).isEqualTo(at(1));
    assertThat(revised.version()).isEqualTo(2);
  }

  private static Draft draft(Participant owner, long id, Instant savedAt) {
    return Draft.create(owner.id(), DraftId.of(id), DraftContent.builder().body("draft " + id).build(), savedAt);
  }

  private static List<Draft> page(StorageScene scene, Participant owner, Instant at, long id) {
    return scene.committed().drafts().page(owner.id(), Optional.of(new PageKey(at, id)), WHOLE);
  }

  private static List<Long> ids(List<Draft> drafts) {
    return drafts.stream().map(d -> d.id().value()).collect(Collectors.toList());
  }
}
