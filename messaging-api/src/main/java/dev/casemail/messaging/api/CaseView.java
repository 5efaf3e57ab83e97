package dev.casemail.messaging.api;

import java.util.List;
import org.immutables.value.Value;

/**
 * A family in the acting participant's My Cases: for a practitioner every family with a parent they
 * have an access link with (so the other parent of a family can be asked for access too), for a parent
 * every family they belong to.
 */
@Value.Immutable
public abstract class CaseView {

  CaseView() {}

/** The family. */
public abstract FamilyId family();

/** The family's name. */
public abstract String name();

/** Its parents with the acting practitioner's access status, ordered by display name. */
public abstract List<CaseMember> members();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CaseView}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableCaseView.Builder values = new ImmutableCaseView.Builder();

    /** An empty builder, as {@link CaseView#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code caseView}. @throws InvalidInputException if it is null */
    public Builder from(CaseView caseView) {
      values.from(InputRules.required("caseView", caseView));
      return this;
    }

    /** Sets {@link CaseView#family()}. @throws InvalidInputException if it is null */
    public Builder family(FamilyId family) {
      values.family(InputRules.required("family", family));
      return this;
    }

    /** Sets {@link CaseView#name()}. @throws InvalidInputException if it is null */
    public Builder name(String name) {
      values.name(InputRules.required("name", name));
      return this;
    }

    /** Adds one to {@link CaseView#members()}. @throws InvalidInputException if it is null */
    public Builder addMembers(CaseMember element) {
      values.addMembers(Arguments.element("members", element));
      return this;
    }

    /** Adds to {@link CaseView#members()}. @throws InvalidInputException if the array or an element is null */
    public Builder addMembers(CaseMember... members) {
      values.addAllMembers(Arguments.elements("members", members));
      return this;
    }

    /** Sets {@link CaseView#members()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder members(Iterable<? extends CaseMember> members) {
      values.members(Arguments.elements("members", members));
      return this;
    }

    /** Adds to {@link CaseView#members()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllMembers(Iterable<? extends CaseMember> members) {
      values.addAllMembers(Arguments.elements("members", members));
      return this;
    }

    /** The caseView. */
    public CaseView build() {
      return values.build();
    }
  }
}
