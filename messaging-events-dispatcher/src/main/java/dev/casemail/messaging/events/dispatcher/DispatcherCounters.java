package dev.casemail.messaging.events.dispatcher;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link DispatcherListener} that counts, safe to read from any thread: hand it to the dispatcher and
 * export its counts to the host's metrics (a Micrometer gauge or function counter per method).
 */
public final class DispatcherCounters implements DispatcherListener {

  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private final AtomicLong leaseExpired = new AtomicLong();

  /** Counters all at zero. */
  public DispatcherCounters() {}

  @Override
  public void handled(LeasedEvent<?> event) {
    handled.incrementAndGet();
  }

  @Override
  public void failed(LeasedEvent<?> event, Throwable failure) {
    failed.incrementAndGet();
  }

  @Override
  public void retried(LeasedEvent<?> event) {
    retried.incrementAndGet();
  }

  @Override
  public void dead(LeasedEvent<?> event) {
    dead.incrementAndGet();
  }

  @Override
  public void leaseExpired(LeasedEvent<?> event) {
    leaseExpired.incrementAndGet();
  }

  /** Events handled and acknowledged. */
  public long handled() {
    return handled.get();
  }

  /** Failed handler calls, counted per event. */
  public long failed() {
    return failed.get();
  }

  /** Failed events released for a retry. */
  public long retried() {
    return retried.get();
  }

  /** Events marked dead. */
  public long dead() {
    return dead.get();
  }

  /** Events whose lease ran out before their outcome was recorded. */
  public long leaseExpired() {
    return leaseExpired.get();
  }

  @Override
  public String toString() {
    return "DispatcherCounters[handled=" + handled() + ", failed=" + failed() + ", retried=" + retried()
        + ", dead=" + dead() + ", leaseExpired=" + leaseExpired() + "]";
  }
}
