package dev.casemail.messaging.core.application;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** A digest of a call's content, telling a retry (same content) from a reused idempotency key. */
final class Fingerprints {

  private Fingerprints() {}

  /**
   * Digests the parts, each length-prefixed; a collection is digested element by element, so two
   * contents that merely print alike (recipients {@code [a, b]} and one recipient {@code "a, b"})
   * never share a fingerprint.
   */
  static String of(Object... parts) {
    Hasher hasher = Hashing.sha256().newHasher();
    for (Object part : parts) {
      if (part instanceof Collection<?> items) {
        hasher.putChar('[').putInt(items.size());
        for (Object item : items) {
          text(hasher, item);
        }
      } else {
        hasher.putChar('"');
        text(hasher, part);
      }
    }
    return hasher.hash().toString();
  }

  private static void text(Hasher hasher, Object part) {
    String text = String.valueOf(part);
    hasher.putInt(text.length()).putString(text, StandardCharsets.UTF_8);
  }
}
