package dev.casemail.messaging.contract;

import dev.casemail.messaging.core.port.IdGenerator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An id source that counts up, but can be made to hand out ids it issued before: the faulty or
 * colliding id source (two service instances, a clock set back) that the library must survive.
 */
public final class RepeatingIds implements IdGenerator {

  private final AtomicLong next = new AtomicLong(1_000_000);
  private final Deque<Long> repeats = new ArrayDeque<>();

  /** The next calls of {@link #next()} return these ids, in order, before counting on. */
  public synchronized void repeat(long... ids) {
    for (long id : ids) {
      repeats.addLast(id);
    }
  }

  /** How many of the queued repeats were not handed out yet. */
  public synchronized int pending() {
    return repeats.size();
  }

  @Override
  public synchronized long next() {
    Long repeated = repeats.pollFirst();
    return repeated != null ? repeated : next.incrementAndGet();
  }
}
