package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.RecordExport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names made from a mailbox id, which the host chose and which may hold any character: the
 * Bates prefix and the file names. Only ASCII letters, digits and hyphens survive; the rest become
 * hyphens. Where that changed the id, eight hex digits of the id's SHA-256 tell apart ids that would
 * otherwise give the same name ("a/b" and "a.b").
 */
final class Names {

  private static final int MAX_BATES_ID = 24;
  private static final int MAX_FILE_ID = 64;

  private Names() {}

  /** {@code CM-<MAILBOX>-E<export number>}: uppercase, at most 24 characters of the id. */
  static String batesPrefix(RecordExport export) {
    String id = export.mailbox().id().value();
    String safe = safe(id.toUpperCase(Locale.ROOT), MAX_BATES_ID);
    if (safe.isEmpty()) {
      safe = shortHash(id).toUpperCase(Locale.ROOT);
    }
    return "CM-" + safe + "-E" + export.export().exportNumber();
  }

  /** The Bates number of a page, from 1: the prefix and six digits (more past 999999). */
  static String bates(String prefix, int page) {
    return prefix + "-" + String.format(Locale.ROOT, "%06d", page);
  }

  /** {@code record-<mailbox>-export-<number>}: lowercase, safe on every file system, never a path. */
  static String fileStem(RecordExport export) {
    String id = export.mailbox().id().value();
    String safe = safe(id.toLowerCase(Locale.ROOT), MAX_FILE_ID);
    if (!safe.equals(id)) {
      safe = (safe.isEmpty() ? "" : safe + "-") + shortHash(id);
    }
    return "record-" + safe + "-export-" + export.export().exportNumber();
  }

  /** ASCII letters and digits kept, every other run of characters one hyphen, none at the ends. */
  private static String safe(String id, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < id.length() && out.length() < max; i++) {
      char c = id.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
        out.append('-');
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return out.substring(0, end);
  }

  private static String shortHash(String id) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
