package dev.casemail.messaging.api;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which page of a listing to read: a size from 1 to {@value InputRules#MAX_PAGE_SIZE} (default 50)
 * and, for every page after the first, the cursor the previous page returned.
 */
@Value.Immutable
public abstract class PageRequest {

  /** The default page size. */
  public static final int DEFAULT_SIZE = 50;

  PageRequest() {}

  /** How many items at most. */
  @Value.Default
  public int size() {
    return DEFAULT_SIZE;
  }

  /** Continue after this cursor; empty for the first page. */
  public abstract Optional<PageCursor> after();

  /** The first page with the default size. */
  public static PageRequest first() {
    return builder().build();
  }

  /** The first page with this size. @throws InvalidInputException if the size is out of range */
  public static PageRequest first(int size) {
    return builder().size(size).build();
  }

  /** The page after {@code cursor}, with this request's size. */
  public PageRequest next(PageCursor cursor) {
    return new Builder().from(this).after(InputRules.required("cursor", cursor)).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (size() < 1 || size() > InputRules.MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "size", "must be from 1 to " + InputRules.MAX_PAGE_SIZE + " (was " + size() + ")");
    }
  }

  /** Builds a {@link PageRequest}. */
  public static final class Builder extends ImmutablePageRequest.Builder {}
}
