package dev.casemail.messaging.core.record;

import static dev.casemail.messaging.core.record.MerkleTreeProperties.LEAVES;
import static dev.casemail.messaging.core.record.MerkleTreeProperties.MAX_SIZE;
import static dev.casemail.messaging.core.record.MerkleTreeProperties.TREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RecordHead}, the O(log n) state a store keeps instead of the tree: appended one leaf at a
 * time it has the root of the tree of those leaves at every size, its frontier is the compact range of
 * RFC 9162's tree (one complete subtree per set bit of the size, the largest first), and it reads back
 * from what it writes.
 */
class RecordHeadProperties {

  @Property(tries = 20)
  void appendingLeafByLeafGivesTheTreesRootAndACompactFrontierAtEverySize(@ForAll("sizes") int size) {
    RecordHead head = RecordHead.EMPTY;
    assertThat(head.root()).isEqualTo(MerkleTree.emptyRoot());
    for (int n = 1; n <= size; n++) {
      head = head.append(LEAVES.get(n - 1));

      assertThat(head.size()).isEqualTo(n);
      assertThat(head.root()).as("root at %d", n).isEqualTo(TREE.root(n));
      assertThat(head.frontierHex()).hasSize(Long.bitCount(n) * 2 * MerkleTree.HASH_SIZE);
    }
    assertThat(head.root()).isEqualTo(MerkleTree.of(LEAVES.subList(0, size)).root());
  }

  @Example
  void atEverySizeUpTo300TheHeadHasTheRootOfTheTreeOfExactlyItsLeaves() {
    RecordHead head = RecordHead.EMPTY;
    for (int size = 0; size <= 300; size++) {
      assertThat(head.root()).as("size %d", size).isEqualTo(MerkleTree.of(LEAVES.subList(0, size)).root());
      head = head.append(LEAVES.get(size));
    }
  }

  @Property(tries = 50)
  void theFrontierIsTheRootsOfTheCompleteSubtreesOnTheRightEdgeLargestFirst(@ForAll("sizes") int size) {
    RecordHead head = headOf(size);

    StringBuilder expected = new StringBuilder();
    int start = 0;
    for (int width = Integer.highestOneBit(Math.max(size, 1)); width > 0; width >>= 1) {
      if ((size & width) != 0) {
        expected.append(RecordEncoding.hex(MerkleTree.of(LEAVES.subList(start, start + width)).root()));
        start += width;
      }
    }
    assertThat(start).isEqualTo(size);
    assertThat(head.frontierHex()).isEqualTo(expected.toString());
  }

  @Property(tries = 50)
  void aHeadReadBackFromItsSizeAndFrontierIsTheSameHeadAndGrowsTheSame(@ForAll("sizes") int size) {
    RecordHead head = headOf(size);

    RecordHead stored = RecordHead.of(head.size(), head.frontierHex());

    assertThat(stored).isEqualTo(head).hasSameHashCodeAs(head);
    assertThat(stored.root()).isEqualTo(head.root());
    assertThat(stored.frontierHex()).isEqualTo(head.frontierHex());
    assertThat(stored.append(LEAVES.get(size))).isEqualTo(head.append(LEAVES.get(size)));
    assertThat(stored.append(LEAVES.get(size)).root()).isEqualTo(TREE.root(size + 1));
  }

  @Property(tries = 50)
  void aStoredFrontierWithOneHashTooManyOrTooFewIsRefused(@ForAll("sizes") int size) {
    String frontier = headOf(size).frontierHex();
    String oneHash = RecordEncoding.hex(LEAVES.get(0));

    assertThatThrownBy(() -> RecordHead.of(size, frontier + oneHash)).isInstanceOf(IllegalArgumentException.class);
    if (size > 0) {
      assertThatThrownBy(() -> RecordHead.of(size, frontier.substring(oneHash.length())))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Example
  void aStoredFrontierThatIsNotWholeHashesOrNotHexIsRefused() {
    String frontier = headOf(3).frontierHex();

    assertThatThrownBy(() -> RecordHead.of(3, frontier.substring(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordHead.of(3, "zz" + frontier.substring(2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordHead.of(-1, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordHead.EMPTY.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThat(RecordHead.of(0, "")).isEqualTo(RecordHead.EMPTY);
  }

  @Provide
  Arbitrary<Integer> sizes() {
    List<Integer> edges = new ArrayList<>(List.of(1, 2, 3, 4, 7, 8, 9, 1023, 1024, 1025, 2047, 2048, 2049));
    return Arbitraries.oneOf(Arbitraries.integers().between(0, MAX_SIZE), Arbitraries.of(edges));
  }

  private static RecordHead headOf(int size) {
    RecordHead head = RecordHead.EMPTY;
    for (int n = 0; n < size; n++) {
      head = head.append(LEAVES.get(n));
    }
    return head;
  }
}
