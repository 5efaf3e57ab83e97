package dev.casemail.messaging.api;


import org.immutables.value.Value;

/**
 * A participant as others see them.
 */
@Value.Immutable
public abstract class ParticipantView {

  ParticipantView() {}

  /** Their id. */
  public abstract ParticipantId id();

  /** Practitioner or parent. */
  public abstract ParticipantRole role();

  /** Their display name. */
  public abstract String displayName();

  /** A participant view. */
  public static ParticipantView of(ParticipantId id, ParticipantRole role, String displayName) {
    return builder().id(id).role(role).displayName(displayName).build();
  }

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link ParticipantView}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableParticipantView.Builder values = new ImmutableParticipantView.Builder();

    /** An empty builder, as {@link ParticipantView#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code participantView}. @throws InvalidInputException if it is null */
    public Builder from(ParticipantView participantView) {
      values.from(InputRules.required("participantView", participantView));
      return this;
    }

    /** Sets {@link ParticipantView#id()}. @throws InvalidInputException if it is null */
    public Builder id(ParticipantId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Sets {@link ParticipantView#role()}. @throws InvalidInputException if it is null */
    public Builder role(ParticipantRole role) {
      values.role(InputRules.required("role", role));
      return this;
    }

    /** Sets {@link ParticipantView#displayName()}. @throws InvalidInputException if it is null */
    public Builder displayName(String displayName) {
      values.displayName(InputRules.required("displayName", displayName));
      return this;
    }

    /** The participantView. */
    public ParticipantView build() {
      return values.build();
    }
  }
}
