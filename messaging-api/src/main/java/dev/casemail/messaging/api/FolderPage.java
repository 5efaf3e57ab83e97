package dev.casemail.messaging.api;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of a folder, newest first (by sent time, then id), with the folder's counts.
 */
@Value.Immutable
public abstract class FolderPage {

  FolderPage() {}

/** The folder with its total and unread counts. */
public abstract FolderView folder();

/** The messages of this page, newest first. */
public abstract List<MessageSummary> items();

/** Where the next page starts; empty on the last page. */
public abstract Optional<PageCursor> next();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link FolderPage}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableFolderPage.Builder values = new ImmutableFolderPage.Builder();

    /** An empty builder, as {@link FolderPage#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code folderPage}. @throws InvalidInputException if it is null */
    public Builder from(FolderPage folderPage) {
      values.from(InputRules.required("folderPage", folderPage));
      return this;
    }

    /** Sets {@link FolderPage#folder()}. @throws InvalidInputException if it is null */
    public Builder folder(FolderView folder) {
      values.folder(InputRules.required("folder", folder));
      return this;
    }

    /** Adds one to {@link FolderPage#items()}. @throws InvalidInputException if it is null */
    public Builder addItems(MessageSummary element) {
      values.addItems(Arguments.element("items", element));
      return this;
    }

    /** Adds to {@link FolderPage#items()}. @throws InvalidInputException if the array or an element is null */
    public Builder addItems(MessageSummary... items) {
      values.addAllItems(Arguments.elements("items", items));
      return this;
    }

    /** Sets {@link FolderPage#items()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder items(Iterable<? extends MessageSummary> items) {
      values.items(Arguments.elements("items", items));
      return this;
    }

    /** Adds to {@link FolderPage#items()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllItems(Iterable<? extends MessageSummary> items) {
      values.addAllItems(Arguments.elements("items", items));
      return this;
    }

    /** Sets {@link FolderPage#next()}; null means absent. */
    public Builder next(PageCursor next) {
      values.next(next);
      return this;
    }

    /** Sets or clears {@link FolderPage#next()}. @throws InvalidInputException if the optional itself is null */
    public Builder next(Optional<? extends PageCursor> next) {
      values.next(Arguments.optional("next", next));
      return this;
    }

    /** The folderPage. */
    public FolderPage build() {
      return values.build();
    }
  }
}
