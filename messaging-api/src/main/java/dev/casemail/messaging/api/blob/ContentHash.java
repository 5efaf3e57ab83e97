package dev.casemail.messaging.api.blob;

import dev.casemail.messaging.api.InvalidInputException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of some content, and the address a {@link BlobStore} keeps it under: the same bytes
 * always have the same hash, so content is kept once however many messages carry it.
 *
 * @param hex the hash as 64 lowercase hexadecimal digits
 */
public record ContentHash(String hex) {

  private static final HexFormat HEX = HexFormat.of();

  /** Checks the hash's shape. @throws InvalidInputException if it is not 64 lowercase hexadecimal digits */
  public ContentHash {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new InvalidInputException("contentHash", "a content hash is 64 lowercase hexadecimal digits");
    }
  }

  /** The hash written as 64 lowercase hexadecimal digits; refuses anything else with an {@link InvalidInputException}. */
  public static ContentHash of(String hex) {
    if (hex == null) {
      throw new InvalidInputException("contentHash", "a content hash is required");
    }
    return new ContentHash(hex);
  }

  /** The hash of a 32-byte SHA-256 digest. */
  public static ContentHash ofDigest(byte[] digest) {
    Objects.requireNonNull(digest, "digest");
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
    }
    return new ContentHash(HEX.formatHex(digest));
  }

  /** The 32 bytes of the digest. */
  public byte[] digest() {
    return HEX.parseHex(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
