package dev.casemail.messaging.core.application;

import static dev.casemail.messaging.core.Fixtures.MOTHER;
import static dev.casemail.messaging.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.core.application.Cursors.Listing;
import dev.casemail.messaging.core.application.Cursors.Scope;
import dev.casemail.messaging.core.paging.PageKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final Listing INBOX = new Listing(Scope.FOLDER, MOTHER.id(), 1);

  private final Cursors cursors = new Cursors();

  @Test
  void aPageAsksTheStoreForOneRowMoreThanItHoldsToKnowWhetherMoreFollow() {
    Listed listed = new Listed(keys(10));

    Paging.Slice<PageKey> first = page(listed, PageRequest.first(4));

    assertThat(listed.asked).containsExactly(new Asked(Optional.empty(), 5));
    assertThat(first.items()).isEqualTo(listed.rows.subList(0, 4));
    assertThat(first.next()).isPresent();
  }

  @Test
  void theNextPageStartsRightAfterTheLastRowOfThePageBefore() {
    Listed listed = new Listed(keys(10));
    Paging.Slice<PageKey> first = page(listed, PageRequest.first(4));

    Paging.Slice<PageKey> second = page(listed, PageRequest.first(4).next(first.next().orElseThrow()));

    assertThat(listed.asked.get(1)).isEqualTo(new Asked(Optional.of(listed.rows.get(3)), 5));
    assertThat(second.items()).isEqualTo(listed.rows.subList(4, 8));
  }

  @Test
  void aPageThatTakesTheLastRowsHasNoNextCursor() {
    Listed listed = new Listed(keys(8));

    Paging.Slice<PageKey> exactlyFull = page(listed, PageRequest.first(8));

    assertThat(exactlyFull.items()).hasSize(8);
    assertThat(exactlyFull.next()).isEmpty();
  }

  @Test
  void anEmptyListingIsOneEmptyPage() {
    Paging.Slice<PageKey> page = page(new Listed(List.of()), PageRequest.first());

    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Property
  void followingTheCursorsVisitsEveryRowOnceInOrderWithNoEmptyLastPage(
      @ForAll @IntRange(max = 60) int rows, @ForAll @IntRange(min = 1, max = 12) int size) {
    Listed listed = new Listed(keys(rows));
    List<PageKey> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(size);
    int pages = 0;
    while (true) {
      Paging.Slice<PageKey> page = page(listed, request);
      pages++;
      assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
      seen.addAll(page.items());
      if (page.next().isEmpty()) {
        break;
      }
      assertThat(page.items()).hasSize(size);
      request = request.next(page.next().get());
    }

    assertThat(seen).isEqualTo(listed.rows);
    assertThat(pages).isEqualTo(Math.max(1, (rows + size - 1) / size));
  }

  private Paging.Slice<PageKey> page(Listed listed, PageRequest request) {
    return Paging.page(CursorsTest.STORE, cursors, INBOX, request, listed, Function.identity());
  }

  /** Newest first, as a folder lists them; several share a sent time, so the id breaks the ties. */
  private static List<PageKey> keys(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new PageKey(NOW.plusSeconds(i / 3), 1000 + i))
        .sorted(Comparator.reverseOrder())
        .collect(Collectors.toList());
  }

  record Asked(Optional<PageKey> after, int limit) {}

  /** A listing newest first, as a store seeks it, remembering what it was asked. */
  static final class Listed implements Paging.Rows<PageKey> {
    final List<PageKey> rows;
    final List<Asked> asked = new ArrayList<>();

    Listed(List<PageKey> rows) {
      this.rows = rows;
    }

    @Override
    public List<PageKey> read(Optional<PageKey> after, int limit) {
      asked.add(new Asked(after, limit));
      return rows.stream().filter(k -> after.map(a -> k.compareTo(a) < 0).orElse(true)).limit(limit)
          .collect(Collectors.toList());
    }
  }
}
