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
    return new ImmutablePageRequest.Builder().from(this).after(InputRules.required("cursor", cursor)).build();
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

  /**
   * Builds a {@link PageRequest}. {@link #from} and {@link #after(Optional)} refuse a null with an
   * {@link InvalidInputException} naming the field; {@link #after(PageCursor)} takes null as "the
   * first page"; {@link #build()} checks the size.
   */
  public static final class Builder {
    private final ImmutablePageRequest.Builder values = new ImmutablePageRequest.Builder();

    /** An empty builder, as {@link PageRequest#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code page}. @throws InvalidInputException if it is null */
    public Builder from(PageRequest page) {
      values.from(InputRules.required("page", page));
      return this;
    }

    /** Sets how many items at most. */
    public Builder size(int size) {
      values.size(size);
      return this;
    }

    /** Sets where the page continues; null means the first page. */
    public Builder after(PageCursor after) {
      values.after(after);
      return this;
    }

    /** Sets or clears where the page continues. @throws InvalidInputException if the optional itself is null */
    public Builder after(Optional<? extends PageCursor> after) {
      values.after(Arguments.optional("after", after));
      return this;
    }

    /** The request. @throws InvalidInputException if the size is out of range */
    public PageRequest build() {
      return values.build();
    }
  }
}
