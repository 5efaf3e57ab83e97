package dev.casemail.messaging.events.dispatcher;

import dev.casemail.messaging.api.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a host's handler on the events of an {@link EventSource}, on a small pool of its own threads,
 * with retries, exponential backoff, a dead state after the last attempt and, optionally, a digest per
 * recipient. Built with {@link #builder}, started with {@link #start()}, stopped with {@link #close()}
 * or {@link #stop(Duration)}.
 *
 * <pre>{@code
 * EventDispatcher<MyEvent> dispatcher = EventDispatcher.builder(source, "mailer")
 *     .handler(event -> mailer.sendNotice(event.payload()))  // or .digest(window, maxSize, digestHandler)
 *     .threads(4)
 *     .build()
 *     .start();
 * ...
 * dispatcher.close();  // at shutdown
 * }</pre>
 *
 * <h2>Threads</h2>
 * One poller thread leases batches from the source and hands them to {@code threads} worker threads,
 * which call the handler. It leases no more while {@code threads × batchSize} events are with the
 * workers (queued or running). The host's threads only build, start and stop the dispatcher: {@link #start()} returns at once, and
 * nothing the host does (a send) ever waits for the dispatcher. When a lease comes back empty the
 * poller waits the poll interval, doubling the wait after each further empty lease up to the maximum
 * idle interval; a full batch is followed by the next lease at once. Every thread is a daemon named
 * after {@link #threadNamePrefix()}.
 *
 * <h2>Order</h2>
 * The events of one key are handled one at a time, in their order (the source hands a key's events out
 * in order and never to two leases at once, see {@link EventSource}). A failed event holds its key back:
 * the key's later events of the same lease are not started, and come back with it after its backoff. A
 * dead event no longer holds it back.
 *
 * <h2>Delivery: at least once; the handler must be idempotent</h2>
 * An event is acknowledged only after its handler returned, and only while its lease is still held on
 * the dispatcher's clock (the lease is counted from just before the lease call). If the handler
 * outlasts the lease, nothing is recorded for the event: no late acknowledgement as if it were still
 * held, no failure; the {@link DispatcherListener#leaseExpired leaseExpired} hook is told, and the
 * source delivers the event again (possibly to another instance, possibly while the late handler is
 * still finishing). A worker that finds the lease already expired before it starts an event does not
 * start it. So every handler must be idempotent. Choose a lease well above the handler's worst time.
 *
 * <h2>Failures</h2>
 * A handler that throws (anything, errors included) fails the event, never the worker thread. An event
 * whose attempt had reached {@code maxAttempts} is marked {@linkplain EventSource#dead dead}; any
 * other is {@linkplain EventSource#retryLater released} to come back after the {@link Backoff}'s delay,
 * with its key's later events.
 * A source that throws is logged; the events concerned come back with their lease.
 *
 * <h2>Digest</h2>
 * Built with {@link Builder#digest}, the dispatcher asks the source to gather: a key's events are
 * leased once the first of them is as old as the window, all together, and the {@link DigestHandler}
 * is called once for them (in groups of at most the maximum size). So a recipient who got three
 * messages within the window gets one notice, at most about a window after the first. Without it, each
 * event is handled alone by the {@link EventHandler}.
 *
 * <h2>Stopping</h2>
 * {@link #stop(Duration)} stops leasing, lets the handlers that are running finish (up to the timeout,
 * then interrupts them and waits up to one more second), starts no other event, acknowledges only what
 * was handled, and waits for every thread to end. Whatever was leased but not handled (queued events)
 * is left unacknowledged and comes back when its lease expires, so no event is lost.
 *
 * <p>Thread-safe. One instance runs once: it cannot be started again after a stop.
 *
 * @param <E> the payload's type
 */
public final class EventDispatcher<E> implements AutoCloseable {

  /** The largest batch a dispatcher leases at once. */
  public static final int MAX_BATCH_SIZE = 1000;
  /** The most worker threads a dispatcher runs. */
  public static final int MAX_THREADS = 64;
  /** The most attempts an event may be given. */
  public static final int MAX_ATTEMPTS = 1000;
  /** The longest lease, poll interval or digest window a dispatcher accepts. */
  public static final Duration MAX_DURATION = Duration.ofDays(1);
  /** The longest consumer name. */
  public static final int MAX_CONSUMER_LENGTH = 100;

  private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final int MAX_REASON_LENGTH = 500;
  private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

  private enum State { NEW, RUNNING, STOPPED }

  private final EventSource<E> source;
  private final String consumer;
  private final EventHandler<E> handler;
  private final DigestHandler<E> digestHandler;
  private final Duration digestWindow;
  private final int maxDigestSize;
  private final int threads;
  private final int batchSize;
  private final Duration pollInterval;
  private final Duration maxIdleInterval;
  private final Duration leaseDuration;
  private final int maxAttempts;
  private final Backoff backoff;
  private final DispatcherListener listener;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration shutdownTimeout;
  private final String threadNamePrefix;
  private final int maxInFlight;

  private final Object lifecycle = new Object();
  private State state = State.NEW; // guarded by lifecycle
  private boolean stopResult; // guarded by lifecycle
  private volatile boolean stopping;
  private volatile boolean forced;
  private volatile boolean pollerWaitsForRoom;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile DispatcherThreads threadFactory;
  private Thread poller;
  private ThreadPoolExecutor workers;
  private KeyedSerialExecutor byKey;

  private EventDispatcher(Builder<E> b) {
    this.source = b.source;
    this.consumer = b.consumer;
    this.handler = b.handler;
    this.digestHandler = b.digestHandler;
    this.digestWindow = b.digestWindow;
    this.maxDigestSize = b.maxDigestSize;
    this.threads = b.threads;
    this.batchSize = b.batchSize;
    this.pollInterval = b.pollInterval;
    this.maxIdleInterval = b.maxIdleInterval;
    this.leaseDuration = b.leaseDuration;
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.listener = b.listener;
    this.clock = b.clock;
    this.random = b.random;
    this.shutdownTimeout = b.shutdownTimeout;
    this.threadNamePrefix = "casemail-events-" + consumer.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
        + INSTANCES.incrementAndGet() + "-";
    this.maxInFlight = threads * batchSize;
  }

  /**
   * Starts building a dispatcher for the events the source leases under the consumer name.
   *
   * @param source where the events come from
   * @param consumer the consumer name under which to lease: instances sharing it share the work; 1 to
   *     {@value #MAX_CONSUMER_LENGTH} characters, no control characters
   * @throws InvalidInputException naming {@code source} or {@code consumer} if one is missing or wrong
   */
  public static <E> Builder<E> builder(EventSource<E> source, String consumer) {
    return new Builder<>(source, consumer);
  }

  /**
   * Starts the poller and the workers and returns at once.
   *
   * @return this dispatcher
   * @throws IllegalStateException if it was started or stopped before
   */
  public EventDispatcher<E> start() {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException("dispatcher " + threadNamePrefix + " was already " + state.name().toLowerCase());
      }
      threadFactory = new DispatcherThreads(threadNamePrefix);
      workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
          threadFactory);
      byKey = new KeyedSerialExecutor(workers);
      poller = threadFactory.poller(this::pollUntilStopped);
      state = State.RUNNING;
      poller.start();
      log.info("dispatcher {} started: consumer {}, {} threads, batches of {}", threadNamePrefix, consumer, threads,
          batchSize);
    }
    return this;
  }

  /**
   * Stops as described in the class comment, waiting up to the builder's shutdown timeout (30 s unless
   * set).
   */
  @Override
  public void close() {
    stop(shutdownTimeout);
  }

  /**
   * Stops leasing, lets the running handlers finish for up to {@code timeout}, then interrupts those
   * still running and waits up to one more second for every thread to end. Events not handled stay
   * unacknowledged. Calling it again returns the first call's result; calling it before {@link #start()}
   * means the dispatcher never starts.
   *
   * @param timeout how long running handlers may take to finish; zero or more
   * @return true if every thread of the dispatcher has ended; false if a handler ignored its interrupt
   *     and still runs (its thread ends when it returns; its event is acknowledged if it returned
   *     normally within its lease, and otherwise left to come back, never counted as failed)
   * @throws IllegalStateException if called from one of the dispatcher's own threads (a handler), which
   *     would wait for itself
   * @throws InvalidInputException naming {@code timeout} if it is null or negative
   */
  public boolean stop(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new InvalidInputException("timeout", "must be zero or a positive duration");
    }
    if (threadFactory != null && threadFactory.made(Thread.currentThread())) {
      throw new IllegalStateException("a dispatcher cannot be stopped from its own threads (a handler)");
    }
    synchronized (lifecycle) {
      if (state == State.NEW) {
        state = State.STOPPED;
        stopResult = true;
        return true;
      }
      if (state == State.STOPPED) {
        return stopResult;
      }
      state = State.STOPPED;
      stopping = true;
      long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
      boolean interrupted = false;
      boolean ended = false;
      try {
        LockSupport.unpark(poller);
        TimeUnit.NANOSECONDS.timedJoin(poller, Math.max(1, deadline - System.nanoTime()));
        workers.shutdown();
        ended = workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
            && threadFactory.joinAll(deadline);
      } catch (InterruptedException e) {
        interrupted = true;
      }
      if (!ended) {
        forced = true;
        workers.shutdownNow();
        poller.interrupt();
        try {
          ended = threadFactory.joinAll(System.nanoTime() + INTERRUPT_GRACE.toNanos());
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      stopResult = ended;
      if (ended) {
        log.info("dispatcher {} stopped", threadNamePrefix);
      } else {
        log.warn("dispatcher {} stopped, but these threads still run a handler that ignored its interrupt: {}",
            threadNamePrefix, threadFactory.alive());
      }
      return ended;
    }
  }

  /**
   * What the name of every thread of this dispatcher starts with: {@code casemail-events-}, the consumer
   * name (characters other than letters, digits, {@code .}, {@code _} and {@code -} as {@code _}), a
   * number unique in the JVM, and {@code -}.
   */
  public String threadNamePrefix() {
    return threadNamePrefix;
  }

  /** The consumer name under which this dispatcher leases. */
  public String consumer() {
    return consumer;
  }

  // ---------------------------------------------------------------------------------------- poller

  private void pollUntilStopped() {
    IdleWait idle = new IdleWait(pollInterval, maxIdleInterval);
    while (!stopping) {
      long waitNanos;
      try {
        int want = Math.min(batchSize, maxInFlight - inFlight.get());
        if (want <= 0) {
          pollerWaitsForRoom = true;
          waitNanos = pollInterval.toNanos();
        } else {
          Instant leasedAt = clock.instant();
          List<LeasedEvent<E>> batch = lease(want);
          if (stopping) {
            break; // leased while stopping: left to come back with their lease
          }
          if (batch.isEmpty()) {
            waitNanos = idle.afterEmptyLease();
          } else {
            idle.reset();
            accept(batch, leasedAt);
            if (batch.size() >= want) {
              continue;
            }
            waitNanos = pollInterval.toNanos();
          }
        }
      } catch (RuntimeException e) {
        log.error("dispatcher {}: unexpected failure while polling; polling goes on", threadNamePrefix, e);
        waitNanos = pollInterval.toNanos();
      }
      if (waitNanos > 0 && !stopping) {
        LockSupport.parkNanos(this, waitNanos);
      }
      pollerWaitsForRoom = false;
    }
  }

  private List<LeasedEvent<E>> lease(int want) {
    try {
      List<LeasedEvent<E>> batch = source.lease(consumer, want, leaseDuration,
          digestHandler == null ? Duration.ZERO : digestWindow);
      return batch == null ? List.of() : batch;
    } catch (RuntimeException e) {
      log.warn("dispatcher {}: leasing from the source failed; trying again after the idle wait",
          threadNamePrefix, e);
      return List.of();
    }
  }

  /** Hands a leased batch to the workers: per key, its events alone or in digests of at most the maximum size. */
  private void accept(List<LeasedEvent<E>> batch, Instant leasedAt) {
    Instant leaseEnd = leasedAt.plus(leaseDuration);
    inFlight.addAndGet(batch.size());
    int groupSize = digestHandler == null ? 1 : maxDigestSize;
    Map<String, List<List<LeasedEvent<E>>>> byKeyInOrder = new LinkedHashMap<>();
    for (LeasedEvent<E> event : batch) {
      List<List<LeasedEvent<E>>> deliveries = byKeyInOrder.computeIfAbsent(event.key(), k -> new ArrayList<>());
      if (deliveries.isEmpty() || deliveries.get(deliveries.size() - 1).size() == groupSize) {
        deliveries.add(new ArrayList<>(groupSize == 1 ? 1 : 8));
      }
      deliveries.get(deliveries.size() - 1).add(event);
    }
    byKeyInOrder.forEach((key, deliveries) -> submit(key, deliveries, leaseEnd));
  }

  private void submit(String key, List<List<LeasedEvent<E>>> deliveries, Instant leaseEnd) {
    byKey.execute(key, () -> handleInOrder(key, deliveries, leaseEnd));
  }

  // ---------------------------------------------------------------------------------------- workers

  /** On a worker: one key's deliveries (single events, or one digest) from one lease, in order. */
  private void handleInOrder(String key, List<List<LeasedEvent<E>>> deliveries, Instant leaseEnd) {
    List<LeasedEvent<E>> handled = new ArrayList<>();
    int total = 0;
    for (List<LeasedEvent<E>> delivery : deliveries) {
      total += delivery.size();
    }
    try {
      for (int i = 0; i < deliveries.size(); i++) {
        List<LeasedEvent<E>> delivery = deliveries.get(i);
        if (stopping) {
          break; // not started, so not handled: unacknowledged, back with its lease
        }
        if (!clock.instant().isBefore(leaseEnd)) {
          List<LeasedEvent<E>> notStarted = new ArrayList<>();
          deliveries.subList(i, deliveries.size()).forEach(notStarted::addAll);
          log.warn("dispatcher {}: lease ran out before {} events of key {} could start; they will come back",
              threadNamePrefix, notStarted.size(), key);
          notStarted.forEach(event -> tell(l -> l.leaseExpired(event)));
          break;
        }
        Throwable failure = call(key, delivery);
        if (failure == null) {
          handled.addAll(delivery);
        } else if (forced) {
          break; // interrupted by a stop whose timeout ran out: not a failure of the event
        } else {
          // settle in order: what was handled before the failed delivery first
          boolean acknowledged = acknowledge(key, handled, leaseEnd);
          handled.clear();
          if (!acknowledged || !recordFailure(delivery, failure, leaseEnd)) {
            break; // the key's later events come back with the failed one (or with their lease)
          }
        }
        Thread.interrupted(); // a handler's stray interrupt must not reach the next handler
      }
    } finally {
      acknowledge(key, handled, leaseEnd);
      inFlight.addAndGet(-total);
      if (pollerWaitsForRoom) {
        LockSupport.unpark(poller);
      }
    }
  }

  private Throwable call(String key, List<LeasedEvent<E>> delivery) {
    try {
      if (digestHandler != null) {
        digestHandler.handle(new Digest<>(key, delivery));
      } else {
        handler.handle(delivery.get(0));
      }
      return null;
    } catch (Throwable failure) { // anything, so that a handler never ends a worker thread
      return failure;
    }
  }

  /** Acknowledges the handled events of a key (in order); whether they are acknowledged (true when none). */
  private boolean acknowledge(String key, List<LeasedEvent<E>> handled, Instant leaseEnd) {
    if (handled.isEmpty()) {
      return true;
    }
    if (!clock.instant().isBefore(leaseEnd)) {
      log.warn("dispatcher {}: {} events of key {} were handled after their lease ran out; not acknowledged, "
          + "they will be delivered again", threadNamePrefix, handled.size(), key);
      handled.forEach(event -> tell(l -> l.leaseExpired(event)));
      return false;
    }
    try {
      source.acknowledge(consumer, List.copyOf(handled));
    } catch (RuntimeException e) {
      log.warn("dispatcher {}: acknowledging {} events of key {} failed; they will be delivered again",
          threadNamePrefix, handled.size(), key, e);
      return false;
    }
    handled.forEach(event -> tell(l -> l.handled(event)));
    return true;
  }

  /**
   * Records a failed delivery (one event, or a digest's): dead, event by event in order, if its first
   * event had reached the last attempt; otherwise its first event is released for a retry, which gives
   * back the rest of the delivery and the key's later events with it.
   *
   * @return whether the key's later events of this lease may still be handled: true after they were
   *     marked dead, false after a retry or when the failure could not be recorded
   */
  private boolean recordFailure(List<LeasedEvent<E>> delivery, Throwable failure, Instant leaseEnd) {
    String reason = reason(failure);
    delivery.forEach(event -> tell(l -> l.failed(event, failure)));
    LeasedEvent<E> first = delivery.get(0);
    Instant now = clock.instant();
    if (!now.isBefore(leaseEnd)) {
      log.warn("dispatcher {}: event {} failed after its lease ran out ({}); nothing recorded, it will come back",
          threadNamePrefix, first.id(), reason);
      delivery.forEach(event -> tell(l -> l.leaseExpired(event)));
      return false;
    }
    try {
      if (first.attempt() >= maxAttempts) {
        for (LeasedEvent<E> event : delivery) {
          source.dead(consumer, event, reason);
          log.error("dispatcher {}: event {} (key {}) is dead after attempt {}: {}", threadNamePrefix, event.id(),
              event.key(), first.attempt(), reason, failure);
          tell(l -> l.dead(event));
        }
        return true;
      }
      Instant retryAt = now.plus(delay(first.attempt()));
      source.retryLater(consumer, first, reason, retryAt);
      log.warn("dispatcher {}: event {} (key {}) failed on attempt {}, retried at {} with the key's later events: {}",
          threadNamePrefix, first.id(), first.key(), first.attempt(), retryAt, reason);
      delivery.forEach(event -> tell(l -> l.retried(event)));
    } catch (RuntimeException e) {
      log.warn("dispatcher {}: recording the failure of event {} failed; it will come back with its lease",
          threadNamePrefix, first.id(), e);
    }
    return false;
  }

  private Duration delay(int failures) {
    synchronized (random) { // a RandomGenerator need not be thread-safe
      return backoff.delay(failures, random);
    }
  }

  private void tell(java.util.function.Consumer<DispatcherListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      log.warn("dispatcher {}: a listener failed; ignored", threadNamePrefix, e);
    }
  }

  private static String reason(Throwable failure) {
    String text = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    text = text.replaceAll("\\p{Cntrl}", " ");
    return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
  }

  // ---------------------------------------------------------------------------------------- builder

  /**
   * Configures a dispatcher. Each setter refuses a value out of range at once, and {@link #build()}
   * refuses a combination that cannot work, all with an {@link InvalidInputException} naming the
   * setting. Not thread-safe; build once.
   *
   * @param <E> the payload's type
   */
  public static final class Builder<E> {
    private final EventSource<E> source;
    private final String consumer;
    private EventHandler<E> handler;
    private DigestHandler<E> digestHandler;
    private Duration digestWindow;
    private int maxDigestSize;
    private int threads = 2;
    private int batchSize = 100;
    private Duration pollInterval = Duration.ofMillis(500);
    private Duration maxIdleInterval = Duration.ofSeconds(10);
    private Duration leaseDuration = Duration.ofMinutes(1);
    private int maxAttempts = 10;
    private Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(15)).withJitter(0.2);
    private DispatcherListener listener = DispatcherListener.NONE;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SplittableRandom();
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    private Builder(EventSource<E> source, String consumer) {
      if (source == null) {
        throw new InvalidInputException("source", "must not be null");
      }
      if (consumer == null || consumer.isBlank()) {
        throw new InvalidInputException("consumer", "must not be blank");
      }
      if (consumer.length() > MAX_CONSUMER_LENGTH) {
        throw new InvalidInputException("consumer", "must be at most " + MAX_CONSUMER_LENGTH + " characters");
      }
      if (consumer.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidInputException("consumer", "must not contain control characters");
      }
      this.source = source;
      this.consumer = consumer;
    }

    /**
     * The handler each event is given to, alone. Exactly one of this and {@link #digest} must be set.
     *
     * @throws InvalidInputException naming {@code handler} if it is null
     */
    public Builder<E> handler(EventHandler<E> handler) {
      if (handler == null) {
        throw new InvalidInputException("handler", "must not be null");
      }
      this.handler = handler;
      return this;
    }

    /**
     * Groups each key's events into digests: the source leases a key once its first due event is
     * {@code window} old, with every due event of the key, and the handler is called once for them (in
     * groups of at most {@code maxSize}). Exactly one of this and {@link #handler} must be set.
     *
     * @param window positive, at most {@link #MAX_DURATION}
     * @param maxSize from 1 to {@value #MAX_BATCH_SIZE}
     * @throws InvalidInputException naming {@code digest.window}, {@code digest.maxSize} or {@code handler}
     */
    public Builder<E> digest(Duration window, int maxSize, DigestHandler<E> handler) {
      this.digestWindow = positive("digest.window", window);
      this.maxDigestSize = between("digest.maxSize", maxSize, 1, MAX_BATCH_SIZE);
      if (handler == null) {
        throw new InvalidInputException("handler", "must not be null");
      }
      this.digestHandler = handler;
      return this;
    }

    /**
     * How many worker threads call the handler; 2 unless set.
     *
     * @throws InvalidInputException naming {@code threads} unless from 1 to {@value #MAX_THREADS}
     */
    public Builder<E> threads(int threads) {
      this.threads = between("threads", threads, 1, MAX_THREADS);
      return this;
    }

    /**
     * The most events one lease asks for; 100 unless set.
     *
     * @throws InvalidInputException naming {@code batchSize} unless from 1 to {@value #MAX_BATCH_SIZE}
     */
    public Builder<E> batchSize(int batchSize) {
      this.batchSize = between("batchSize", batchSize, 1, MAX_BATCH_SIZE);
      return this;
    }

    /**
     * The wait after a lease that was empty or not full, doubled after each further empty lease up to
     * {@link #maxIdleInterval}; 500 ms unless set.
     *
     * @throws InvalidInputException naming {@code pollInterval} unless positive and at most a day
     */
    public Builder<E> pollInterval(Duration pollInterval) {
      this.pollInterval = positive("pollInterval", pollInterval);
      return this;
    }

    /**
     * The longest wait between leases when the source stays empty; 10 s unless set.
     *
     * @throws InvalidInputException naming {@code maxIdleInterval} unless positive and at most a day
     *     (and, at build, at least the poll interval)
     */
    public Builder<E> maxIdleInterval(Duration maxIdleInterval) {
      this.maxIdleInterval = positive("maxIdleInterval", maxIdleInterval);
      return this;
    }

    /**
     * How long each lease holds its events; 1 minute unless set. It must cover the wait in the
     * dispatcher (the digest window, the queue) and the handler's time.
     *
     * @throws InvalidInputException naming {@code leaseDuration} unless positive and at most a day
     */
    public Builder<E> leaseDuration(Duration leaseDuration) {
      this.leaseDuration = positive("leaseDuration", leaseDuration);
      return this;
    }

    /**
     * How many attempts an event gets before it is dead; 10 unless set. With 1, the first failure is
     * final.
     *
     * @throws InvalidInputException naming {@code maxAttempts} unless from 1 to {@value #MAX_ATTEMPTS}
     */
    public Builder<E> maxAttempts(int maxAttempts) {
      this.maxAttempts = between("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS);
      return this;
    }

    /**
     * The delay before a failed event's next attempt; 1 s doubling up to 15 minutes, jitter 0.2, unless
     * set.
     *
     * @throws InvalidInputException naming {@code backoff} if it is null
     */
    public Builder<E> backoff(Backoff backoff) {
      this.backoff = required("backoff", backoff);
      return this;
    }

    /**
     * Metrics hooks; none unless set.
     *
     * @throws InvalidInputException naming {@code listener} if it is null
     */
    public Builder<E> listener(DispatcherListener listener) {
      this.listener = required("listener", listener);
      return this;
    }

    /**
     * The clock for leases, retry times and digest windows; the system's UTC clock unless set. (Waiting
     * between polls is always in real time.)
     *
     * @throws InvalidInputException naming {@code clock} if it is null
     */
    public Builder<E> clock(Clock clock) {
      this.clock = required("clock", clock);
      return this;
    }

    /**
     * Where the backoff's jitter comes from; a {@link SplittableRandom} unless set. Used under a lock,
     * so it need not be thread-safe.
     *
     * @throws InvalidInputException naming {@code random} if it is null
     */
    public Builder<E> random(RandomGenerator random) {
      this.random = required("random", random);
      return this;
    }

    /**
     * How long {@link EventDispatcher#close()} lets running handlers finish; 30 s unless set.
     *
     * @throws InvalidInputException naming {@code shutdownTimeout} unless zero or positive, at most a day
     */
    public Builder<E> shutdownTimeout(Duration shutdownTimeout) {
      if (shutdownTimeout == null || shutdownTimeout.isNegative() || shutdownTimeout.compareTo(MAX_DURATION) > 0) {
        throw new InvalidInputException("shutdownTimeout", "must be between zero and " + MAX_DURATION);
      }
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /**
     * The dispatcher, not yet started.
     *
     * @throws InvalidInputException naming {@code handler} if neither or both of a handler and a digest
     *     were set, {@code maxIdleInterval} if it is shorter than the poll interval
     */
    public EventDispatcher<E> build() {
      if (handler == null && digestHandler == null) {
        throw new InvalidInputException("handler", "must be set (handler or digest)");
      }
      if (handler != null && digestHandler != null) {
        throw new InvalidInputException("handler", "must be one of handler and digest, not both");
      }
      if (maxIdleInterval.compareTo(pollInterval) < 0) {
        throw new InvalidInputException("maxIdleInterval", "must be at least pollInterval");
      }
      return new EventDispatcher<>(this);
    }

    private static int between(String field, int value, int min, int max) {
      if (value < min || value > max) {
        throw new InvalidInputException(field, "must be between " + min + " and " + max);
      }
      return value;
    }

    private static Duration positive(String field, Duration value) {
      if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
        throw new InvalidInputException(field, "must be a positive duration of at most " + MAX_DURATION);
      }
      return value;
    }

    private static <T> T required(String field, T value) {
      if (value == null) {
        throw new InvalidInputException(field, "must not be null");
      }
      return value;
    }
  }
}
