package dev.casemail.messaging.events.dispatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and remembers every thread of one dispatcher, all named after its prefix, so that stopping can
 * wait for each of them to be gone (an executor reports itself terminated a moment before its last
 * thread has ended).
 */
final class DispatcherThreads implements ThreadFactory {

  private static final Logger log = LoggerFactory.getLogger(DispatcherThreads.class);

  private final String prefix;
  private final AtomicInteger workers = new AtomicInteger();
  private final List<Thread> created = new ArrayList<>();

  DispatcherThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable work) {
    return make(work, prefix + "worker-" + workers.incrementAndGet());
  }

  Thread poller(Runnable work) {
    return make(work, prefix + "poller");
  }

  private Thread make(Runnable work, String name) {
    Thread thread = new Thread(work, name);
    // a host that forgets to stop the dispatcher must still be able to exit; delivery is at least once
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> log.error("{} ended by an unexpected failure", t.getName(), e));
    synchronized (created) {
      created.add(thread);
    }
    return thread;
  }

  /** Waits until every thread made here has ended or the deadline ({@link System#nanoTime()}) passes. */
  boolean joinAll(long deadlineNanos) throws InterruptedException {
    List<Thread> threads;
    synchronized (created) {
      threads = List.copyOf(created);
    }
    for (Thread thread : threads) {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      }
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** Whether the thread was made here. */
  boolean made(Thread thread) {
    synchronized (created) {
      return created.contains(thread);
    }
  }

  /** The names of the threads made here that are still alive. */
  List<String> alive() {
    List<String> names = new ArrayList<>();
    synchronized (created) {
      for (Thread thread : created) {
        if (thread.isAlive()) {
          names.add(thread.getName());
        }
      }
    }
    return names;
  }
}
