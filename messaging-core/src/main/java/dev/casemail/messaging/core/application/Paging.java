package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.PageCursor;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.port.Store;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset pagination, written once for every listing: decode the caller's cursor, ask the store for one
 * row more than the page holds (a seek to the cursor's position, never an offset), and give a cursor
 * for the next page only when that extra row exists.
 */
final class Paging {

  /** Reads at most {@code limit} rows strictly after {@code after} in the listing's order. */
  @FunctionalInterface
  interface Rows<T> {
    List<T> read(Optional<PageKey> after, int limit);
  }

  /** One page: its rows and, if more follow, the cursor of the next page. */
  record Slice<T>(List<T> items, Optional<PageCursor> next) {}

  private Paging() {}

  static <T> Slice<T> page(
      Store store,
      Cursors cursors,
      Cursors.Listing listing,
      PageRequest request,
      Rows<T> rows,
      Function<T, PageKey> keyOf) {
    Optional<PageKey> after = cursors.decode(store, request.after(), listing);
    List<T> found = rows.read(after, request.size() + 1);
    if (found.size() <= request.size()) {
      return new Slice<>(List.copyOf(found), Optional.empty());
    }
    List<T> items = List.copyOf(found.subList(0, request.size()));
    PageKey last = keyOf.apply(items.get(items.size() - 1));
    return new Slice<>(items, Optional.of(cursors.encode(store, listing, last)));
  }
}
