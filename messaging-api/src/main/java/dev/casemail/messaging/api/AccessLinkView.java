package dev.casemail.messaging.api;

import java.util.List;
import org.immutables.value.Value;

/**
 * Professional access between one practitioner and one parent: its status now and its whole history,
 * oldest first, across every request ever made between the two.
 */
@Value.Immutable
public abstract class AccessLinkView {

  AccessLinkView() {}

/** The practitioner side. */
public abstract ParticipantView practitioner();

/** The parent side. */
public abstract ParticipantView parent();

/** The status now. */
public abstract AccessStatus status();

/** Who made the latest request. */
public abstract ParticipantId requestedBy();

/** Every change, oldest first; the last one is the current status. */
public abstract List<AccessEvent> history();

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
