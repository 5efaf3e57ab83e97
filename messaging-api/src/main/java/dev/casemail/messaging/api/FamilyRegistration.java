package dev.casemail.messaging.api;

import java.util.Set;
import org.immutables.value.Value;

/**
 * Registers a family (a case): the parents of one family, 1 to
 * {@value InputRules#MAX_PARENTS_PER_FAMILY} of them. Parents must already be registered; a parent
 * may belong to several families. Under the default access policy parents who share a family may
 * message each other.
 */
@Value.Immutable
public abstract class FamilyRegistration {

  FamilyRegistration() {}

  /**
   * The host's id for the family: no whitespace, control, bidirectional or
   * {@linkplain InputRules#isInvisible invisible} character, so that it never looks like another.
   */
  public abstract FamilyId id();

  /** The family's name as the recipient chooser shows it, trimmed. */
  public abstract String name();

  /** The parents of the family. */
  public abstract Set<ParticipantId> parents();

  /** Registers a family. @throws InvalidInputException if an argument breaks a rule */
  public static FamilyRegistration of(FamilyId id, String name, Set<ParticipantId> parents) {
    return builder().id(id).name(name).parents(parents).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  FamilyRegistration check() {
    InputRules.id("id", InputRules.required("id", id()).value(), InputRules.MAX_ID_LENGTH);
    InputRules.size("parents", parents(), 1, InputRules.MAX_PARENTS_PER_FAMILY);
    String name = InputRules.singleLine("name", name(), InputRules.MAX_DISPLAY_NAME_LENGTH);
    return name.equals(name()) ? this : new ImmutableFamilyRegistration.Builder().from(this).name(name).build();
  }

  /**
   * Builds a {@link FamilyRegistration}. Every method refuses a null with an {@link InvalidInputException}
   * naming the field and leaves the builder as it was; {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableFamilyRegistration.Builder values = new ImmutableFamilyRegistration.Builder();

    /** An empty builder, as {@link FamilyRegistration#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code registration}. @throws InvalidInputException if it is null */
    public Builder from(FamilyRegistration registration) {
      values.from(InputRules.required("registration", registration));
      return this;
    }

    /** Sets the family's id. @throws InvalidInputException if it is null */
    public Builder id(FamilyId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Sets the family's name. @throws InvalidInputException if it is null */
    public Builder name(String name) {
      values.name(InputRules.required("name", name));
      return this;
    }

    /** Adds a parent. @throws InvalidInputException if it is null */
    public Builder addParents(ParticipantId parent) {
      values.addParents(Arguments.element("parents", parent));
      return this;
    }

    /** Adds parents. @throws InvalidInputException if the array or one of them is null */
    public Builder addParents(ParticipantId... parents) {
      values.addAllParents(Arguments.elements("parents", parents));
      return this;
    }

    /** Sets the parents, replacing any added before. @throws InvalidInputException if they or one of them is null */
    public Builder parents(Iterable<? extends ParticipantId> parents) {
      values.parents(Arguments.elements("parents", parents));
      return this;
    }

    /** Adds parents. @throws InvalidInputException if they or one of them is null */
    public Builder addAllParents(Iterable<? extends ParticipantId> parents) {
      values.addAllParents(Arguments.elements("parents", parents));
      return this;
    }

    /** The registration. @throws InvalidInputException if a rule is broken */
    public FamilyRegistration build() {
      return values.build();
    }
  }
}
