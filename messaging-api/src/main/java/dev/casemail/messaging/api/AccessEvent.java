package dev.casemail.messaging.api;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * One step in the history of an access link: who moved it to which status, and when.
 */
@Value.Immutable
public abstract class AccessEvent {

  AccessEvent() {}

  /** The status the link entered. */
  public abstract AccessStatus status();

  /** Who made the change. */
  public abstract ParticipantId actor();

  /** When. */
  public abstract Instant at();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AccessEvent}. */
  public static final class Builder extends ImmutableAccessEvent.Builder {}
}
