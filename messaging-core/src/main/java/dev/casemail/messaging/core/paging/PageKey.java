package dev.casemail.messaging.core.paging;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a listing ordered by (time, id): the keyset that pagination continues after. Reads
 * seek to it through an index; none counts rows to skip.
 */
public record PageKey(Instant at, long id) implements Comparable<PageKey> {

  private static final Comparator<PageKey> ORDER =
      Comparator.comparing(PageKey::at).thenComparingLong(PageKey::id);

  public PageKey {
    Objects.requireNonNull(at, "at");
  }

  /** Oldest first; reverse it for newest first. */
  @Override
  public int compareTo(PageKey other) {
    return ORDER.compare(this, other);
  }
}
