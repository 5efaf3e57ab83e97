package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.core.paging.PageKey;
import java.time.Instant;
import java.util.Comparator;

/** Something listed in (time, id) order; a {@link PageKey} probe seeks among them. */
interface Keyed {

  Comparator<Keyed> OLDEST_FIRST = Comparator.comparing(Keyed::at).thenComparingLong(Keyed::id);

  Instant at();

  long id();

  static Keyed probe(PageKey key) {
    return new Keyed() {
      @Override
      public Instant at() {
        return key.at();
      }

      @Override
      public long id() {
        return key.id();
      }
    };
  }
}
