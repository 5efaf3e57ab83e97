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

  /** Builds a {@link FolderPage}. */
  public static final class Builder extends ImmutableFolderPage.Builder {}
}
