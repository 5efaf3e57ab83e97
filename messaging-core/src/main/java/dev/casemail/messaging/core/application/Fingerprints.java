package dev.casemail.messaging.core.application;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/** A digest of a call's content, telling a retry (same content) from a reused idempotency key. */
final class Fingerprints {

  private Fingerprints() {}

  static String of(Object... parts) {
    Hasher hasher = Hashing.sha256().newHasher();
    for (Object part : parts) {
      String text = String.valueOf(part);
      hasher.putInt(text.length()).putString(text, StandardCharsets.UTF_8);
    }
    return hasher.hash().toString();
  }
}
