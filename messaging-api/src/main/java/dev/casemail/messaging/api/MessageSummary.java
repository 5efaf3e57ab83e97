package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A message as a folder page or a thread lists it: everything but the body, plus a short preview.
 * Listing never counts as opening.
 */
@Value.Immutable
public abstract class MessageSummary {

  MessageSummary() {}

/** The message's id. */
public abstract MessageId id();

/** Its conversation. */
public abstract ThreadId thread();

/** Personal, auto-reply, or a system message. */
public abstract MessageKind kind();

/** Whether the actor sent or received it. */
public abstract Direction direction();

/** Who wrote it; empty for a system message. */
public abstract Optional<ParticipantView> sender();

/** Its recipients. */
public abstract List<ParticipantView> recipients();

/** The subject. */
public abstract String subject();

/** The start of the body on one line, at most 120 characters. */
public abstract String preview();

/** When it was sent. */
public abstract Instant sentAt();

/** The real folder the actor's copy is in now. */
public abstract FolderId folder();

/** As {@link MessageView#openedAt()}. */
public abstract Optional<Instant> openedAt();

/** Whether the actor has not opened their copy yet. */
public boolean unread() {
  return openedAt().isEmpty();
}

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MessageSummary}. */
  public static final class Builder extends ImmutableMessageSummary.Builder {}
}
