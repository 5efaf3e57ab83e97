package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * How much of a mailbox's record an export holds: all of it, what was recorded in a period, or the
 * correspondence with one counterpart. Whatever the scope, an export also holds every first view of
 * the messages it holds, and its own entry.
 *
 * @param kind which of the three
 * @param from for {@link Kind#PERIOD}: the first instant of the period (inclusive)
 * @param until for {@link Kind#PERIOD}: the end of the period (exclusive)
 * @param counterpart for {@link Kind#COUNTERPART}: the participant the correspondence is with
 */
public record RecordScope(Kind kind, Optional<Instant> from, Optional<Instant> until, Optional<ParticipantId> counterpart) {

  /** The three kinds of scope. */
  public enum Kind {
    /** Every entry of the record. */
    ALL,
    /** The entries recorded from {@code from} (inclusive) until {@code until} (exclusive). */
    PERIOD,
    /**
     * The messages to or from the counterpart (and their first views) and the access events between
     * the two.
     */
    COUNTERPART
  }

  /** @throws InvalidInputException if the parts do not make one of the three kinds */
  public RecordScope {
    InputRules.required("kind", kind);
    InputRules.required("from", from);
    InputRules.required("until", until);
    InputRules.required("counterpart", counterpart);
    boolean period = from.isPresent() || until.isPresent();
    if ((kind == Kind.PERIOD) != (from.isPresent() && until.isPresent()) || (kind != Kind.PERIOD && period)) {
      throw new InvalidInputException("scope", "a period, and only a period, has a start and an end");
    }
    if ((kind == Kind.COUNTERPART) != counterpart.isPresent()) {
      throw new InvalidInputException("scope", "a correspondence, and only it, names a counterpart");
    }
    if (kind == Kind.PERIOD) {
      from = Optional.of(InputRules.instant("from", from.get()));
      until = Optional.of(InputRules.instant("until", until.get()));
      if (!from.get().isBefore(until.get())) {
        throw new InvalidInputException("until", "must be after from");
      }
    }
  }

  /** The whole record. */
  public static RecordScope all() {
    return new RecordScope(Kind.ALL, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * What was recorded from {@code from} (inclusive) until {@code until} (exclusive), both brought to
   * microseconds.
   *
   * @throws InvalidInputException if either is null or out of range, or {@code until} is not after {@code from}
   */
  public static RecordScope between(Instant from, Instant until) {
    return new RecordScope(
        Kind.PERIOD,
        Optional.of(InputRules.required("from", from)),
        Optional.of(InputRules.required("until", until)),
        Optional.empty());
  }

  /**
   * The correspondence with {@code counterpart}.
   *
   * @throws InvalidInputException if it is null
   */
  public static RecordScope with(ParticipantId counterpart) {
    return new RecordScope(
        Kind.COUNTERPART, Optional.empty(), Optional.empty(), Optional.of(InputRules.required("counterpart", counterpart)));
  }

  /** Whether an entry recorded at {@code at} about {@code involving} (the participants it concerns) is in scope. */
  public boolean covers(Instant at, Collection<ParticipantId> involving) {
    switch (kind) {
      case PERIOD:
        return !at.isBefore(from.get()) && at.isBefore(until.get());
      case COUNTERPART:
        return involving.contains(counterpart.get());
      default:
        return true;
    }
  }
}
