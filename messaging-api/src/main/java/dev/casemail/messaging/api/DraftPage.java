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

  /** Builds a {@link DraftPage}. */
  public static final class Builder extends ImmutableDraftPage.Builder {}
}
