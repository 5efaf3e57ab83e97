package dev.casemail.messaging.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Thrown when the access policy does not allow what was asked: messaging a participant without
 * access (the exception names every such recipient, and nothing was sent), or a request from a
 * requester who was blocked.
 */
public final class AccessDeniedException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final Set<ParticipantId> participants;

  /**
   * @param message what was refused
   * @param participants the participants the refusal concerns (for a send: every recipient not allowed)
   */
  public AccessDeniedException(String message, Set<ParticipantId> participants) {
    super(message);
    this.participants = Collections.unmodifiableSet(new LinkedHashSet<>(participants));
  }

  /** The participants the refusal concerns, in the order they were given; for a send, the denied recipients. */
  public Set<ParticipantId> participants() {
    return participants;
  }
}
