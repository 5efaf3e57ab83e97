package dev.casemail.messaging.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A lazy stream over a listing, read a page at a time as it is consumed: ParticipantMessaging's streams. */
final class Paging {

  /** One page: its items and the cursor of the next, if any. */
  record Page<T>(List<T> items, Optional<PageCursor> next) {}

  private Paging() {}

  /** The items of every page {@code read} returns, starting with {@code first}, the next read only when needed. */
  static <T> Stream<T> stream(PageRequest first, Function<PageRequest, Page<T>> read) {
    Iterator<T> items = new Iterator<>() {
      private PageRequest request = first;
      private Iterator<T> page = List.<T>of().iterator();
      private boolean last;

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && !last) {
          Page<T> read1 = read.apply(request);
          page = read1.items().iterator();
          if (read1.next().isPresent()) {
            request = request.next(read1.next().get());
          } else {
            last = true;
          }
        }
        return page.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
