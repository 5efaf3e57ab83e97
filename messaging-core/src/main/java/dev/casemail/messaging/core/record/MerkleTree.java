package dev.casemail.messaging.core.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1, over SHA-256: the tree
 * hash of a list of leaves, the inclusion proof of a leaf and the consistency proof between two sizes
 * of one list, and the verification of both.
 *
 * <pre>
 * MTH({})   = SHA-256()
 * MTH({d0}) = SHA-256(0x00 ‖ d0)
 * MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])),  k the largest power of two smaller than n
 * </pre>
 *
 * An instance holds a list of leaf hashes with every complete subtree's hash computed once, so that
 * the proofs of thousands of leaves cost O(log n) hashes each after one O(n) pass.
 */
public final class MerkleTree {

  /** The size of every hash, in bytes. */
  public static final int HASH_SIZE = 32;

  /** levels[h][i]: the hash of the complete subtree of 2^h leaves starting at leaf i·2^h. */
  private final List<byte[][]> levels = new ArrayList<>();
  private final long size;

  private MerkleTree(List<byte[]> leafHashes) {
    size = leafHashes.size();
    byte[][] level = leafHashes.toArray(new byte[0][]);
    for (byte[] leaf : level) {
      requireHash(leaf);
    }
    levels.add(level);
    while (level.length > 1) {
      byte[][] next = new byte[level.length / 2][];
      for (int i = 0; i < next.length; i++) {
        next[i] = nodeHash(level[2 * i], level[2 * i + 1]);
      }
      levels.add(next);
      level = next;
    }
  }

  /** The tree over {@code leafHashes} (each already {@link #leafHash} of an entry). */
  public static MerkleTree of(List<byte[]> leafHashes) {
    return new MerkleTree(leafHashes);
  }

  public long size() {
    return size;
  }

  /** MTH of all the leaves. */
  public byte[] root() {
    return size == 0 ? emptyRoot() : subtree(0, size);
  }

  /** MTH of the first {@code treeSize} leaves. */
  public byte[] root(long treeSize) {
    checkSize(treeSize);
    return treeSize == 0 ? emptyRoot() : subtree(0, treeSize);
  }

  /**
   * PATH(index, D[treeSize]) of RFC 9162 section 2.1.3.1: the hashes that lead from leaf
   * {@code index} to the root of the first {@code treeSize} leaves, nearest the leaf first.
   */
  public List<byte[]> inclusionProof(long index, long treeSize) {
    checkSize(treeSize);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + treeSize);
    }
    List<byte[]> path = new ArrayList<>();
    path(index, 0, treeSize, path);
    return path;
  }

  /**
   * PROOF(oldSize, D[newSize]) of RFC 9162 section 2.1.4.1: what shows that the tree of the first
   * {@code oldSize} leaves is a prefix of the tree of the first {@code newSize}.
   */
  public List<byte[]> consistencyProof(long oldSize, long newSize) {
    checkSize(newSize);
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + newSize);
    }
    List<byte[]> proof = new ArrayList<>();
    if (oldSize > 0 && oldSize < newSize) {
      subproof(oldSize, 0, newSize, true, proof);
    }
    return proof;
  }

  // ---------------------------------------------------------------------------------- verification

  /**
   * Whether {@code proof} proves that {@code leafHash} is leaf {@code index} of the tree of
   * {@code treeSize} leaves whose root is {@code root} (RFC 9162 section 2.1.3.2).
   */
  public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= treeSize || !isHash(leafHash) || !isHash(root)) {
      return false;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (!isHash(p) || sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Whether {@code proof} proves that the tree of {@code oldSize} leaves with root {@code oldRoot} is
   * a prefix of the tree of {@code newSize} leaves with root {@code newRoot} (RFC 9162 section
   * 2.1.4.2; equal sizes need an empty proof and equal roots).
   */
  public static boolean verifyConsistency(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot, List<byte[]> proof) {
    if (oldSize < 0 || oldSize > newSize || !isHash(oldRoot) || !isHash(newRoot)) {
      return false;
    }
    for (byte[] p : proof) {
      if (!isHash(p)) {
        return false;
      }
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
    }
    if (oldSize == 0) {
      return proof.isEmpty() && MessageDigest.isEqual(oldRoot, emptyRoot());
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(oldSize) == 1) {
      path.add(0, oldRoot); // first is a power of two: the old root is the first node of the path
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
  }

  // ---------------------------------------------------------------------------------- hashing

  /** MTH of the empty list: SHA-256 of nothing. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** SHA-256(0x00 ‖ entry): the hash of a leaf whose entry's bytes are {@code entry}. */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x00);
    digest.update(entry);
    return digest.digest();
  }

  /** SHA-256(0x01 ‖ left ‖ right): the hash of an inner node. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x01);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  /** SHA-256 of {@code bytes}. */
  public static byte[] sha256Of(byte[] bytes) {
    return sha256().digest(bytes);
  }

  static MessageDigest sha256() {
    // a copy of a digest in its initial state: much cheaper than asking the providers for one per hash
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static final MessageDigest SHA256 = newSha256();

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  // ---------------------------------------------------------------------------------- subtrees

  /** MTH(D[start:start+count]), from the complete subtrees computed once. */
  private byte[] subtree(long start, long count) {
    if (Long.bitCount(count) == 1 && start % count == 0) {
      int height = Long.numberOfTrailingZeros(count);
      return levels.get(height)[(int) (start >> height)];
    }
    long k = largestPowerOfTwoBelow(count);
    return nodeHash(subtree(start, k), subtree(start + k, count - k));
  }

  private void path(long index, long start, long count, List<byte[]> path) {
    if (count <= 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(count);
    if (index < k) {
      path(index, start, k, path);
      path.add(subtree(start + k, count - k));
    } else {
      path(index - k, start + k, count - k, path);
      path.add(subtree(start, k));
    }
  }

  private void subproof(long m, long start, long count, boolean whole, List<byte[]> proof) {
    if (m == count) {
      if (!whole) {
        proof.add(subtree(start, count));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(count);
    if (m <= k) {
      subproof(m, start, k, whole, proof);
      proof.add(subtree(start + k, count - k));
    } else {
      subproof(m - k, start + k, count - k, false, proof);
      proof.add(subtree(start, k));
    }
  }

  /** The largest power of two smaller than {@code n} (n ≥ 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private void checkSize(long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException("a tree of " + size + " leaves has no size " + treeSize);
    }
  }

  private static boolean isHash(byte[] hash) {
    return hash != null && hash.length == HASH_SIZE;
  }

  private static void requireHash(byte[] hash) {
    if (!isHash(hash)) {
      throw new IllegalArgumentException("a leaf hash has " + HASH_SIZE + " bytes, not " + Arrays.toString(hash));
    }
  }
}
