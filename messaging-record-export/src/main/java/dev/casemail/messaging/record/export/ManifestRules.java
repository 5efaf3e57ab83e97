package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The shape rules of manifest values that both the writer and the reader hold to, so that the writer
 * never writes what the reader would refuse.
 */
final class ManifestRules {

  /** The manifest format, version 2, which the writer writes when a message describes its files. */
  static final String FORMAT = "casemail-record-manifest/2";
  /** The first version, which the writer writes otherwise: a message's files by their hashes alone. */
  static final String FORMAT_1 = "casemail-record-manifest/1";

  /**
   * The version the writer writes for {@code export}: 2 when a message describes its files (names,
   * types, sizes), which version 2 added; otherwise 1, so that an export without them is written byte
   * for byte as before version 2 and every version 1 reader still reads it.
   */
  static String format(RecordExport export) {
    for (ProvenEntry entry : export.entries()) {
      if (entry.entry().content() instanceof RecordedMessage message && !message.files().isEmpty()) {
        return FORMAT;
      }
    }
    return FORMAT_1;
  }

  /** The entry kinds as the manifest names them. */
  static final String MESSAGE = "message";
  static final String FIRST_VIEW = "firstView";
  static final String ACCESS_EVENT = "accessEvent";
  static final String EXPORT = "export";

  private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

  private ManifestRules() {}

  /** Why {@code value} is not a SHA-256 written as 64 lowercase hex digits, or null if it is one. */
  static String hashFault(String value) {
    return isLowercaseHash(value)
        ? null
        : "must be a SHA-256 as 64 lowercase hex digits (was " + quoted(value) + ")";
  }

  /** {@code [0-9a-f]{64}}, without a regular expression: a manifest holds hundreds of thousands of them. */
  private static boolean isLowercaseHash(String value) {
    if (value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Why {@code value} is not padded standard base64 (RFC 4648 section 4), or null if it is. */
  static String base64Fault(String value) {
    if (!BASE64.matcher(value).matches()) {
      return "must be base64 (RFC 4648, standard alphabet, padded; was " + quoted(value) + ")";
    }
    Base64.getDecoder().decode(value); // the pattern admits only what decodes
    return null;
  }

  /** Why {@code value} is not well-formed UTF-16 (a lone surrogate has no UTF-8), or null if it is. */
  static String textFault(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must not hold an unpaired surrogate (U+" + String.format("%04X", (int) c) + " at index " + i
            + "): it has no UTF-8 encoding";
      }
    }
    return null;
  }

  /** The manifest's name of an entry's kind. */
  static String kind(RecordContent content) {
    if (content instanceof RecordedMessage) {
      return MESSAGE;
    }
    if (content instanceof RecordedFirstView) {
      return FIRST_VIEW;
    }
    if (content instanceof RecordedAccessEvent) {
      return ACCESS_EVENT;
    }
    if (content instanceof RecordedExport) {
      return EXPORT;
    }
    throw new IllegalArgumentException("not a record content: " + content);
  }

  /** A value for an error message: quoted, at most 40 characters. */
  static String quoted(String value) {
    return "\"" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "\"";
  }
}
