package dev.casemail.messaging.record.export;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.regex.Pattern;

/**
 * How the manifest and the PDF write instants: ISO-8601 in UTC with six fractional digits (what the
 * library stores), nine when the instant has nanoseconds beyond its microseconds, so that every instant
 * is written exactly and most are written alike.
 */
final class Instants {

  private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();
  private static final DateTimeFormatter NANOS = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
  /** The shape the reader accepts: a year of four digits (or a sign and more), a fraction of 1 to 9 digits, Z. */
  private static final Pattern ISO_UTC =
      Pattern.compile("(?:\\d{4}|[+-]\\d{5,10})-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z");

  private Instants() {}

  /** {@code 2026-11-30T10:15:00.123456Z}: as the manifest writes it. */
  static String iso(Instant instant) {
    return (instant.getNano() % 1000 == 0 ? MICROS : NANOS).format(instant);
  }

  /** {@code 2026-11-30 10:15:00.123456 UTC}: as the PDF shows it (the manifest's text, T and Z spelled out). */
  static String shown(Instant instant) {
    String iso = iso(instant);
    int t = iso.indexOf('T');
    return iso.substring(0, t) + " " + iso.substring(t + 1, iso.length() - 1) + " UTC";
  }

  /**
   * The instant of an ISO-8601 UTC text as {@link #iso} writes it (fewer fractional digits, or none,
   * are accepted too).
   *
   * @throws IllegalArgumentException if it is not one
   */
  static Instant parse(String text) {
    if (!ISO_UTC.matcher(text).matches()) {
      throw new IllegalArgumentException("is not an ISO-8601 UTC time such as 2026-11-30T10:15:00.123456Z");
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("is not a valid time (" + e.getMessage() + ")", e);
    }
  }
}
