package dev.casemail.messaging.api;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of the Drafts folder, most recently saved first.
 */
@Value.Immutable
public abstract class DraftPage {

  DraftPage() {}

/** The drafts of this page. */
public abstract List<DraftView> items();

/** Where the next page starts; empty on the last page. */
public abstract Optional<PageCursor> next();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DraftPage}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableDraftPage.Builder values = new ImmutableDraftPage.Builder();

    /** An empty builder, as {@link DraftPage#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code draftPage}. @throws InvalidInputException if it is null */
    public Builder from(DraftPage draftPage) {
      values.from(InputRules.required("draftPage", draftPage));
      return this;
    }

    /** Adds one to {@link DraftPage#items()}. @throws InvalidInputException if it is null */
    public Builder addItems(DraftView element) {
      values.addItems(Arguments.element("items", element));
      return this;
    }

    /** Adds to {@link DraftPage#items()}. @throws InvalidInputException if the array or an element is null */
    public Builder addItems(DraftView... items) {
      values.addAllItems(Arguments.elements("items", items));
      return this;
    }

    /** Sets {@link DraftPage#items()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder items(Iterable<? extends DraftView> items) {
      values.items(Arguments.elements("items", items));
      return this;
    }

    /** Adds to {@link DraftPage#items()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllItems(Iterable<? extends DraftView> items) {
      values.addAllItems(Arguments.elements("items", items));
      return this;
    }

    /** Sets {@link DraftPage#next()}; null means absent. */
    public Builder next(PageCursor next) {
      values.next(next);
      return this;
    }

    /** Sets or clears {@link DraftPage#next()}. @throws InvalidInputException if the optional itself is null */
    public Builder next(Optional<? extends PageCursor> next) {
      values.next(Arguments.optional("next", next));
      return this;
    }

    /** The draftPage. */
    public DraftPage build() {
      return values.build();
    }
  }
}
