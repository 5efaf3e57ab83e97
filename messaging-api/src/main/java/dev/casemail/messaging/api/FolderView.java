package dev.casemail.messaging.api;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A folder of the acting participant's mailbox with its counts.
 */
@Value.Immutable
public abstract class FolderView {

  FolderView() {}

/** Its id. */
public abstract FolderId id();

/** Its name: the system folder's name, or the custom name the owner gave it. */
public abstract String name();

/** Which system folder it is; empty for a custom folder. */
public abstract Optional<SystemFolder> system();

/** How many messages (in Drafts: drafts) it holds. */
public abstract long total();

/** How many of them the owner has not opened. */
public abstract long unread();

/** Whether the owner created it (and may rename or delete it). */
public boolean isCustom() {
  return system().isEmpty();
}

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link FolderView}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableFolderView.Builder values = new ImmutableFolderView.Builder();

    /** An empty builder, as {@link FolderView#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code folderView}. @throws InvalidInputException if it is null */
    public Builder from(FolderView folderView) {
      values.from(InputRules.required("folderView", folderView));
      return this;
    }

    /** Sets {@link FolderView#id()}. @throws InvalidInputException if it is null */
    public Builder id(FolderId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Sets {@link FolderView#name()}. @throws InvalidInputException if it is null */
    public Builder name(String name) {
      values.name(InputRules.required("name", name));
      return this;
    }

    /** Sets {@link FolderView#system()}; null means absent. */
    public Builder system(SystemFolder system) {
      values.system(system);
      return this;
    }

    /** Sets or clears {@link FolderView#system()}. @throws InvalidInputException if the optional itself is null */
    public Builder system(Optional<? extends SystemFolder> system) {
      values.system(Arguments.optional("system", system));
      return this;
    }

    /** Sets {@link FolderView#total()}. */
    public Builder total(long total) {
      values.total(total);
      return this;
    }

    /** Sets {@link FolderView#unread()}. */
    public Builder unread(long unread) {
      values.unread(unread);
      return this;
    }

    /** The folderView. */
    public FolderView build() {
      return values.build();
    }
  }
}
