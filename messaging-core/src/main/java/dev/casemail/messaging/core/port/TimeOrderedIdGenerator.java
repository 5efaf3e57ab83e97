package dev.casemail.messaging.core.port;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids made of the clock's milliseconds (high bits) and 20 low bits that start at a random point and
 * count up: increasing within one generator, and unlikely to collide across several service
 * instances (a collision is caught by the store and the call retried). Positive until the year 2248.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

  private static final int LOW_BITS = 20;

  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  public TimeOrderedIdGenerator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public long next() {
    long candidate =
        (Math.max(clock.millis(), 1) << LOW_BITS) | ThreadLocalRandom.current().nextInt(1 << (LOW_BITS - 1));
    return last.accumulateAndGet(candidate, (previous, fresh) -> Math.max(previous + 1, fresh));
  }
}
