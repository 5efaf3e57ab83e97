package dev.casemail.messaging.api;

import java.util.List;
import org.immutables.value.Value;

/**
 * Professional access between one practitioner and one parent: its status now and its history, oldest
 * first, across every request ever made between the two. Listings carry the latest
 * {@value #LISTED_EVENTS} events of each link, so that they cost the same however long a history
 * grows; {@link ParticipantMessaging#accessLink(ParticipantId)} gives one link with all of them.
 */
@Value.Immutable
public abstract class AccessLinkView {

  /** How many of a link's latest events a listing or a lifecycle step returns. */
  public static final int LISTED_EVENTS = 20;

  AccessLinkView() {}

  /** The practitioner side. */
  public abstract ParticipantView practitioner();

  /** The parent side. */
  public abstract ParticipantView parent();

  /** The status now. */
  public abstract AccessStatus status();

  /** Who made the latest request. */
  public abstract ParticipantId requestedBy();

  /**
   * The changes, oldest first; the last one is the current status. All of them from
   * {@link ParticipantMessaging#accessLink(ParticipantId)}; the latest {@value #LISTED_EVENTS} at most
   * elsewhere ({@link #eventCount()} tells how many there are in all).
   */
  public abstract List<AccessEvent> history();

  /** How many changes the link has had in all; {@link #history()} holds the latest of them. */
  @Value.Default
  public int eventCount() {
    return history().size();
  }

  /** Whether {@link #history()} holds every change the link has had. */
  public boolean isCompleteHistory() {
    return history().size() == eventCount();
  }

  /** The other side, seen from {@code participant}. */
  public ParticipantView counterpartOf(ParticipantId participant) {
    return practitioner().id().equals(participant) ? parent() : practitioner();
  }

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AccessLinkView}. */
  public static final class Builder extends ImmutableAccessLinkView.Builder {}
}
