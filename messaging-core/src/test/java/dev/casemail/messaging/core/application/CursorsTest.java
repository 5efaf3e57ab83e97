package dev.casemail.messaging.core.application;

import static dev.casemail.messaging.core.Fixtures.FATHER;
import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.PageCursor;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.application.Cursors.Listing;
import dev.casemail.messaging.core.application.Cursors.Scope;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.port.Store;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CursorsTest {

  static final byte[] SECRET = secret(7);
  static final Store STORE = TestStores.withCursorSecrets(() -> SECRET.clone());
  static final Listing MOTHERS_INBOX = new Listing(Scope.FOLDER, MOTHER.id(), 1);
  static final PageKey KEY = new PageKey(NOW, 42);

  private final Cursors cursors = new Cursors();

  @Property
  void aCursorLeadsBackToThePositionItWasIssuedFor(@ForAll("listings") Listing listing, @ForAll("keys") PageKey key) {
    PageCursor cursor = cursors.encode(STORE, listing, key);

    assertThat(cursors.decode(STORE, Optional.of(cursor), listing)).contains(key);
  }

  @Property
  void aCursorIsSixtyFourCharactersOfUnpaddedBase64url(@ForAll("listings") Listing listing, @ForAll("keys") PageKey key) {
    assertThat(cursors.encode(STORE, listing, key).token()).matches("[A-Za-z0-9_-]{64}");
  }

  @Property
  void aCursorWithAnyOneCharacterChangedIsRefused(
      @ForAll("listings") Listing listing,
      @ForAll("keys") PageKey key,
      @ForAll @IntRange(min = 0, max = 63) int position,
      @ForAll("replacements") char replacement) {
    String token = cursors.encode(STORE, listing, key).token();
    char[] changed = token.toCharArray();
    Assume.that(changed[position] != replacement);
    changed[position] = replacement;

    assertThatThrownBy(() -> cursors.decode(STORE, Optional.of(new PageCursor(new String(changed))), listing))
        .isInstanceOf(InvalidInputException.class);
  }

  @Property
  void aCursorIsRefusedByAnotherParticipantOnAnotherListingOrInAnotherScope(
      @ForAll("listings") Listing issuedFor,
      @ForAll("listings") Listing other,
      @ForAll @IntRange(min = 1, max = 7) int whatDiffers,
      @ForAll("keys") PageKey key) {
    // each bit of whatDiffers takes one part of the listing from the other one: its owner, scope or id
    Listing usedFor = new Listing(
        (whatDiffers & 2) != 0 ? other.scope() : issuedFor.scope(),
        (whatDiffers & 1) != 0 ? other.owner() : issuedFor.owner(),
        (whatDiffers & 4) != 0 ? other.id() : issuedFor.id());
    Assume.that(!usedFor.equals(issuedFor));
    PageCursor cursor = cursors.encode(STORE, issuedFor, key);

    assertThatThrownBy(() -> cursors.decode(STORE, Optional.of(cursor), usedFor))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void aCursorIssuedForTheCoParentIsRefused() {
    PageCursor mothers = cursors.encode(STORE, MOTHERS_INBOX, KEY);

    assertThatThrownBy(() -> cursors.decode(STORE, Optional.of(mothers), new Listing(Scope.FOLDER, FATHER.id(), 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a cursor issued by this library");
  }

  @Test
  void aCursorOfOneFolderIsRefusedInAnotherAndSaysSo() {
    PageCursor inbox = cursors.encode(STORE, MOTHERS_INBOX, KEY);

    assertThatThrownBy(() -> cursors.decode(STORE, Optional.of(inbox), new Listing(Scope.FOLDER, MOTHER.id(), 6)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("issued for another listing");
    assertThatThrownBy(() -> cursors.decode(STORE, Optional.of(inbox), new Listing(Scope.THREAD, MOTHER.id(), 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("issued for another listing");
  }

  @Test
  void aCursorIssuedOnAnotherStorageIsRefused() {
    Store elsewhere = TestStores.withCursorSecrets(() -> secret(8));
    PageCursor foreign = new Cursors().encode(elsewhere, MOTHERS_INBOX, KEY);

    assertThatThrownBy(() -> cursors.decode(STORE, Optional.of(foreign), MOTHERS_INBOX))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void noCursorMeansTheFirstPage() {
    assertThat(cursors.decode(STORE, Optional.empty(), MOTHERS_INBOX)).isEmpty();
  }

  @Test
  void aCursorCutShortOrLengthenedIsRefused() {
    String token = cursors.encode(STORE, MOTHERS_INBOX, KEY).token();

    for (String bad : new String[] {token.substring(0, 63), token + "A", token + "==", token.substring(0, 60)}) {
      assertThatThrownBy(() -> cursors.decode(STORE, Optional.of(new PageCursor(bad)), MOTHERS_INBOX))
          .as(bad).isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void theSecretIsReadFromTheStorageOnceAndKept() {
    AtomicInteger reads = new AtomicInteger();
    Store store = TestStores.withCursorSecrets(() -> {
      reads.incrementAndGet();
      return SECRET.clone();
    });

    PageCursor cursor = cursors.encode(store, MOTHERS_INBOX, KEY);
    cursors.decode(store, Optional.of(cursor), MOTHERS_INBOX);
    cursors.encode(store, MOTHERS_INBOX, KEY);

    assertThat(reads).hasValue(1);
  }

  @Test
  void aSecretShorterThan32BytesIsRefused() {
    Store weak = TestStores.withCursorSecrets(() -> Arrays.copyOf(SECRET, 31));

    assertThatThrownBy(() -> new Cursors().encode(weak, MOTHERS_INBOX, KEY)).isInstanceOf(IllegalStateException.class);
  }

  /** Mostly another character of the cursor's own alphabet, which only the MAC can tell; sometimes any. */
  @Provide
  Arbitrary<Character> replacements() {
    Arbitrary<Character> base64url = Arbitraries.chars().range('A', 'Z').range('a', 'z').range('0', '9').with('-', '_');
    return Arbitraries.frequencyOf(Tuple.of(4, base64url), Tuple.of(1, Arbitraries.chars()));
  }

  @Provide
  Arbitrary<Listing> listings() {
    Arbitrary<ParticipantId> owner = Arbitraries.of("mother", "father", "mediator", "m", "mother2").map(ParticipantId::of);
    return Combinators.combine(Arbitraries.of(Scope.class), owner, Arbitraries.oneOf(Arbitraries.longs().between(1, 8), Arbitraries.longs().greaterOrEqual(1)))
        .as(Listing::new);
  }

  @Provide
  Arbitrary<PageKey> keys() {
    Arbitrary<Long> seconds = Arbitraries.longs()
        .between(InputRules.MIN_INSTANT.getEpochSecond(), InputRules.MAX_INSTANT.getEpochSecond());
    Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
    return Combinators.combine(seconds, nanos, Arbitraries.longs().greaterOrEqual(1))
        .as((s, n, id) -> new PageKey(Instant.ofEpochSecond(s, n), id));
  }

  static byte[] secret(int seed) {
    byte[] secret = new byte[32];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (seed * 31 + i * 17);
    }
    return secret;
  }
}
