package dev.casemail.messaging.core.application;

import java.time.Instant;

/** The instants every store can hold: the years 1 to 9999 (UTC), to the microsecond. */
final class Instants {

  static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Instants() {}
}
