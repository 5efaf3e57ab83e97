package dev.casemail.messaging.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Known answers from Certificate Transparency's reference implementation: our tree over its eight
 * reference leaves has its node hashes and its roots, our proofs are its proofs, and our verifiers
 * accept what it accepts and refuse what it refuses.
 *
 * <p>Transcribed by hand, not copied as files, from github.com/transparency-dev/merkle (Apache License
 * 2.0; Copyright Google LLC), at commit 417fb0c: the leaf inputs, node hashes, roots and compact
 * ranges of {@code testonly/constants.go} (hex, as there), and a selection of the cases of {@code
 * testdata/inclusion/**.json} and {@code testdata/consistency/**.json} (hashes in base64, as there;
 * each case names the file it comes from, relative to its folder). Their JSON {@code null} proof is
 * the empty proof; {@code leafIdx} 18446744073709551615 is 2^64-1, which a Java long reads as -1.
 */
class ReferenceVectorsTest {

  // ------------------------------------------------------------------ testonly/constants.go

  /** LeafInputs(): the entries' bytes, hex. */
  static final List<String> LEAF_INPUTS = List.of(
      "",
      "00",
      "10",
      "2021",
      "3031",
      "40414243",
      "5051525354555657",
      "606162636465666768696a6b6c6d6e6f");

  /** NodeHashes(): [level][index], the hash of the complete subtree of 2^level leaves from index·2^level. */
  static final List<List<String>> NODE_HASHES = List.of(
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
          "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
          "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
          "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
      List.of(
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
      List.of(
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
      List.of(
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

  /** RootHashes(): the root of the first n leaves, n from 0 (EmptyRootHash()) to 8. */
  static final List<String> ROOTS = List.of(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  /**
   * CompactTrees(): for each size from 0 to 8, the nodes of its compact range as {level, index} into
   * {@link #NODE_HASHES}, the largest subtree first: what {@link RecordHead} keeps.
   */
  static final List<List<int[]>> COMPACT_RANGES = List.of(
      List.of(),
      List.of(node(0, 0)),
      List.of(node(1, 0)),
      List.of(node(1, 0), node(0, 2)),
      List.of(node(2, 0)),
      List.of(node(2, 0), node(0, 4)),
      List.of(node(2, 0), node(1, 2)),
      List.of(node(2, 0), node(1, 2), node(0, 6)),
      List.of(node(3, 0)));

  // ------------------------------------------------------------------ testdata/inclusion

  static final boolean VALID = false;
  static final boolean INVALID = true;

  /** A case of testdata/inclusion: the fields of its JSON, hashes in base64. */
  record Inclusion(String file, long leafIdx, long treeSize, String root, String leafHash, List<String> proof, boolean wantErr) {}

  static final List<Inclusion> INCLUSION = List.of(
      inclusion("0/happy-path.json",
          0, 1, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
          List.of(),
          VALID),
      inclusion("1/happy-path.json",
          0, 8, "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
          List.of(
            "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="),
          VALID),
      inclusion("2/happy-path.json",
          5, 8, "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "QnGia+DYqE8L1UyMMC58s6O10fpngKQLzOKHNHfatlg=",
          List.of(
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
            "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="),
          VALID),
      inclusion("3/happy-path.json",
          2, 3, "rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=", "ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=",
          List.of(
            "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU="),
          VALID),
      inclusion("4/happy-path.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          VALID),
      inclusion("single-entry/matching-root-and-leaf.json",
          0, 1, "DTrtAjFI/9KiWfvQzcf7PPl1ZYdg03dbgq9vkKrMLfw=", "DTrtAjFI/9KiWfvQzcf7PPl1ZYdg03dbgq9vkKrMLfw=",
          List.of(),
          VALID),
      inclusion("4/empty-root.json",
          1, 5, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/inserted-component.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/leafIdx-XOR-@2.json",
          3, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/leafIdx-plus-@1.json",
          2, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/leafIdx-sub-@1.json",
          0, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/modified-proof[0]-bit-@3.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "ZjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/modified-proof[1]-bit-@3.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Vwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/modified-proof[2]-bit-@3.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "tBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/preceding-garbage.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/preceding-root.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/random-root.json",
          1, 5, "q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/removed-component.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4="),
          INVALID),
      inclusion("4/trailing-garbage.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
            ""),
          INVALID),
      inclusion("4/trailing-root.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
            "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ="),
          INVALID),
      inclusion("4/treeSize-div-@2.json",
          1, 2, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/treeSize-mul-@2.json",
          1, 10, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("4/wrong-leaf.json",
          1, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "V3JvbmdMZWFm",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      inclusion("0/leafIdx-sub-@1.json",
          Long.parseUnsignedLong("18446744073709551615"), 1, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
          List.of(),
          INVALID),
      inclusion("0/treeSize-div-@2.json",
          0, 0, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
          List.of(),
          INVALID),
      inclusion("0/preceding-root.json",
          0, 1, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
          List.of(
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0="),
          INVALID),
      inclusion("3/removed-component.json",
          2, 3, "rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=", "ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=",
          List.of(),
          INVALID),
      inclusion("additional/0/empty-root-and-random-leaf.json",
          0, 0, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=",
          List.of(),
          INVALID),
      inclusion("additional/3/empty-root-and-random-leaf.json",
          2, 1, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=",
          List.of(),
          INVALID),
      inclusion("single-entry/empty-leaf.json",
          0, 1, "DTrtAjFI/9KiWfvQzcf7PPl1ZYdg03dbgq9vkKrMLfw=", "",
          List.of(),
          INVALID),
      inclusion("single-entry/empty-root.json",
          0, 1, "", "DTrtAjFI/9KiWfvQzcf7PPl1ZYdg03dbgq9vkKrMLfw=",
          List.of(),
          INVALID)
      );

  // ------------------------------------------------------------------ testdata/consistency

  /** A case of testdata/consistency: the fields of its JSON, hashes in base64. */
  record Consistency(String file, long size1, long size2, String root1, String root2, List<String> proof, boolean wantErr) {}

  static final List<Consistency> CONSISTENCY = List.of(
      consistency("0/happy-path.json",
          1, 1, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
          List.of(),
          VALID),
      consistency("1/happy-path.json",
          1, 8, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
          List.of(
            "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="),
          VALID),
      consistency("2/happy-path.json",
          6, 8, "duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
          List.of(
            "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
            "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="),
          VALID),
      consistency("3/happy-path.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          VALID),
      consistency("4/happy-path.json",
          6, 7, "duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=", "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=",
          List.of(
            "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
            "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=",
            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="),
          VALID),
      consistency("3/empty-proof.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(),
          INVALID),
      consistency("3/modified-proof@0-bit-@4.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Twg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/modified-proof@1-bit-@4.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "rBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/preceding-garbage.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/preceding-proof-@0.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/preceding-root1.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/preceding-root2.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/size1-XOR-@2.json",
          0, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/size1-plus-@1.json",
          3, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/size1-sub-@1.json",
          1, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/size2-div-@2.json",
          2, 2, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/size2-mul-@2.json",
          2, 10, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/swapped-roots.json",
          2, 5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=", "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/trailing-garbage.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
            ""),
          INVALID),
      consistency("3/trailing-root1.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
            "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU="),
          INVALID),
      consistency("3/trailing-root2.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
            "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ="),
          INVALID),
      consistency("3/truncated-proof.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4="),
          INVALID),
      consistency("3/wrong-root1.json",
          2, 5, "V3JvbmdSb290", "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("3/wrong-root2.json",
          2, 5, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=", "V3JvbmdSb290",
          List.of(
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
          INVALID),
      consistency("1/size1-sub-@1.json",
          0, 8, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
          List.of(
            "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="),
          INVALID),
      consistency("2/size1-plus-@1.json",
          7, 8, "duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
          List.of(
            "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
            "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="),
          INVALID),
      consistency("4/size1-plus-@1.json",
          7, 7, "duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=", "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=",
          List.of(
            "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
            "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=",
            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="),
          INVALID),
      consistency("additional/consistency-check-on-empty-tree-size1-is-zero-is-useless.json",
          0, 1, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
          List.of(
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
          INVALID),
      consistency("additional/size1-is-greater-than-size2.json",
          1, 0, "ZG9uJ3QgY2FyZSAx", "ZG9uJ3QgY2FyZSAy",
          List.of(),
          INVALID),
      consistency("additional/roots-do-not-not-match-and-sizes-are-one.json",
          1, 1, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "ZG9uJ3QgY2FyZSAy",
          List.of(),
          INVALID),
      consistency("additional/sizes-are-equal-one-but-roots-are-not.json",
          1, 1, "ZG9uJ3QgY2FyZSAx", "ZG9uJ3QgY2FyZSAy",
          List.of(),
          INVALID),
      consistency("additional/sizes-match-but-proof-is-not-empty-and-sizes-are-one.json",
          1, 1, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
          List.of(
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
          INVALID),
      consistency("additional/sizes-match-but-proof-is-not-empty-and-sizes-are-zero.json",
          0, 0, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
          List.of(
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
          INVALID),
      consistency("additional/sizes-are-equal-zero-and-proof-is-empty.json",
          0, 0, "ZG9uJ3QgY2FyZSAx", "ZG9uJ3QgY2FyZSAx",
          List.of(),
          INVALID),
      consistency("additional/sizes-are-equal-zero-but-roots-are-not.json",
          0, 0, "ZG9uJ3QgY2FyZSAx", "ZG9uJ3QgY2FyZSAy",
          List.of(),
          INVALID),
      consistency("additional/size1-is-zero-and-size2-is-not-zero.json",
          0, 1, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "ZG9uJ3QgY2FyZSAy",
          List.of(),
          INVALID)
      );

  /**
   * The one case of theirs where we answer otherwise, on purpose ({@code
   * consistency/additional/sizes-are-equal-one-and-proof-is-empty.json}): they accept equal sizes with
   * equal "roots" that are 12 bytes of text ("don't care 2"), as their verifier compares bytes without
   * looking at their length; ours takes only 32-byte SHA-256 hashes as roots and refuses it.
   */
  static final Consistency ROOTS_THAT_ARE_NOT_HASHES = consistency("additional/sizes-are-equal-one-and-proof-is-empty.json",
      1, 1, "ZG9uJ3QgY2FyZSAy", "ZG9uJ3QgY2FyZSAy",
      List.of(),
      VALID);

  // ------------------------------------------------------------------ the checks

  @Test
  void theLeafHashesOfTheReferenceInputsAreTheFirstLevelOfNodes() {
    assertThat(LEAF_INPUTS.stream().map(input -> hex(MerkleTree.leafHash(unhex(input)))))
        .containsExactlyElementsOf(NODE_HASHES.get(0));
  }

  @Test
  void everyCompleteSubtreeHasTheReferenceNodeHash() {
    List<byte[]> leaves = leaves();
    for (int level = 0; level < NODE_HASHES.size(); level++) {
      int width = 1 << level;
      for (int index = 0; index < NODE_HASHES.get(level).size(); index++) {
        byte[] subtree = MerkleTree.of(leaves.subList(index * width, (index + 1) * width)).root();
        assertThat(hex(subtree)).as("node %d/%d", level, index).isEqualTo(NODE_HASHES.get(level).get(index));
      }
    }
  }

  @Test
  void everyPrefixOfTheReferenceLeavesHasTheReferenceRoot() {
    List<byte[]> leaves = leaves();
    MerkleTree tree = MerkleTree.of(leaves);
    for (int size = 0; size <= 8; size++) {
      assertThat(hex(tree.root(size))).as("root(%d)", size).isEqualTo(ROOTS.get(size));
      assertThat(hex(MerkleTree.of(leaves.subList(0, size)).root())).as("tree of %d", size).isEqualTo(ROOTS.get(size));
    }
    assertThat(hex(tree.root())).isEqualTo(ROOTS.get(8));
    assertThat(hex(MerkleTree.emptyRoot())).isEqualTo(ROOTS.get(0));
  }

  @Test
  void theHeadAfterEachAppendIsTheReferenceCompactRangeAndRoot() {
    RecordHead head = RecordHead.EMPTY;
    for (int size = 0; size <= 8; size++) {
      String frontier = COMPACT_RANGES.get(size).stream()
          .map(at -> NODE_HASHES.get(at[0]).get(at[1]))
          .collect(Collectors.joining());
      assertThat(head.size()).isEqualTo(size);
      assertThat(head.frontierHex()).as("frontier of %d", size).isEqualTo(frontier);
      assertThat(hex(head.root())).as("root of %d", size).isEqualTo(ROOTS.get(size));
      if (size < 8) {
        head = head.append(leaves().get(size));
      }
    }
  }

  @Test
  void ourInclusionProofsAreTheReferenceProofs() {
    MerkleTree tree = MerkleTree.of(leaves());
    List<Inclusion> happy = INCLUSION.stream().filter(c -> c.file().matches("\\d/happy-path\\.json")).toList();
    assertThat(happy).hasSize(5);
    for (Inclusion c : happy) {
      assertThat(b64(tree.inclusionProof(c.leafIdx(), c.treeSize()))).as(c.file()).isEqualTo(c.proof());
      assertThat(b64(tree.root(c.treeSize()))).as(c.file()).isEqualTo(c.root());
      assertThat(b64(leaves().get((int) c.leafIdx()))).as(c.file()).isEqualTo(c.leafHash());
    }
  }

  @Test
  void ourConsistencyProofsAreTheReferenceProofs() {
    MerkleTree tree = MerkleTree.of(leaves());
    List<Consistency> happy = CONSISTENCY.stream().filter(c -> c.file().matches("\\d/happy-path\\.json")).toList();
    assertThat(happy).hasSize(5);
    for (Consistency c : happy) {
      assertThat(b64(tree.consistencyProof(c.size1(), c.size2()))).as(c.file()).isEqualTo(c.proof());
      assertThat(b64(tree.root(c.size1()))).as(c.file()).isEqualTo(c.root1());
      assertThat(b64(tree.root(c.size2()))).as(c.file()).isEqualTo(c.root2());
    }
  }

  @Test
  void weAcceptEveryValidInclusionCaseAndRefuseEveryInvalidOne() {
    assertThat(INCLUSION.stream().filter(Inclusion::wantErr).count()).isGreaterThanOrEqualTo(12);
    for (Inclusion c : INCLUSION) {
      boolean verified = MerkleTree.verifyInclusion(
          unb64(c.leafHash()), c.leafIdx(), c.treeSize(), unb64(c.proof()), unb64(c.root()));
      assertThat(verified).as(c.file()).isEqualTo(!c.wantErr());
    }
  }

  @Test
  void weAcceptEveryValidConsistencyCaseAndRefuseEveryInvalidOne() {
    assertThat(CONSISTENCY.stream().filter(Consistency::wantErr).count()).isGreaterThanOrEqualTo(12);
    for (Consistency c : CONSISTENCY) {
      boolean verified = MerkleTree.verifyConsistency(
          c.size1(), unb64(c.root1()), c.size2(), unb64(c.root2()), unb64(c.proof()));
      assertThat(verified).as(c.file()).isEqualTo(!c.wantErr());
    }
  }

  @Test
  void equalSizesWithRootsThatAreNotHashesAreRefusedThoughTheReferenceAcceptsThem() {
    Consistency c = ROOTS_THAT_ARE_NOT_HASHES;
    assertThat(c.wantErr()).isFalse();
    assertThat(unb64(c.root1())).hasSize(12);
    assertThat(MerkleTree.verifyConsistency(c.size1(), unb64(c.root1()), c.size2(), unb64(c.root2()), unb64(c.proof())))
        .isFalse();
    byte[] root = MerkleTree.leafHash(unhex(""));
    assertThat(MerkleTree.verifyConsistency(1, root, 1, root, List.of())).isTrue();
  }

  @Test
  void fromTheEmptyTreeOnlyAnEmptyProofFromTheEmptyRootIsAcceptedThoughTheReferenceRefusesAll() {
    // The reference refuses every proof from size 0 ("meaningless"); RFC 9162 defines proofs for
    // 0 < m < n only. We accept the vacuous claim that the empty tree is a prefix of any tree, with an
    // empty proof and the empty root only: it proves nothing about the new root, and a record head
    // that an export signs is never empty (the export's own entry is in it).
    MerkleTree tree = MerkleTree.of(leaves());
    byte[] empty = MerkleTree.emptyRoot();
    assertThat(tree.consistencyProof(0, 8)).isEmpty();
    assertThat(MerkleTree.verifyConsistency(0, empty, 8, tree.root(8), List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, tree.root(1), 8, tree.root(8), List.of())).isFalse();
    assertThat(MerkleTree.verifyConsistency(0, empty, 8, tree.root(8), List.of(empty))).isFalse();
  }

  // ------------------------------------------------------------------ helpers

  private static Inclusion inclusion(
      String file, long leafIdx, long treeSize, String root, String leafHash, List<String> proof, boolean wantErr) {
    return new Inclusion(file, leafIdx, treeSize, root, leafHash, proof, wantErr);
  }

  private static Consistency consistency(
      String file, long size1, long size2, String root1, String root2, List<String> proof, boolean wantErr) {
    return new Consistency(file, size1, size2, root1, root2, proof, wantErr);
  }

  private static int[] node(int level, int index) {
    return new int[] {level, index};
  }

  private static List<byte[]> leaves() {
    return LEAF_INPUTS.stream().map(input -> MerkleTree.leafHash(unhex(input))).toList();
  }

  private static String hex(byte[] bytes) {
    return RecordEncoding.hex(bytes);
  }

  private static byte[] unhex(String hex) {
    return RecordEncoding.unhex(hex);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static List<String> b64(List<byte[]> hashes) {
    return hashes.stream().map(ReferenceVectorsTest::b64).toList();
  }

  private static byte[] unb64(String base64) {
    return Base64.getDecoder().decode(base64);
  }

  private static List<byte[]> unb64(List<String> base64) {
    return base64.stream().map(ReferenceVectorsTest::unb64).toList();
  }
}
