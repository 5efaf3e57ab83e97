package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.core.paging.PageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keyset pages in SQL: the rows strictly after the last one seen, in the listing's order, never an offset. */
final class Pages {

  private Pages() {}

  /** A keyset page: the rows strictly after the last one seen (if {@code continued}) in the listing's order. */
  static String page(String select, String timeColumn, String idColumn, boolean newestFirst, boolean continued) {
    String order = newestFirst ? " DESC" : "";
    String seek =
        continued ? " AND (" + timeColumn + ", " + idColumn + ") " + (newestFirst ? "<" : ">") + " (?, ?)" : "";
    return select + seek + " ORDER BY " + timeColumn + order + ", " + idColumn + order + " FETCH FIRST ? ROWS ONLY";
  }

  /** A page's parameters: the listing's own, the key to continue after (if any), the limit. */
  static Object[] parameters(Optional<PageKey> after, int limit, Object... listing) {
    List<Object> parameters = new ArrayList<>(List.of(listing));
    after.ifPresent(key -> {
      parameters.add(key.at());
      parameters.add(key.id());
    });
    parameters.add(limit);
    return parameters.toArray();
  }
}
