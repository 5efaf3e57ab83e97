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

  /** Builds a {@link FolderView}. */
  public static final class Builder extends ImmutableFolderView.Builder {}
}
