package dev.casemail.messaging.api;

import org.immutables.value.Value;

/**
 * Registers a participant with the library; the host owns identities and authentication, the library
 * keeps the mailbox. Registration creates the participant's mailbox with its system folders.
 */
@Value.Immutable
public abstract class ParticipantRegistration {

  ParticipantRegistration() {}

  /**
   * The host's id for the participant: no whitespace, control, bidirectional or
   * {@linkplain InputRules#isInvisible invisible} character, so that it never looks like another.
   */
  public abstract ParticipantId id();

  /** Practitioner or parent. */
  public abstract ParticipantRole role();

  /** The name others see, 1 to {@value InputRules#MAX_DISPLAY_NAME_LENGTH} characters, trimmed. */
  public abstract String displayName();

  /** Registers a practitioner. @throws InvalidInputException if an argument breaks a rule */
  public static ParticipantRegistration practitioner(ParticipantId id, String displayName) {
    return builder().id(id).role(ParticipantRole.PRACTITIONER).displayName(displayName).build();
  }

  /** Registers a parent. @throws InvalidInputException if an argument breaks a rule */
  public static ParticipantRegistration parent(ParticipantId id, String displayName) {
    return builder().id(id).role(ParticipantRole.PARENT).displayName(displayName).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  ParticipantRegistration check() {
    InputRules.id("id", InputRules.required("id", id()).value(), InputRules.MAX_ID_LENGTH);
    InputRules.required("role", role());
    String name = InputRules.singleLine("displayName", displayName(), InputRules.MAX_DISPLAY_NAME_LENGTH);
    return name.equals(displayName()) ? this : new ImmutableParticipantRegistration.Builder().from(this).displayName(name).build();
  }

  /**
   * Builds a {@link ParticipantRegistration}. Every method refuses a null with an
   * {@link InvalidInputException} naming the field; {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableParticipantRegistration.Builder values = new ImmutableParticipantRegistration.Builder();

    /** An empty builder, as {@link ParticipantRegistration#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code registration}. @throws InvalidInputException if it is null */
    public Builder from(ParticipantRegistration registration) {
      values.from(InputRules.required("registration", registration));
      return this;
    }

    /** Sets the participant's id. @throws InvalidInputException if it is null */
    public Builder id(ParticipantId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Sets the participant's role. @throws InvalidInputException if it is null */
    public Builder role(ParticipantRole role) {
      values.role(InputRules.required("role", role));
      return this;
    }

    /** Sets the name others see. @throws InvalidInputException if it is null */
    public Builder displayName(String displayName) {
      values.displayName(InputRules.required("displayName", displayName));
      return this;
    }

    /** The registration. @throws InvalidInputException if a rule is broken */
    public ParticipantRegistration build() {
      return values.build();
    }
  }
}
