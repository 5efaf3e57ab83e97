package dev.casemail.messaging.events.dispatcher;

import dev.casemail.messaging.api.InvalidInputException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a failed event waits before its next attempt: exponential, capped, with jitter.
 *
 * <p>After the event's n-th failed attempt the nominal delay is {@code min(max, base × factor^(n-1))};
 * with a jitter j the delay is that nominal delay times {@code (1 - j × r)}, r drawn uniformly from
 * [0, 1) by the dispatcher's {@link RandomGenerator} (so between {@code (1 - j)} times the nominal delay
 * and the nominal delay itself: jitter only ever shortens, so {@code max} stays the longest wait). The
 * jitter spreads the retries of events that failed together (a mail server that was down for a minute)
 * so that they do not all come back at the same instant. A test makes it deterministic with a jitter of
 * 0 or a generator of its own.
 *
 * <p>Immutable.
 */
public final class Backoff {

  private final Duration base;
  private final double factor;
  private final Duration max;
  private final double jitter;

  private Backoff(Duration base, double factor, Duration max, double jitter) {
    this.base = base;
    this.factor = factor;
    this.max = max;
    this.jitter = jitter;
  }

  /**
   * An exponential backoff without jitter.
   *
   * @param base the delay after the first failure; positive
   * @param factor how much each further failure multiplies it by; at least 1 and at most 100
   * @param max the longest delay; at least {@code base}
   * @throws InvalidInputException naming {@code backoff.base}, {@code backoff.factor} or {@code
   *     backoff.max} if one is out of range
   */
  public static Backoff exponential(Duration base, double factor, Duration max) {
    if (base == null || base.isNegative() || base.isZero()) {
      throw new InvalidInputException("backoff.base", "must be a positive duration");
    }
    if (!(factor >= 1.0 && factor <= 100.0)) {
      throw new InvalidInputException("backoff.factor", "must be between 1 and 100");
    }
    if (max == null || max.compareTo(base) < 0) {
      throw new InvalidInputException("backoff.max", "must be at least backoff.base");
    }
    return new Backoff(base, factor, max, 0.0);
  }

  /**
   * This backoff with a jitter.
   *
   * @param jitter the largest fraction of the nominal delay taken off at random; between 0 and 1
   * @throws InvalidInputException naming {@code backoff.jitter} if it is out of range
   */
  public Backoff withJitter(double jitter) {
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new InvalidInputException("backoff.jitter", "must be between 0 and 1");
    }
    return new Backoff(base, factor, max, jitter);
  }

  /** The delay after the first failure. */
  public Duration base() {
    return base;
  }

  /** What each further failure multiplies the delay by. */
  public double factor() {
    return factor;
  }

  /** The longest delay. */
  public Duration max() {
    return max;
  }

  /** The largest fraction of the nominal delay taken off at random. */
  public double jitter() {
    return jitter;
  }

  /**
   * The nominal delay after the {@code failures}-th failed attempt, before jitter.
   *
   * @param failures at least 1
   * @throws InvalidInputException if failures is below 1
   */
  public Duration nominalDelay(int failures) {
    if (failures < 1) {
      throw new InvalidInputException("failures", "must be at least 1");
    }
    double nanos = base.toNanos() * Math.pow(factor, failures - 1.0);
    long maxNanos = max.toNanos();
    return nanos >= maxNanos ? max : Duration.ofNanos((long) nanos);
  }

  /**
   * The delay after the {@code failures}-th failed attempt, jitter drawn from {@code random}.
   *
   * @param failures at least 1
   * @throws InvalidInputException if failures is below 1 or random is null
   */
  public Duration delay(int failures, RandomGenerator random) {
    Duration nominal = nominalDelay(failures);
    if (random == null) {
      throw new InvalidInputException("random", "must not be null");
    }
    if (jitter == 0.0) {
      return nominal;
    }
    double r = random.nextDouble();
    return Duration.ofNanos((long) (nominal.toNanos() * (1.0 - jitter * r)));
  }

  @Override
  public String toString() {
    return "Backoff[base=" + base + ", factor=" + factor + ", max=" + max + ", jitter=" + jitter + "]";
  }
}
