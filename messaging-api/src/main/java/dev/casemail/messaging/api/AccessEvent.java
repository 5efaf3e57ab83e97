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

  /**
   * Builds a {@link AccessEvent}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableAccessEvent.Builder values = new ImmutableAccessEvent.Builder();

    /** An empty builder, as {@link AccessEvent#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code accessEvent}. @throws InvalidInputException if it is null */
    public Builder from(AccessEvent accessEvent) {
      values.from(InputRules.required("accessEvent", accessEvent));
      return this;
    }

    /** Sets {@link AccessEvent#status()}. @throws InvalidInputException if it is null */
    public Builder status(AccessStatus status) {
      values.status(InputRules.required("status", status));
      return this;
    }

    /** Sets {@link AccessEvent#actor()}. @throws InvalidInputException if it is null */
    public Builder actor(ParticipantId actor) {
      values.actor(InputRules.required("actor", actor));
      return this;
    }

    /** Sets {@link AccessEvent#at()}. @throws InvalidInputException if it is null */
    public Builder at(Instant at) {
      values.at(InputRules.required("at", at));
      return this;
    }

    /** The accessEvent. */
    public AccessEvent build() {
      return values.build();
    }
  }
}
