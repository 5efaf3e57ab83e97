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

  /** Builds a {@link ThreadPage}. */
  public static final class Builder extends ImmutableThreadPage.Builder {}
}
