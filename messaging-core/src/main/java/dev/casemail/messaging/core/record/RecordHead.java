package dev.casemail.messaging.core.record;

import com.google.common.io.BaseEncoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The state of one mailbox's record that every append needs, and only that: its size and the roots of
 * the complete subtrees along the tree's right edge (a compact range over [0, size): one hash per set
 * bit of the size, the largest subtree first). An append costs O(log n) hashes, and the state is at
 * most 64 hashes, whatever the record's length; the root follows from it without any leaf.
 */
public final class RecordHead {

  /** The head of a record that has no entry yet. */
  public static final RecordHead EMPTY = new RecordHead(0, List.of());

  private static final BaseEncoding HEX = BaseEncoding.base16().lowerCase();

  private final long size;
  private final List<byte[]> frontier;

  private RecordHead(long size, List<byte[]> frontier) {
    if (size < 0 || Long.bitCount(size) != frontier.size()) {
      throw new IllegalArgumentException("a record of " + size + " entries has " + Long.bitCount(Math.max(size, 0))
          + " subtrees on its right edge, not " + frontier.size());
    }
    for (byte[] hash : frontier) {
      if (hash.length != MerkleTree.HASH_SIZE) {
        throw new IllegalArgumentException("a subtree hash has " + MerkleTree.HASH_SIZE + " bytes");
      }
    }
    this.size = size;
    this.frontier = Collections.unmodifiableList(new ArrayList<>(frontier));
  }

  /** A head as stored: its size and its frontier written by {@link #frontierHex()}. */
  public static RecordHead of(long size, String frontierHex) {
    Objects.requireNonNull(frontierHex, "frontierHex");
    if (frontierHex.length() % (2 * MerkleTree.HASH_SIZE) != 0) {
      throw new IllegalArgumentException("a stored frontier is a whole number of hashes");
    }
    List<byte[]> hashes = new ArrayList<>(frontierHex.length() / (2 * MerkleTree.HASH_SIZE));
    for (int i = 0; i < frontierHex.length(); i += 2 * MerkleTree.HASH_SIZE) {
      hashes.add(hash(frontierHex, i));
    }
    return new RecordHead(size, hashes);
  }

  /** The hash written in lowercase hex at {@code from}: the JDK's parser, without a substring. */
  private static byte[] hash(String hex, int from) {
    for (int i = from; i < from + 2 * MerkleTree.HASH_SIZE; i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        throw new IllegalArgumentException("a stored frontier is lowercase hex");
      }
    }
    return HexFormat.of().parseHex(hex, from, from + 2 * MerkleTree.HASH_SIZE);
  }

  /** The number of entries. */
  public long size() {
    return size;
  }

  /** The head after one more leaf: the complete subtrees of equal size on the right edge merge. */
  public RecordHead append(byte[] leafHash) {
    if (leafHash.length != MerkleTree.HASH_SIZE) {
      throw new IllegalArgumentException("a leaf hash has " + MerkleTree.HASH_SIZE + " bytes");
    }
    List<byte[]> next = new ArrayList<>(frontier);
    byte[] carry = leafHash;
    // each trailing one bit of the old size is a subtree the new leaf completes a pair with
    for (long s = size; (s & 1) == 1; s >>= 1) {
      carry = MerkleTree.nodeHash(next.remove(next.size() - 1), carry);
    }
    next.add(carry);
    return new RecordHead(size + 1, next);
  }

  /** MTH of the record: the frontier folded from the right. */
  public byte[] root() {
    if (size == 0) {
      return MerkleTree.emptyRoot();
    }
    byte[] root = frontier.get(frontier.size() - 1);
    for (int i = frontier.size() - 2; i >= 0; i--) {
      root = MerkleTree.nodeHash(frontier.get(i), root);
    }
    return root;
  }

  /** The frontier as stored: every hash in lowercase hex, the largest subtree first, no separator. */
  public String frontierHex() {
    StringBuilder hex = new StringBuilder(frontier.size() * 2 * MerkleTree.HASH_SIZE);
    frontier.forEach(hash -> hex.append(RecordEncoding.hex(hash)));
    return hex.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordHead head && head.size == size && head.frontierHex().equals(frontierHex());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + frontierHex().hashCode();
  }

  @Override
  public String toString() {
    return "RecordHead[size=" + size + ", root=" + HEX.encode(root()) + "]";
  }
}
