package dev.casemail.messaging.api;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A parent of a case as the acting participant sees them in My Cases.
 */
@Value.Immutable
public abstract class CaseMember {

  CaseMember() {}

  /** The parent. */
  public abstract ParticipantView parent();

  /**
   * For a practitioner: the status of their access link with this parent, empty if they never asked.
   * For a parent: always empty.
   */
  public abstract Optional<AccessStatus> access();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CaseMember}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableCaseMember.Builder values = new ImmutableCaseMember.Builder();

    /** An empty builder, as {@link CaseMember#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code caseMember}. @throws InvalidInputException if it is null */
    public Builder from(CaseMember caseMember) {
      values.from(InputRules.required("caseMember", caseMember));
      return this;
    }

    /** Sets {@link CaseMember#parent()}. @throws InvalidInputException if it is null */
    public Builder parent(ParticipantView parent) {
      values.parent(InputRules.required("parent", parent));
      return this;
    }

    /** Sets {@link CaseMember#access()}; null means absent. */
    public Builder access(AccessStatus access) {
      values.access(access);
      return this;
    }

    /** Sets or clears {@link CaseMember#access()}. @throws InvalidInputException if the optional itself is null */
    public Builder access(Optional<? extends AccessStatus> access) {
      values.access(Arguments.optional("access", access));
      return this;
    }

    /** The caseMember. */
    public CaseMember build() {
      return values.build();
    }
  }
}
