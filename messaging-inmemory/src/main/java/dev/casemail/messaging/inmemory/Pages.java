package dev.casemail.messaging.inmemory;

import dev.casemail.messaging.core.paging.PageKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.Function;

/** Keyset pages of ordered indexes: a seek to the position, then a walk of at most {@code limit} entries. */
final class Pages {

  private Pages() {}

  /** At most {@code limit} entries of an ordered range, from its start. */
  static <E, R> List<R> firstOf(Collection<? extends E> range, int limit, Function<E, R> convert) {
    List<R> page = new ArrayList<>(Math.min(limit, 64));
    for (E entry : range) {
      if (page.size() >= limit) {
        break;
      }
      page.add(convert.apply(entry));
    }
    return page;
  }

  /** At most {@code limit} entries of an ordered index strictly after {@code after}. */
  @SuppressWarnings("unchecked")
  static <E extends Keyed, R> List<R> after(
      NavigableSet<Keyed> index, Optional<PageKey> after, int limit, Function<E, R> convert) {
    if (index == null) {
      return List.of();
    }
    Collection<Keyed> range = after.isPresent() ? index.tailSet(Keyed.probe(after.get()), false) : index;
    return firstOf((Collection<E>) (Collection<?>) range, limit, convert);
  }
}
