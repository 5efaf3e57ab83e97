package dev.casemail.messaging.api;

import java.util.List;
import org.immutables.value.Value;

/**
 * A family (a case) and its parents.
 */
@Value.Immutable
public abstract class FamilyView {

  FamilyView() {}

  /** The host's id of the family. */
  public abstract FamilyId id();

  /** The family's name. */
  public abstract String name();

  /** Its parents, ordered by display name. */
  public abstract List<ParticipantView> parents();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link FamilyView}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableFamilyView.Builder values = new ImmutableFamilyView.Builder();

    /** An empty builder, as {@link FamilyView#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code familyView}. @throws InvalidInputException if it is null */
    public Builder from(FamilyView familyView) {
      values.from(InputRules.required("familyView", familyView));
      return this;
    }

    /** Sets {@link FamilyView#id()}. @throws InvalidInputException if it is null */
    public Builder id(FamilyId id) {
      values.id(InputRules.required("id", id));
      return this;
    }

    /** Sets {@link FamilyView#name()}. @throws InvalidInputException if it is null */
    public Builder name(String name) {
      values.name(InputRules.required("name", name));
      return this;
    }

    /** Adds one to {@link FamilyView#parents()}. @throws InvalidInputException if it is null */
    public Builder addParents(ParticipantView element) {
      values.addParents(Arguments.element("parents", element));
      return this;
    }

    /** Adds to {@link FamilyView#parents()}. @throws InvalidInputException if the array or an element is null */
    public Builder addParents(ParticipantView... parents) {
      values.addAllParents(Arguments.elements("parents", parents));
      return this;
    }

    /** Sets {@link FamilyView#parents()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder parents(Iterable<? extends ParticipantView> parents) {
      values.parents(Arguments.elements("parents", parents));
      return this;
    }

    /** Adds to {@link FamilyView#parents()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllParents(Iterable<? extends ParticipantView> parents) {
      values.addAllParents(Arguments.elements("parents", parents));
      return this;
    }

    /** The familyView. */
    public FamilyView build() {
      return values.build();
    }
  }
}
