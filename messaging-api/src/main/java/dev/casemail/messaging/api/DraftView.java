package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A draft in its owner's Drafts folder.
 */
@Value.Immutable
public abstract class DraftView {

  DraftView() {}

/** Its id. */
public abstract DraftId id();

/** Recipients so far. */
public abstract List<ParticipantId> recipients();

/** Subject so far. */
public abstract Optional<String> subject();

/** Body so far. */
public abstract String body();

/** The message it answers, if any. */
public abstract Optional<MessageId> inReplyTo();

/** When it was first saved. */
public abstract Instant createdAt();

/** When it was last saved. */
public abstract Instant updatedAt();

/** Increases with every save; pass it to an update to detect a change made meanwhile. */
public abstract long version();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DraftView}. */
  public static final class Builder extends ImmutableDraftView.Builder {}
}
