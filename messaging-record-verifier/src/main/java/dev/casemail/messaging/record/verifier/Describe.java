package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import java.time.Instant;

/** How a verdict names entries, heads and hashes. */
final class Describe {

  /** How many hex digits of a key id a summary shows. */
  private static final int SHORT_HEX = 16;

  private Describe() {}

  /** {@code entry 17 (message 1000000005)}, {@code entry 18 (first view of message 1000000005 by sam)}, … */
  static String entry(RecordEntry entry) {
    return "entry " + entry.index() + " (" + content(entry.content()) + ")";
  }

  static String content(RecordContent content) {
    if (content instanceof RecordedMessage message) {
      return "message " + message.id();
    }
    if (content instanceof RecordedFirstView view) {
      return "first view of message " + view.message() + " by " + view.viewer();
    }
    if (content instanceof RecordedAccessEvent event) {
      return "access event " + event.eventNumber() + " of " + event.practitioner() + " and " + event.parent() + ": "
          + event.status();
    }
    return "export " + ((RecordedExport) content).exportNumber();
  }

  /** {@code head 14 (root 62ff6790…, signed 2026-03-02T10:22:00.001969Z)}. */
  static String head(SignedTreeHead head) {
    return "head " + head.size() + " (root " + head.rootHash() + ", signed " + instant(head.signedAt()) + ")";
  }

  static String instant(Instant instant) {
    return instant.toString();
  }

  /** The first hex digits of a key id, and an ellipsis. */
  static String shortHex(String hex) {
    return hex.length() <= SHORT_HEX ? hex : hex.substring(0, SHORT_HEX) + "…";
  }

  /** {@code 1 earlier export}, {@code 2 earlier exports}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
