package dev.casemail.messaging.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void aFingerprintIsTheHexOfASha256() {
    assertThat(Fingerprints.of("send", List.of("father"), "Handover", "See you")).matches("[0-9a-f]{64}");
  }

  @Test
  void theSameContentHasTheSameFingerprint() {
    assertThat(Fingerprints.of("send", List.of("father", "mediator"), "Handover", "See you"))
        .isEqualTo(Fingerprints.of("send", List.of("father", "mediator"), "Handover", "See you"));
  }

  @Test
  void recipientsThatMerelyPrintAlikeHaveDifferentFingerprints() {
    assertThat(Fingerprints.of("send", List.of("a", "b"), "s", "b"))
        .isNotEqualTo(Fingerprints.of("send", List.of("a, b"), "s", "b"))
        .isNotEqualTo(Fingerprints.of("send", "[a, b]", "s", "b"));
  }

  @Test
  void textMovedFromOnePartToTheNextChangesTheFingerprint() {
    assertThat(Fingerprints.of("send", List.of(), "Hand", "over")).isNotEqualTo(Fingerprints.of("send", List.of(), "Handover", ""));
    assertThat(Fingerprints.of(List.of("a"), List.of("b"))).isNotEqualTo(Fingerprints.of(List.of("a", "b"), List.of()));
  }

  @Test
  void theOrderOfRecipientsCounts() {
    assertThat(Fingerprints.of("send", List.of("a", "b"))).isNotEqualTo(Fingerprints.of("send", List.of("b", "a")));
  }

  @Property
  void twoContentsHaveOneFingerprintExactlyWhenTheyAreTheSame(
      @ForAll("contents") List<Object> one, @ForAll("contents") List<Object> other) {
    boolean same = Fingerprints.of(one.toArray()).equals(Fingerprints.of(other.toArray()));

    assertThat(same).isEqualTo(one.equals(other));
  }

  /** Parts as calls give them: texts and lists of texts, of few characters so that they often meet. */
  @Provide
  Arbitrary<List<Object>> contents() {
    Arbitrary<String> text = Arbitraries.strings().withChars("ab, []\"").ofMaxLength(4);
    Arbitrary<Object> part = Arbitraries.oneOf(text.map(t -> (Object) t), text.list().ofMaxSize(3).map(l -> (Object) l));
    return part.list().ofMaxSize(3);
  }
}
