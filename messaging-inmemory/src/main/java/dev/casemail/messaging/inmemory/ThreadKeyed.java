package dev.casemail.messaging.inmemory;

import java.time.Instant;
import java.util.Comparator;

/** Something listed in (thread, time, id) order: the one index of all threads of a mailbox. */
interface ThreadKeyed extends Keyed {

  Comparator<ThreadKeyed> ORDER =
      Comparator.comparingLong(ThreadKeyed::threadId).thenComparing(Keyed.OLDEST_FIRST);

  long threadId();

  /** A stand-in sorting at (thread, at, id), to seek with. */
  static ThreadKeyed probe(long thread, Instant at, long id) {
    return new ThreadKeyed() {
      @Override
      public long threadId() {
        return thread;
      }

      @Override
      public Instant at() {
        return at;
      }

      @Override
      public long id() {
        return id;
      }
    };
  }
}
