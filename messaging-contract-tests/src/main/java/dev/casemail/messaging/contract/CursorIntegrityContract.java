package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.PageCursor;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Cursors cannot be forged: a cursor the library issued, changed in any one character, is refused on
 * every listing (folders, All Messages, threads, drafts), as is a cursor built by hand in the form an
 * earlier version issued, whose parts anyone could compute. Each refusal is an
 * {@link InvalidInputException} naming the cursor, and changes nothing.
 */
public interface CursorIntegrityContract extends MessagingFixture {

  /** The characters of unpadded base64url, the alphabet cursors are written in. */
  String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  default void aFolderCursorChangedInAnyCharacterIsRefused() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    for (int i = 0; i < 3; i++) {
      world.send(lee, "Message " + i, "", anna);
    }
    PageCursor cursor = world.as(anna).folder(SystemFolder.INBOX.id(), PageRequest.first(1)).next().orElseThrow();

    assertEveryChangeRefused(world, cursor, next -> world.as(anna).folder(SystemFolder.INBOX.id(), next), lee, anna);
    assertThat(world.as(anna).folder(SystemFolder.INBOX.id(), PageRequest.first(1).next(cursor)).items()).hasSize(1);
  }

  @Test
  default void anAllMessagesCursorChangedInAnyCharacterIsRefused() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    world.send(lee, "One", "", anna);
    world.send(anna, "Two", "", lee);
    PageCursor cursor = world.as(anna).folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1)).next().orElseThrow();

    assertEveryChangeRefused(world, cursor, next -> world.as(anna).folder(SystemFolder.ALL_MESSAGES.id(), next), lee, anna);
  }

  @Test
  default void aThreadCursorChangedInAnyCharacterIsRefused() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageView start = world.send(lee, "Hearing", "", anna);
    world.as(anna).reply(Reply.to(start.id(), "ok"));
    PageCursor cursor = world.as(anna).thread(start.thread(), PageRequest.first(1)).next().orElseThrow();

    assertEveryChangeRefused(world, cursor, next -> world.as(anna).thread(start.thread(), next), lee, anna);
  }

  @Test
  default void aDraftsCursorChangedInAnyCharacterIsRefused() {
    World world = newWorld();
    ParticipantId anna = world.parent("anna");
    world.as(anna).saveDraft(DraftContent.builder().body("one").build());
    world.as(anna).saveDraft(DraftContent.builder().body("two").build());
    PageCursor cursor = world.as(anna).drafts(PageRequest.first(1)).next().orElseThrow();

    assertEveryChangeRefused(world, cursor, next -> world.as(anna).drafts(next), anna);
  }

  @Test
  default void aCursorWrittenByHandInTheFormerOpenFormIsRefused() {
    World world = newWorld();
    ParticipantId lee = world.practitioner("lee");
    ParticipantId anna = world.parent("anna");
    world.grant(lee, anna);
    MessageView first = world.send(lee, "One", "", anna);
    world.send(lee, "Two", "", anna);
    FolderPage page = world.as(anna).folder(SystemFolder.INBOX.id(), PageRequest.first(1));
    Map<ParticipantId, Object> before = world.snapshot(lee, anna);

    // version 2's layout: version, scope, an unkeyed hash of the owner, listing, seconds, nanos, id
    for (String ownerTag : List.of("0", "ffffffffffffffff", Long.toHexString("anna".hashCode()))) {
      String plain = "2:f:" + ownerTag + ":" + SystemFolder.INBOX.id().value() + ":"
          + first.sentAt().getEpochSecond() + ":" + first.sentAt().getNano() + ":" + (first.id().value() + 1);
      PageCursor forged = new PageCursor(
          Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII)));
      assertRefused(() -> world.as(anna).folder(SystemFolder.INBOX.id(), PageRequest.first(1).next(forged)));
    }
    assertThat(page.next()).isPresent();
    assertThat(world.snapshot(lee, anna)).isEqualTo(before);
  }

  /** Changes each character of the cursor to another of the alphabet, and every such cursor is refused. */
  private static void assertEveryChangeRefused(
      World world, PageCursor cursor, Function<PageRequest, ?> read, ParticipantId... participants) {
    Map<ParticipantId, Object> before = world.snapshot(participants);
    String token = cursor.token();
    for (int i = 0; i < token.length(); i++) {
      char original = token.charAt(i);
      char other = ALPHABET.charAt((ALPHABET.indexOf(original) + 1 + i) % ALPHABET.length());
      if (other == original) {
        other = ALPHABET.charAt((ALPHABET.indexOf(original) + 1) % ALPHABET.length());
      }
      String changed = token.substring(0, i) + other + token.substring(i + 1);
      PageRequest next = PageRequest.first(1).next(new PageCursor(changed));
      Throwable thrown = catchThrowable(() -> read.apply(next));
      assertThat(thrown).as("character %s of %s changed to %s", i, token, other)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
    for (String cut : List.of(token.substring(1), token.substring(0, token.length() - 1), token + "A")) {
      assertRefused(() -> read.apply(PageRequest.first(1).next(new PageCursor(cut))));
    }
    assertThat(world.snapshot(participants)).as("refused cursors change nothing").isEqualTo(before);
  }

  private static void assertRefused(Runnable read) {
    assertThat(catchThrowable(read::run))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }
}
