package dev.casemail.messaging.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The proofs of {@link MerkleTree} for trees of up to a few thousand leaves: every inclusion and
 * consistency proof verifies, and any change to what is proven (any one bit of the leaf hash, of a
 * proof node or of a root, the index, a size, the length of the proof) makes it fail.
 *
 * <p>A size changed by one is checked against the root of the size it claims. Against the root of the
 * size the proof was made for, it may verify: the RFC 9162 verifier follows only the shape of the
 * path, and the path of leaf 0 in a tree of 5 has the shape of its path in a tree of 6 (see {@link
 * #aProofForOneSizeCanFitTheShapeOfAnotherSoSizeAndRootMustComeFromOneSignedHead}). That is why a
 * proof is only ever checked against the size and the root of one signed head.
 */
class MerkleTreeProperties {

  static final int MAX_SIZE = 3000;

  /** One tree over enough leaves for every size drawn and one more; the trees of smaller sizes are its prefixes. */
  static final List<byte[]> LEAVES = leaves(MAX_SIZE + 1);
  static final MerkleTree TREE = MerkleTree.of(LEAVES);

  record Leaf(int size, int index) {}

  record Prefix(int oldSize, int newSize) {}

  enum InclusionTamper {
    LEAF_BIT, PROOF_BIT, ROOT_BIT, INDEX_PLUS_ONE, INDEX_MINUS_ONE, SIZE_PLUS_ONE, SIZE_MINUS_ONE,
    DROP_LAST, DROP_FIRST, APPEND_HASH, PREPEND_HASH, REPEAT_A_NODE
  }

  enum ConsistencyTamper {
    PROOF_BIT, OLD_ROOT_BIT, NEW_ROOT_BIT, OLD_SIZE_PLUS_ONE, OLD_SIZE_MINUS_ONE, NEW_SIZE_PLUS_ONE,
    NEW_SIZE_MINUS_ONE, DROP_LAST, DROP_FIRST, APPEND_HASH, PREPEND_OLD_ROOT, REPEAT_A_NODE, SWAPPED_ROOTS
  }

  // ---------------------------------------------------------------------------------- inclusion

  @Property(tries = 200)
  void theInclusionProofOfAnyLeafVerifiesAgainstTheRootOfItsSize(@ForAll("leaves") Leaf leaf) {
    int size = leaf.size();
    byte[] root = TREE.root(size);
    List<Integer> indices = new ArrayList<>(sample(size));
    indices.add(leaf.index());
    for (int index : indices) {
      List<byte[]> proof = TREE.inclusionProof(index, size);

      assertThat(MerkleTree.verifyInclusion(LEAVES.get(index), index, size, proof, root)).as("leaf %d of %d", index, size).isTrue();
      assertThat(proof).hasSize(pathLength(index, size));
    }
  }

  @Property(tries = 30)
  void aTreeOfExactlyTheLeavesHasTheRootAndTheProofsOfTheLargerTreesPrefix(@ForAll("sizes") int size) {
    MerkleTree exact = MerkleTree.of(LEAVES.subList(0, size));

    assertThat(exact.root()).isEqualTo(TREE.root(size)).isEqualTo(exact.root(size));
    for (int index : sample(size)) {
      assertThat(exact.inclusionProof(index, size)).containsExactlyElementsOf(TREE.inclusionProof(index, size));
    }
  }

  @Example
  void everyLeafOfEveryTreeOfUpTo32LeavesIsProvenAndOnlyAtItsOwnIndex() {
    for (int size = 1; size <= 32; size++) {
      byte[] root = TREE.root(size);
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = TREE.inclusionProof(index, size);
        for (int claimed = 0; claimed < size; claimed++) {
          assertThat(MerkleTree.verifyInclusion(LEAVES.get(index), claimed, size, proof, root))
              .as("leaf %d of %d claimed at %d", index, size, claimed)
              .isEqualTo(claimed == index);
        }
      }
    }
  }

  @Property(tries = 200)
  void anyChangeToAnInclusionClaimMakesItFail(
      @ForAll("leaves") Leaf leaf,
      @ForAll InclusionTamper tamper,
      @ForAll("nodes") int node) {
    int index = leaf.index();
    long size = leaf.size();
    byte[] leafHash = LEAVES.get(index);
    List<byte[]> proof = new ArrayList<>(TREE.inclusionProof(index, size));
    byte[] root = TREE.root(size);
    Assume.that(!proof.isEmpty() || !needsANode(tamper));
    int at = proof.isEmpty() ? 0 : node % proof.size();

    switch (tamper) {
      case LEAF_BIT -> {
        for (byte[] flipped : everyBitFlipped(leafHash)) {
          assertThat(MerkleTree.verifyInclusion(flipped, index, size, proof, root)).isFalse();
        }
        return;
      }
      case PROOF_BIT -> {
        for (byte[] flipped : everyBitFlipped(proof.get(at))) {
          proof.set(at, flipped);
          assertThat(MerkleTree.verifyInclusion(leafHash, index, size, proof, root)).isFalse();
        }
        return;
      }
      case ROOT_BIT -> {
        for (byte[] flipped : everyBitFlipped(root)) {
          assertThat(MerkleTree.verifyInclusion(leafHash, index, size, proof, flipped)).isFalse();
        }
        return;
      }
      case INDEX_PLUS_ONE -> index++;
      case INDEX_MINUS_ONE -> index--;
      case SIZE_PLUS_ONE -> root = TREE.root(++size);
      case SIZE_MINUS_ONE -> root = TREE.root(--size);
      case DROP_LAST -> proof.remove(proof.size() - 1);
      case DROP_FIRST -> proof.remove(0);
      case APPEND_HASH -> proof.add(LEAVES.get(node));
      case PREPEND_HASH -> proof.add(0, LEAVES.get(node));
      case REPEAT_A_NODE -> proof.add(at, proof.get(at));
      default -> throw new AssertionError(tamper);
    }

    assertThat(MerkleTree.verifyInclusion(leafHash, index, size, proof, root)).isFalse();
  }

  @Example
  void aProofForOneSizeCanFitTheShapeOfAnotherSoSizeAndRootMustComeFromOneSignedHead() {
    List<byte[]> proof = TREE.inclusionProof(0, 5);

    assertThat(MerkleTree.verifyInclusion(LEAVES.get(0), 0, 6, proof, TREE.root(5))).isTrue();
    assertThat(MerkleTree.verifyInclusion(LEAVES.get(0), 0, 6, proof, TREE.root(6))).isFalse();
  }

  // ---------------------------------------------------------------------------------- consistency

  @Property(tries = 200)
  void theConsistencyProofBetweenAnyTwoSizesVerifiesAgainstTheirRoots(@ForAll("prefixes") Prefix prefix) {
    int m = prefix.oldSize();
    int n = prefix.newSize();
    List<byte[]> proof = TREE.consistencyProof(m, n);

    assertThat(MerkleTree.verifyConsistency(m, TREE.root(m), n, TREE.root(n), proof)).isTrue();
    assertThat(proof.isEmpty()).isEqualTo(m == 0 || m == n);
  }

  @Property(tries = 200)
  void anyChangeToAConsistencyClaimMakesItFail(
      @ForAll("properPrefixes") Prefix prefix,
      @ForAll ConsistencyTamper tamper,
      @ForAll("nodes") int node) {
    long m = prefix.oldSize();
    long n = prefix.newSize();
    List<byte[]> proof = new ArrayList<>(TREE.consistencyProof(m, n));
    byte[] oldRoot = TREE.root(m);
    byte[] newRoot = TREE.root(n);
    int at = node % proof.size();

    switch (tamper) {
      case PROOF_BIT -> {
        for (byte[] flipped : everyBitFlipped(proof.get(at))) {
          proof.set(at, flipped);
          assertThat(MerkleTree.verifyConsistency(m, oldRoot, n, newRoot, proof)).isFalse();
        }
        return;
      }
      case OLD_ROOT_BIT -> {
        for (byte[] flipped : everyBitFlipped(oldRoot)) {
          assertThat(MerkleTree.verifyConsistency(m, flipped, n, newRoot, proof)).isFalse();
        }
        return;
      }
      case NEW_ROOT_BIT -> {
        for (byte[] flipped : everyBitFlipped(newRoot)) {
          assertThat(MerkleTree.verifyConsistency(m, oldRoot, n, flipped, proof)).isFalse();
        }
        return;
      }
      case OLD_SIZE_PLUS_ONE -> oldRoot = TREE.root(++m);
      case OLD_SIZE_MINUS_ONE -> oldRoot = TREE.root(--m);
      case NEW_SIZE_PLUS_ONE -> newRoot = TREE.root(++n);
      case NEW_SIZE_MINUS_ONE -> newRoot = TREE.root(--n);
      case DROP_LAST -> proof.remove(proof.size() - 1);
      case DROP_FIRST -> proof.remove(0);
      case APPEND_HASH -> proof.add(LEAVES.get(node));
      case PREPEND_OLD_ROOT -> proof.add(0, oldRoot);
      case REPEAT_A_NODE -> proof.add(at, proof.get(at));
      case SWAPPED_ROOTS -> {
        byte[] old = oldRoot;
        oldRoot = newRoot;
        newRoot = old;
      }
      default -> throw new AssertionError(tamper);
    }

    assertThat(MerkleTree.verifyConsistency(m, oldRoot, n, newRoot, proof)).isFalse();
  }

  @Example
  void equalSizesNeedEqualRootsAndAnEmptyProof() {
    byte[] root = TREE.root(7);

    assertThat(MerkleTree.verifyConsistency(7, root, 7, root, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(7, root, 7, TREE.root(8), List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(7, root, 7, root, List.of(root))).isFalse();
    assertThat(MerkleTree.verifyConsistency(8, TREE.root(8), 7, root, TREE.consistencyProof(7, 8))).isFalse();
  }

  // ---------------------------------------------------------------------------------- generators

  /** Sizes from 1 to {@link #MAX_SIZE}, with the powers of two and their neighbours often. */
  @Provide
  Arbitrary<Integer> sizes() {
    List<Integer> edges = new ArrayList<>();
    for (int power = 1; power <= 2048; power *= 2) {
      edges.add(power);
      edges.add(power + 1);
      if (power > 1) {
        edges.add(power - 1);
      }
    }
    edges.add(MAX_SIZE);
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(1, MAX_SIZE)),
        Tuple.of(1, Arbitraries.of(edges)));
  }

  @Provide
  Arbitrary<Leaf> leaves() {
    return sizes().flatMap(size -> Arbitraries.oneOf(
            Arbitraries.integers().between(0, size - 1),
            Arbitraries.of(0, size - 1))
        .map(index -> new Leaf(size, index)));
  }

  /** 0 ≤ m ≤ n ≤ {@link #MAX_SIZE}. */
  @Provide
  Arbitrary<Prefix> prefixes() {
    return sizes().flatMap(n -> Arbitraries.oneOf(
            Arbitraries.integers().between(0, n),
            Arbitraries.of(0, 1, n - 1, n))
        .map(m -> new Prefix(m, n)));
  }

  /** 0 < m < n ≤ {@link #MAX_SIZE}: the proof is not empty. */
  @Provide
  Arbitrary<Prefix> properPrefixes() {
    return sizes().filter(n -> n >= 2).flatMap(n -> Arbitraries.oneOf(
            Arbitraries.integers().between(1, n - 1),
            Arbitraries.of(1, n - 1))
        .map(m -> new Prefix(m, n)));
  }

  /** Which node of a proof to change (modulo its length), or which leaf's hash to add to it. */
  @Provide
  Arbitrary<Integer> nodes() {
    return Arbitraries.integers().between(0, 63).withoutEdgeCases();
  }

  // ---------------------------------------------------------------------------------- helpers

  static List<byte[]> leaves(int count) {
    List<byte[]> leaves = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      leaves.add(MerkleTree.leafHash(ByteBuffer.allocate(8).putLong(i * 0x9E3779B97F4A7C15L).array()));
    }
    return leaves;
  }

  /** Some indices of a tree of {@code size}: the first, the last and about a dozen spread between. */
  static List<Integer> sample(int size) {
    List<Integer> indices = new ArrayList<>();
    int step = Math.max(1, size / 12);
    for (int index = 0; index < size; index += step) {
      indices.add(index);
    }
    indices.add(size - 1);
    return indices;
  }

  /** The length of PATH(index, D[size]): one node per level where the path has a sibling. */
  static int pathLength(long index, long size) {
    int length = 0;
    while (size > 1) {
      long k = Long.highestOneBit(size - 1);
      length++;
      if (index < k) {
        size = k;
      } else {
        index -= k;
        size -= k;
      }
    }
    return length;
  }

  /** The 256 hashes that differ from {@code hash} in one bit each. */
  static List<byte[]> everyBitFlipped(byte[] hash) {
    List<byte[]> flipped = new ArrayList<>(8 * hash.length);
    for (int bit = 0; bit < 8 * hash.length; bit++) {
      byte[] one = hash.clone();
      one[bit / 8] ^= (byte) (1 << (bit % 8));
      flipped.add(one);
    }
    return flipped;
  }

  private static boolean needsANode(InclusionTamper tamper) {
    return tamper == InclusionTamper.PROOF_BIT || tamper == InclusionTamper.DROP_LAST
        || tamper == InclusionTamper.DROP_FIRST || tamper == InclusionTamper.REPEAT_A_NODE;
  }
}
