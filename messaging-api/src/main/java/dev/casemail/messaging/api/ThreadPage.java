package dev.casemail.messaging.api;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of a conversation as the acting participant holds it, oldest first.
 */
@Value.Immutable
public abstract class ThreadPage {

  ThreadPage() {}

/** The conversation. */
public abstract ThreadId thread();

/** The actor's copies in it, oldest first (by sent time, then id). */
public abstract List<MessageSummary> items();

/** Where the next page starts; empty on the last page. */
public abstract Optional<PageCursor> next();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link ThreadPage}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableThreadPage.Builder values = new ImmutableThreadPage.Builder();

    /** An empty builder, as {@link ThreadPage#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code threadPage}. @throws InvalidInputException if it is null */
    public Builder from(ThreadPage threadPage) {
      values.from(InputRules.required("threadPage", threadPage));
      return this;
    }

    /** Sets {@link ThreadPage#thread()}. @throws InvalidInputException if it is null */
    public Builder thread(ThreadId thread) {
      values.thread(InputRules.required("thread", thread));
      return this;
    }

    /** Adds one to {@link ThreadPage#items()}. @throws InvalidInputException if it is null */
    public Builder addItems(MessageSummary element) {
      values.addItems(Arguments.element("items", element));
      return this;
    }

    /** Adds to {@link ThreadPage#items()}. @throws InvalidInputException if the array or an element is null */
    public Builder addItems(MessageSummary... items) {
      values.addAllItems(Arguments.elements("items", items));
      return this;
    }

    /** Sets {@link ThreadPage#items()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder items(Iterable<? extends MessageSummary> items) {
      values.items(Arguments.elements("items", items));
      return this;
    }

    /** Adds to {@link ThreadPage#items()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllItems(Iterable<? extends MessageSummary> items) {
      values.addAllItems(Arguments.elements("items", items));
      return this;
    }

    /** Sets {@link ThreadPage#next()}; null means absent. */
    public Builder next(PageCursor next) {
      values.next(next);
      return this;
    }

    /** Sets or clears {@link ThreadPage#next()}. @throws InvalidInputException if the optional itself is null */
    public Builder next(Optional<? extends PageCursor> next) {
      values.next(Arguments.optional("next", next));
      return this;
    }

    /** The threadPage. */
    public ThreadPage build() {
      return values.build();
    }
  }
}
